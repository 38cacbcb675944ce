//! The note reader, the checker and every language-server feature on
//! arbitrary bytes (UTF-8 where valid, lossy otherwise).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimlint_fuzz::harness::exercise_note(claimlint_fuzz::world(), data);
});
