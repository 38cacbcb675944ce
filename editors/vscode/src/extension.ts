// The claimlint VS Code extension: starts `claimlint lsp` for the Markdown
// notes claimlint applies to (in a folder with a `.claimlint.toml`, or matched
// by `claimlint.include`) and passes it the `claimlint.*` settings. Other
// Markdown files (a README, docs) are left alone. All checking is done by the
// server.

import * as path from "path";
import * as fs from "fs";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  DocumentSelector,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";
import { applies, DEFAULT_INCLUDE, resolvePath, ServerSettings, serverSettings } from "./settings";

const SECTION = "claimlint";
const SHOW_UNCOVERED = "claimlint.showUncovered";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let fallbackCommand: vscode.Disposable | undefined;

function folderFor(scope?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  if (scope) {
    const f = vscode.workspace.getWorkspaceFolder(scope);
    if (f) return f;
  }
  return vscode.workspace.workspaceFolders?.[0];
}

function readSettings(scope?: vscode.Uri): ServerSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  return serverSettings((key, fallback) => cfg.get(key, fallback), folderFor(scope)?.uri.fsPath);
}

/**
 * Answers a `workspace/configuration` item for the server: the "claimlint"
 * section becomes exactly the settings the server reads (no `path`, no
 * `trace`), with absolute paths.
 */
function resolveConfigItem(section: string | undefined, value: unknown, scope?: vscode.Uri): unknown {
  const folder = folderFor(scope)?.uri.fsPath;
  if (section === SECTION) {
    return readSettings(scope);
  }
  if ((section === `${SECTION}.article` || section === `${SECTION}.claims`) && typeof value === "string") {
    return resolvePath(value, folder);
  }
  return value;
}

/** `claimlint.path`, or `claimlint` looked up on PATH; a bare name is looked up on PATH too. */
function serverCommand(): string {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>("path", "").trim();
  if (!configured) return "claimlint";
  if (!/[\\/]/.test(configured) && !configured.startsWith("~")) return configured;
  return resolvePath(configured, folderFor()?.uri.fsPath);
}

/** Reports of `claimlint.showUncovered`, served read-only under their own scheme (so not checked as notes). */
const REPORT_SCHEME = "claimlint-report";
const reports = new Map<string, string>();
const reportChanged = new vscode.EventEmitter<vscode.Uri>();
let reportCount = 0;

/** Shows what the server answered to `claimlint.showUncovered` (Markdown) beside the note. */
async function presentUncovered(result: unknown): Promise<void> {
  if (result === null || result === undefined) return;
  const text = typeof result === "string" ? result : "```json\n" + JSON.stringify(result, null, 2) + "\n```\n";
  const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Uncovered claims ${++reportCount}.md` });
  reports.set(uri.toString(), text);
  reportChanged.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, "markdown");
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

function activeMarkdownUri(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.languageId === "markdown" ? doc.uri.toString() : undefined;
}

const SETTINGS_FILE = ".claimlint.toml";

function include(): string[] {
  return vscode.workspace.getConfiguration(SECTION).get<string[]>("include", DEFAULT_INCLUDE);
}

/** Does this document get checked? (see `applies` in settings.ts) */
function appliesTo(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== "file" || doc.languageId !== "markdown") return false;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
  return applies(doc.uri.fsPath, folder, include(), (dir) => fs.existsSync(path.join(dir, SETTINGS_FILE)));
}

/** Folders whose notes are checked: those holding a `.claimlint.toml`, and workspace folders below one. */
async function settingsFolders(): Promise<string[]> {
  const dirs = new Set<string>();
  for (const uri of await vscode.workspace.findFiles(`**/${SETTINGS_FILE}`, "**/node_modules/**", 100)) {
    dirs.add(path.dirname(uri.fsPath));
  }
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    for (let dir = path.dirname(f.uri.fsPath); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, SETTINGS_FILE))) {
        dirs.add(f.uri.fsPath);
        break;
      }
    }
  }
  return [...dirs];
}

/** The documents the client hands the server: where claimlint applies, nothing else. */
async function documentSelector(): Promise<DocumentSelector> {
  // A glob string is matched against the document's absolute path.
  const under = (base: vscode.Uri, pattern: string) => `${base.fsPath.split(path.sep).join("/")}/${pattern}`;
  const filters: DocumentSelector = [];
  const plaintext = vscode.workspace.getConfiguration(SECTION).get<boolean>("plaintext", false);
  for (const dir of await settingsFolders()) {
    const base = vscode.Uri.file(dir);
    filters.push({ scheme: "file", language: "markdown", pattern: under(base, "**/*.{md,markdown}") });
    if (plaintext) filters.push({ scheme: "file", language: "plaintext", pattern: under(base, "**/*.txt") });
  }
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    for (const glob of include()) {
      filters.push({ scheme: "file", language: "markdown", pattern: under(f.uri, glob) });
    }
  }
  return filters;
}

async function createClient(): Promise<LanguageClient> {
  const command = serverCommand();
  if (path.isAbsolute(command) && !fs.existsSync(command)) {
    void vscode.window.showErrorMessage(`claimlint: the server binary ${command} (setting claimlint.path) does not exist.`);
  }
  const run: Executable = { command, args: ["lsp"] };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: await documentSelector(),
    initializationOptions: () => readSettings(),
    outputChannel: output,
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return answer.map((value, i) => {
            const item = params.items[i];
            const scope = item?.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return resolveConfigItem(item?.section, value, scope);
          });
        },
      },
      executeCommand: async (cmd, args, next) => {
        if (cmd !== SHOW_UNCOVERED) return next(cmd, args);
        // From the command palette there are no arguments: pass the open note.
        const uri = activeMarkdownUri();
        if (args.length === 0 && !uri) {
          void vscode.window.showWarningMessage("claimlint: open a Markdown note first.");
          return undefined;
        }
        const callArgs = args.length === 0 ? [uri] : args;
        const result = await next(cmd, callArgs);
        await presentUncovered(result);
        return result;
      },
    },
  };
  return new LanguageClient("claimlint", "claimlint", serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = await createClient();
  try {
    await client.start();
  } catch (err) {
    void vscode.window.showErrorMessage(
      `claimlint: could not start \`${serverCommand()} lsp\` (${String(err)}). Set claimlint.path to the claimlint binary.`,
    );
    return;
  }
  // A server that does not offer `claimlint.showUncovered` still gets a palette entry that says so.
  const offered = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  fallbackCommand?.dispose();
  fallbackCommand = undefined;
  if (!offered.includes(SHOW_UNCOVERED)) {
    fallbackCommand = vscode.commands.registerCommand(SHOW_UNCOVERED, () =>
      vscode.window.showWarningMessage("claimlint: this server does not offer claimlint.showUncovered."),
    );
    context.subscriptions.push(fallbackCommand);
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch {
      // already gone
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("claimlint");
  context.subscriptions.push(output);
  context.subscriptions.push(
    reportChanged,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
      onDidChange: reportChanged.event,
      provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? "",
    }),
  );
  context.subscriptions.push(vscode.commands.registerCommand("claimlint.restart", () => restart(context)));
  // A settings file created or deleted changes which notes are checked.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${SETTINGS_FILE}`, false, true, false);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(() => restartOrStart(context)),
    watcher.onDidDelete(() => restartOrStart(context)),
  );
  // Activated by a Markdown file claimlint may not apply to: start once one it applies to is open.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(async (doc) => {
      if (!client && appliesTo(doc)) await start(context);
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      // The binary or the documents to check changed: start over.
      if (
        e.affectsConfiguration(`${SECTION}.path`) ||
        e.affectsConfiguration(`${SECTION}.plaintext`) ||
        e.affectsConfiguration(`${SECTION}.include`)
      ) {
        await restartOrStart(context);
        return;
      }
      if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: readSettings() },
        });
      }
    }),
  );
  const found = (await settingsFolders()).length > 0 || vscode.workspace.textDocuments.some(appliesTo);
  if (found) await start(context);
}

/** Restart a running server, or start one if a note it applies to is open now. */
async function restartOrStart(context: vscode.ExtensionContext): Promise<void> {
  if (client) await restart(context);
  else if ((await settingsFolders()).length > 0 || vscode.workspace.textDocuments.some(appliesTo)) await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
