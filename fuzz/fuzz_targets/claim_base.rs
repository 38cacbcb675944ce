//! The claim-base loader (and the settings-file parser) on arbitrary files,
//! with and without the article; a base that loads checks the sample note.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimlint_fuzz::harness::exercise_claim_base(data, claimlint_fuzz::article_text());
});
