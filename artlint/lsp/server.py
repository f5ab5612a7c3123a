"""The language server: artlint's findings as the writer types, quick fixes, and "fix all".

The editor's buffer is checked with the same code path as `artlint check` (the configuration is
found by walking up from the file, as the command line finds it from the working directory), so
a finding in the editor is the finding CI will report. Positions are converted from characters
to the client's position encoding (UTF-16 unless the client offers another), so a caret under
Korean text or an emoji lands where it should.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from artlint import __version__
from artlint.model.diagnostics import Diagnostic, Fix, Severity
from artlint.model.document import LineIndex

SOURCE = "artlint"
CONFIG_CODE = "AL004"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.artlint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass
class _Checked:
    """What the last check of one buffer found, kept for its code actions."""

    version: int | None
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


class ArtlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.checked: dict[str, _Checked] = {}
        self.settings_cache: dict[tuple[str, float], Any] = {}


def build_server() -> ArtlintServer:
    server = ArtlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArtlintServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArtlintServer, params: types.DidChangeTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArtlintServer, params: types.DidSaveTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)  # files it links to may have changed on disk

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArtlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def code_action(ls: ArtlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    return server


def settings_for(ls: ArtlintServer, path: str) -> Any:
    """The settings for a file, as `artlint check` run from the file's folder would find them,
    with the file's site detected afresh when its generator configuration changed."""
    from artlint import site
    from artlint.config.loading import find_config, load

    site.revalidate(path if os.path.isabs(path) else Path.cwd())

    folder = Path(path).parent if os.path.isabs(path) else Path.cwd()
    config = find_config(folder)
    key = (str(config), config.stat().st_mtime if config is not None else 0.0)
    if key not in ls.settings_cache:
        ls.settings_cache[key] = load(config, start=folder)
    return ls.settings_cache[key]


def publish(ls: ArtlintServer, uri: str) -> None:
    document = ls.workspace.get_text_document(uri)
    path = document.path or uri
    text = document.source
    checked = _Checked(document.version, text)
    try:
        from artlint.api import check_text

        checked.diagnostics = check_text(text, path, settings_for(ls, path))
    except Exception as exc:  # a bad configuration is shown in the buffer, never a dead server
        from artlint.config.loading import ConfigError

        message = str(exc) if isinstance(exc, ConfigError) else f"{type(exc).__name__}: {exc}"
        checked.diagnostics = [Diagnostic(path, 1, 1, CONFIG_CODE, "config-error", Severity.ERROR, message)]
    ls.checked[uri] = checked
    lines = document.lines
    found = [_to_lsp(ls, lines, d, i) for i, d in enumerate(checked.diagnostics)]
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=found)
    )


def _to_lsp(ls: ArtlintServer, lines: Any, diagnostic: Diagnostic, index: int) -> types.Diagnostic:
    start = types.Position(line=diagnostic.line - 1, character=diagnostic.column - 1)
    if diagnostic.end_line is not None and diagnostic.end_column is not None:
        end = types.Position(line=diagnostic.end_line - 1, character=diagnostic.end_column - 1)
    else:
        end = types.Position(line=start.line, character=start.character + 1)
    codec = ls.workspace.position_codec
    return types.Diagnostic(
        range=codec.range_to_client_units(lines, types.Range(start=start, end=end)),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE,
        data={"index": index, "name": diagnostic.name},
    )


def code_actions(ls: ArtlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = ls.checked.get(uri)
    if checked is None:
        return []
    lines = ls.workspace.get_text_document(uri).lines
    index = LineIndex(checked.text)
    actions: list[types.CodeAction] = []
    wanted = params.context.only
    if wanted is None or types.CodeActionKind.QuickFix in wanted:
        for shown in params.context.diagnostics:
            diagnostic = _ours(checked, shown)
            if diagnostic is None or diagnostic.fix is None:
                continue
            edit = _workspace_edit(ls, uri, lines, index, diagnostic.fix)
            title = f"{diagnostic.fix.description} ({diagnostic.code})"
            if not diagnostic.fix.safe:
                title += " [changes styling]"
            actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                                            diagnostics=[shown], edit=edit, is_preferred=diagnostic.fix.safe))
    if wanted is None or any(FIX_ALL_KIND.startswith(kind) for kind in wanted):
        fix_all = _fix_all(ls, uri, checked, lines)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def _ours(checked: _Checked, shown: types.Diagnostic) -> Diagnostic | None:
    data = shown.data if isinstance(shown.data, dict) else {}
    position = data.get("index")
    if shown.source != SOURCE or not isinstance(position, int):
        return None
    if 0 <= position < len(checked.diagnostics) and checked.diagnostics[position].code == shown.code:
        return checked.diagnostics[position]
    return None


def _workspace_edit(
    ls: ArtlintServer, uri: str, lines: Any, index: LineIndex, fix: Fix
) -> types.WorkspaceEdit:
    codec = ls.workspace.position_codec
    edits = []
    for edit in fix.edits:
        (sl, sc), (el, ec) = index.position(edit.start), index.position(edit.end)
        where = types.Range(start=types.Position(line=sl - 1, character=sc - 1),
                            end=types.Position(line=el - 1, character=ec - 1))
        edits.append(types.TextEdit(range=codec.range_to_client_units(lines, where), new_text=edit.text))
    return types.WorkspaceEdit(changes={uri: edits})


def _fix_all(ls: ArtlintServer, uri: str, checked: _Checked, lines: Any) -> types.CodeAction | None:
    """Every safe fix, verified as `artlint check --fix` verifies it, as one whole-buffer edit."""
    from artlint.fix.loop import fix_text
    from artlint.text.files import decode_bytes

    if not any(d.fix is not None and d.fix.safe for d in checked.diagnostics):
        return None
    document = ls.workspace.get_text_document(uri)
    path = document.path or uri
    result = fix_text(decode_bytes(checked.text.encode("utf-8")), path, settings_for(ls, path))
    if not result.changed:
        return None
    if not lines or lines[-1].endswith(("\n", "\r")):
        end = types.Position(line=len(lines), character=0)
    else:
        units = ls.workspace.position_codec.client_num_units(lines[-1])
        end = types.Position(line=len(lines) - 1, character=units)
    whole = types.Range(start=types.Position(line=0, character=0), end=end)
    edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=result.text)]})
    return types.CodeAction(title="artlint: fix all safe problems", kind=FIX_ALL_KIND, edit=edit)


def serve() -> None:
    build_server().start_io()
