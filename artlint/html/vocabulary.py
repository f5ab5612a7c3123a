"""What artlint knows about HTML elements and about the Tistory editor's markup, in one place.

The tag scanner, the Meaning reader, the rules and the converter all read HTML; they agree on
which elements are void, which close an open <p>, which attributes survive sanitising, and what
an editor spacer looks like because they take it from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Elements without content or end tag (HTML's void elements, with the obsolete <param> that
# parsers still treat as one).
VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr")
)
# End tags HTML lets an author leave out; a missing one is not a problem.
OPTIONAL_END = frozenset(
    ("p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "colgroup", "rt", "rp")
)
# Start tags that close an open <p>: the "close a p element" steps of the HTML parsing rules for
# the body ("address" ... "ul", headings, pre/listing, form, li, dd/dt, plaintext, table, hr, xmp).
CLOSES_P = frozenset(
    ("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
     "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p",
     "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
     "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp")
)
# Elements a reader sees as separate blocks of text: those that close a paragraph, and the
# table parts (cells and rows never run into each other).
BLOCK = CLOSES_P | {"td", "th", "tr", "thead", "tbody", "tfoot", "caption"}
# Elements whose content is text up to their end tag (HTML's raw text and escapable raw text).
RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"))
# Elements whose content is never shown as text.
HIDDEN = frozenset(("script", "style", "template", "head", "title"))

# The tag names that start a CommonMark HTML block of type 6 (CommonMark 0.31 spec, 4.6).
COMMONMARK_BLOCK = frozenset(
    str.split("""address article aside base basefont blockquote body caption center col colgroup dd details
    dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6
    head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p
    param search section summary table tbody td tfoot th thead title tr track ul""")
)

# --- Sanitising -------------------------------------------------------------------------------

# Structure and inline markup an article needs; nothing that styles, scripts or embeds by itself.
KEPT_TAGS = frozenset(
    ("a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
     "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
     "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
     "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
     "tfoot", "th", "thead", "tr", "u", "ul")
)
# The attributes that carry content or structure, per element; every other one is residue.
# Conversion strips the rest and sanitising allows no more, so both keep the same ones.
KEPT_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start"}),
    "code": frozenset({"class"}),
    "iframe": frozenset({"src", "title", "width", "height", "allowfullscreen"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp", "irc", "ircs", "news", "sms", "xmpp"})
# Removed with their content, not just unwrapped.
CLEAN_CONTENT = frozenset({"script", "style", "noscript", "template"})

# --- Converting to Markdown -------------------------------------------------------------------

# Elements Markdown writes as themselves (CommonMark, GFM tables and strikethrough, definition
# lists), and those the converter keeps as HTML; any other element loses its tag.
MARKDOWN_ELEMENTS = frozenset(
    ("a", "b", "strong", "i", "em", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
     "li", "blockquote", "pre", "code", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
     "del", "s", "dl", "dt", "dd", "mark", "iframe")
)
# Elements that only hold others: without their attributes (counted apart when dropped) a reader
# sees nothing of them, so unwrapping one loses nothing.
WRAPPERS = frozenset(("html", "body", "article", "section", "main", "div", "span", "font"))
# Elements whose text Markdown can only write as code.
CODE_LIKE = frozenset(("kbd", "samp"))

# --- The Tistory editor -----------------------------------------------------------------------

# Attributes the editor adds (data-ke-size="size16", data-ke-type="opengraph", ...).
EDITOR_PREFIX = "data-ke-"
# Classes word processors paste along (Word's MsoNormal, MsoListParagraph, ...): no site's style
# sheet defines them, so removing them changes nothing a reader sees.
RESIDUE_CLASS_PREFIXES = ("Mso",)
PARAGRAPH_SIZE = 'data-ke-size="size16"'
# The start tags the editor writes for plain ones, as its own posts have them.
EDITOR_MARKUP: Mapping[str, str] = {
    "<p>": f"<p {PARAGRAPH_SIZE}>",
    "<h2>": '<h2 data-ke-size="size26">',
    "<h3>": '<h3 data-ke-size="size23">',
    "<h4>": '<h4 data-ke-size="size20">',
    "<ul>": '<ul style="list-style-type: disc;" data-ke-list-type="disc">',
    "<ol>": '<ol style="list-style-type: decimal;" data-ke-list-type="decimal">',
    "<blockquote>": '<blockquote data-ke-style="style1">',
    "<hr>": '<hr contenteditable="false" data-ke-type="horizontalRule" data-ke-style="style1">',
    "<table>": '<table style="border-collapse: collapse; width: 100%;" border="1" data-ke-align="alignLeft">',
}

# kramdown with parse_block_html: the elements whose content it parses as Markdown (as blocks or
# as a line of text); any other element's content is raw, as are those with markdown="0".
KRAMDOWN_PARSED_CONTENT = frozenset((
    "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl",
    "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main",
    "map", "menu", "nav", "noscript", "object", "section", "summary", "td",
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q", "rb",
    "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup", "th", "tt",
))
# Inside a spacer paragraph: line breaks and wrappers the editor leaves around them.
SPACER_WRAPPERS = frozenset(("br", "span", "b", "strong", "i", "em", "font", "u"))
# Characters that show nothing: a text of only these is blank to the reader.
INVISIBLE = " \t\n\r\f\v\u00a0\u200b\ufeff"
_INVISIBLE = str.maketrans("", "", INVISIBLE)


def is_spacer(names: Iterable[str], text: str) -> bool:
    """Whether a paragraph only makes an empty line, as the editor's `<p>&nbsp;</p>` does.

    `names`: the tag names inside it; `text`: its text with character references decoded. It is
    a spacer when everything inside is a line break or a wrapper, it shows no character, and
    something (a no-break space or a <br>) gives it the height of a line.
    """
    if text.translate(_INVISIBLE):
        return False
    tags = [name.lower() for name in names]
    if any(name not in SPACER_WRAPPERS for name in tags):
        return False
    return "\u00a0" in text or "br" in tags
