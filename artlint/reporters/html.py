"""A self-contained HTML page of a run, for people: a check's findings, or a conversion's report.

The page needs no network and no other file: styles and a small filter script are inline, and
everything is readable with scripts off. Every piece of text from an article is escaped, so a
post's own markup can never run in the report. Filters (severity, rule, text) are kept in the
address's fragment (`#severity=error&rule=HT103`), so a filtered view can be linked to.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING, Any, TextIO

from artlint import __version__

if TYPE_CHECKING:
    from artlint.model.results import FileResult

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
header{padding:16px 24px;border-bottom:1px solid #d0d7de;background:#f6f8fa}
h1{font-size:20px;margin:0 0 8px}main{padding:8px 24px 32px}
.counts span{display:inline-block;margin-right:16px}.error{color:#cf222e}.warning{color:#9a6700}
.info{color:#0969da}table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;text-align:left;
border-bottom:1px solid #eaeef2;vertical-align:top}section.file{margin:18px 0}
h2{font-size:15px;margin:0 0 4px;font-family:ui-monospace,monospace}
pre{margin:2px 0 0;padding:4px 8px;background:#f6f8fa;overflow-x:auto;font-size:12px}
mark{background:#ffd8b5}.filters{margin-top:8px}.filters label{margin-right:12px}
[hidden]{display:none!important}
"""

_SCRIPT = """
(function(){
  function state(){var s={severity:null,rule:null,q:""};location.hash.replace(/^#/,"").split("&")
    .forEach(function(p){var kv=p.split("=");
      if(kv[0]&&kv[1]!==undefined)s[kv[0]]=decodeURIComponent(kv[1]);});
    return s;}
  function apply(){var s=state();var shown=0;
    document.querySelectorAll("tr.finding").forEach(function(row){
      var ok=(!s.severity||s.severity.split(",").indexOf(row.dataset.severity)>=0)&&
             (!s.rule||row.dataset.code===s.rule)&&
             (!s.q||row.textContent.toLowerCase().indexOf(s.q.toLowerCase())>=0);
      row.hidden=!ok;var next=row.nextElementSibling;
      if(next&&next.classList.contains("source"))next.hidden=!ok;if(ok)shown++;});
    document.querySelectorAll("section.file").forEach(function(sec){
      sec.hidden=!sec.querySelector("tr.finding:not([hidden])")&&!!sec.querySelector("tr.finding");});
    var out=document.getElementById("shown");if(out)out.textContent=shown;
    var q=document.getElementById("q");if(q&&document.activeElement!==q)q.value=s.q;}
  function set(key,value){var s=state();s[key]=value;var parts=[];
    ["severity","rule","q"].forEach(function(k){if(s[k])parts.push(k+"="+encodeURIComponent(s[k]));});
    location.hash=parts.join("&");}
  window.addEventListener("hashchange",apply);
  document.addEventListener("DOMContentLoaded",function(){
    document.querySelectorAll("[data-filter-rule]").forEach(function(a){a.addEventListener("click",
      function(e){e.preventDefault();set("rule",a.dataset.filterRule);});});
    var q=document.getElementById("q");if(q)q.addEventListener("input",function(){set("q",q.value);});
    apply();});
})();
"""


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(title)}</title><style>{_STYLE}</style><script>{_SCRIPT}</script></head>"
        f"<body>{body}<footer><main><small>artlint {escape(__version__)}</small></main></footer>"
        "</body></html>\n"
    )


class HtmlReporter:
    """`--format html`: every finding, grouped by file, with its source line."""

    def __init__(self, stream: TextIO, color: bool = False) -> None:
        self.stream = stream
        self.sections: list[str] = []
        self.counts: Counter[str] = Counter()
        self.rules: Counter[tuple[str, str]] = Counter()
        self.files = 0

    def file(self, result: FileResult) -> None:
        self.files += 1
        if not result.diagnostics:
            return
        lines = (result.text or "").splitlines()
        rows = []
        for d in result.diagnostics:
            severity = str(d.severity)
            self.counts[severity] += 1
            self.rules[(d.code, d.name)] += 1
            rows.append(
                f'<tr class="finding" data-severity="{severity}" data-code="{escape(d.code)}">'
                f"<td>{d.line}:{d.column}</td><td class=\"{severity}\">{severity}</td>"
                f"<td>{escape(d.code)} {escape(d.name)}</td><td>{escape(d.message)}</td></tr>"
            )
            if 0 < d.line <= len(lines):
                excerpt = _excerpt(lines[d.line - 1], d)
                rows.append(f'<tr class="source"><td></td><td colspan="3">{excerpt}</td></tr>')
        self.sections.append(
            f'<section class="file"><h2>{escape(result.path)}</h2><table>{"".join(rows)}</table></section>'
        )

    def finish(self) -> None:
        total = sum(self.counts.values())
        counts = "".join(
            f'<span class="{s}">{self.counts[s]} {s}{_plural(s, self.counts[s])}</span>'
            for s in ("error", "warning", "info")
        )
        rules = "".join(
            f'<tr><td><a href="#rule={escape(code)}" data-filter-rule="{escape(code)}">'
            f"{escape(code)}</a></td><td>{escape(name)}</td><td>{count}</td></tr>"
            for (code, name), count in sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))
        )
        header = (
            f"<header><h1>artlint: {self.files} file{'s' if self.files != 1 else ''} checked</h1>"
            f'<div class="counts">{counts}<span><span id="shown">{total}</span> shown</span></div>'
            '<div class="filters"><a href="#severity=error">errors</a> · <a href="#severity=error,warning">'
            'errors and warnings</a> · <a href="#">everything</a> · '
            '<label>filter <input id="q" type="search"></label></div></header>'
        )
        body = header + "<main>"
        if rules:
            heads = "<tr><th>rule</th><th>name</th><th>findings</th></tr>"
            body += f'<table class="rules">{heads}{rules}</table>'
        body += "".join(self.sections) or "<p>No findings.</p>"
        self.stream.write(page("artlint report", body + "</main>"))


def _plural(severity: str, count: int) -> str:
    return "s" if count != 1 and severity != "info" else ""


def _excerpt(line: str, d: Any) -> str:
    """The source line with the finding's span marked (to the end of it when it ends there)."""
    start = max(0, d.column - 1)
    end = start + 1
    if d.end_line == d.line and d.end_column and d.end_column - 1 > start:
        end = d.end_column - 1
    return (
        f"<pre>{escape(line[:start])}<mark>{escape(line[start:end]) or ' '}</mark>{escape(line[end:])}</pre>"
    )


def convert_report(report: dict[str, Any]) -> str:
    """The page of `artlint convert --report report.html`: what was written, refused and dropped."""
    summary = report.get("summary", {})
    counts = "".join(
        f"<span>{escape(str(value))} {escape(key)}</span>"
        for key, value in summary.items() if key not in ("dropped",)
    )
    dropped = "".join(
        f"<tr><td>{escape(str(name))}</td><td>{escape(str(count))}</td></tr>"
        for name, count in (summary.get("dropped") or {}).items()
    )
    rows = []
    for entry in report.get("files", []):
        status = str(entry.get("status", ""))
        severity = "error" if status in ("failed", "error") else "info"
        problems = [str(p) for p in entry.get("differences") or []]
        if entry.get("error"):
            problems.append(str(entry["error"]))
        dropped_here = ", ".join(f"{k} {v}" for k, v in (entry.get("dropped") or {}).items())
        detail = "".join(f"<li>{escape(p)}</li>" for p in problems)
        rows.append(
            f'<tr class="finding" data-severity="{severity}" data-code="{escape(status)}">'
            f"<td>{escape(str(entry.get('path', '')))}</td><td class=\"{severity}\">{escape(status)}</td>"
            f"<td>{escape(dropped_here)}</td><td>{f'<ul>{detail}</ul>' if detail else ''}</td></tr>"
        )
    header = (
        f"<header><h1>artlint convert to {escape(str(report.get('to', '')))}</h1>"
        f'<div class="counts">{counts}<span><span id="shown">{len(rows)}</span> shown</span></div>'
        '<div class="filters"><a href="#severity=error">refused and failed</a> · <a href="#">everything</a>'
        ' · <label>filter <input id="q" type="search"></label></div></header>'
    )
    body = header + "<main>"
    if dropped:
        body += f"<h2>Dropped on purpose</h2><table>{dropped}</table>"
    body += (
        '<section class="file"><table><tr><th>file</th><th>status</th><th>dropped</th><th>why</th></tr>'
        f"{''.join(rows)}</table></section></main>"
    )
    return page("artlint convert report", body)
