// The extension's side of the protocol, against the real `claimlint lsp`
// (VS Code itself cannot run here): the settings exactly as the extension
// builds them (out/settings.js) go out as initializationOptions, in
// workspace/didChangeConfiguration and in answer to workspace/configuration,
// over the same vscode-jsonrpc the extension's client uses; and the answer to
// `claimlint.showUncovered` is the Markdown text the extension shows.
//
// The server binary: $CLAIMLINT_BIN, else ../../target/release/claimlint (what
// the README builds), else ../../target/debug/claimlint; the
// article: $CLAIMLINT_ARTICLE, else ../../../shared/article/week-of-talks.txt.
// Skipped (not failed) when either is missing, unless CLAIMLINT_REQUIRE_SERVER=1.

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { pathToFileURL } = require("node:url");
const rpc = require("vscode-jsonrpc/node");
const { serverSettings } = require("../out/settings.js");

const repo = path.join(__dirname, "..", "..", "..");
// The binary the README builds (`cargo build --release`), else a debug build.
const built = ["release", "debug"].map((p) => path.join(repo, "target", p, "claimlint"));
const bin = process.env.CLAIMLINT_BIN || built.find((p) => fs.existsSync(p)) || built[0];
const article = process.env.CLAIMLINT_ARTICLE || path.join(repo, "..", "shared", "article", "week-of-talks.txt");
const required = process.env.CLAIMLINT_REQUIRE_SERVER === "1";
const missing = !fs.existsSync(bin) ? `no server binary at ${bin}` : !fs.existsSync(article) ? `no article at ${article}` : "";
if (missing && required) throw new Error(missing);

/** Resolves with the first value `pick` returns for a notification, or rejects after `ms`. */
function waitFor(list, pick, ms = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(list.seen).slice(0, 2000)}`)), ms);
    const tryAll = () => {
      for (const item of list.seen) {
        const v = pick(item);
        if (v !== undefined) {
          clearTimeout(timer);
          list.waiters.delete(tryAll);
          resolve(v);
          return true;
        }
      }
      return false;
    };
    if (!tryAll()) list.waiters.add(tryAll);
  });
}

test("the server takes the extension's settings and commands", { skip: missing || false, timeout: 90000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "claimlint-vscode-"));
  const note = path.join(folder, "note.md");
  const text = "# Notes\n\n- Montenegro joined NATO in 2016.\n- see §Roots of the Crisis.\n- See §Security Guarantees.\n";
  fs.writeFileSync(note, text);
  const uri = pathToFileURL(note).href;
  // As a user would write them in .vscode/settings.json: the article relative to the workspace folder.
  let user = {
    article: path.relative(folder, article),
    severity: { "wrong-date": "hint" },
    disable: ["unsupported"],
  };
  const settings = () => serverSettings((k, d) => (k in user ? user[k] : d), folder);

  const env = { ...process.env };
  delete env.CLAIMLINT_ARTICLE; // the article must come from the settings
  const proc = spawn(bin, ["lsp"], { cwd: folder, env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const diags = { seen: [], waiters: new Set() };
  const shown = [];
  conn.onNotification("textDocument/publishDiagnostics", (p) => {
    if (p.uri !== uri) return;
    diags.seen.push(p);
    for (const w of [...diags.waiters]) w();
  });
  conn.onNotification("window/showMessage", (p) => {
    if (p.type <= 2) shown.push(p.message);
  });
  conn.onNotification("window/logMessage", () => {});
  // What the extension's middleware answers: the "claimlint" section as the server reads it.
  conn.onRequest("workspace/configuration", (p) => p.items.map((i) => (i.section === "claimlint" ? settings() : null)));
  conn.onRequest("client/registerCapability", () => null);
  conn.onRequest("window/workDoneProgress/create", () => null);
  conn.onRequest("workspace/codeLens/refresh", () => null);
  conn.onRequest("workspace/diagnostic/refresh", () => null);
  conn.listen();

  try {
    const init = await conn.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: "notes" }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: settings(),
    });
    assert.deepEqual(init.capabilities.executeCommandProvider.commands, ["claimlint.showUncovered"]);
    conn.sendNotification("initialized", {});
    conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });

    // severity from the settings: wrong-date as a hint (4); the article is read (the section list is known).
    const first = await waitFor(diags, (p) => {
      const d = p.diagnostics.find((x) => x.code === "wrong-date");
      return d && p.diagnostics.some((x) => x.code === "unknown-section") ? p : undefined;
    });
    const date = first.diagnostics.find((x) => x.code === "wrong-date");
    assert.equal(date.range.start.line, 2);
    assert.equal(date.severity, 4, "claimlint.severity did not reach the server");
    const roots = first.diagnostics.find((x) => x.code === "unknown-section");
    assert.equal(roots.range.start.line, 3);

    // Definition needs the article: proves claimlint.article (relative in the settings) was resolved and read.
    const heading = fs.readFileSync(article, "utf8").split("\n").findIndex((l) => l.trim() === "Security Guarantees");
    const def = await conn.sendRequest("textDocument/definition", {
      textDocument: { uri },
      position: { line: 4, character: 10 }, // inside "Security" (UTF-16)
    });
    const loc = Array.isArray(def) ? def[0] : def;
    assert.ok(loc, "no definition for §Security Guarantees");
    const target = new URL(loc.uri || loc.targetUri);
    assert.equal(fs.realpathSync(target), fs.realpathSync(article));
    assert.equal((loc.range || loc.targetSelectionRange).start.line, heading);

    // The extension's didChangeConfiguration: {settings: {claimlint: ...}}; turning wrong-date off.
    diags.seen.length = 0;
    user = { ...user, disable: ["unsupported", "wrong-date"] };
    conn.sendNotification("workspace/didChangeConfiguration", { settings: { claimlint: settings() } });
    await waitFor(diags, (p) =>
      !p.diagnostics.some((x) => x.code === "wrong-date") && p.diagnostics.some((x) => x.code === "unknown-section")
        ? p
        : undefined,
    );

    // The command as the palette runs it: the active note's URI; the answer is Markdown text.
    const report = await conn.sendRequest("workspace/executeCommand", {
      command: "claimlint.showUncovered",
      arguments: [uri],
    });
    assert.equal(typeof report, "string");
    assert.match(report, /does not cover/);
    assert.match(report, /Security Guarantees/);

    assert.deepEqual(shown, [], "the server reported a problem with the settings");
    await conn.sendRequest("shutdown");
    conn.sendNotification("exit");
  } catch (e) {
    e.message += `\n--- server stderr ---\n${stderr.slice(-3000)}`;
    throw e;
  } finally {
    setTimeout(() => proc.kill(), 2000).unref();
    conn.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
