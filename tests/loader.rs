//! A broken claim base gets an error naming the file, the line and the field.

use claimlint::claims::load_claims;

const HEAD: &str = "[article]\ntitle = \"T\"\n\n[[section]]\nid = \"s\"\ntitle = \"S\"\nsummary = \"x\"\n\n[[entity]]\nid = \"e\"\nkind = \"person\"\nnames = [\"E\"]\n";

fn err(tail: &str) -> String {
    let src = format!("{HEAD}{tail}");
    match load_claims(&src, "mine.toml", None) {
        Ok(_) => panic!("loaded: {tail}"),
        Err(e) => e[0].to_string(),
    }
}

#[test]
fn syntax_error_names_file_and_line() {
    let e = err("\n[[claim]]\nid = \"c\n");
    assert!(e.starts_with("mine.toml:15"), "{e}");
}

#[test]
fn unknown_field_names_it() {
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\ncolour = 1\n");
    assert!(e.contains("mine.toml:") && e.contains("colour"), "{e}");
}

#[test]
fn duplicate_id_names_line_and_field() {
    let c = "\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\n";
    let e = err(&format!("{c}{c}"));
    assert!(e.starts_with("mine.toml:22: field `id`: duplicate claim id `c`"), "{e}");
}

#[test]
fn unknown_section_names_line_and_field() {
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"nope\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\n");
    assert!(e.starts_with("mine.toml:16: field `section`"), "{e}");
}

#[test]
fn bad_regex_names_line_and_field() {
    let e =
        err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\nwhen = [[\"/(unclosed/\"]]\n");
    assert!(e.starts_with("mine.toml:20: field `when`: bad regex"), "{e}");
}

#[test]
fn unknown_entity_and_bad_values_are_named() {
    let e = err(
        "\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\nwhen = [[\"@ghost\"]]\n",
    );
    assert!(e.contains("field `when`: unknown entity `@ghost`"), "{e}");
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\nwhen = [[\"a\"]]\n[claim.date]\nvalue = [\"soon-ish\"]\n");
    assert!(e.contains("field `value`") && e.contains("not a date"), "{e}");
}

#[test]
fn anchor_missing_from_the_article_is_named() {
    let a = claimlint::article::Article::new("art.txt", "T\n\nS\n\nSome words here.\n".into());
    let src =
        format!("{HEAD}\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 5\nanchor = \"not in it\"\nsummary = \"y\"\n");
    let e = load_claims(&src, "mine.toml", Some(&a)).unwrap_err();
    assert!(e[0].to_string().starts_with("mine.toml:18: field `anchor`"), "{}", e[0]);
    let ok = format!(
        "{HEAD}\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 5\nanchor = \"some WORDS here\"\nsummary = \"y\"\n"
    );
    assert!(load_claims(&ok, "mine.toml", Some(&a)).is_ok());
}

#[test]
fn anchors_are_short_unique_in_their_section_and_on_their_line() {
    let a = claimlint::article::Article::new("art.txt", "T\n\nS\n\nSome words here. Some more.\n".into());
    let claim = |line: usize, anchor: &str| {
        format!(
            "{HEAD}\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = {line}\nanchor = \"{anchor}\"\nsummary = \"y\"\n"
        )
    };
    let e = load_claims(&claim(5, "Some"), "mine.toml", Some(&a)).unwrap_err();
    assert!(
        e[0].to_string()
            .contains("field `anchor`: claim `c`: anchor `Some` occurs 2 times in its section"),
        "{}",
        e[0]
    );
    let e = load_claims(&claim(3, "words here"), "mine.toml", Some(&a)).unwrap_err();
    assert!(e[0].to_string().contains("not found on line 3"), "{}", e[0]);
    let e = load_claims(&claim(5, "one two three four five six seven"), "mine.toml", None).unwrap_err();
    assert!(
        e[0].to_string()
            .starts_with("mine.toml:18: field `anchor`: claim `c`: an anchor is 1 to 6"),
        "{}",
        e[0]
    );
    assert!(load_claims(&claim(5, "Some more"), "mine.toml", Some(&a)).is_ok());
}

/// A claim whose typed table is `table`, after the common fields (line 14 is `[[claim]]`).
fn with_table(table: &str) -> String {
    err(&format!(
        "\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\nwhen = [[\"a\"]]\n{table}"
    ))
}

#[test]
fn typed_tables_reject_missing_unknown_and_wrong_kind_fields_with_line_and_field() {
    // A field of another kind: `unit` belongs to a number, not a date.
    let e = with_table("[claim.date]\nvalue = [\"2017\"]\nunit = [\"years\"]\n");
    assert!(e.starts_with("mine.toml:23: field `unit`: unknown field `unit`"), "{e}");
    // A required field missing.
    let e = with_table("[claim.date]\n");
    assert!(e.contains("field `value`: missing field `value`"), "{e}");
    let e = with_table("[claim.list]\nmember = []\n");
    assert!(e.contains("field `open`: missing field `open`"), "{e}");
    // A value of the wrong type or outside its set.
    let e = with_table("[claim.stance]\nsays = [\"x\"]\npolarity = \"maybe\"\n");
    assert!(
        e.starts_with("mine.toml:23: field `polarity`: unknown variant `maybe`"),
        "{e}"
    );
    let e = with_table("[claim.number]\nvalue = [\"lots\"]\n");
    assert!(
        e.starts_with("mine.toml:22: field `value`: `lots` is not a number"),
        "{e}"
    );
    // An unknown kind of table, and the flat form of earlier versions.
    let e = with_table("[claim.colour]\nvalue = [\"red\"]\n");
    assert!(e.contains("unknown field `colour`"), "{e}");
    let e = with_table("check = \"date\"\nvalue = [\"2017\"]\n");
    assert!(
        e.starts_with("mine.toml:21: field `check`: unknown field `check`"),
        "{e}"
    );
    // Words tables report under their kind's code: no code to choose.
    let e = with_table("[claim.place_words]\nright = [\"east\"]\nwrong = [\"west\"]\ncode = \"misquote\"\n");
    assert!(e.contains("field `code`: unknown field `code`"), "{e}");
    // Empty lists that serde accepts are still refused.
    let e = with_table("[claim.place_words]\nright = []\nwrong = [\"west\"]\n");
    assert!(
        e.starts_with("mine.toml:22: field `right`: claim `c`: `right` is empty"),
        "{e}"
    );
}

#[test]
fn one_claim_may_hold_several_typed_tables_each_with_its_own_when() {
    let src = format!(
        "{HEAD}\n[[claim]]\nid = \"c\"\nsection = \"s\"\nline = 1\nanchor = \"x\"\nsummary = \"y\"\nkey = true\nwhen = [[\"@e\"], [\"met\"]]\n[claim.date]\nvalue = [\"2017\"]\n[claim.date_words]\nwhen = [[\"@e\"], [\"same week\"]]\nright = [\"previous week\"]\nwrong = [\"same week\"]\n"
    );
    let base = load_claims(&src, "mine.toml", None).unwrap();
    assert_eq!(base.claims.len(), 2);
    assert!(base.claims.iter().all(|c| c.id == "c"));
    assert_eq!(
        base.claims.iter().filter(|c| c.key).count(),
        1,
        "coverage counts the fact once"
    );
    assert_ne!(base.claims[0].when, base.claims[1].when);
    assert_eq!(base.claims[1].check.kind_name(), "date_words");
}
