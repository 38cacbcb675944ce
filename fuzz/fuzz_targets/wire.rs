//! The language server's guard on one message body: duplicated keys, lone
//! surrogates, invalid UTF-8, anything (see `harness::exercise_wire`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimlint_fuzz::harness::exercise_wire(data);
});
