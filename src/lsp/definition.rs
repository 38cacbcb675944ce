//! Go to definition: a section reference opens the article at the section's
//! heading; an entity, a quotation, a date or a claim-bearing phrase opens it
//! at the passage. A flagged quotation opens the passage its finding names
//! (a misquote's: the words the message gives), as does any flagged span
//! nothing else leads from.

use super::config::World;
use super::diagnostics::{article_location, Analysis};
use crate::insight::{self, Subject};
use crate::position::Encoding;
use tower_lsp::lsp_types::{GotoDefinitionResponse, Location, Position};

pub fn definition(world: &World, an: &Analysis, pos: Position, enc: Encoding) -> Option<GotoDefinitionResponse> {
    if !an.checked {
        return None;
    }
    let at = an.conv(enc).offset(pos)?;
    let flagged = (an.findings.iter())
        .filter(|f| f.range.start <= at && at <= f.range.end)
        .find_map(|f| f.article.clone());
    let spot = (an.sentence_at(at)).and_then(|s| insight::spot_in(&world.engine, an.text(), an.masked(), &s, at));
    let span = match spot {
        Some(spot) if !matches!(spot.subject, Subject::Quote { .. }) || flagged.is_none() => {
            insight::passage(&world.engine, &spot).or(flagged)?
        }
        _ => flagged?,
    };
    let location: Location = article_location(world, span.range, enc)?;
    Some(GotoDefinitionResponse::Scalar(location))
}
