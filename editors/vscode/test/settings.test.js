// Checks what can be checked without VS Code: every setting the claimlint
// server reads is contributed by the extension, with a default and a
// description, and the code lists match the server's own codes.
// Run: npm test (node:test).

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const props = pkg.contributes.configuration.properties;

// The settings `claimlint lsp` reads (initializationOptions, the "claimlint"
// section of workspace/didChangeConfiguration and workspace/configuration).
const SERVER_SETTINGS = [
  "claimlint.article",
  "claimlint.claims",
  "claimlint.severity",
  "claimlint.disable",
  "claimlint.plaintext",
];
// The extension's own.
const CLIENT_SETTINGS = ["claimlint.path", "claimlint.include", "claimlint.trace.server"];
const CODES = [
  "wrong-date",
  "wrong-number",
  "wrong-attribution",
  "wrong-actor",
  "wrong-place",
  "wrong-list",
  "misquote",
  "stance-reversal",
  "unknown-section",
  "wrong-section",
  "unsupported",
  "claim-base",
];
const SEVERITIES = ["error", "warning", "information", "hint"];

for (const key of [...SERVER_SETTINGS, ...CLIENT_SETTINGS]) {
  test(`${key} is contributed with a type, a default and a description`, () => {
    const p = props[key];
    assert.ok(p, `${key} missing from contributes.configuration`);
    assert.ok(p.type, `${key} has no type`);
    assert.ok("default" in p, `${key} has no default`);
    const desc = p.description || p.markdownDescription;
    assert.ok(desc && desc.length > 20, `${key} has no real description`);
  });
}

test("every key the server's settings reader takes is in the list above (src/config.rs, src/lsp/config.rs)", (t) => {
  const core = path.join(root, "..", "..", "src", "config.rs");
  const lsp = path.join(root, "..", "..", "src", "lsp", "config.rs");
  if (!fs.existsSync(core) || !fs.existsSync(lsp)) return t.skip("src/config.rs not found");
  const keys = new Set();
  const list = fs.readFileSync(core, "utf8").match(/pub const KEYS: \[&str; \d+\] = \[([^\]]*)\]/);
  assert.ok(list, "pub const KEYS not found in src/config.rs");
  for (const m of list[1].matchAll(/"([a-z]+)"/g)) keys.add(m[1]);
  const patch = fs.readFileSync(lsp, "utf8");
  for (const m of patch.matchAll(/v\.get\("([a-z]+)"\)/g)) keys.add(m[1]);
  assert.ok(keys.size >= 4, `found only ${[...keys]}`);
  for (const k of keys) assert.ok(SERVER_SETTINGS.includes(`claimlint.${k}`), `server reads ${k}, not contributed`);
});

test("defaults have the declared types", () => {
  assert.equal(props["claimlint.article"].default, "");
  assert.equal(props["claimlint.claims"].default, "");
  assert.deepEqual(props["claimlint.severity"].default, {});
  assert.deepEqual(props["claimlint.disable"].default, []);
  assert.equal(props["claimlint.plaintext"].default, false);
  assert.equal(props["claimlint.path"].default, "");
  assert.equal(props["claimlint.trace.server"].default, "off");
  assert.deepEqual(props["claimlint.trace.server"].enum, ["off", "messages", "verbose"]);
});

test("claimlint.severity names every code with the four LSP severities", () => {
  const sev = props["claimlint.severity"];
  assert.deepEqual(Object.keys(sev.properties).sort(), [...CODES].sort());
  for (const code of CODES) {
    assert.deepEqual(sev.properties[code].enum, SEVERITIES, code);
  }
  assert.equal(sev.additionalProperties, false);
});

test("claimlint.disable offers every code", () => {
  assert.deepEqual([...props["claimlint.disable"].items.enum].sort(), [...CODES].sort());
});

test("the code list matches the server's codes (src/finding.rs)", (t) => {
  const finding = path.join(root, "..", "..", "src", "finding.rs");
  if (!fs.existsSync(finding)) return t.skip("src/finding.rs not found");
  const src = fs.readFileSync(finding, "utf8");
  // The `codes!` table: one line a code, `Name "spelling" "meaning";` (the
  // severity is data/severity.toml's since the calibrated policy).
  const table = src.slice(src.indexOf("codes! {"));
  const serverCodes = [...table.matchAll(/^\s+[A-Z]\w* "([a-z-]+)" (?:(?:Error|Warning|Information|Hint) )?"/gm)].map((m) => m[1]);
  assert.ok(serverCodes.length > 0, "no code found in the codes! table of src/finding.rs");
  assert.deepEqual([...serverCodes].sort(), [...CODES].sort());
});

test("no setting is contributed that nobody reads", () => {
  const known = new Set([...SERVER_SETTINGS, ...CLIENT_SETTINGS]);
  for (const key of Object.keys(props)) assert.ok(known.has(key), `unexpected setting ${key}`);
});

test("commands, activation and entry point", () => {
  const commands = pkg.contributes.commands.map((c) => c.command);
  assert.ok(commands.includes("claimlint.restart"));
  assert.ok(commands.includes("claimlint.showUncovered"));
  assert.deepEqual(pkg.activationEvents, ["workspaceContains:**/.claimlint.toml", "onLanguage:markdown"]);
  assert.equal(pkg.main, "./out/extension.js");
});

test("the extension sends every server setting, and only those", () => {
  const { serverSettings, SERVER_KEYS } = require("../out/settings.js");
  assert.deepEqual([...SERVER_KEYS].sort(), SERVER_SETTINGS.map((k) => k.slice("claimlint.".length)).sort());
  const values = {
    article: "notes/../article.txt",
    claims: "~/claims.toml",
    severity: { unsupported: "hint" },
    disable: ["wrong-list"],
    plaintext: true,
    path: "/opt/claimlint",
  };
  const got = serverSettings((k, d) => (k in values ? values[k] : d), "/ws", "/home/u");
  assert.deepEqual(got, {
    article: "/ws/article.txt",
    claims: "/home/u/claims.toml",
    severity: { unsupported: "hint" },
    disable: ["wrong-list"],
    plaintext: true,
  });
  // Unset paths go out as null: the server merges key by key, and null unsets.
  const none = serverSettings((_k, d) => d, "/ws", "/home/u");
  assert.deepEqual(JSON.parse(JSON.stringify(none)), {
    article: null,
    claims: null,
    severity: {},
    disable: [],
    plaintext: false,
  });
});

test("paths: ${workspaceFolder}, ~, absolute and relative", () => {
  const { resolvePath } = require("../out/settings.js");
  assert.equal(resolvePath("${workspaceFolder}/a.txt", "/ws", "/h"), "/ws/a.txt");
  assert.equal(resolvePath("~/a.txt", "/ws", "/h"), "/h/a.txt");
  assert.equal(resolvePath("/abs/a.txt", "/ws", "/h"), "/abs/a.txt");
  assert.equal(resolvePath("../shared/a.txt", "/ws/repo", "/h"), "/ws/shared/a.txt");
  assert.equal(resolvePath("  ", "/ws", "/h"), "");
});

test("untrusted workspaces: limited, and the binary's path is taken from user settings only", () => {
  const u = pkg.capabilities.untrustedWorkspaces;
  assert.equal(u.supported, "limited");
  assert.deepEqual(u.restrictedConfigurations, ["claimlint.path"]);
  assert.ok(u.description.length > 20);
});

test("claimlint applies to notes under a .claimlint.toml or matched by claimlint.include, not every Markdown file", () => {
  const { applies, DEFAULT_INCLUDE, globToRegExp } = require("../out/settings.js");
  assert.deepEqual(props["claimlint.include"].default, DEFAULT_INCLUDE);
  const withSettings = new Set(["/ws/analysis"]);
  const has = (dir) => withSettings.has(dir);
  // A settings file in the note's folder or above it.
  assert.equal(applies("/ws/analysis/week.md", "/ws", [], has), true);
  assert.equal(applies("/ws/analysis/deep/er/week.markdown", "/ws", [], has), true);
  // Elsewhere: only what `include` names (the default: a notes folder at any depth).
  assert.equal(applies("/ws/README.md", "/ws", DEFAULT_INCLUDE, has), false);
  assert.equal(applies("/ws/docs/guide.md", "/ws", DEFAULT_INCLUDE, has), false);
  assert.equal(applies("/ws/notes/week.md", "/ws", DEFAULT_INCLUDE, has), true);
  assert.equal(applies("/ws/team/notes/2022/week.md", "/ws", DEFAULT_INCLUDE, has), true);
  assert.equal(applies("/ws/notes/week.md", "/ws", [], has), false);
  assert.equal(applies("/ws/notes/week.txt", "/ws", DEFAULT_INCLUDE, has), false);
  // Globs: **, *, ?, {a,b}.
  assert.ok(globToRegExp("**/*.{md,markdown}").test("a/b/c.markdown"));
  assert.ok(globToRegExp("**/*.md").test("c.md"));
  assert.ok(!globToRegExp("*.md").test("a/c.md"));
  assert.ok(globToRegExp("memo-?.md").test("memo-1.md"));
  assert.ok(!globToRegExp("memo.md").test("memoXmd"));
});
