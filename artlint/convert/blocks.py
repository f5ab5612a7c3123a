"""Tistory's editor blocks: image blocks become images with captions, link cards links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from artlint.convert.options import Options
from artlint.convert.residue import count, strip_attributes

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag


def figure(soup: BeautifulSoup, tag: Tag, options: Options, dropped: dict[str, int]) -> None:
    if tag.get("data-ke-type") == "opengraph" or tag.find(class_="og-title") is not None:
        anchor = tag.find("a")
        href = anchor.get("href") if anchor else ""
        url = tag.get("data-og-url") or tag.get("data-og-source-url") or href
        title_tag = tag.find(class_="og-title")
        title = title_tag.get_text(" ", strip=True) if title_tag else tag.get("data-og-title")
        replace_with_link(soup, tag, url, title, dropped, "link-preview card")
        return
    images = tag.find_all("img")
    caption = tag.find("figcaption")
    if not images:
        strip_attributes(tag, dropped)
        tag.unwrap()
        return
    count(dropped, "image block wrapper")
    _attributes_deep(tag, dropped)
    replacement = []
    for image in images:
        paragraph = soup.new_tag("p")
        paragraph.append(image.extract())
        replacement.append(paragraph)
    if caption is not None and caption.get_text().strip():
        caption.name = "p"
        replacement.append(caption.extract())
    for new in reversed(replacement):
        tag.insert_after(new)
    tag.decompose()


def _attributes_deep(tag: Tag, dropped: dict[str, int]) -> None:
    strip_attributes(tag, dropped)
    for inner in tag.find_all(True):
        strip_attributes(inner, dropped)


def replace_with_link(
    soup: BeautifulSoup, tag: Tag, url: object, title: object, dropped: dict[str, int], what: str
) -> None:
    href = str(url or "").strip()
    if not href:
        count(dropped, what)
        tag.decompose()
        return
    text = str(title or "").strip() or href
    paragraph = soup.new_tag("p")
    anchor = soup.new_tag("a", href=href)
    anchor.string = text
    paragraph.append(anchor)
    tag.replace_with(paragraph)
    count(dropped, what)
