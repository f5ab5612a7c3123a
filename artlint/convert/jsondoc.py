"""The JSON form of an article (schemas/article.schema.json) and the way back to Markdown.

`front_matter.text` and `body.markdown` together are the Markdown file, byte for byte once
`newline` and `bom` are applied: markdown -> json -> markdown gives the same file back.
"""

from __future__ import annotations

import json
from typing import Any

from artlint.convert.article import Article
from artlint.convert.options import ConvertError
from artlint.meaning.model import Meaning

VERSION = 1
REQUIRED = ("version", "front_matter", "body")


def build(
    article: Article, front_matter: str, body: str, path: str, source: str, meaning: Meaning
) -> dict[str, Any]:
    from artlint.frontmatter.split import to_json_compatible
    from artlint.links.slugs import Slugger
    from artlint.parsing.parse import markdown

    slugger = Slugger("github")
    fm: dict[str, Any] | None = None
    if front_matter:
        fm = {
            "format": article.fm_kind,
            "text": front_matter,
            "raw": article.fm_raw,
            "data": to_json_compatible(article.fm_data),
        }
    return {
        "version": VERSION,
        "path": path,
        "source_format": source,
        "front_matter": fm,
        "body": {"markdown": body, "html": markdown().render(body)},
        "outline": [
            {"level": level, "text": text, "slug": slugger.slug(text)} for level, text in meaning.headings
        ],
        "links": [{"url": url, "text": text} for url, text in meaning.links],
        "images": [{"src": src, "alt": alt} for src, alt in meaning.images],
        "counts": {"words": len(meaning.text.split()), "characters": len(meaning.text)},
        "newline": article.newline,
        "bom": article.bom,
    }


def dumps(document: dict[str, Any], line: bool = False) -> str:
    if line:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, path: str) -> list[dict[str, Any]]:
    """The documents of a .json file (one) or a .jsonl file (one a line)."""
    if path.endswith(".jsonl"):
        found = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                found.append(_checked(_parse(line, path, number), f"{path}:{number}"))
        return found
    return [_checked(_parse(text, path, 0), path)]


def _parse(text: str, path: str, line: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{path}:{line or exc.lineno}:{exc.colno}"
        raise ConvertError(f"{where}: invalid JSON: {exc.msg}") from None


def _checked(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConvertError(f"{where}: an article must be a JSON object")
    missing = [key for key in REQUIRED if key not in value]
    if missing:
        raise ConvertError(f"{where}: not an artlint article: missing {', '.join(missing)}")
    if value["version"] != VERSION:
        raise ConvertError(f"{where}: unsupported article version {value['version']!r} (expected {VERSION})")
    body = value["body"]
    if not isinstance(body, dict) or not isinstance(body.get("markdown"), str):
        raise ConvertError(f"{where}: body.markdown must be a string")
    fm = value["front_matter"]
    if fm is not None and not (isinstance(fm, dict) and isinstance(fm.get("text"), str)):
        raise ConvertError(f"{where}: front_matter must be null or an object with a text string")
    return value


def markdown_text(document: dict[str, Any]) -> str:
    """The Markdown file the document stands for, with "\\n" newlines."""
    fm = document["front_matter"]
    return (fm["text"] if fm else "") + str(document["body"]["markdown"])


def style(document: dict[str, Any]) -> tuple[str, bool]:
    newline = document.get("newline", "\n")
    return (newline if newline in ("\n", "\r\n", "\r") else "\n"), bool(document.get("bom", False))
