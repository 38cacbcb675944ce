//! `wrong-actor`: the wrong party to an action (who invited, withdrew,
//! presented, increased, insisted...). The reading is in `party.rs`.

use super::Ctx;
use crate::finding::{Code, Finding};

pub fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    super::shared::party::check(ctx, Code::WrongActor, out);
    super::shared::terms::term_checks(ctx, Code::WrongActor, out);
}
