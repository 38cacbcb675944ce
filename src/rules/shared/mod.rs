//! What several rules share; none of it is a rule of its own.

pub mod party;
pub mod subject;
pub mod table;
pub mod terms;
pub mod voice;
