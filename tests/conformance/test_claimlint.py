"""Conformance of `claimlint lsp`, judged by others' code.

pytest-lsp (a pygls client) drives the real binary with the capability set
vscode-languageclient 9.0.1 really sends (captured from its own code by
capture-vscode-capabilities.js) and with Neovim 0.11's (as pytest-lsp ships
it). Every message the server sends, each response, notification and request,
is typed with lsprotocol's converter and must survive the round trip with
nothing lost, so a misspelt or unknown field, a wrong type or a missing
required one fails the test. Covered: every method the server offers, a
settings change and the refresh that must follow it, a partial settings
change, a bad value beside a good one, and hover for a plain-text client.

Environment: CLAIMLINT_BIN (default: target/debug/claimlint).
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import pathlib
import subprocess
from typing import Any

import pytest
import pytest_asyncio
import pytest_lsp
from lsprotocol import types
from lsprotocol.converters import get_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

HERE = pathlib.Path(__file__).parent
REPO = HERE.parent.parent
BIN = os.environ.get("CLAIMLINT_BIN") or str(REPO / "target" / "debug" / "claimlint")
CONVERTER = get_converter()

# A note with mistakes: a wrong year, a wrong place, a section that does not
# exist, references to real sections, an altered title quotation.
NOTE = (
    "# Week of talks\n"
    "\n"
    "- Montenegro joined NATO in 2016.\n"
    "- Biden invited Putin to a summit in Helsinki.\n"
    "- see §Roots of the Crisis.\n"
    "- The piece is titled “What a Week of Talks Between Russia and NATO Revealed”.\n"
    "\n"
    "- see §Security Guarantees and [[Roots]].\n"
)


def at(needle: str, skip: int = 0) -> types.Position:
    i = NOTE.index(needle) + skip
    line = NOTE[:i].count("\n")
    start = NOTE.rfind("\n", 0, i) + 1
    return types.Position(line=line, character=len(NOTE[start:i].encode("utf-16-le")) // 2)


def section_titles() -> list[str]:
    """The bundled claim base's section titles, from `claimlint sections`."""
    out = subprocess.run([BIN, "sections"], capture_output=True, text=True, check=True, cwd="/").stdout
    titles = []
    for line in out.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) == 2 and parts[1] != "(untitled opening)":
            titles.append(parts[1].strip())
    return titles


def stand_in_article(folder: pathlib.Path) -> pathlib.Path:
    """A text with the article's section headings (the article itself is not needed)."""
    text = "A stand-in for the article\n\nOpening.\n"
    for t in section_titles():
        text += f"\n{t}\n\nBody of {t}.\n"
    path = folder / "stand-in-article.txt"
    path.write_text(text)
    return path


# ------------------------------------------------------------------ strict typing of everything received


def without_nulls(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: without_nulls(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [without_nulls(x) for x in v]
    return v


def strictly(value: Any, type_: Any, what: str) -> Any:
    """Type `value` with lsprotocol; it must come back the same (no field lost or renamed)."""
    typed = CONVERTER.structure(value, type_)
    again = CONVERTER.unstructure(typed, unstructure_as=type_)
    assert without_nulls(again) == without_nulls(value), f"{what}: does not fit {type_}:\n{json.dumps(value)[:2000]}"
    return typed


def response_type(method: str) -> Any:
    """The whole response message's type (id, result)."""
    return types.METHOD_TO_TYPES[method][1]


def params_type(method: str) -> Any:
    return types.METHOD_TO_TYPES[method][2]


class Recorder:
    """Every message the server sends, as raw JSON, checked as it arrives."""

    def __init__(self, client: LanguageClient):
        self.raw: list[dict] = []
        self.problems: list[str] = []
        proto = client.protocol
        structure = proto.structure_message

        def record(data: dict):
            if "jsonrpc" in data:
                self.raw.append(copy.deepcopy(data))
                try:
                    self.check(data)
                except AssertionError as e:  # reported by the test, not lost in pygls
                    self.problems.append(str(e))
            return structure(data)

        proto.structure_message = record

    def check(self, m: dict) -> None:
        method = m.get("method")
        if method and "id" in m:  # a request from the server
            if method in (types.WORKSPACE_DIAGNOSTIC_REFRESH, types.WORKSPACE_CODE_LENS_REFRESH):
                assert "params" not in m, f"{method} carries a params member: {m}"
            else:
                strictly(m.get("params"), params_type(method), method)
        elif method:  # a notification
            strictly(m.get("params"), params_type(method), method)

    def responses(self) -> list[dict]:
        return [m for m in self.raw if "method" not in m and "id" in m]

    def requests(self, method: str) -> list[dict]:
        return [m for m in self.raw if m.get("method") == method and "id" in m]


async def call(client: LanguageClient, rec: Recorder, method: str, params: Any) -> Any:
    """Send a request; type its raw result strictly (and pygls types it too)."""
    before = len(rec.raw)
    result = await client.protocol.send_request_async(method, params)
    await asyncio.sleep(0)
    raw = [m for m in rec.raw[before:] if "method" not in m and "result" in m]
    assert raw, f"no raw response to {method}"
    strictly(raw[-1], response_type(method), method)
    return result


async def until(predicate, what: str, timeout: float = 10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        got = predicate()
        if got:
            return got
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


# ------------------------------------------------------------------ the two clients

VSCODE = json.loads((HERE / "clients" / "vscode-languageclient-9.0.1.json").read_text())


def capabilities_of(name: str) -> types.ClientCapabilities:
    if name == "vscode":
        return CONVERTER.structure(VSCODE["capabilities"], types.ClientCapabilities)
    if name == "neovim":
        return client_capabilities("neovim@v0.11.0")
    if name == "plaintext-hover":
        caps = client_capabilities("neovim@v0.11.0")
        caps.text_document.hover.content_format = [types.MarkupKind.PlainText]
        return caps
    raise ValueError(name)


def pulls(caps: types.ClientCapabilities) -> bool:
    """Does the client pull diagnostics and take refresh requests? (then the server lets it pull)"""
    refresh = caps.workspace and caps.workspace.diagnostics and caps.workspace.diagnostics.refresh_support
    return bool(caps.text_document and caps.text_document.diagnostic and refresh)


class Session:
    def __init__(self, client: LanguageClient, rec: Recorder, caps, folder: pathlib.Path, article: pathlib.Path, init):
        self.client, self.rec, self.caps, self.folder, self.article, self.init = client, rec, caps, folder, article, init
        self.uri = (folder / "note.md").as_uri()

    def open(self, text: str = NOTE) -> None:
        (self.folder / "note.md").write_text(text)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=self.uri, language_id="markdown", version=1, text=text)
            )
        )

    async def diagnostics(self, want=lambda codes: True, what="diagnostics") -> list[types.Diagnostic]:
        """The note's diagnostics, pulled or pushed as the client does it, once `want(codes)` holds."""
        if pulls(self.caps):
            async def pull():
                report = await call(
                    self.client,
                    self.rec,
                    types.TEXT_DOCUMENT_DIAGNOSTIC,
                    types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=self.uri)),
                )
                return report.items

            items = await pull()
            assert want({d.code for d in items}), f"{what}: {[d.code for d in items]}"
            return items
        got = await until(
            lambda: (d := self.client.diagnostics.get(self.uri)) is not None and want({x.code for x in d}) and d,
            what,
        )
        return list(got)

    def settings(self, value: dict) -> None:
        self.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=value))


CLIENTS = ["vscode", "neovim"]
SERVER = ClientServerConfig(
    server_command=[BIN, "lsp"],
    server_env={k: v for k, v in os.environ.items() if k != "CLAIMLINT_ARTICLE"},
)


@pytest_lsp.fixture(params=CLIENTS, config=SERVER)
async def client(request, lsp_client: LanguageClient):
    lsp_client.kind = request.param  # which capability set to send
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def plain_client(lsp_client: LanguageClient):
    lsp_client.kind = "plaintext-hover"
    yield
    await lsp_client.shutdown_session()


async def start(lsp_client: LanguageClient, folder: pathlib.Path, options: Any) -> Session:
    rec = Recorder(lsp_client)
    # What an editor answers to the server's watcher registrations.
    lsp_client.registrations = []
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: lsp_client.registrations.append(params))
    lsp_client.feature(types.CLIENT_UNREGISTER_CAPABILITY)(lambda params: None)
    lsp_client.feature(types.WORKSPACE_CODE_LENS_REFRESH)(lambda params: None)
    caps = capabilities_of(lsp_client.kind)
    article = stand_in_article(folder)
    if options is None:
        (folder / ".claimlint.toml").write_text(f'article = "{article.name}"\n')
    else:
        options = {"claimlint": {"article": str(article), **options}}
    init = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="notes")],
            initialization_options=options,
        )
    )
    init_raw = [m for m in rec.raw if "result" in m and "capabilities" in (m["result"] or {})]
    assert init_raw, "no raw initialize response"
    strictly(init_raw[0], response_type(types.INITIALIZE), "initialize")
    return Session(lsp_client, rec, caps, folder, article, init)


@pytest_asyncio.fixture
async def session(client: LanguageClient, tmp_path: pathlib.Path):
    s = await start(client, tmp_path, {"severity": {"wrong-place": "warning"}})
    yield s
    assert not s.rec.problems, "\n".join(s.rec.problems)


@pytest_asyncio.fixture
async def plain_session(plain_client: LanguageClient, tmp_path: pathlib.Path):
    s = await start(plain_client, tmp_path, None)
    yield s
    assert not s.rec.problems, "\n".join(s.rec.problems)


# ------------------------------------------------------------------ the tests


async def test_diagnostics_the_way_each_client_takes_them(session: Session):
    offered = session.init.capabilities.diagnostic_provider is not None
    assert offered == pulls(session.caps), "pull diagnostics offered to a client that cannot be asked to refresh"
    session.open()
    items = await session.diagnostics(lambda c: {"wrong-date", "wrong-place", "unknown-section"} <= c)
    place = next(d for d in items if d.code == "wrong-place")
    assert place.severity == types.DiagnosticSeverity.Warning  # the severity setting applies
    date = next(d for d in items if d.code == "wrong-date")
    assert date.range.start == at("2016")


async def test_every_method_the_server_offers_answers_in_schema(session: Session):
    caps = session.init.capabilities
    session.open()
    await session.diagnostics(lambda c: "wrong-date" in c)
    doc = types.TextDocumentIdentifier(uri=session.uri)
    seen = set()

    assert caps.hover_provider
    hover = await call(session.client, session.rec, types.TEXT_DOCUMENT_HOVER,
                       types.HoverParams(text_document=doc, position=at("§Security", 3)))
    assert hover is not None and session.article.name in hover.contents.value
    seen.add("hover")

    assert caps.definition_provider
    loc = await call(session.client, session.rec, types.TEXT_DOCUMENT_DEFINITION,
                     types.DefinitionParams(text_document=doc, position=at("§Security", 3)))
    loc = loc[0] if isinstance(loc, list) else loc
    assert pathlib.Path(types.Location(uri=loc.uri, range=loc.range).uri.removeprefix("file://")).name == session.article.name
    seen.add("definition")

    assert caps.document_link_provider
    await call(session.client, session.rec, types.TEXT_DOCUMENT_DOCUMENT_LINK, types.DocumentLinkParams(text_document=doc))
    seen.add("documentLink")

    assert caps.document_symbol_provider
    syms = await call(session.client, session.rec, types.TEXT_DOCUMENT_DOCUMENT_SYMBOL,
                      types.DocumentSymbolParams(text_document=doc))
    assert syms and syms[0].name == "Week of talks"
    seen.add("documentSymbol")

    assert caps.workspace_symbol_provider
    ws = await call(session.client, session.rec, types.WORKSPACE_SYMBOL, types.WorkspaceSymbolParams(query="guarantees"))
    assert any(s.name == "Security Guarantees" for s in ws)
    seen.add("workspace/symbol")

    assert caps.completion_provider
    await call(session.client, session.rec, types.TEXT_DOCUMENT_COMPLETION,
               types.CompletionParams(text_document=doc, position=at("§Security", 1)))
    seen.add("completion")

    assert caps.code_action_provider
    diags = await session.diagnostics(lambda c: "wrong-date" in c)
    date = next(d for d in diags if d.code == "wrong-date")
    actions = await call(session.client, session.rec, types.TEXT_DOCUMENT_CODE_ACTION,
                         types.CodeActionParams(text_document=doc, range=date.range,
                                                context=types.CodeActionContext(diagnostics=[date])))
    assert actions, "no quick fix for the wrong year"
    seen.add("codeAction")

    assert caps.code_lens_provider
    await call(session.client, session.rec, types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensParams(text_document=doc))
    seen.add("codeLens")

    assert caps.execute_command_provider
    for command in caps.execute_command_provider.commands:
        await call(session.client, session.rec, types.WORKSPACE_EXECUTE_COMMAND,
                   types.ExecuteCommandParams(command=command, arguments=[session.uri]))
    seen.add("executeCommand")

    if caps.diagnostic_provider:
        await call(session.client, session.rec, types.TEXT_DOCUMENT_DIAGNOSTIC,
                   types.DocumentDiagnosticParams(text_document=doc))
        seen.add("diagnostic")

    # Every provider the server declares was exercised above.
    declared = {k for k, v in CONVERTER.unstructure(caps).items() if k.endswith("Provider") and v}
    names = {"hoverProvider": "hover", "definitionProvider": "definition", "documentLinkProvider": "documentLink",
             "documentSymbolProvider": "documentSymbol", "workspaceSymbolProvider": "workspace/symbol",
             "completionProvider": "completion", "codeActionProvider": "codeAction", "codeLensProvider": "codeLens",
             "executeCommandProvider": "executeCommand", "diagnosticProvider": "diagnostic"}
    assert declared <= set(names), f"a provider this suite does not cover: {declared - set(names)}"
    assert {names[k] for k in declared} <= seen
    # Every response that came back was typed strictly (in `call`), and nothing else failed to type.
    assert len(session.rec.responses()) >= len(seen)


async def test_a_settings_change_refreshes_what_the_user_sees_without_an_edit(session: Session):
    session.open()
    await session.diagnostics(lambda c: "wrong-date" in c)
    refreshes = len(session.rec.requests(types.WORKSPACE_DIAGNOSTIC_REFRESH))
    lenses = len(session.rec.requests(types.WORKSPACE_CODE_LENS_REFRESH))
    session.client.diagnostics.pop(session.uri, None)
    # Partial: only `disable`, as an eglot .dir-locals.el or a VS Code workspace setting sends it.
    session.settings({"claimlint": {"disable": ["wrong-date"]}})
    if pulls(session.caps):
        # VS Code pulls: the server must ask it to pull again, with no params member.
        await until(lambda: len(session.rec.requests(types.WORKSPACE_DIAGNOSTIC_REFRESH)) > refreshes,
                    "workspace/diagnostic/refresh")
    lens_refresh = session.caps.workspace.code_lens and session.caps.workspace.code_lens.refresh_support
    if lens_refresh:
        await until(lambda: len(session.rec.requests(types.WORKSPACE_CODE_LENS_REFRESH)) > lenses,
                    "workspace/codeLens/refresh")
    for m in session.rec.requests(types.WORKSPACE_DIAGNOSTIC_REFRESH) + session.rec.requests(types.WORKSPACE_CODE_LENS_REFRESH):
        assert "params" not in m, m
    items = await session.diagnostics(lambda c: "wrong-date" not in c and "unknown-section" in c,
                                      "diagnostics without wrong-date")
    assert not any(d.code == "wrong-date" for d in items)


async def test_a_partial_settings_change_keeps_the_article_and_the_other_keys(session: Session):
    session.open()
    await session.diagnostics(lambda c: "wrong-date" in c)
    session.settings({"claimlint": {"disable": ["unsupported"]}})
    await until(lambda: any("disabled: unsupported" in m.message for m in session.client.log_messages),
                "the new settings in the log")
    # The article given at start is still in use: go-to-section lands in it.
    doc = types.TextDocumentIdentifier(uri=session.uri)
    loc = await call(session.client, session.rec, types.TEXT_DOCUMENT_DEFINITION,
                     types.DefinitionParams(text_document=doc, position=at("§Security", 3)))
    assert loc, "the article given at start was dropped by a change that named only `disable`"
    loc = loc[0] if isinstance(loc, list) else loc
    assert loc.uri.endswith(session.article.name)
    # And the severity given at start still applies.
    items = await session.diagnostics(lambda c: "wrong-place" in c)
    assert next(d for d in items if d.code == "wrong-place").severity == types.DiagnosticSeverity.Warning
    # One bad value beside a good one: the bad one is named and rejected alone.
    session.client.messages.clear()
    session.settings({"claimlint": {"severity": {"wrong-date": "fatal", "wrong-place": "hint"}}})
    shown = await until(lambda: [m for m in session.client.messages if "fatal" in m.message], "a message naming the bad value")
    assert "severity.wrong-date" in shown[0].message
    items = await session.diagnostics(
        lambda c: "wrong-place" in c, "diagnostics after the bad value"
    )
    await until(lambda: any("severity: wrong-place = hint" in m.message for m in session.client.log_messages),
                "the good value applied")


async def test_the_log_names_where_the_article_came_from(session: Session):
    await until(lambda: [m for m in session.client.log_messages if "resolved sources" in m.message], "the sources log")
    log = next(m.message for m in session.client.log_messages if "resolved sources" in m.message)
    assert f"{session.article} (from the client setting claimlint.article)" in log, log


async def test_hover_is_plain_text_for_a_client_that_takes_no_markdown(plain_session: Session):
    s = plain_session
    s.open()
    await s.diagnostics(lambda c: "wrong-date" in c)
    doc = types.TextDocumentIdentifier(uri=s.uri)
    for needle, skip in [("§Security", 3), ("2016", 1), ("Montenegro", 2)]:
        hover = await call(s.client, s.rec, types.TEXT_DOCUMENT_HOVER, types.HoverParams(text_document=doc, position=at(needle, skip)))
        if hover is None:
            continue
        assert isinstance(hover.contents, types.MarkupContent), hover
        assert hover.contents.kind == types.MarkupKind.PlainText, hover.contents.kind
        assert "**" not in hover.contents.value and "](" not in hover.contents.value, hover.contents.value
    hover = await call(s.client, s.rec, types.TEXT_DOCUMENT_HOVER, types.HoverParams(text_document=doc, position=at("§Security", 3)))
    assert ".claimlint.toml:1 article" in hover.contents.value, hover.contents.value
