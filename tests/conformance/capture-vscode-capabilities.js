// Prints the ClientCapabilities that vscode-languageclient (the version the
// VS Code extension ships, editors/vscode/node_modules) sends in `initialize`,
// computed by its own code: its BaseLanguageClient.computeClientCapabilities()
// with every builtin feature registered, as in VS Code. VS Code itself cannot
// run here, so the `vscode` module the library imports is a stand-in that
// answers anything; capabilities are plain data the features write, not read
// from VS Code.
//
//   node tests/conformance/capture-vscode-capabilities.js > tests/conformance/clients/vscode-languageclient-9.0.1.json
"use strict";
const path = require("node:path");
const Module = require("node:module");

const modules = path.join(__dirname, "..", "..", "editors", "vscode", "node_modules");
// A value that is every value: callable, constructible, any property.
function anything(name = "vscode", known = {}) {
  const f = Object.assign(function () {}, known);
  return new Proxy(f, {
    get: (t, p) => {
      if (p === Symbol.toPrimitive) return () => 0;
      if (p === "then") return undefined;
      if (p === Symbol.iterator) return function* () {};
      if (!(p in t)) t[p] = anything(`${name}.${String(p)}`);
      return t[p];
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "vscode") return "vscode";
  return resolve.call(this, request, ...rest);
};
// The lowest VS Code the extension supports (package.json "engines").
const engine = require(path.join(__dirname, "..", "..", "editors", "vscode", "package.json")).engines.vscode;
const stub = anything("vscode", { version: engine.replace(/^[^\d]*/, "") });
require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: stub };

const pkg = require(path.join(modules, "vscode-languageclient", "package.json"));
const { LanguageClient } = require(path.join(modules, "vscode-languageclient", "node"));
const client = new LanguageClient("claimlint", "claimlint", { command: "claimlint", args: ["lsp"] }, {
  documentSelector: [{ scheme: "file", language: "markdown" }],
});
const capabilities = client.computeClientCapabilities();
process.stdout.write(
  JSON.stringify({ clientInfo: { name: "vscode-languageclient", version: pkg.version }, capabilities }, null, 2) + "\n",
);
