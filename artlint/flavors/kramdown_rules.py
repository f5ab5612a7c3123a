"""kramdown's links, link definitions and tables, where its reading differs from CommonMark's.

Rules added to the kramdown flavour's markdown-it parser by flavors/syntax.py; each was checked
against kramdown itself (tests/fixtures/flavors/golden/):

- an inline link's URL runs to its balanced `)`, spaces and line breaks included, so
  `[notes]({{ site.repo }}/notes)` is a link (the URL Liquid makes has no space; kramdown keeps
  the tag as written when it is given the page unrendered); a Liquid tag is one piece of the
  URL, its quotes and pipes included, as the URL Jekyll hands kramdown has them rendered;
- a link definition's URL is the rest of its line: `[id]: {{ site.repo }}/notes`;
- lines that each hold a `|` outside code spans, up to a blank line, are a table: no delimiter
  row is needed (without one every row is a body row), and it works inside a list item. The
  pipes of Liquid tags (`{{ url | relative_url }}`) do not count: Jekyll runs Liquid first, so
  kramdown never sees them;
- a list item goes on over any line right after one of its lines (a heading, a quote, a fence,
  another kind of list), unless that line starts a new item, an HTML block or an attribute
  list: `- step\n### Next` puts the heading inside the item;
- emphasis as kramdown finds it: a `*`/`_` run opens unless a space follows (or, for `_`, a
  letter comes before), and closes at the first same run after a non-space with something
  inside; `**` that finds no end tries `*` from its second character, and an emphasis never
  holds one of its own kind. So `**굵게(b)**은` is bold where CommonMark's flanking rules refuse
  it, and `______` is `<em>__</em>__`;
- a list with the attribute list `{:toc}` is replaced by the page's table of contents: a list
  (id `markdown-toc`) of links to the headings that have ids, nested by level, the headings'
  links dropped to their text; a heading with the class `no_toc` is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_SPACE = " \t\r\n\f\v"  # Ruby's \s
_TITLE = re.compile(r"""[ \t\r\n\f\v]*?(["'])(.+?)\1[ \t\r\n\f\v]*?\)""", re.S)
_DEFINITION = re.compile(
    r"""\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:[ \t]+(["'])(.+?)\4)?[ \t]*"""
)
_SEPARATOR = re.compile(r"[+|: \t-]*-[+|: \t-]*")
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def install(md: MarkdownIt, plain: bool = False) -> None:
    """`plain`: kramdown's own parser (`input: kramdown`), where only a blank line or HTML ends
    a paragraph; its GFM parser also ends one at a heading, list, quote or fence."""
    from markdown_it import rules_block

    md.block.ruler.at("list", _list_rule(plain), {"alt": ["paragraph", "reference", "blockquote"]})
    if plain:
        for name, rule, alt in (
            ("fence", rules_block.fence, ["reference", "blockquote", "list"]),
            ("blockquote", rules_block.blockquote, ["reference", "blockquote", "list"]),
            ("hr", rules_block.hr, ["reference", "blockquote", "list"]),
            ("heading", rules_block.heading, ["reference", "blockquote"]),
            ("table", rules_block.table, ["reference"]),
        ):
            md.block.ruler.at(name, rule, {"alt": alt})
    md.core.ruler.after("block", "kramdown_item_paragraphs", item_paragraphs)
    md.inline.ruler.after("image", "kramdown_link", kramdown_link)
    md.block.ruler.after("reference", "kramdown_definition", kramdown_definition)
    md.block.ruler.before("paragraph", "kramdown_table", kramdown_table)


# --- lists ---------------------------------------------------------------------------------

_BULLET = re.compile(r"[*+-](?=[ \t]|$)")
_ORDERED = re.compile(r"\d{1,9}[.)](?=[ \t]|$)")
# kramdown's HTML span elements: a line opening any other tag (or closing one) ends an item.
_SPAN_TAGS = (
    "a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|option|q|rb"
    "|rbc|rp|rt|rtc|ruby|samp|select|small|span|strong|sub|sup|textarea|tt|var"
)
_LAZY_END = re.compile(
    rf"\{{:|<(?!(?:{_SPAN_TAGS})\b)[A-Za-z_:]|</(?!(?:{_SPAN_TAGS})\b)[A-Za-z_:][\w:.-]*\s*>"
)


def _list_rule(plain: bool) -> Any:
    from markdown_it.rules_block import list_block

    def kramdown_list(state: Any, start: int, end: int, silent: bool) -> bool:
        """markdown-it's list, with kramdown's lazy lines taken into the item they follow."""
        if silent or state.sCount[start] - state.blkIndent >= 4:
            if plain and silent and state.parentType == "paragraph" and (
                state.blkIndent == 0 or start in getattr(state, "kramdown_lazy", ())
            ):
                return False  # outside an item, or taken in lazily: it goes on with the paragraph
            return bool(list_block(state, start, end, silent))
        raised = _lazy_lines(state, start, end)
        lazy: set[int] = state.__dict__.setdefault("kramdown_lazy", set())
        lazy.update(line for line, _ in raised)
        try:
            return bool(list_block(state, start, end, silent))
        finally:
            for line, count in raised:
                state.sCount[line] = count
                lazy.discard(line)

    return kramdown_list


def item_paragraphs(state: StateCore) -> None:
    """Only an item's first block, when a paragraph, goes without `<p>` in kramdown."""
    tokens = state.tokens
    first: dict[int, bool] = {}  # level of an open item's blocks -> the first is still to come
    for k, token in enumerate(tokens):
        if token.type in ("list_item_open", "list_item_close"):
            if token.nesting == 1:
                first[token.level + 1] = True
            else:
                first.pop(token.level + 1, None)
            continue
        if token.nesting == -1 or token.level not in first:
            continue
        if token.type == "paragraph_open" and token.hidden and not first[token.level]:
            token.hidden = False
            close = next(j for j in range(k + 1, len(tokens))
                         if tokens[j].type == "paragraph_close" and tokens[j].level == token.level)
            tokens[close].hidden = False
        first[token.level] = False


def _marker(state: Any, line: int, ordered: bool) -> int:
    """The content indent of the item `line` starts, or -1."""
    begin = state.bMarks[line] + state.tShift[line]
    found = (_ORDERED if ordered else _BULLET).match(state.src, begin, state.eMarks[line])
    if found is None:
        return -1
    rest = state.src[found.end() : state.eMarks[line]]
    spaces = len(rest) - len(rest.lstrip(" "))
    if not rest.strip() or spaces > 4:
        spaces = 1
    return int(state.sCount[line]) + len(found.group()) + spaces


def _lazy_lines(state: Any, start: int, end: int) -> list[tuple[int, int]]:
    """Indent the lines kramdown reads as part of the item before them; (line, old count) each."""
    begin = state.bMarks[start] + state.tShift[start]
    ordered = _ORDERED.match(state.src, begin, state.eMarks[start]) is not None
    indent = _marker(state, start, ordered)
    if indent < 0:
        return []
    raised: list[tuple[int, int]] = []
    last_blank = False
    for line in range(start + 1, end):
        if state.isEmpty(line):
            last_blank = True
            continue
        count = state.sCount[line]
        if count >= indent:
            last_blank = False
            continue
        if last_blank or count < state.blkIndent:
            break  # after a blank line only indented lines go on; less than that is outside
        marker = _marker(state, line, ordered) if count < state.blkIndent + 4 else -1
        if marker >= 0:
            indent = marker
            continue
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if _LAZY_END.match(text):
            break
        raised.append((line, count))
        state.sCount[line] = indent
        last_blank = False
    return raised


# --- emphasis --------------------------------------------------------------------------------

_ALPHA_BEFORE = re.compile(r"[^\W\d_]-?[^\W\d_]*\Z")


def kramdown_emphasis(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    marker = src[start]
    if marker not in "*_":
        return False
    run = marker * 2 if src.startswith(marker * 2, start) and start + 1 < state.posMax else marker
    kind = "strong" if len(run) == 2 else "em"
    opened: list[str] = state.__dict__.setdefault("kramdown_open", [])
    after = start + len(run)
    if ((marker == "_" and _ALPHA_BEFORE.search(src, 0, start))
            or (after < state.posMax and src[after] in _SPACE) or kind in opened):
        return _as_text(state, run, silent)
    scanned = run
    close = _closing(state, after, run, kind)
    if close < 0 and kind == "strong" and (not opened or opened[-1] != "em"):
        run, kind, after = marker, "em", start + 1  # `*` from the run's second character
        close = _closing(state, after, run, kind)
    if close < 0:
        return _as_text(state, scanned, silent)
    if not silent:
        maximum = state.posMax
        token = state.push(f"{kind}_open", "strong" if kind == "strong" else "em", 1)
        token.markup = run
        state.pos, state.posMax = after, close
        opened.append(kind)
        state.md.inline.tokenize(state)
        opened.pop()
        state.posMax = maximum
        token = state.push(f"{kind}_close", "strong" if kind == "strong" else "em", -1)
        token.markup = run
    state.pos = close + len(run)
    return True


def _as_text(state: StateInline, text: str, silent: bool) -> bool:
    if not silent:
        token = state.push("text", "", 0)
        token.content = text
    state.pos += len(text)
    return True


def _closing(state: StateInline, pos: int, run: str, kind: str) -> int:
    """Where the emphasis opened before `pos` ends (the closing run's offset), or -1."""
    opened: list[str] = state.__dict__["kramdown_open"]
    memo: dict[tuple[int, int, str, tuple[str, ...]], int] = state.__dict__.setdefault("kramdown_memo", {})
    key = (pos, state.posMax, run, tuple(opened))
    if key in memo:
        return memo[key]
    src, maximum, saved = state.src, state.posMax, state.pos
    marker = run[0]
    rules = state.md.inline.ruler.getRules("")
    found, empty = -1, True
    opened.append(kind)
    try:
        while pos < maximum:
            if (src.startswith(run, pos) and pos + len(run) <= maximum and not empty
                    and src[pos - 1] not in _SPACE
                    # kramdown looks past the end of the range it is in, to the paragraph's end
                    and (kind != "em" or not _double_only(src, pos, marker, len(src)))
                    and (marker != "_" or not _alnum_at(src, pos + len(run), len(src)))):
                found = pos
                break
            state.pos = pos
            if not any(rule(state, True) for rule in rules) or state.pos <= pos:
                state.pos = pos + 1
            pos, empty = state.pos, False
    finally:
        opened.pop()
        state.pos = saved
    memo[key] = found
    return found


def _double_only(src: str, pos: int, marker: str, maximum: int) -> bool:
    # `**` not followed by a third: the end of a strong, not of an emphasis.
    return src.startswith(marker * 2, pos) and not (pos + 2 < maximum and src[pos + 2] == marker)


def _alnum_at(src: str, pos: int, maximum: int) -> bool:
    return pos < maximum and src[pos].isalnum()


# --- inline links ----------------------------------------------------------------------------


def _destination(src: str, pos: int, maximum: int) -> tuple[str, str, int] | None:
    """(url, title, end) of the `(...)` at `pos` as kramdown reads it, or None."""
    depth, i = 0, pos - 1
    while i + 1 < maximum:
        i += 1
        ch = src[i]
        if ch == "{" and (liquid := _LIQUID.match(src, i, maximum)):
            i = liquid.end() - 1  # one piece of the URL Jekyll makes, quotes and all
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return src[pos + 1 : i].strip(_SPACE), "", i + 1
        elif ch in _SPACE and i + 1 < maximum and src[i + 1] in "\"'":
            found = _TITLE.match(src, i, maximum)
            if found is None:
                return None
            return src[pos + 1 : i].strip(_SPACE), found.group(2), found.end()
    return None


def kramdown_link(state: StateInline, silent: bool) -> bool:
    """`[text](url)` and `![alt](url)` whose URL CommonMark refuses (markdown-it's rules ran first)."""
    src, start = state.src, state.pos
    image = src.startswith("![", start)
    if not image and src[start] != "[":
        return False
    label_start = start + (2 if image else 1)
    label_end = state.md.helpers.parseLinkLabel(state, label_start - 1, not image)
    if label_end < 0 or label_end + 1 >= state.posMax or src[label_end + 1] != "(":
        return False
    found = _destination(src, label_end + 1, state.posMax)
    if found is None:
        return False
    url, title, end = found
    href = state.md.normalizeLink(url)
    if not state.md.validateLink(href):
        return False
    if not silent:
        if image:

            content = src[label_start:label_end]
            children: list[Token] = []
            state.md.inline.parse(content, state.md, state.env, children)
            token = state.push("image", "img", 0)
            token.attrs = {"src": href, "alt": ""}
            token.children = children or None
            token.content = content
            if title:
                token.attrSet("title", title)
        else:
            maximum = state.posMax
            state.pos, state.posMax = label_start, label_end
            token = state.push("link_open", "a", 1)
            token.attrs = {"href": href}
            if title:
                token.attrSet("title", title)
            state.linkLevel += 1
            state.md.inline.tokenize(state)
            state.linkLevel -= 1
            state.push("link_close", "a", -1)
            state.posMax = maximum
    state.pos = end
    return True


# --- link definitions ------------------------------------------------------------------------


def kramdown_definition(state: Any, start: int, end: int, silent: bool) -> bool:
    """`[id]: url` whose URL CommonMark refuses: kramdown takes the rest of the line."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    found = _DEFINITION.fullmatch(line) if line.startswith("[") and not line.startswith("[^") else None
    if found is None:
        return False
    if silent:
        return True
    from markdown_it.common.utils import normalizeReference

    label = normalizeReference(found.group(1))
    url = found.group(2) if found.group(2) is not None else found.group(3)
    references = state.env.setdefault("references", {})
    if label and label not in references:
        references[label] = {"title": found.group(5) or "", "href": state.md.normalizeLink(url),
                             "map": [start, start + 1]}
    state.line = start + 1
    return True


# --- tables ----------------------------------------------------------------------------------


def cells(line: str) -> list[str] | None:
    """A table row's cells (source text), or None when no `|` outside code spans is on the line."""
    bounds: list[int] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            run = i
            while i < n and line[i] == "`":
                i += 1
            close = line.find(line[run:i], i)
            while close >= 0 and close + (i - run) < n and line[close + (i - run)] == "`":
                close = line.find(line[run:i], close + (i - run) + 1)
            if close >= 0:
                i = close + (i - run)
            continue
        if ch == "{" and (liquid := _LIQUID.match(line, i)):
            i = liquid.end()
            continue
        if ch == "|":
            bounds.append(i)
        i += 1
    if not bounds:
        return None
    pieces, last = [], 0
    for b in bounds:
        pieces.append(line[last:b])
        last = b + 1
    pieces.append(line[last:])
    if line.lstrip().startswith("|"):
        pieces = pieces[1:]
    if pieces and bounds[-1] == len(line.rstrip()) - 1 and len(pieces) > 1:
        pieces = pieces[:-1]
    return [p.strip().replace("\\|", "|") for p in pieces]


def kramdown_table(state: Any, start: int, end: int, silent: bool) -> bool:
    """Lines that each hold a `|`, ended by a blank line (or the end of their block)."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    rows: list[tuple[int, list[str] | None]] = []  # None: a separator line
    line = start
    while line < end and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        found = cells(text)
        if found is None:
            return False  # text follows without a blank line: kramdown reads a paragraph
        rows.append((line, None if _SEPARATOR.fullmatch(text) else found))
        line += 1
    if not rows or rows[0][1] is None:
        return False
    if silent:
        return True
    first_separator = next((k for k, (_, r) in enumerate(rows) if r is None), None)
    header = rows[:first_separator] if first_separator else []
    body = [r for r in rows[len(header):] if r[1] is not None]
    table = state.push("table_open", "table", 1)
    table.map = [start, line]
    for kind, cell, group in (("thead", "th", header), ("tbody", "td", body)):
        if not group:
            continue
        state.push(f"{kind}_open", kind, 1)
        for number, row in group:
            tr = state.push("tr_open", "tr", 1)
            tr.map = [number, number + 1]
            for content in row or ():
                state.push(f"{cell}_open", cell, 1)
                inline = state.push("inline", "", 0)
                inline.content = content
                inline.map = [number, number + 1]
                inline.children = []
                state.push(f"{cell}_close", cell, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{kind}_close", kind, -1)
    state.push("table_close", "table", -1)
    state.line = line
    return True


# --- table of contents -----------------------------------------------------------------------


def table_of_contents(state: StateCore) -> None:
    tokens = state.tokens
    at = next((k for k, t in enumerate(tokens) if t.nesting == 1 and t.type.endswith("list_open")
               and "toc" in t.meta.get("references", ())), None)
    if at is None:
        return
    depth, close = 0, at
    for close in range(at, len(tokens)):
        depth += tokens[close].nesting if tokens[close].type == tokens[at].type[:-5] + "_open" else 0
        if tokens[close].type == tokens[at].type[:-5] + "_close":
            depth -= 1
            if depth == 0:
                break
    entries = []
    for k, token in enumerate(tokens):
        if (token.type == "heading_open" and token.attrGet("id") is not None
                and "no_toc" not in str(token.attrGet("class") or "").split()):
            entries.append((int(token.tag[1]), str(token.attrGet("id")), tokens[k + 1]))
    # kramdown's nesting: an entry goes under the nearest earlier one of a lower level.
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, ident, inline in entries:
        node: dict[str, Any] = {"level": level, "id": ident, "inline": inline, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)
    opener = tokens[at]
    attrs = dict(opener.attrs)
    attrs.setdefault("id", "markdown-toc")
    state.tokens = tokens[:at] + _toc_list(opener, attrs, roots, str(attrs["id"])) + tokens[close + 1 :]


def _toc_list(opener: Token, attrs: dict[str, Any], nodes: list[dict[str, Any]], prefix: str) -> list[Token]:
    from markdown_it.token import Token

    kind = opener.type[: -len("_open")]
    out = [Token(opener.type, opener.tag, 1, attrs=attrs, markup=opener.markup, block=True)]
    for node in nodes:
        out.append(Token("list_item_open", "li", 1, markup=opener.markup, block=True))
        out.append(Token("paragraph_open", "p", 1, hidden=True, block=True))
        link = Token("link_open", "a", 1, attrs={"href": f"#{node['id']}", "id": f"{prefix}-{node['id']}"})
        children = [link, *_without_links(node["inline"].children or []), Token("link_close", "a", -1)]
        out.append(Token("inline", "", 0, content=node["inline"].content, children=children, block=True))
        out.append(Token("paragraph_close", "p", -1, hidden=True, block=True))
        if node["children"]:
            out += _toc_list(opener, {}, node["children"], prefix)
        out.append(Token("list_item_close", "li", -1, block=True))
    out.append(Token(f"{kind}_close", opener.tag, -1, block=True))
    return out


def _without_links(children: list[Token]) -> list[Token]:
    return [c for c in children if c.type not in ("link_open", "link_close", "footnote_ref")]
