//! Go to definition: a section reference opens the article at the section's
//! heading; an entity, a quotation, a date or a claim-bearing phrase opens it
//! at the passage.

use super::config::World;
use super::diagnostics::{article_location, Analysis};
use crate::insight;
use crate::position::Encoding;
use tower_lsp::lsp_types::{GotoDefinitionResponse, Location, Position};

pub fn definition(world: &World, an: &Analysis, pos: Position, enc: Encoding) -> Option<GotoDefinitionResponse> {
    if !an.checked {
        return None;
    }
    let at = an.conv(enc).offset(pos)?;
    let s = an.sentence_at(at)?;
    let spot = insight::spot_in(&world.engine, an.text(), an.masked(), &s, at)?;
    let span = insight::passage(&world.engine, &spot)?;
    let location: Location = article_location(world, span.range, enc)?;
    Some(GotoDefinitionResponse::Scalar(location))
}
