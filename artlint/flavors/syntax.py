"""The pieces of kramdown and goldmark that no markdown-it plugin models, written once here.

Each function is a markdown-it rule; `install` adds the ones a flavour needs. What they model was
checked against the engines themselves (tests/fixtures/flavors/golden/):

- kramdown escapes only its own list of characters, so `\\&` prints the backslash;
- kramdown breaks a line ending in two backslashes; its GFM parser (hard_wrap off) also one
  ending in one backslash, but not inside raw HTML such as `<strong>`, whose text it leaves alone;
- kramdown's raw HTML blocks run to their end tag; `markdown="1"` inside one reads the
  element's inside as Markdown, and a `<` that opens no tag is text;
- kramdown attribute lists: `{: .c #id k="v"}` after a span (`<span>x</span>{: .c}`, `[a](u){:k="v"}`)
  or on the line after a block, `{:name: ...}` definitions (dropped), `# Title {#id}`;
- goldmark attributes: `## Title {#id .c}`, and `{.c}` after a block with parser.attribute.block;
- goldmark breaks no line that ends in an escaped backslash and then a backslash;
- goldmark without renderer.unsafe prints `<!-- raw HTML omitted -->` for every raw HTML piece;
- the engines' typographic substitutions: quotes, `--`, `---`, `...`, `<<`, `>>`, nothing else;
- heading ids (and goldmark's definition term ids) in the engine's slug style.

kramdown's emphasis, links, link definitions, tables, lists and `{:toc}` are in
flavors/kramdown_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from artlint.flavors import ASCII_PUNCTUATION, Flavor
from artlint.html.vocabulary import VOID

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

OMITTED = "<!-- raw HTML omitted -->"

# One attribute list's inside: `.class`, `#id`, `key="value"`, `key='value'`, `key=value`, `ref`.
_ATTR = re.compile(r"""\.([\w-]+)|#([\w-]+)|([\w:-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))|([\w-]+)""")
KRAMDOWN_SPAN = re.compile(r"\{:(?!:)((?:[^{}\"']|\"[^\"]*\"|'[^']*')*)\}")
KRAMDOWN_LINE = re.compile(r"^[ \t]{0,3}\{:(?!:)((?:[^{}\"']|\"[^\"]*\"|'[^']*')*)\}[ \t]*$")
KRAMDOWN_DEFINITION = re.compile(r"^[ \t]{0,3}\{:[\w-]+:(?:[^{}\"']|\"[^\"]*\"|'[^']*')*\}[ \t]*$")
KRAMDOWN_EXTENSION = re.compile(r"\{::comment\}.*?\{:/(?:comment)?\}|\{::options\b[^}]*/\}", re.S)
GOLDMARK_LINE = re.compile(r"^[ \t]{0,3}\{([.#][^{}]*|[\w-]+=[^{}]*)\}[ \t]*$")
KRAMDOWN_HEADING_ID = re.compile(r"[ \t]+\{#([\w-]+)\}[ \t]*$")
GOLDMARK_HEADING = re.compile(r"[ \t]*\{([.#][^{}]*|[\w-]+=[^{}]*)\}[ \t]*$")
_TYPOGRAPHIC = re.compile(r"---|--|\.\.\.|<<|>>")
_SYMBOLS = {"---": "\u2014", "--": "\u2013", "...": "\u2026", "<<": "\u00ab", ">>": "\u00bb"}


def install(md: MarkdownIt, flavor: Flavor) -> None:
    if flavor.escapable != ASCII_PUNCTUATION:
        gfm = flavor.input != "kramdown"
        md.inline.ruler.at("escape", _escape_rule(flavor.escapable, gfm, gfm and flavor.hard_wrap))
    if flavor.engine == "goldmark":
        md.inline.ruler.before("escape", "goldmark_backslash", _goldmark_backslash)
    if flavor.cjk_emphasis_renders:
        from artlint.flavors import kramdown_rules

        md.inline.ruler.at("emphasis", kramdown_rules.kramdown_emphasis)
    if flavor.smart_quotes:
        md.disable(["replacements", "smartquotes"])  # (c), +- and the like: neither engine does them
        md.core.ruler.after("smartquotes", "typographic", typographic)
        md.core.ruler.after("typographic", "quotes", _quotes_rule(flavor.engine))
    if flavor.footnotes and flavor.engine in ("kramdown", "goldmark"):
        md.add_render_rule("footnote_anchor_name", _footnote_name(flavor.engine))
        if flavor.engine == "kramdown":
            md.add_render_rule("footnote_anchor", _kramdown_backlink)
    if flavor.engine == "kramdown":
        from artlint.flavors import kramdown_rules

        kramdown_rules.install(md, plain=flavor.input == "kramdown")
        md.inline.ruler.before("escape", "kramdown_math", kramdown_math)
        # Block math does not end a paragraph: kramdown reads `text\n$$x$$` as inline math.
        md.block.ruler.before("fence", "kramdown_math_block", kramdown_math_block,
                              {"alt": ["reference", "blockquote", "list"]})
        md.add_render_rule("math_inline", _math(r"\(", r"\)"))
        md.add_render_rule("math_block", _math(r"\[", "\\]\n"))
        if not flavor.parse_block_html:
            md.block.ruler.before("html_block", "kramdown_html_block", kramdown_html_block,
                                  {"alt": ["paragraph", "reference", "blockquote"]})
        md.add_render_rule("html_block", _kramdown_raw_html(md))
        md.inline.ruler.before("html_inline", "kramdown_span_html", kramdown_span_html)
    if flavor.attribute_lists == "kramdown":
        md.core.ruler.before("block", "kramdown_extensions", kramdown_extensions)
        md.core.ruler.after("inline", "kramdown_attributes", kramdown_attributes)
    elif flavor.attribute_lists == "goldmark":
        md.core.ruler.after("inline", "goldmark_attributes", _goldmark_rule(flavor.block_attributes))
    if not flavor.raw_html:
        md.add_render_rule("html_block", lambda *a: OMITTED + "\n")
        md.add_render_rule("html_inline", lambda *a: OMITTED)
    if flavor.heading_ids != "none" or flavor.definition_term_ids:
        md.core.ruler.push("heading_ids", _ids_rule(flavor))
    if flavor.attribute_lists == "kramdown" and flavor.heading_ids != "none":
        from artlint.flavors import kramdown_rules

        md.core.ruler.push("kramdown_toc", kramdown_rules.table_of_contents)


# --- escapes ---------------------------------------------------------------------------------


def _escape_rule(escapable: frozenset[str], gfm: bool, hard_wrap: bool) -> Any:
    """kramdown's escapes and backslash line breaks.

    `gfm`: kramdown's GFM parser, which turns `\\` + newline into a break after parsing, in the
    text of Markdown elements only (raw HTML elements keep their text); with `hard_wrap` it breaks
    every line instead, and the backslash stays. kramdown's own `\\\\` + newline break is the
    line-break syntax, which the GFM parser drops with `hard_wrap`.
    """

    def escape(state: StateInline, silent: bool) -> bool:
        pos = state.pos
        if state.src[pos] != "\\" or pos + 1 >= state.posMax:
            return False
        ch = state.src[pos + 1]
        if ch == "\\" and not hard_wrap and state.src[pos + 2 : pos + 3] == "\n":
            return _hard_break(state, silent, pos + 3)
        if ch == "\n" and gfm and not hard_wrap and not _inside_raw_html(state):
            return _hard_break(state, silent, pos + 2)
        if ch not in escapable:
            return False  # the backslash stays, as text
        if not silent:
            token = state.push("text_special", "", 0)
            token.content = ch
            token.markup = "\\" + ch
            token.info = "escape"
        state.pos = pos + 2
        return True

    return escape


def _hard_break(state: StateInline, silent: bool, end: int) -> bool:
    if not silent:
        state.push("hardbreak", "br", 0)
    state.pos = end
    while state.pos < state.posMax and state.src[state.pos] in " \t":
        state.pos += 1
    return True


def _goldmark_backslash(state: StateInline, silent: bool) -> bool:
    """goldmark breaks no line whose final backslash follows another (`x\\\\\\` + newline):
    the backslash is text, after the escaped one."""
    pos = state.pos
    if state.src[pos : pos + 2] != "\\\n" or pos == 0 or state.src[pos - 1] != "\\":
        return False
    if not silent:
        state.pending += "\\"
    state.pos = pos + 1
    return True


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# In a render's env: how many raw HTML elements read as Markdown (`markdown="1"`) enclose it.
_IN_HTML = "kramdown_inside_html"


def _inside_raw_html(state: StateInline) -> bool:
    """An HTML element is open around this point: an inline one (`<strong>` without its
    `</strong>` yet), or one whose inside is read as Markdown (`<div markdown="1">`)."""
    if isinstance(state.env, dict) and state.env.get(_IN_HTML):
        return True
    depth = 0
    for token in state.tokens:
        if token.type != "html_inline":
            continue
        found = _TAG.match(token.content)
        if found is None or found.group(2).lower() in VOID or token.content.rstrip().endswith("/>"):
            continue
        depth += -1 if found.group(1) else 1
    return depth > 0


# --- kramdown math and HTML blocks -----------------------------------------------------------


def _math(opening: str, closing: str) -> Any:
    # kramdown's default math engine (MathJax) writes the TeX between \( \) or \[ \], trimmed.
    def render(self: object, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
        return opening + _escape_html(tokens[idx].content.strip()) + closing

    return render


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def kramdown_math(state: StateInline, silent: bool) -> bool:
    """`$$...$$` inside a paragraph: kramdown's inline math, its inside not Markdown."""
    pos = state.pos
    if not state.src.startswith("$$", pos):
        return False
    end = state.src.find("$$", pos + 2, state.posMax)
    if end < 0 or end == pos + 2:
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = state.src[pos + 2 : end]
        token.markup = "$$"
    state.pos = end + 2
    return True


def kramdown_math_block(state: Any, start: int, end: int, silent: bool) -> bool:
    """A paragraph that is only `$$...$$` (on one line or several): kramdown's block math."""
    begin = state.bMarks[start] + state.tShift[start]
    if state.sCount[start] - state.blkIndent >= 4 or not state.src.startswith("$$", begin):
        return False
    line = start
    text = state.src[begin + 2 : state.eMarks[start]]
    closed = text.rstrip().endswith("$$") and len(text.rstrip()) >= 2
    body = [text.rstrip()[:-2]] if closed else [text]
    while not closed:
        line += 1
        if line >= end or state.isEmpty(line):
            return False
        current = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if current.rstrip().endswith("$$"):
            body.append(current.rstrip()[:-2])
            closed = True
        else:
            body.append(current)
    if line + 1 < end and not state.isEmpty(line + 1):
        return False  # text follows on the next line: a paragraph with inline math
    if silent:
        return True
    token = state.push("math_block", "math", 0)
    token.content = "\n".join(body)
    token.map = [start, line + 1]
    token.markup = "$$"
    state.line = line + 1
    return True


_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hgroup", "hr", "html", "iframe", "legend", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "video",
))
_OPEN_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s>/])")


def kramdown_html_block(state: Any, start: int, end: int, silent: bool) -> bool:
    """kramdown (parse_block_html off): a block element runs raw to its matching end tag, blank
    lines and indented lines included, where CommonMark ends an HTML block at a blank line."""
    begin = state.bMarks[start] + state.tShift[start]
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    if KRAMDOWN_NOT_A_TAG.match(state.src, begin):
        # No tag to kramdown (`<img src=a.png>`): the line starts text, a setext heading or a
        # paragraph, which CommonMark's HTML block rule after this one would take instead.
        from markdown_it.rules_block import lheading, paragraph

        return bool(lheading(state, start, end, silent) or paragraph(state, start, end, silent))
    found = _OPEN_TAG.match(state.src, begin)
    if found is None or found.group(1).lower() not in _BLOCK_TAGS:
        return False
    tag = found.group(1).lower()
    opens = re.compile(rf"<{tag}(?=[\s>/])|</{tag}\s*>", re.I)
    depth, line = 0, start
    while line < end:
        text = state.src[state.bMarks[line] : state.eMarks[line]]
        for m in opens.finditer(text):
            depth += -1 if m.group().startswith("</") else 1
        if depth <= 0:
            break
        line += 1
    line = min(line, end - 1)  # unclosed: kramdown takes the rest of the document as its content
    if silent:
        return True
    token = state.push("html_block", "", 0)
    token.map = [start, line + 1]
    token.content = state.getLines(start, line + 1, state.blkIndent, True)
    state.line = line + 1
    return True


# kramdown reads a start tag only in this form (its HTML_TAG_RE): XML names, and attribute
# values quoted or made of word characters alone, so `<img src=a.png>` or `<U+AC00>` (`+` is no
# name character) is text to it, written `&lt;`, where a browser given the raw HTML reads a tag.
_KRAMDOWN_NAME = r"(?:[^\W\d][\w.\-]*:)?[^\W\d][\w.\-]*"
KRAMDOWN_START_TAG = re.compile(
    rf"<({_KRAMDOWN_NAME})\s*(?>(?:\s+{_KRAMDOWN_NAME}(?:\s*=\s*(?:\w+|\"[^\"]*\"|'[^']*'))?)*)\s*/?>"
)
_KRAMDOWN_END_TAG = re.compile(rf"</({_KRAMDOWN_NAME})\s*>")
# A `<` before a name that starts no tag kramdown reads.
KRAMDOWN_NOT_A_TAG = re.compile(rf"<(?=[^\W\d])(?!{KRAMDOWN_START_TAG.pattern[1:]})")
# kramdown's HTML_BLOCK_ELEMENTS: in a paragraph their tags, start and end, are text.
_KRAMDOWN_BLOCK_ELEMENTS = frozenset((
    "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup",
    "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li", "main",
    "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody", "td", "th",
    "thead", "tfoot", "tr", "ul",
))


def kramdown_span_html(state: StateInline, silent: bool) -> bool:
    """HTML in a paragraph as kramdown reads it: a `<` that starts no tag of its form, and the
    tags of block elements (`a <div>x</div> b`), are text; other tags are left to html_inline."""
    src, pos, maximum = state.src, state.pos, state.posMax
    if src[pos] != "<" or pos + 1 >= maximum:
        return False
    end_tag = _KRAMDOWN_END_TAG.match(src, pos, maximum)
    if end_tag is not None:
        if end_tag.group(1).lower() not in _KRAMDOWN_BLOCK_ELEMENTS:
            return False
        text = end_tag.group()
    else:
        tag = KRAMDOWN_START_TAG.match(src, pos, maximum)
        if tag is None:
            if not (src[pos + 1].isalpha() or src[pos + 1] == "_"):
                return False  # a comment, a closing `</`, a lone `<`: others decide
            text = "<"
        elif tag.group(1).lower() in _KRAMDOWN_BLOCK_ELEMENTS:
            text = tag.group()
        else:
            return False
    if not silent:
        state.pending += text
    state.pos += len(text)
    return True


_MARKDOWN_ATTRIBUTE = re.compile(
    r"""<([A-Za-z][\w-]*)\b([^>]*?)\s+markdown=(["']?)(1|block|span)\3([^>]*)>"""
)
# kramdown's content models: what `markdown="1"` parses an element's inside as.
_BLOCK_CONTENT = frozenset((
    "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
    "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main",
    "map", "menu", "nav", "noscript", "object", "section", "summary", "td",
))
_RAW_CONTENT = frozenset((
    "script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var",
))


def _kramdown_raw_html(md: MarkdownIt) -> Any:
    """Raw HTML as kramdown writes it: an element with `markdown="1"` (or "block", "span") has
    its inside read as Markdown, the attribute dropped; the rest stays as written."""

    def render(self: object, tokens: Sequence[Token], idx: int, options: object, env: Any) -> str:
        content = tokens[idx].content
        if "markdown=" not in content:
            return KRAMDOWN_NOT_A_TAG.sub("&lt;", content)
        out, pos = [], 0
        for found in _MARKDOWN_ATTRIBUTE.finditer(content):
            if found.start() < pos:
                continue  # inside an element already read as Markdown
            tag = found.group(1).lower()
            close = _matching_close(content, tag, found.end())
            if close is None or tag in _RAW_CONTENT:
                continue
            inside = content[found.end() : close]
            mode = found.group(4)
            block = mode == "block" or (mode == "1" and tag in _BLOCK_CONTENT)
            # kramdown's GFM parser turns no backslash into a break inside an HTML element.
            env[_IN_HTML] = env.get(_IN_HTML, 0) + 1
            try:
                shown = md.render(inside, env) if block else md.renderInline(inside, env)
            finally:
                env[_IN_HTML] -= 1
            start_tag = f"<{found.group(1)}{found.group(2)}{found.group(5)}>"
            out += [KRAMDOWN_NOT_A_TAG.sub("&lt;", content[pos : found.start()]), start_tag, shown]
            pos = close
        out.append(KRAMDOWN_NOT_A_TAG.sub("&lt;", content[pos:]))
        return "".join(out)

    return render


def _matching_close(html: str, tag: str, start: int) -> int | None:
    depth = 1
    for m in re.finditer(rf"<{tag}(?=[\s>/])|</{tag}\s*>", html[start:], re.I):
        depth += -1 if m.group().startswith("</") else 1
        if depth == 0:
            return start + m.start()
    return None


# --- typography ------------------------------------------------------------------------------


_RAW_OPEN = re.compile(r"<(code|kbd|samp|pre|tt)\b", re.I)
_RAW_CLOSE = re.compile(r"</(code|kbd|samp|pre|tt)\s*>", re.I)


def _outside_raw_code(children: Sequence[Token]) -> list[Token]:
    """Text children not inside raw-HTML `<code>`-like tags, which the engines keep as written."""
    out, depth = [], 0
    for child in children:
        if child.type == "html_inline":
            if _RAW_OPEN.match(child.content):
                depth += 1
            elif _RAW_CLOSE.match(child.content):
                depth = max(0, depth - 1)
        elif depth == 0:
            out.append(child)
    return out


def typographic(state: StateCore) -> None:
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        for child in _outside_raw_code(token.children):
            if child.type == "text" and _TYPOGRAPHIC.search(child.content):
                child.content = _TYPOGRAPHIC.sub(lambda m: _SYMBOLS[m.group()], child.content)


_SPACE = frozenset(" \t\n\r\u00a0")
_OPENERS = frozenset(" \t\n\r([{-\u00a0")
_CLOSERS = frozenset(".,;:!?)]'\"*_~")
_QUOTES = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


def _punct(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch)[0] in "PS"


def _quotes_rule(engine: str) -> Any:
    """Curly quotes decided as the engine decides, one quote at a time (no pairing).

    goldmark: a quote that can only open (left-flanking) opens, one that can only close closes,
    one that can do both stays straight; an apostrophe between letters closes. kramdown: a quote
    after a space, a dash or an opening bracket opens, after anything else closes.
    """

    def quotes(state: StateCore) -> None:
        for token in state.tokens:
            if token.type != "inline" or not token.children:
                continue
            if '"' not in token.content and "'" not in token.content:
                continue
            children = token.children
            plain = {id(c) for c in _outside_raw_code(children)}
            for i, child in enumerate(children):
                if child.type != "text" or ('"' not in child.content and "'" not in child.content):
                    continue
                if id(child) not in plain:
                    continue
                before = _neighbour(children, i, -1)
                if engine == "kramdown" and (i == 0 or children[i - 1].type not in _RUNS_ON):
                    before = ""  # kramdown's scan starts at the quote: nothing before it
                after = _neighbour(children, i, 1)
                child.content = _curl(child.content, before, after, engine)

    return quotes


def _neighbour(children: Sequence[Token], index: int, step: int) -> str:
    j = index + step
    while 0 <= j < len(children):
        token = children[j]
        if token.type in ("softbreak", "hardbreak"):
            return " "
        if token.type in ("text", "code_inline", "text_special") and token.content:
            return token.content[-1] if step < 0 else token.content[0]
        j += step
    return " "


# Tokens a quote after which kramdown still sees the character before it (text goes on).
_RUNS_ON = frozenset(("text", "softbreak", "hardbreak"))
_SQ_PUNCT = re.escape("!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~")
_FIRST_OPENS = re.compile(r"[_*]{1,2}\S")
_FIRST_CLOSES = re.compile(rf"[{_SQ_PUNCT}](?!\.\.)(?!\w)|\d\ds|[ \t\r\n\f\v]|s(?!\w)|$", re.M)


def _kramdown_first_quote(ch: str, rest: str) -> str:
    """kramdown's quote rules for a quote with nothing before it (at the start, after a link,
    code or emphasis): before `*x` it opens; before punctuation, `s`, a space or the end it
    closes; otherwise it opens."""
    left, right = _QUOTES[ch]
    if _FIRST_OPENS.match(rest):
        return left
    return right if _FIRST_CLOSES.match(rest) else left


def _curl(text: str, first_before: str, last_after: str, engine: str) -> str:
    out = []
    for k, ch in enumerate(text):
        if ch not in _QUOTES:
            out.append(ch)
            continue
        before = out[-1] if out else first_before
        after = text[k + 1] if k + 1 < len(text) else last_after
        left, right = _QUOTES[ch]
        if engine == "kramdown":
            if k == 0 and not first_before:
                out.append(_kramdown_first_quote(ch, text[1:] + last_after))
                continue
            if before in ("\u201c", "\u2018") and after.isascii() and (after.isalnum() or after == "_"):
                out.append(left)  # a double set, `"'word`: both open
                continue
            # kramdown closes a quote only after a character that can end a word.
            out.append(left if before in _OPENERS else right)
            continue
        if ch == "'" and before.isalnum() and after.isalpha():
            out.append(right)
            continue
        space_before, space_after = before in _SPACE, after in _SPACE
        left_flanking = not space_after and (not _punct(after) or space_before or _punct(before))
        right_flanking = not space_before and (not _punct(before) or space_after or _punct(after))
        if left_flanking and not right_flanking:
            out.append(left)
        elif right_flanking and not left_flanking and (space_after or after in _CLOSERS):
            # Observed: goldmark leaves `_blank"}` straight; before common closers it curls.
            out.append(right)
        else:
            out.append(ch)
    return "".join(out)


# --- footnotes -------------------------------------------------------------------------------


def _footnote_name(engine: str) -> Any:
    # kramdown names notes after their labels (#fn:src), goldmark numbers them (#fn:1).
    def name(self: object, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
        meta = tokens[idx].meta
        label = meta.get("label")
        if engine == "kramdown" and label:
            return f":{label}"
        return f":{meta['id'] + 1}"

    return name


def github_footnotes(md: MarkdownIt) -> None:
    """Footnotes as cmark-gfm (github.com) and remark-gfm write them: named after their labels
    (#fn-note), a repeated reference numbered again on the way back (#fnref-note-2)."""
    md.add_render_rule("footnote_anchor_name", _github_note_name)
    md.add_render_rule("footnote_ref", _github_ref)
    md.add_render_rule("footnote_anchor", _github_backlink)
    md.add_render_rule("footnote_block_open", lambda *a: '<section class="footnotes" data-footnotes>\n<ol>\n')
    md.add_render_rule("footnote_block_close", lambda *a: "</ol>\n</section>\n")
    md.add_render_rule("footnote_open", _github_note_open)


def _github_note_name(self: object, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    meta = tokens[idx].meta
    return f"-{meta.get('label') or meta['id'] + 1}"


def _github_ref(self: Any, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    meta = tokens[idx].meta
    name = _github_note_name(self, tokens, idx, options, env)
    back = name + (f"-{meta['subId'] + 1}" if meta.get("subId", 0) > 0 else "")
    return (f'<sup class="footnote-ref"><a href="#fn{name}" id="fnref{back}" data-footnote-ref>'
            f'{meta["id"] + 1}</a></sup>')


def _github_backlink(self: Any, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    meta = tokens[idx].meta
    name = _github_note_name(self, tokens, idx, options, env)
    again = meta.get("subId", 0) + 1
    if again > 1:
        return (f' <a href="#fnref{name}-{again}" class="footnote-backref" data-footnote-backref>'
                f'\u21a9<sup class="footnote-ref">{again}</sup></a>')
    return f' <a href="#fnref{name}" class="footnote-backref" data-footnote-backref>\u21a9</a>'


def _github_note_open(self: Any, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    return f'<li id="fn{_github_note_name(self, tokens, idx, options, env)}">'


def _kramdown_backlink(self: Any, tokens: Sequence[Token], idx: int, options: object, env: object) -> str:
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    return f' <a href="#fnref{ident}" class="reversefootnote" role="doc-backlink">\u21a9</a>'


# --- attribute lists -------------------------------------------------------------------------


def parse_attributes(text: str) -> list[tuple[str, str]]:
    """(name, value) pairs of one attribute list's inside; classes come as ("class", name)."""
    out: list[tuple[str, str]] = []
    for m in _ATTR.finditer(text):
        if m.group(1):
            out.append(("class", m.group(1)))
        elif m.group(2):
            out.append(("id", m.group(2)))
        elif m.group(3):
            value = next((g for g in m.group(4, 5, 6) if g is not None), "")
            out.append((m.group(3), value))
        elif m.group(7):
            out.append(("", m.group(7)))  # a bare name: a reference, or kramdown's `toc`
    return out


def _apply(token: Token, attributes: list[tuple[str, str]]) -> None:
    for name, value in attributes:
        if not name:
            token.meta.setdefault("references", []).append(value)
        elif name == "class":
            old = token.attrGet("class")
            token.attrSet("class", f"{old} {value}" if old else value)
        else:
            token.attrSet(name, value)


def _apply_html(token: Token, attributes: list[tuple[str, str]]) -> None:
    """Write attributes into a raw HTML start tag, as kramdown does for a span IAL after it."""
    content = token.content
    end = content.rfind("/>") if content.rstrip().endswith("/>") else content.rfind(">")
    if end < 0:
        return
    extra = ""
    for name, value in attributes:
        if not name:
            continue
        if name == "class":
            found = re.search(r'\bclass=(["\'])(.*?)\1', content)
            if found:
                merged = f"{found.group(2)} {value}".strip()
                content = content[: found.start(2)] + merged + content[found.end(2) :]
                end = content.rfind(">")
                continue
        extra += f' {name}="{value}"'
    token.content = content[:end].rstrip() + extra + content[end:]


def kramdown_extensions(state: StateCore) -> None:
    # `{::comment}...{:/comment}` shows nothing; blanking it keeps every offset where it was.
    if "{::" in state.src:
        state.src = KRAMDOWN_EXTENSION.sub(_blank, state.src)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def kramdown_attributes(state: StateCore) -> None:
    if "{" not in state.src:
        return
    _block_attributes(state, KRAMDOWN_LINE, KRAMDOWN_DEFINITION)
    for token in state.tokens:
        if token.type == "inline" and token.children and "{" in token.content:
            _span_attributes(token.children)
    _heading_attributes(state.tokens, KRAMDOWN_HEADING_ID, lambda m: [("id", m.group(1))])


def _goldmark_rule(block: bool) -> Any:
    def goldmark_attributes(state: StateCore) -> None:
        if "{" not in state.src:
            return
        if block:
            _block_attributes(state, GOLDMARK_LINE, None)
        _heading_attributes(state.tokens, GOLDMARK_HEADING, lambda m: parse_attributes(m.group(1)))

    return goldmark_attributes


def _span_attributes(children: list[Token]) -> None:
    for i, child in enumerate(children):
        if child.type != "text" or "{:" not in child.content:
            continue
        first = KRAMDOWN_SPAN.match(child.content)
        # Only right after a span element is it an attribute list; after text it is text.
        if first and i > 0 and _attach_span(children, i - 1, parse_attributes(first.group(1))):
            child.content = child.content[first.end() :]


def _attach_span(children: list[Token], index: int, attributes: list[tuple[str, str]]) -> bool:
    prev = children[index]
    if prev.type in ("image", "code_inline"):
        _apply(prev, attributes)
        return True
    if prev.type.endswith("_close"):
        opener = prev.type[: -len("_close")] + "_open"
        depth = 0
        for j in range(index - 1, -1, -1):
            if children[j].type == prev.type:
                depth += 1
            elif children[j].type == opener:
                if depth == 0:
                    _apply(children[j], attributes)
                    return True
                depth -= 1
    elif prev.type == "html_inline" and prev.content.startswith("</"):
        tag = prev.content[2:].strip(" >\t\n").lower()
        for j in range(index - 1, -1, -1):
            token = children[j]
            if token.type == "html_inline" and re.match(rf"<{re.escape(tag)}\b", token.content, re.I):
                _apply_html(token, attributes)
                return True
    return False


def _block_attributes(state: StateCore, line_re: re.Pattern[str], definition: re.Pattern[str] | None) -> None:
    tokens = state.tokens
    remove: set[int] = set()
    for i, token in enumerate(tokens):
        if token.type != "inline" or i == 0 or tokens[i - 1].type != "paragraph_open":
            continue
        lines = token.content.split("\n")
        last = lines[-1]
        if definition is not None and definition.match(last) and len(lines) == 1:
            remove |= {i - 1, i, i + 1}  # an attribute list definition shows nothing
            continue
        found = line_re.match(last)
        if found is None:
            head = line_re.match(lines[0]) if len(lines) > 1 else None
            if head is not None:  # an attribute list on the line before a block applies to it
                _drop_first_line(token)
                _apply(tokens[i - 1], parse_attributes(head.group(1)))
            continue
        attributes = parse_attributes(found.group(1))
        if len(lines) == 1:
            target = _previous_block(tokens, i - 1)
            if target is not None:
                _apply(target, attributes)
            remove |= {i - 1, i, i + 1}
            continue
        _drop_last_line(token)
        target = tokens[i - 1]
        if tokens[i - 1].hidden and _unindented(state.src, tokens[i - 1]):
            # `* item` then `{: .c}` at the margin: the list is what it follows.
            target = _enclosing_list(tokens, i - 1) or target
        _apply(target, attributes)
    if remove:
        state.tokens = [t for k, t in enumerate(tokens) if k not in remove]


def _unindented(src: str, paragraph: Token) -> bool:
    if paragraph.map is None:
        return False
    lines = src.split("\n")
    index = paragraph.map[1] - 1
    return index < len(lines) and not lines[index][:1].isspace()


def _enclosing_list(tokens: Sequence[Token], index: int) -> Token | None:
    level = tokens[index].level
    for j in range(index - 1, -1, -1):
        if tokens[j].level < level and tokens[j].type in ("bullet_list_open", "ordered_list_open"):
            return tokens[j]
        level = min(level, tokens[j].level)
    return None


def _previous_block(tokens: Sequence[Token], index: int) -> Token | None:
    level = tokens[index].level
    for j in range(index - 1, -1, -1):
        token = tokens[j]
        if token.level != level:
            continue
        if token.nesting == -1:
            opener = token.type[: -len("_close")] + "_open"
            depth = 0
            for k in range(j - 1, -1, -1):
                if tokens[k].level != level:
                    continue
                if tokens[k].type == token.type:
                    depth += 1
                elif tokens[k].type == opener:
                    if depth == 0:
                        return tokens[k]
                    depth -= 1
            return None
        if token.nesting == 0 and token.type in ("fence", "code_block", "hr"):
            return token
        return None
    return None


def _drop_first_line(inline: Token) -> None:
    inline.content = inline.content.split("\n", 1)[1]
    children = inline.children or []
    for j, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            inline.children = children[j + 1 :]
            return


def _drop_last_line(inline: Token) -> None:
    inline.content = inline.content.rsplit("\n", 1)[0]
    children = inline.children or []
    for j in range(len(children) - 1, -1, -1):
        if children[j].type in ("softbreak", "hardbreak"):
            inline.children = children[:j]
            return


def _heading_attributes(tokens: Sequence[Token], pattern: re.Pattern[str], read: Any) -> None:
    for i, token in enumerate(tokens):
        if token.type != "inline" or i == 0 or tokens[i - 1].type != "heading_open":
            continue
        children = token.children or []
        if not children or children[-1].type != "text":
            continue
        found = pattern.search(children[-1].content)
        if found is None:
            continue
        children[-1].content = children[-1].content[: found.start()]
        token.content = pattern.sub("", token.content)
        _apply(tokens[i - 1], read(found))


# --- ids -------------------------------------------------------------------------------------


def plain_text(inline: Token, raw_html: bool = False) -> str:
    kinds = ("text", "code_inline", "text_special", "html_inline") if raw_html else (
        "text", "code_inline", "text_special")
    return "".join(c.content for c in inline.children or () if c.type in kinds)


def _ids_rule(flavor: Flavor) -> Any:
    style = flavor.heading_ids
    terms = flavor.definition_term_ids

    def heading_ids(state: StateCore) -> None:
        from artlint.links.slugs import Slugger

        slugger = Slugger("hugo" if style == "none" else style)
        tokens = state.tokens
        for i, token in enumerate(tokens):
            wanted = (token.type == "heading_open" and style != "none") or (
                terms and token.type == "dt_open"
            )
            if not wanted or i + 1 >= len(tokens):
                continue
            given = token.attrGet("id")
            if given is not None:
                slugger.taken.add(str(given))
                continue
            # kramdown's GFM parser makes the id from the heading's source text, Markdown markup
            # included, raw HTML tags left out; kramdown's own parser and goldmark from its text
            # with raw HTML as written (`## <b>B</b> x`: #b-x, #bboldb-x, #bboldb-x).
            inline = tokens[i + 1]
            if style == "jekyll" and token.type == "heading_open":
                text = inline.content
                if flavor.input != "kramdown":
                    for child in inline.children or ():
                        if child.type == "html_inline":
                            text = text.replace(child.content, "", 1)
            else:
                text = plain_text(inline, raw_html=style in ("hugo", "kramdown"))
            token.attrSet("id", slugger.slug(text))

    return heading_ids
