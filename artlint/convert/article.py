"""An article split into its front-matter block and its body, and put back together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from artlint.convert.options import ConvertError

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(frozen=True)
class Article:
    front_matter: str  # the exact block, delimiters and the newline after the closing one included
    body: str  # newlines are "\n"
    newline: str  # the file's newline style, restored when writing
    bom: bool
    fm_kind: str | None = None
    fm_raw: str | None = None  # the text between the delimiters
    fm_data: Any = None

    def text(self, body: str | None = None) -> str:
        """The whole file with `body` (default: its own), in the file's newline style."""
        joined = self.front_matter + (self.body if body is None else body)
        if self.newline != "\n":
            joined = joined.replace("\n", self.newline)
        return ("\ufeff" if self.bom else "") + joined


@dataclass(frozen=True)
class Body:
    """The body parsed as Markdown (markdown-it tokens); HTML inside it is left to each step."""

    text: str
    tokens: list[Token]

    @property
    def has_html(self) -> bool:
        return any(
            token.type == "html_block" or any(child.type == "html_inline" for child in token.children or ())
            for token in self.tokens
        )


def parse_body(text: str) -> Body:
    from artlint.parsing.parse import markdown

    return Body(text, markdown().parse(text))


def from_text(text: str, path: str) -> tuple[Article, Body]:
    """Split `text` (newlines normalised to "\\n" first), load its front matter, parse its body."""
    from artlint.frontmatter import split as frontmatter
    from artlint.text.decode import newline_style

    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    newline = newline_style(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fm, body_offset = frontmatter.split(text)
    if fm is not None:
        frontmatter.load(fm)
        if fm.error is not None:
            problem = fm.error
            raise ConvertError(f"{path}:{problem.line}:{problem.column}: {problem.message}")
    article = Article(
        front_matter=text[:body_offset],
        body=text[body_offset:],
        newline=newline,
        bom=bom,
        fm_kind=fm.kind if fm else None,
        fm_raw=fm.raw if fm else None,
        fm_data=fm.data if fm else None,
    )
    return article, parse_body(article.body)


def split_body(text: str) -> str:
    """The body of `text` (newlines "\n"), without parsing it."""
    from artlint.frontmatter import split as frontmatter

    return text[frontmatter.split(text)[1] :]


def normalized_front_matter(article: Article) -> str:
    """The front matter re-emitted from its data (keys in their original order), YAML only."""
    if article.fm_kind != "yaml" or not isinstance(article.fm_data, dict):
        return article.front_matter
    import yaml

    dumped = yaml.safe_dump(
        article.fm_data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000
    )
    return f"---\n{dumped}---\n"


def join_body(front_matter: str, body: str) -> str:
    """Front matter, one blank line, the body with exactly one final newline."""
    body = body.strip("\n")
    if not body:
        return front_matter
    return f"{front_matter}\n{body}\n" if front_matter else f"{body}\n"
