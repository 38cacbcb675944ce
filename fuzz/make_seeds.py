#!/usr/bin/env python3
"""Write the fuzz seed corpora to fuzz/seeds/<target>/ (deterministic; run from anywhere).

Seeds are generated notes (headings, bullets, paragraphs, quotations, section
references, suppression comments, code, mistakes on purpose, every kind of
line break and non-ASCII text) and small claim bases cut from the bundled one.
"""
import random
import re
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
OUT = FUZZ / "seeds"

SECTIONS = ["Roots", "Evolution of the Confrontation", "Forced Negotiations", "Security Guarantees",
            "The Limits of Possibility", "What Next?", "Countermeasures", "Sanctions Outlook"]
PEOPLE = ["Lavrov", "Blinken", "Putin", "Biden", "Ryabkov", "Gorbachev", "Sergei Lavrov", "Лавров"]
PLACES = ["Geneva", "Vienna", "Brussels", "Helsinki", "Moscow", "Washington", "Kyiv", "Ukraine"]
YEARS = ["1997", "2008", "2014", "2016", "2017", "2018", "2021", "2022", "January 21", "spring 2021"]
NUMBERS = ["three", "four", "two-thirds", "five", "eight years", "4", "3", "first", "second"]
QUOTES = ["“Well, listen to us now”", "“Well, listen to us today”", "\"never ever\"", "“military-technical means”",
          "“What a Week of Talks Between Russia and NATO Revealed”", "'not a step back'"]
TEMPLATES = [
    "{p} and {q} met on {y} in {pl}.",
    "Montenegro joined NATO in {y}, one of the expansion waves.",
    "After the buildup, {p} invited {q} to a summit in {pl}.",
    "{p} set out the tactic in his {y} address to parliament: {qt}.",
    "Russia's draft treaty rests on {n} unconditional demands.",
    "{n} of the five most recent NATO enlargements happened while Putin was in power.",
    "The author does not think the demand to roll NATO back to 1997 was serious.",
    "The author argues that treaties are the only real guarantee of security.",
    "{p}'s answer on Ukraine joining NATO was {qt} (see {s}).",
    "§{s} describes what the West has prepared.",
    "See [[{s}]] for the {n} demands.",
    "Ratification needs {n} of senators, which the author calls easy.",
    "The talks in {pl} neither broke down nor solved anything.",
    "{p} withdrew from the ABM Treaty in {y}.",
]


def sentence(r):
    t = r.choice(TEMPLATES)
    return t.format(p=r.choice(PEOPLE), q=r.choice(PEOPLE), pl=r.choice(PLACES), y=r.choice(YEARS),
                    n=r.choice(NUMBERS), qt=r.choice(QUOTES), s=r.choice(SECTIONS))


def note(r, size):
    lines = ["# Notes on “What a Week of Talks Between Russia and the West Revealed”", ""]
    while sum(len(l) for l in lines) < size:
        k = r.random()
        if k < 0.45:
            lines.append("- " + sentence(r))
        elif k < 0.6:
            lines.append(" ".join(sentence(r) for _ in range(r.randint(2, 4))))
            lines.append("")
        elif k < 0.68:
            lines.append("## " + r.choice(SECTIONS))
            lines.append("")
        elif k < 0.72:
            lines.append("<!-- claimlint-disable-next-line " + r.choice(["wrong-date", "misquote", "unsupported"]) + " -->")
        elif k < 0.75:
            lines += ["```", sentence(r), "```"]
        elif k < 0.78:
            lines.append("> " + sentence(r))
        elif k < 0.81:
            lines.append("1. " + sentence(r) + " 😀")
        elif k < 0.84:
            lines.append("[link](https://example.org/" + r.choice(PLACES) + ") " + sentence(r))
        elif k < 0.86:
            lines.append("<!-- claimlint-disable --> " + sentence(r) + " <!-- claimlint-enable -->")
        else:
            lines.append("* " + sentence(r) + " `code` **bold** _it_")
    eol = r.choice(["\n", "\n", "\n", "\r\n", "\r"])
    return eol.join(lines) + eol


def claim_bases():
    src = (ROOT / "data" / "week-of-talks.claims.toml").read_text()
    blocks = re.split(r"\n(?=\[)", src)
    keep, kinds = [], set()
    for b in blocks:
        if b.startswith("[[claim]]"):
            m = re.search(r'^check = "(\w+)"', b, re.M)
            kind = m.group(1) if m else "none"
            if kind in kinds:
                continue
            kinds.add(kind)
        keep.append(b)
    small = "\n".join(keep) + "\n"
    fixture = (ROOT / "tests" / "cli.rs").read_text().split('const FIXTURE_CLAIMS: &str = r#"')[1].split('"#;')[0]
    out = {"cut-of-bundled.toml": small, "fixture.toml": fixture}
    claim = '\n[[claim]]\nid = "c"\nsection = "evolution"\nline = 21\nanchor = "back in 2018"\nsummary = "y"\n'
    out["syntax-error.toml"] = fixture + '\n[[claim]]\nid = "c\n'
    out["unknown-field.toml"] = fixture + claim + "colour = 1\n"
    out["duplicate-id.toml"] = fixture + claim + claim
    out["missing-section.toml"] = fixture + claim.replace('"evolution"', '"nope"')
    out["bad-regex.toml"] = fixture + claim + 'when = [["/(unclosed/"]]\ncheck = "date"\nvalue = ["2018"]\n'
    out["anchor-not-in-article.toml"] = fixture + claim.replace("back in 2018", "never in 2018")
    out["settings.toml"] = 'article = "a.txt"\nclaims = "c.toml"\ndisable = ["unsupported"]\n[severity]\nwrong-section = "hint"\n'
    return out


def main():
    r = random.Random(6)
    notes = {"sample-note.md": (ROOT / "examples" / "sample-note.md").read_text()}
    for i in range(24):
        notes[f"generated-{i:02}.md"] = note(r, r.choice([120, 400, 1000, 2500]))
    notes["empty.md"] = ""
    notes["only-breaks.md"] = "\r\n\r\r\n\n\r"
    notes["nul-and-bom.md"] = "\ufeff# N\0tes\n- Montenegro joined NATO in 2016.\0\n"
    for target in ["check_note", "documents"]:
        d = OUT / target
        d.mkdir(parents=True, exist_ok=True)
        for name, text in notes.items():
            (d / name).write_bytes(text.encode("utf-8"))
    (OUT / "check_note" / "latin1.md").write_bytes("- café in Genève, 2016\n".encode("latin-1"))
    d = OUT / "claim_base"
    d.mkdir(parents=True, exist_ok=True)
    for name, text in claim_bases().items():
        (d / name).write_text(text)


if __name__ == "__main__":
    main()
