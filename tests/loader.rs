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
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"x\"\nsummary = \"y\"\ncolour = 1\n");
    assert!(e.contains("mine.toml:") && e.contains("colour"), "{e}");
}

#[test]
fn duplicate_id_names_line_and_field() {
    let c = "\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"x\"\nsummary = \"y\"\n";
    let e = err(&format!("{c}{c}"));
    assert!(e.starts_with("mine.toml:21: field `id`: duplicate claim id `c`"), "{e}");
}

#[test]
fn unknown_section_names_line_and_field() {
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"nope\"\nsnippet = \"x\"\nsummary = \"y\"\n");
    assert!(e.starts_with("mine.toml:16: field `section`"), "{e}");
}

#[test]
fn bad_regex_names_line_and_field() {
    let e =
        err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"x\"\nsummary = \"y\"\nwhen = [[\"/(unclosed/\"]]\n");
    assert!(e.starts_with("mine.toml:19: field `when`: bad regex"), "{e}");
}

#[test]
fn unknown_entity_and_bad_values_are_named() {
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"x\"\nsummary = \"y\"\nwhen = [[\"@ghost\"]]\n");
    assert!(e.contains("field `when`: unknown entity `@ghost`"), "{e}");
    let e = err("\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"x\"\nsummary = \"y\"\nwhen = [[\"a\"]]\ncheck = \"date\"\nvalue = [\"soon-ish\"]\n");
    assert!(e.contains("field `value`") && e.contains("not a date"), "{e}");
}

#[test]
fn snippet_missing_from_the_article_is_named() {
    let a = claimlint::article::Article::new("art.txt", "T\n\nS\n\nSome words here.\n".into());
    let src = format!("{HEAD}\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"not in it\"\nsummary = \"y\"\n");
    let e = load_claims(&src, "mine.toml", Some(&a)).unwrap_err();
    assert!(
        e[0].to_string().starts_with("mine.toml:17: field `snippet`"),
        "{}",
        e[0]
    );
    let ok =
        format!("{HEAD}\n[[claim]]\nid = \"c\"\nsection = \"s\"\nsnippet = \"some WORDS here\"\nsummary = \"y\"\n");
    assert!(load_claims(&ok, "mine.toml", Some(&a)).is_ok());
}
