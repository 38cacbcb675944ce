//! The claim-base audit's probe sentences (`../shared/reviews/claim-base-audit.md`,
//! P1-P21 and R1-R7): each must behave as the article supports. Most are
//! true, or about something the article does not settle, and must raise no
//! error or warning (at most an `unsupported` hint); a few are false and must
//! be flagged. Needs the real article (quotations of its prose are checked
//! against it); skipped without it unless CLAIMLINT_REQUIRE_ARTICLE is set.

use claimlint::finding::Certainty;
use claimlint::{Code, Engine};
use std::sync::OnceLock;

fn engine() -> Option<&'static Engine> {
    static E: OnceLock<Option<Engine>> = OnceLock::new();
    E.get_or_init(|| crate::common::article().map(|a| Engine::new(claimlint::claims::bundled(), Some(a))))
        .as_ref()
}

fn flagged(sentence: &str) -> Option<Vec<(Code, Option<String>)>> {
    let e = engine()?;
    Some(
        e.check(&format!("- {sentence}\n"))
            .into_iter()
            // (read as certain or likely: the readings, whatever severity
            // the policy shows them at)
            .filter(|f| f.certainty != Certainty::Possible && f.code != Code::Unsupported)
            .map(|f| (f.code, f.claim.as_deref().map(String::from)))
            .collect(),
    )
}

/// Supported by the article, or not contradicted by it: no error or warning.
fn quiet(id: &str, sentence: &str) {
    if let Some(got) = flagged(sentence) {
        assert!(got.is_empty(), "{id} {sentence:?}: expected nothing, got {got:?}");
    }
}

fn fires(id: &str, code: Code, sentence: &str) {
    if let Some(got) = flagged(sentence) {
        assert!(
            got.iter().any(|g| g.0 == code),
            "{id} {sentence:?}: expected {code}, got {got:?}"
        );
    }
}

#[test]
fn outside_knowledge_is_not_contradicted() {
    // The article credits the saying to no one; Bismarck is outside knowledge.
    quiet("P1", "As Bismarck said, politics is the art of the possible.");
    quiet(
        "R6",
        "Politics, as Otto von Bismarck put it, is the art of the possible.",
    );
    // "On Putin's watch" does not deny that Medvedev was president in 2009.
    quiet(
        "P2",
        "The 2009 enlargement came during Medvedev's presidency, not Putin's.",
    );
    // The article says Russia can prevent it; it says nothing of Hungary.
    quiet("P17", "Ukraine will not join NATO as long as Hungary can block it.");
    quiet(
        "R7",
        "Ukraine's membership of NATO would need the consent of all members, including Hungary, so Ukraine will not join as long as any ally can block it.",
    );
    // The article names the Baltic battalions; it does not exclude Poland.
    quiet("P19", "NATO battalions are stationed in Poland and the Baltics.");
    quiet("P18", "Russia's joint exercise with Belarus was planned in Minsk.");
}

#[test]
fn open_lists_take_more_members() {
    // "such as", "and so on", "a range ... from ... to", "in the last twenty years alone".
    quiet(
        "P7",
        "Putin wanted Moscow and Washington to join forces against global challenges such as climate change.",
    );
    quiet(
        "P8",
        "NATO in Ukraine could take the form of offensive weapons, military bases, advisers and training missions.",
    );
    quiet(
        "P9",
        "Putin's advisers are likely to propose a range of measures, from the threat of force to much closer cooperation with Belarus and Iran.",
    );
    quiet(
        "P14",
        "In the last twenty years the United States has withdrawn from the INF Treaty, the Open Skies Treaty and the Paris Agreement.",
    );
    // ... but not what the article itself rules out: the CFE Treaty was
    // shelved because NATO countries did not ratify it (line 67).
    fires(
        "open list, excluded item",
        Code::WrongList,
        "Over twenty years the US withdrew from the ABM Treaty, the INF Treaty, the Open Skies Treaty and the CFE Treaty.",
    );
    // A closed list still refuses an extra member.
    fires(
        "closed list",
        Code::WrongList,
        "The 2009 wave: Croatia, Albania and Montenegro.",
    );
}

#[test]
fn units_and_opposites_are_not_over_broad() {
    quiet("P3", "Moscow presented a draft treaty and one draft agreement.");
    // The third demand may have been put forward to be retracted (line 69).
    quiet("P4", "The author suggests the third demand may be negotiable.");
    // A zero-sum game is not the opposite of a power play.
    quiet("P5", "Major power relations remain essentially a zero-sum game.");
    // "No breakthrough" is not "no success": the article calls the tactic an initial success.
    quiet(
        "P6",
        "The talks were a partial success for Moscow: the US sat down to discuss European security.",
    );
    // Geneva, then two sessions: sessions are not cities.
    quiet(
        "P11",
        "The first round took place in Geneva, followed by two sessions, in Brussels and Vienna.",
    );
    // The reunification talks came as the Cold War ended: a near-paraphrase.
    quiet(
        "P12",
        "For the first time since the end of the Cold War, the US sat down with Russia to discuss European security.",
    );
    // Two conditions (the second double) is a fair reading of line 13; they are not the demands.
    quiet(
        "P13",
        "Whether a defeated power acts depends on two conditions: material potential, and a leadership with political will and public support.",
    );
    quiet(
        "P15",
        "The West will not defend Ukraine and Georgia, which are not NATO members.",
    );
    // Zirkon, a new Russian missile, is hypersonic (line 59).
    quiet(
        "P16",
        "Talks could address US missile defense launchers and new Russian hypersonic missiles.",
    );
    quiet(
        "P20",
        "After the Geneva summit, NATO held more frequent exercises in the Black Sea.",
    );
    // "Slim" is not "will meet": the chances are what the author judges.
    quiet(
        "P21",
        "The author thinks the chances that the US will meet Russia's demands are slim.",
    );
}

#[test]
fn near_paraphrases_pass() {
    quiet(
        "R1",
        "NATO battalions in the Baltics may leave a bad taste in Moscow but are hardly cause for alarm.",
    );
    quiet(
        "R2",
        "The battalions are there to placate the three host countries, not to threaten Moscow.",
    );
    quiet(
        "R4",
        "Russia has long lacked nothing in security guarantees: its nuclear arsenal provides them.",
    );
    quiet(
        "R5",
        "The author says Russia already has guarantees through its nuclear arsenal, and legally binding documents are effectively impossible.",
    );
}

/// R3: "the Geneva round, two sessions in all" is not "round two": a comma
/// ends the rank reading of a number after its unit.
#[test]
fn r3_two_sessions_after_the_geneva_round() {
    quiet(
        "R3",
        "The Russia-NATO Council session in Brussels and the OSCE meeting in Vienna followed the Geneva round, two sessions in all.",
    );
}

#[test]
fn false_statements_the_audit_found_passing_are_flagged() {
    // Blinken is Lavrov's US counterpart, not a foreign minister: the title
    // reader still lets this pass (Blinken keeps the role, see
    // docs/claim-base.md), so only the reversed stances are asserted here.
    fires(
        "Q8",
        Code::StanceReversal,
        "The presence of NATO battalions on former Soviet territory is cause for alarm in Moscow, the author says.",
    );
    fires(
        "Q17",
        Code::StanceReversal,
        "The author says Russia has long lacked security guarantees, despite its nuclear arsenal.",
    );
    // Q8 is not about where the battalions are.
    let got = flagged(
        "The presence of NATO battalions on former Soviet territory is cause for alarm in Moscow, the author says.",
    );
    if let Some(got) = got {
        assert!(!got.iter().any(|g| g.0 == Code::WrongPlace), "{got:?}");
    }
}

/// Coverage gaps of the audit (Q3, probes Q3, Q7, Q9, Q11, Q15): facts an
/// analyst would write about, now claims; their true paraphrases pass.
#[test]
fn coverage_gaps_are_checked() {
    fires(
        "Q3",
        Code::StanceReversal,
        "The author says NATO in Ukraine is already a full-fledged threat.",
    );
    fires(
        "Q7",
        Code::StanceReversal,
        "Western countries are ready to accept losses in a war between Russia and Ukraine.",
    );
    fires(
        "Q9",
        Code::StanceReversal,
        "The author says legally binding documents are easily achievable.",
    );
    fires(
        "Q11",
        Code::StanceReversal,
        "The author argues the Bucharest promise has real substance.",
    );
    fires(
        "Q15",
        Code::StanceReversal,
        "The Kremlin's countermeasures are being kept quiet and nobody discusses them.",
    );
    quiet(
        "Q3 true",
        "NATO in Ukraine is not a full-fledged threat yet, but could become one.",
    );
    quiet(
        "Q7 true",
        "The West wants to avoid any losses and plans to evacuate its advisers.",
    );
    quiet(
        "Q9 true",
        "Legally binding documents are effectively impossible, the author says.",
    );
    quiet("Q11 true", "There may be no real substance to the Bucharest symbolism.");
    quiet(
        "Q15 true",
        "The measures have not been specified but are widely discussed.",
    );
}

/// The rest of the audit's coverage gaps (probes Q4, Q5, Q6, Q10, Q14, and
/// line 41): claims of their own; their true paraphrases pass.
#[test]
fn remaining_coverage_gaps_are_checked() {
    for (probe, wrong) in [
        (
            "Q4",
            "The author thinks a new CFE agreement could resolve the issue of missile defense launchers adaptable for intermediate-range missiles.",
        ),
        ("Q5", "Russia successfully became part of the West on its own terms."),
        ("Q6", "The most the author hopes for is a complete halt of Western arms supplies to Kyiv."),
        ("Q10", "International relations rest on collective security rather than state sovereignty."),
        ("Q14", "Putin, feeling no responsibility for NATO expansion, leaves the issue to others."),
        ("L41", "Arms control and confidence-building measures aim to give one side the upper hand."),
    ] {
        fires(probe, Code::StanceReversal, wrong);
    }
    for (probe, right) in [
        (
            "Q4 true",
            "Launchers adaptable for intermediate-range missiles could be dealt with in a new INF agreement.",
        ),
        (
            "Q5 true",
            "Russia failed to become part of the West on terms of its own, and had to accept the new state of affairs.",
        ),
        (
            "Q6 true",
            "At most, the West might restrict the kinds of arms it supplies to Kyiv.",
        ),
        ("Q10 true", "International relations are based on state sovereignty."),
        (
            "Q14 true",
            "Putin seems to feel some responsibility for the expansion and is trying to make amends.",
        ),
        (
            "L41 true",
            "Arms control, moratoriums and restraint aim at mutual predictability and cool heads.",
        ),
    ] {
        quiet(probe, right);
    }
}
