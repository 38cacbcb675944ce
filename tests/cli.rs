//! The `claimlint` binary, run for real on notes in temporary folders: the
//! three output formats, the exit statuses, input errors, settings.

use crate::common::{article_path, tmp, write, BIN, SMALL_CLAIMS};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// A misquotation of the article's title: the misquote rule catches it
/// with the bundled claim base alone.
const MISQUOTE: &str = "- The piece is titled “What a Week of Talks Between Russia and NATO Revealed”.\n";
const CLEAN: &str = "# Notes\n\nThese are my notes on the reading.\n";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run the binary in `dir` (so no settings file of the repository applies).
fn run(dir: &Path, args: &[&str]) -> Out {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMLINT_ARTICLE")
        .output()
        .expect("the binary runs");
    Out {
        code: o.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
    }
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}):\n{s}"))
}

const KEYS: [&str; 13] = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "message",
    "claim",
    "section",
    "section_title",
    "article_line",
    "fix",
];

// ------------------------------------------------------------------ formats

#[test]
fn text_output_is_compiler_style_with_a_summary() {
    let d = tmp("text");
    write(&d, "note.md", format!("# Notes\n\n{MISQUOTE}"));
    let o = run(&d, &["check", "note.md"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    // “What a ...” starts at character 24 of line 3 (the quotation mark is one character).
    let first = o.stdout.lines().next().unwrap();
    assert!(first.starts_with("note.md:3:24: error[misquote]: "), "{}", o.stdout);
    let last = o.stdout.lines().last().unwrap();
    assert!(
        last.starts_with("1 error, 0 warnings, ") && last.ends_with(" in 1 file"),
        "{last}"
    );
    assert!(o.stderr.is_empty(), "{}", o.stderr);
}

#[test]
fn wrong_year_of_a_nato_wave_is_a_warning_and_fails_the_check_unless_only_errors_do() {
    let d = tmp("montenegro");
    write(&d, "note.md", "- Montenegro joined NATO in 2016.\n");
    // The calibrated policy (data/severity.toml) shows dates as warnings,
    // and a warning fails the check by default.
    let o = run(&d, &["check", "note.md"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout.starts_with("note.md:1:29: warning[wrong-date]: "),
        "{}",
        o.stdout
    );
    // A severity set for the code replaces the policy's row.
    write(&d, ".claimlint.toml", "[severity]\nwrong-date = \"error\"\n");
    let o = run(&d, &["check", "note.md"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout.starts_with("note.md:1:29: error[wrong-date]: "),
        "{}",
        o.stdout
    );
    std::fs::remove_file(d.join(".claimlint.toml")).unwrap();
    // `--fail-on warning` (the default) stops a CI job on the warning, in
    // every format; `--fail-on error` only on errors.
    for format in ["text", "json", "sarif"] {
        let o = run(&d, &["check", "--fail-on", "warning", "--format", format, "note.md"]);
        assert_eq!(o.code, 1, "{format}: {}{}", o.stdout, o.stderr);
    }
    let o = run(&d, &["check", "--fail-on", "error", "note.md"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let o = run(&d, &["check", "--format", "json", "note.md"]);
    let v = json(&o.stdout);
    let f = &v[0];
    assert_eq!(f["section"], "guarantees");
    assert_eq!(f["fix"]["replacement"], "2017");
    if let Some(article) = article_path() {
        let o = run(
            &d,
            &[
                "check",
                "--format",
                "json",
                "--article",
                article.to_str().unwrap(),
                "note.md",
            ],
        );
        let v = json(&o.stdout);
        assert_eq!(v[0]["article_line"], 49, "{v}");
    }
}

#[test]
fn clean_note_exits_0() {
    let d = tmp("clean");
    write(&d, "a.md", CLEAN);
    write(&d, "b.md", CLEAN);
    let o = run(&d, &["check", "a.md", "b.md"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout
            .trim_end()
            .ends_with("0 errors, 0 warnings, 0 hints in 2 files"),
        "{}",
        o.stdout
    );
    let o = run(&d, &["check", "--format", "json", "a.md"]);
    assert_eq!(o.code, 0);
    assert_eq!(json(&o.stdout), Value::Array(vec![]));
}

#[test]
fn json_output_has_every_key() {
    let d = tmp("json");
    write(
        &d,
        "note.md",
        format!("{MISQUOTE}- See §Budget Tables for the figures.\n"),
    );
    let o = run(&d, &["check", "--format=json", "note.md"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    let v = json(&o.stdout);
    let list = v.as_array().expect("an array");
    assert!(list.len() >= 2, "{v:#}");
    for f in list {
        for k in KEYS {
            assert!(f.get(k).is_some(), "key {k} missing in {f}");
        }
        assert_eq!(f["path"], "note.md");
        for k in ["line", "column", "end_line", "end_column"] {
            assert!(f[k].as_u64().is_some_and(|n| n >= 1), "{k} in {f}");
        }
        assert!(["error", "warning", "information", "hint"].contains(&f["severity"].as_str().unwrap()));
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let mq = list.iter().find(|f| f["code"] == "misquote").expect("a misquote");
    assert_eq!((&mq["line"], &mq["column"]), (&Value::from(1), &Value::from(24)));
    assert_eq!(mq["severity"], "error");
    let fix = &mq["fix"];
    assert!(
        fix["replacement"].as_str().unwrap().contains("Russia and the West"),
        "{fix}"
    );
    for k in ["line", "column", "end_line", "end_column"] {
        assert!(fix[k].as_u64().is_some(), "fix.{k}");
    }
    let us = list
        .iter()
        .find(|f| f["code"] == "unknown-section")
        .expect("an unknown section");
    assert_eq!(us["severity"], "warning");
    assert_eq!(us["line"], 2);
}

#[test]
fn sarif_output_is_sarif_2_1_0() {
    let d = tmp("sarif");
    write(&d, "notes/note.md", MISQUOTE);
    let o = run(&d, &["check", "--format", "sarif", "notes"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    let v = json(&o.stdout);
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif"));
    let run0 = &v["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "claimlint");
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 11);
    for r in rules {
        assert!(r["id"].is_string() && r["shortDescription"]["text"].is_string(), "{r}");
        assert!(["error", "warning", "note"].contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run0["results"].as_array().unwrap();
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "misquote")
        .expect("a misquote result");
    assert_eq!(r["level"], "error");
    assert!(r["message"]["text"].is_string());
    let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "misquote");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "notes/note.md");
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["startColumn"], 24);
    assert!(loc["region"]["endColumn"].as_u64().unwrap() > 24);
    let change = &r["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "notes/note.md");
    assert!(change["replacements"][0]["insertedContent"]["text"].is_string());
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn findings_on_a_claim_carry_the_article_position() {
    let Some(article) = article_path() else { return };
    let article = article.to_str().unwrap();
    let d = tmp("claim");
    write(&d, "claims.toml", SMALL_CLAIMS);
    write(
        &d,
        "note.md",
        "- Putin set out this approach in a 2019 address to parliament.\n",
    );
    let o = run(
        &d,
        &["check", "--claims", "claims.toml", "--article", article, "note.md"],
    );
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    let mut lines = o.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "note.md:1:36: warning[wrong-date]: the article gives 2018, not 2019: \
         Putin announced the tactic in a 2018 address to parliament (Evolution of the Confrontation)"
    );
    assert_eq!(lines.next().unwrap(), format!("  = article: {article}:21"));

    let o = run(
        &d,
        &[
            "check",
            "--claims",
            "claims.toml",
            "--article",
            article,
            "--format",
            "json",
            "note.md",
        ],
    );
    let v = json(&o.stdout);
    let f = &v[0];
    assert_eq!(f["claim"], "putin-2018-address");
    assert_eq!(f["section"], "evolution");
    assert_eq!(f["section_title"], "Evolution of the Confrontation");
    assert_eq!(f["article_line"], 21);
    assert_eq!((&f["column"], &f["end_column"]), (&Value::from(36), &Value::from(40)));
    assert_eq!(f["fix"]["replacement"], "2018");

    // Without the article: the same finding, no position in it.
    let o = run(&d, &["check", "--claims", "claims.toml", "--format", "json", "note.md"]);
    let v = json(&o.stdout);
    assert_eq!(v[0]["article_line"], Value::Null);
    assert_eq!(v[0]["claim"], "putin-2018-address");

    let o = run(
        &d,
        &[
            "check",
            "--claims",
            "claims.toml",
            "--article",
            article,
            "--format",
            "sarif",
            "note.md",
        ],
    );
    let v = json(&o.stdout);
    let r = &v["runs"][0]["results"][0];
    let rel = &r["relatedLocations"][0]["physicalLocation"];
    assert!(
        rel["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("week-of-talks.txt"),
        "{rel}"
    );
    assert_eq!(rel["region"]["startLine"], 21);
    assert_eq!(
        r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "2018"
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let d = tmp("columns");
    // Four two-byte characters and an emoji before the quotation.
    write(&d, "note.md", format!("- éééé 😀 {}", &MISQUOTE[2..]));
    let o = run(&d, &["check", "--format", "json", "note.md"]);
    let v = json(&o.stdout);
    let mq = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "misquote")
        .expect("a misquote");
    // "- éééé 😀 The piece is titled " is 30 characters.
    assert_eq!(mq["column"], 31, "{mq}");
}

// ------------------------------------------------------------------ exit 2

#[test]
fn missing_path_is_exit_2_and_the_rest_is_still_checked() {
    let d = tmp("missing");
    write(&d, "bad.md", MISQUOTE);
    let o = run(&d, &["check", "nowhere.md", "bad.md"]);
    assert_eq!(o.code, 2, "exit 2 wins over 1: {}{}", o.stdout, o.stderr);
    assert!(o.stderr.contains("nowhere.md"), "{}", o.stderr);
    assert!(o.stdout.contains("bad.md:1:24: error[misquote]"), "{}", o.stdout);
}

#[test]
fn non_utf8_note_is_exit_2_named_and_others_are_checked() {
    let d = tmp("utf8");
    write(&d, "latin1.md", b"- caf\xe9 notes\n");
    write(&d, "ok.md", MISQUOTE);
    let o = run(&d, &["check", "--format", "json", "latin1.md", "ok.md"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("latin1.md") && o.stderr.contains("UTF-8"),
        "{}",
        o.stderr
    );
    let v = json(&o.stdout);
    assert!(v.as_array().unwrap().iter().any(|f| f["path"] == "ok.md"), "{v}");
}

#[test]
fn nul_bytes_in_utf8_are_fine() {
    let d = tmp("nul");
    write(&d, "nul.md", "# Notes\n\nA line with a \0 in it.\n");
    let o = run(&d, &["check", "nul.md"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
}

#[test]
fn bad_claims_file_is_exit_2_with_line_and_field() {
    let d = tmp("claims");
    let bad = SMALL_CLAIMS.replace("section = \"evolution\"", "section = \"evolushun\"");
    let line = bad.lines().position(|l| l.contains("evolushun")).unwrap() + 1;
    write(&d, "claims.toml", &bad);
    write(&d, "note.md", CLEAN);
    let o = run(&d, &["check", "--claims", "claims.toml", "note.md"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(&format!("claims.toml:{line}: field `section`")),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("evolushun"), "{}", o.stderr);

    write(&d, "broken.toml", "[article\ntitle = 1\n");
    let o = run(&d, &["check", "--claims", "broken.toml", "note.md"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("broken.toml:1"), "{}", o.stderr);

    let o = run(&d, &["claims", "--claims", "absent.toml"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("absent.toml"), "{}", o.stderr);
}

#[test]
fn folder_without_notes_is_exit_2() {
    let d = tmp("empty");
    write(&d, "empty/readme.txt", "not a note");
    write(&d, "full/a.md", MISQUOTE);
    let o = run(&d, &["check", "empty", "full"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("empty"), "{}", o.stderr);
    assert!(o.stdout.contains("a.md:1:24: error[misquote]"), "{}", o.stdout);
}

#[test]
fn a_missing_article_is_a_warning_naming_its_source_and_the_note_is_still_checked() {
    let d = tmp("article");
    write(&d, "note.md", CLEAN);
    write(&d, "bad.md", MISQUOTE);
    let o = run(&d, &["check", "--article", "no-such-article.txt", "note.md"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("warning") && o.stderr.contains("no-such-article.txt") && o.stderr.contains("--article"),
        "{}",
        o.stderr
    );
    let o = Command::new(BIN)
        .args(["check", "bad.md"])
        .current_dir(&d)
        .env("CLAIMLINT_ARTICLE", "from-env.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    // The exit status follows the findings; the user is told once.
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("from-env.txt") && stderr.contains("(from CLAIMLINT_ARTICLE)"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("from-env.txt").count(), 1, "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("error[misquote]"));
}

#[test]
fn usage_errors_are_exit_2() {
    let d = tmp("usage");
    for args in [
        &[][..],
        &["frobnicate"],
        &["check"],
        &["check", "--format", "xml", "a.md"],
        &["check", "--format"],
        &["check", "--colour", "a.md"],
        &["sections", "extra"],
    ] {
        let o = run(&d, args);
        assert_eq!(o.code, 2, "{args:?}");
        assert!(o.stderr.contains("Usage:"), "{args:?}: {}", o.stderr);
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = run(&d, &["--version"]);
    assert_eq!(
        (o.code, o.stdout.trim()),
        (0, format!("claimlint {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let o = run(&d, &["--help"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("claimlint check") && o.stdout.contains("Exit status"));
    // The help names the default `--fail-on` that `check` really uses.
    assert!(o.stdout.contains("warning (default)"), "{}", o.stdout);
}

// ------------------------------------------------------------------ folders

#[test]
fn folders_expand_to_sorted_notes_below() {
    let d = tmp("walk");
    write(&d, "notes/b.md", MISQUOTE);
    write(&d, "notes/a.md", MISQUOTE);
    write(&d, "notes/sub/c.markdown", MISQUOTE);
    write(&d, "notes/skip.txt", MISQUOTE);
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", d.join("notes/sub/loop")).unwrap();
    let o = run(&d, &["check", "--format", "json", "notes"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let v = json(&o.stdout);
    let paths: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut uniq = paths.clone();
    uniq.dedup();
    assert_eq!(uniq, ["notes/a.md", "notes/b.md", "notes/sub/c.markdown"]);
    let o = run(&d, &["check", "notes"]);
    assert!(o.stdout.trim_end().ends_with("in 3 files"), "{}", o.stdout);
}

// ------------------------------------------------------------------ settings

#[test]
fn settings_file_disables_and_changes_severity() {
    let d = tmp("settings");
    write(&d, "sub/note.md", MISQUOTE);
    write(&d, ".claimlint.toml", "disable = [\"misquote\"]\n");
    // Found from a subfolder too.
    let o = run(&d.join("sub"), &["check", "note.md"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(!o.stdout.contains("misquote"));

    write(&d, ".claimlint.toml", "[severity]\nmisquote = \"information\"\n");
    let o = run(&d, &["check", "sub/note.md"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("information[misquote]"), "{}", o.stdout);

    // A bad key is an input error (exit 2) that names it; the other keys apply.
    write(&d, ".claimlint.toml", "disable = [\"misquote\"]\nartcle = \"x.txt\"\n");
    let o = run(&d, &["check", "sub/note.md"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(".claimlint.toml:2") && o.stderr.contains("artcle"),
        "{}",
        o.stderr
    );
    assert!(!o.stdout.contains("misquote"), "{}", o.stdout);

    write(
        &d,
        ".claimlint.toml",
        "[severity]\nmisquote = \"fatal\"\nwrong-date = \"hint\"\n",
    );
    let o = run(&d, &["check", "sub/note.md"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains(".claimlint.toml:2") && o.stderr.contains("fatal"),
        "{}",
        o.stderr
    );
    assert!(o.stdout.contains("error[misquote]"), "{}", o.stdout);

    // A missing article is a warning naming the file's line; the note is checked.
    write(
        &d,
        ".claimlint.toml",
        "# the article\narticle = \"missing/article.txt\"\n",
    );
    let o = run(&d, &["check", "sub/note.md"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("missing/article.txt"), "{}", o.stderr);
    assert!(o.stderr.contains(".claimlint.toml:2 article"), "{}", o.stderr);
    assert!(o.stdout.contains("error[misquote]"), "{}", o.stdout);
}

#[test]
fn settings_file_names_the_article_and_claims_relative_to_itself() {
    let Some(article) = article_path() else { return };
    let d = tmp("settings-paths");
    std::fs::copy(&article, d.join("article.txt")).unwrap();
    write(&d, "data/claims.toml", SMALL_CLAIMS);
    write(
        &d,
        ".claimlint.toml",
        "article = \"article.txt\"\nclaims = \"data/claims.toml\"\n",
    );
    write(
        &d,
        "notes/note.md",
        "- Putin set out this approach in a 2019 address to parliament.\n",
    );
    let o = run(&d.join("notes"), &["check", "--format", "json", "note.md"]);
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    let v = json(&o.stdout);
    assert_eq!(v[0]["claim"], "putin-2018-address");
    assert_eq!(v[0]["article_line"], 21);
}

// ------------------------------------------------------------------ listings

#[test]
fn claims_and_sections_are_listed() {
    let d = tmp("lists");
    write(&d, "claims.toml", SMALL_CLAIMS);
    let o = run(&d, &["claims", "--claims", "claims.toml"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let line = o.stdout.lines().next().unwrap();
    let cols: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&cols[..3], ["putin-2018-address", "evolution", "date"], "{line}");
    assert!(line.contains("Putin announced the tactic"));

    let o = run(&d, &["sections"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let ids: Vec<&str> = o
        .stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids.len(), 8, "{}", o.stdout);
    assert!(ids.contains(&"roots") && o.stdout.contains("Security Guarantees"));

    let Some(article) = article_path() else { return };
    let article = article.to_str().unwrap();
    let o = run(&d, &["sections", "--article", article]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let roots = o.stdout.lines().find(|l| l.starts_with("roots ")).unwrap();
    assert!(roots.trim_end().ends_with("L9"), "{roots}");
    let o = run(&d, &["claims", "--claims", "claims.toml", "--article", article]);
    assert!(o.stdout.contains("L21"), "{}", o.stdout);
}

// ------------------------------------------------------------------ where settings come from

/// A text that passes for the bundled claim base's article (its section titles as lines).
fn look_alike(tag: &str) -> String {
    let mut text = format!("A stand-in article ({tag})\n\nOpening.\n");
    for s in &claimlint::claims::bundled().sections {
        text.push_str(&format!("\n{}\n\nBody.\n", s.title));
    }
    text
}

/// `claimlint sections` in `dir` with `CLAIMLINT_ARTICLE` set or not: its
/// `# article: ...` line and its standard error.
fn article_line(dir: &Path, env: Option<&str>, args: &[&str]) -> (String, String) {
    let mut cmd = Command::new(BIN);
    cmd.arg("sections")
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMLINT_ARTICLE");
    if let Some(v) = env {
        cmd.env("CLAIMLINT_ARTICLE", v);
    }
    let o = cmd.output().unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("# article: "))
        .unwrap_or_default()
        .to_string();
    (line, String::from_utf8(o.stderr).unwrap())
}

#[test]
fn each_source_of_the_article_in_order_flag_file_variable_discovery() {
    let d = tmp("sources");
    for tag in ["flag", "file", "env"] {
        write(&d, &format!("given/{tag}.txt"), look_alike(tag));
    }
    write(&d, "a-texts/found.txt", look_alike("discovered"));
    let d = std::fs::canonicalize(&d).unwrap();
    let dir = d.display().to_string();

    // Discovery alone.
    let (line, _) = article_line(&d, None, &[]);
    assert!(
        line.contains("a-texts/found.txt") && line.contains(&format!("(from discovery under {dir})")),
        "{line}"
    );
    // The variable beats discovery.
    let (line, _) = article_line(&d, Some("given/env.txt"), &[]);
    assert!(line.ends_with("env.txt (from CLAIMLINT_ARTICLE)"), "{line}");
    // The settings file beats the variable, and names its line.
    write(
        &d,
        ".claimlint.toml",
        "# the article for these notes\narticle = \"given/file.txt\"\n",
    );
    let (line, _) = article_line(&d, Some("given/env.txt"), &[]);
    assert!(
        line.ends_with(&format!("given/file.txt (from {dir}/.claimlint.toml:2 article)")),
        "{line}"
    );
    // The flag beats the settings file.
    let (line, _) = article_line(&d, Some("given/env.txt"), &["--article", "given/flag.txt"]);
    assert!(line.ends_with("flag.txt (from --article)"), "{line}");
    // A source that gives no readable file is a warning naming it, and the next one serves.
    write(&d, ".claimlint.toml", "article = \"gone.txt\"\n");
    let (line, stderr) = article_line(&d, Some("given/env.txt"), &[]);
    assert!(line.ends_with("env.txt (from CLAIMLINT_ARTICLE)"), "{line}");
    assert!(
        stderr.contains("warning") && stderr.contains("gone.txt") && stderr.contains(".claimlint.toml:1 article"),
        "{stderr}"
    );
    // From a subfolder, the nearest settings file applies.
    write(&d, "sub/.claimlint.toml", "article = \"../given/flag.txt\"\n");
    let (line, _) = article_line(&d.join("sub"), Some("given/env.txt"), &[]);
    assert!(
        line.ends_with(
            "flag.txt (from {dir}/sub/.claimlint.toml:1 article)"
                .replace("{dir}", &dir)
                .as_str()
        ),
        "{line}"
    );
}

#[test]
fn disabled_codes_and_severities_name_their_source() {
    let d = tmp("sources-codes");
    write(
        &d,
        ".claimlint.toml",
        "disable = [\"unsupported\"]\n\n[severity]\nmisquote = \"warning\"\n",
    );
    let d = std::fs::canonicalize(&d).unwrap();
    let o = run(&d, &["sections"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let file = d.join(".claimlint.toml").display().to_string();
    assert!(
        o.stdout
            .contains(&format!("# disabled: unsupported (from {file}:1 disable)")),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains(&format!("# severity: misquote = warning (from {file}:4 severity)")),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("# claims: data/week-of-talks.claims.toml (from bundled)"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains(&format!("# settings: {file}")), "{}", o.stdout);
}
