//! Each rule alone against a small claim base of its own: the harbour
//! fixture (tests/fixtures/harbour, an invented article and its claims) and,
//! for `wrong-actor`, one claim added inline. For a statement the article
//! contradicts, the whole of what the checker reports: the code, the
//! severity, the range in the note (and the text it covers) and the message;
//! for the correct statement, nothing at all. Its places, titles,
//! possessives ("Veska's") and who "the author" is ("the columnist") come
//! from that claim base alone: another article needs no code change.
//! (tests/rules.rs runs sentences through every rule against the bundled
//! claim base.)

use claimlint::claims::load_claims;
use claimlint::{Code, Engine, Severity};
use std::ops::Range;
use std::sync::OnceLock;

/// Who drafted the accord: the one kind of claim the fixture has none of.
const ACTOR: &str = r#"
[[claim]]
id = "drafter"
section = "opening"
line = 3
anchor = "Norland and Veska"
summary = "Norland wrote the first draft of the accord."
when = [["@accord"], ["draft*"]]
[claim.actor]
value = ["@norland"]
rival = ["@veska"]
verb = ["draft*"]
"#;

/// The harbour claim base and the actor claim, loaded with the harbour
/// article (every anchor and quotation verified).
fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let dir = crate::common::harbour_dir();
        let article = claimlint::article::Article::read(&dir.join("article.txt")).unwrap();
        let src = std::fs::read_to_string(dir.join("claims.toml")).unwrap() + ACTOR;
        let base = load_claims(&src, "harbour/claims.toml", Some(&article))
            .unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
        Engine::new(base, Some(article))
    })
}

/// Code, severity, the text the range covers, the range, the message.
type Want<'a> = (Code, Severity, &'a str, Range<usize>, &'a str);

/// Every finding on the note `- {sentence}` is the one wanted, in order.
fn expect(sentence: &str, want: &[Want]) {
    let note = format!("- {sentence}\n");
    let got: Vec<_> = engine()
        .check(&note)
        .into_iter()
        .map(|f| {
            (
                f.code,
                f.severity,
                note[f.range].to_string(),
                f.range.range(),
                f.message.to_string(),
            )
        })
        .collect();
    let want: Vec<_> = want
        .iter()
        .map(|(c, s, t, r, m)| (*c, *s, t.to_string(), r.clone(), m.to_string()))
        .collect();
    assert_eq!(got, want, "on {sentence:?}");
}

#[test]
fn wrong_date() {
    expect(
        "Norland and Veska signed the Harbour Accord in 2018.",
        &[
            (
                Code::WrongDate,
                Severity::Warning,
                "2018",
                49..53,
                "the article gives March 3, 2019, not 2018: The two countries signed the accord on March 3, 2019 (the opening)",
            ),
        ],
    );
    expect("The Harbour Accord was signed on March 3, 2019.", &[]);
    // A hedged or future statement is information.
    expect(
        "A review of the accord is due in 2023.",
        &[(
            Code::WrongDate,
            Severity::Information,
            "2023",
            35..39,
            "the article gives 2024, not 2023: The accord is to be reviewed in 2024 (Outlook)",
        )],
    );
    // A year that bounds a span of years dates no single event: possible.
    expect(
        "2016–2018: Norland and Veska signed the Harbour Accord.",
        &[(
            Code::WrongDate,
            Severity::Information,
            "2018",
            9..13,
            "the article gives March 3, 2019, not 2018: The two countries signed the accord on March 3, 2019 (the opening)",
        )],
    );
    // A year owns the parenthesis just after it: the signing is 2019's.
    expect("- Years: 2019 (the accord signed), 2024 (review due in Kesmouth).", &[]);
}

#[test]
fn wrong_number() {
    expect(
        "The accord was signed after nine rounds of talks.",
        &[(
            Code::WrongNumber,
            Severity::Warning,
            "nine",
            30..34,
            "the article gives 11, not nine: Eleven rounds of negotiation came before the signing (the opening)",
        )],
    );
    expect("Eleven rounds of talks preceded the accord.", &[]);
    // Labels are no counts: a thread's post number, a table row's number
    // cell; nor is "both ... and" a count.
    expect("2/ Panel members settle the disputes.", &[]);
    expect("| 5 | Panel members hear the disputes. |", &[]);
    // A paragraph's or a section's number marked by its sign.
    expect("¶12 Panel members settle the disputes.", &[]);
    expect("Disputes go to panel members both slow and few.", &[]);
    // "half a year" is six months.
    expect(
        "Either side may leave the accord with three months' notice.",
        &[(
            Code::WrongNumber,
            Severity::Warning,
            "three",
            40..45,
            "the article gives 6, not three: Either country can quit after giving half a year's warning (Doubts)",
        )],
    );
}

#[test]
fn wrong_place() {
    expect(
        "The Harbour Accord was signed in Kesmouth.",
        &[(
            Code::WrongPlace,
            Severity::Error,
            "Kesmouth",
            35..43,
            "the article places this in Port Arrel, not Kesmouth: The signing took place in Port Arrel (the opening)",
        )],
    );
    expect("The Harbour Accord was signed in Port Arrel.", &[]);
}

#[test]
fn wrong_list() {
    expect(
        "The accord covers three matters: fishing quotas, shipping lanes and oil rights.",
        &[
            (
                Code::WrongList,
                Severity::Warning,
                "oil rights",
                70..80,
                "“oil rights” is not on the article's list (fishing quotas; shipping lanes; the shared lighthouse): What the accord covers: fish quotas, sea lanes and the lighthouse both countries share (the opening)",
            ),
        ],
    );
    expect(
        "The accord covers fishing quotas, shipping lanes and the shared lighthouse.",
        &[],
    );
    // "per the columnist" is an attribution aside, not a member.
    expect(
        "The accord covers three matters: fishing quotas, shipping lanes, per the columnist, and the lighthouse.",
        &[],
    );
    // An open list takes more ...
    expect("Seabed cables, oil rights and tariffs were left for later talks.", &[]);
    // ... unless the note gives it as the article's own list ("the columnist" is the author here).
    expect(
        "The columnist lists what was left for later: seabed cables, oil rights and tariffs.",
        &[(
            Code::WrongList,
            Severity::Warning,
            "tariffs",
            77..84,
            "“tariffs” is not on the article's list (seabed cables; oil rights): Questions deferred to later talks include undersea cables and oil rights (an open list) (Doubts)",
        )],
    );
}

#[test]
fn misquote() {
    expect(
        "Marrow called it “a fair bargain for two proud nations.”",
        &[
            (
                Code::Misquote,
                Severity::Error,
                "a fair bargain for two proud nations",
                22..58,
                "the article's words are “a fair bargain for two small nations”, not “a fair bargain for two proud nations” (the opening, line 5)",
            ),
        ],
    );
    expect("Marrow called the deal “a fair bargain for two small nations.”", &[]);
    // Leaving out small words is quoting; another source's words (a
    // podcast's, a critic's) cannot misquote the article: possible only.
    expect(
        "The columnist: it “will not settle deeper rivalry between two neighbours.”",
        &[(
            Code::Misquote,
            Severity::Information,
            "will not settle deeper rivalry between two neighbours",
            23..76,
            "the article's words are “will hold for now but will not settle the deeper rivalry between the two neighbours”, not “will not settle deeper rivalry between two neighbours” (Outlook, line 15)",
        )],
    );
    expect(
        "Podcast claim: “a fair deal for two small nations.”",
        &[(
            Code::Misquote,
            Severity::Information,
            "a fair deal for two small nations",
            20..53,
            "the article's words are “a fair bargain for two small nations”, not “a fair deal for two small nations” (the opening)",
        )],
    );
    // A whole sentence in quotation marks with a reviewer's verdict after it
    // is a draft's sentence under review, not the article's words: an
    // altered wording is possible only. The same sentence without the
    // verdict is a misquote.
    let sentence = "“The accord will hold for now but will not end the deeper rivalry between the two neighbours.”";
    let said = "The accord will hold for now but will not end the deeper rivalry between the two neighbours";
    let message = "the article's words are “the columnist’s view the accord will hold for now but will not settle the deeper rivalry between the two neighbours”, not “The accord will hold for now but will not end the deeper rivalry between the two neighbours” (Outlook, line 15)";
    expect(sentence, &[(Code::Misquote, Severity::Error, said, 5..96, message)]);
    for verdict in [" — ✅ Correct.", " - Accurate, keep it."] {
        expect(
            &format!("¶4 {sentence}{verdict}"),
            &[(Code::Misquote, Severity::Information, said, 9..100, message)],
        );
    }
}

#[test]
fn wrong_attribution() {
    expect(
        "Quell called it “a fair bargain for two small nations.”",
        &[
            (
                Code::WrongAttribution,
                Severity::Warning,
                "Quell",
                2..7,
                "the article gives these words to Ilse Marrow, not Quell: Marrow praised the deal as fair to both small states (the opening)",
            ),
        ],
    );
    expect("Marrow called the deal “a fair bargain for two small nations.”", &[]);
    // "Veska's" and "Norland's" tie a title to a name only because the claim
    // base names Veska and Norland.
    expect(
        "Ilse Marrow, Veska's prime minister, praised the accord.",
        &[(
            Code::WrongAttribution,
            Severity::Warning,
            "prime minister",
            23..37,
            "the article calls Ilse Marrow foreign minister, not prime minister",
        )],
    );
    expect("Ilse Marrow, Veska's foreign minister, praised the accord.", &[]);
    expect(
        "Tomas Quell, Norland's foreign minister, said little.",
        &[(
            Code::WrongAttribution,
            Severity::Warning,
            "foreign minister",
            25..41,
            "the article calls Tomas Quell chief negotiator, not foreign minister",
        )],
    );
    // A title before a name stops at punctuation and at a second name.
    expect("Chief negotiator Quell + Marrow met at Port Arrel.", &[]);
    expect("Ilse Marrow - foreign minister, Quell's counterpart.", &[]);
    // A title before a name stops at punctuation and at a second name.
    expect("Chief negotiator Quell + Marrow met at Port Arrel.", &[]);
    expect("Ilse Marrow - foreign minister, Quell's counterpart.", &[]);
    // Words said after the quotation are tied to it; a viewpoint ("for
    // Quell") or a person in another clause is not its speaker: possible only.
    let untied = "the article gives these words to Ilse Marrow, not Quell: Marrow praised the deal as fair to both small states (the opening)";
    expect(
        "“A fair bargain for two small nations,” said Quell.",
        &[(Code::WrongAttribution, Severity::Warning, "Quell", 51..56, untied)],
    );
    expect(
        "For Quell, the deal was “a fair bargain for two small nations.”",
        &[(Code::WrongAttribution, Severity::Information, "Quell", 6..11, untied)],
    );
    expect(
        "Quell said little, but to Veska the deal was “a fair bargain for two small nations.”",
        &[(Code::WrongAttribution, Severity::Information, "Quell", 2..7, untied)],
    );
}

#[test]
fn stance_reversal() {
    expect(
        "The accord imposes a penalty for breaches, the columnist notes.",
        &[(
            Code::StanceReversal,
            Severity::Warning,
            "penalty",
            23..30,
            "the article argues the opposite of “penalty” here: Breaking the accord carries no penalty (Doubts)",
        )],
    );
    expect("The accord sets no penalty for breaches.", &[]);
    // A verbless reporting aside between the negation and its verb.
    expect(
        "The accord, per the columnist, sets a penalty for breaches.",
        &[(
            Code::StanceReversal,
            Severity::Warning,
            "penalty",
            40..47,
            "the article argues the opposite of “penalty” here: Breaking the accord carries no penalty (Doubts)",
        )],
    );
    expect(
        "The accord does not, per the columnist, set any penalty for breaches.",
        &[],
    );
    expect(
        "The accord does not, in the columnist's view, set a penalty for breaches.",
        &[],
    );
    // A frame that denies the clause after it.
    expect(
        "The columnist rejects the idea that the accord sets a penalty for breaches.",
        &[],
    );
    expect(
        "Contrary to those who see a penalty for breaches, the accord sets none.",
        &[],
    );
    // A predicate that denies its subject.
    expect("A penalty for breaches makes no sense under the accord.", &[]);
    expect("Penalty for breaches = pointless", &[]);
    // "without" denies its short noun phrase, not a verb well after it.
    expect("Left without a penalty for breaches, the accord is weak.", &[]);
    // An abbreviation's dot ends no clause; a verb of expecting whose
    // object is "no ..." denies it.
    expect(
        "The accord does not set a U.N. penalty for breaches.",
        &[(
            Code::Unsupported,
            Severity::Hint,
            "U.N",
            28..31,
            "the article does not mention “U.N”; no claim supports this",
        )],
    );
    expect("The columnist expects no penalty for breaches.", &[]);
    // A denied subject opening a reported clause, across its aside.
    expect(
        "The columnist thinks nobody, not even Veska, wants a penalty for breaches.",
        &[],
    );
    // Verbs and nouns that deny what they govern; a predicate that
    // denies its subject.
    expect("The accord would skip any penalty for breaches.", &[]);
    expect("Both sides showed unwillingness to set a penalty for breaches.", &[]);
    expect("A penalty for breaches would serve no purpose.", &[]);
    // A denied verb of saying asserts nothing: possible only.
    expect(
        "The columnist does not say the accord sets no penalty for breaches.",
        &[(
            Code::StanceReversal,
            Severity::Information,
            "penalty",
            48..55,
            "the article argues the opposite of “penalty” here: Breaking the accord carries no penalty (Doubts)",
        )],
    );
    // An indirect question asserts nothing.
    expect(
        "The columnist asks whether a penalty for breaches would help.",
        &[(
            Code::StanceReversal,
            Severity::Information,
            "penalty",
            31..38,
            "the article argues the opposite of “penalty” here: Breaking the accord carries no penalty (Doubts)",
        )],
    );
}

#[test]
fn unknown_section() {
    expect(
        "See §Weather for the details.",
        &[(
            Code::UnknownSection,
            Severity::Warning,
            "§Weather",
            6..15,
            "the article has no section “Weather” (sections: Doubts, Outlook)",
        )],
    );
    expect("See §Doubts for the details.", &[]);
}

#[test]
fn wrong_section() {
    expect(
        "§Doubts says the review is due in 2024.",
        &[
            (
                Code::WrongSection,
                Severity::Warning,
                "§Doubts",
                2..10,
                "“Doubts” does not hold this point; the article makes it in Outlook: The accord is to be reviewed in 2024 (Outlook)",
            ),
        ],
    );
    expect("§Outlook says the review is due in 2024.", &[]);
}

#[test]
fn unsupported() {
    expect(
        "The accord was signed by Sweden.",
        &[(
            Code::Unsupported,
            Severity::Hint,
            "Sweden",
            27..33,
            "the article does not mention “Sweden”; no claim supports this",
        )],
    );
    expect("The accord was signed by Norland and Veska.", &[]);
}

#[test]
fn wrong_actor() {
    expect(
        "Veska drafted the Harbour Accord.",
        &[
            (
                Code::WrongActor,
                Severity::Warning,
                "Veska",
                2..7,
                "the article has this done by Norland, not Veska: Norland wrote the first draft of the accord (the opening)",
            ),
        ],
    );
    expect("Norland drafted the Harbour Accord.", &[]);
    // A verb coordinated after "but" through a catenative verb keeps the
    // first clause's subject; a party that suspected the action is not its actor.
    expect(
        "Norland knew Veska was unhappy but chose to draft the Harbour Accord.",
        &[],
    );
    expect("Veska suspected the Harbour Accord draft was a trap.", &[]);
    // A party naming a place ("Veska border") is not the lone actor.
    expect("Veska border: the Harbour Accord drafted.", &[]);
}
