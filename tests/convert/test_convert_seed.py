"""The reference article: to clean Markdown with the same meaning, to schema-valid JSON, and back."""

from __future__ import annotations

import json
import re
from pathlib import Path

from artlint.convert import pipeline
from artlint.convert.article import split_body
from artlint.convert.options import Options
from artlint.meaning import model as meaning
from artlint.parsing.parse import parse

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "article.schema.json"


def to_markdown(text: str) -> str:
    outcome = pipeline.convert(text, "seed.md", "markdown", Options())
    assert outcome.differences == [] and not outcome.unstable
    assert outcome.output is not None
    return outcome.output


def test_seed_markdown_reads_the_same(seed_text: str) -> None:
    before = meaning.of_document(parse(seed_text))
    after = meaning.of_markdown(split_body(to_markdown(seed_text)))
    assert meaning.differences(before, after) == []
    assert after.text == before.text
    assert after.blocks == before.blocks
    assert after.headings == before.headings and len(after.headings) == 5
    assert after.links == before.links
    assert after.images == before.images
    bold = [text for kind, text in before.emphasis if kind == "strong"]
    assert [text for kind, text in after.emphasis if kind == "strong"] == bold


def test_seed_markdown_is_clean(seed_text: str) -> None:
    output = to_markdown(seed_text)
    body = split_body(output)
    assert output.startswith(seed_text[: seed_text.index("\n---\n") + 5])  # front matter verbatim
    assert not re.search(r"<(?!https?:)[a-z/][^>]*>", body)  # no HTML left at all
    assert "style=" not in body and "data-ke" not in body and "&nbsp;" not in body
    assert not re.search(r"[ \t]+$", output, re.MULTILINE)
    assert output.endswith("\n") and not output.endswith("\n\n")
    assert "\n\n\n" not in output
    assert "| --- |" in body  # the summary table is a GFM table with a real header
    assert "|  |" not in body.split("| --- |")[0].splitlines()[-1]


def test_seed_json_is_valid_and_round_trips(seed_text: str) -> None:
    import jsonschema

    outcome = pipeline.convert(seed_text, "seed.md", "json", Options())
    assert outcome.output is not None and outcome.differences == []
    document = json.loads(outcome.output)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    headings = meaning.of_document(parse(seed_text)).headings
    assert [h["text"] for h in document["outline"]] == [text for _, text in headings]
    assert document["counts"]["words"] > 100
    back = pipeline.convert(outcome.output, "seed.json", "markdown", Options())
    assert back.output == to_markdown(seed_text)


def test_seed_back_to_blog_reads_the_same(seed_text: str) -> None:
    markdown_text = to_markdown(seed_text)
    blog = pipeline.convert(markdown_text, "seed.md", "blog", Options(tistory_markup=True))
    assert blog.output is not None and blog.differences == [] and not blog.unstable
    before = meaning.of_document(parse(seed_text))
    assert meaning.differences(before, meaning.of_markdown(split_body(blog.output))) == []


def test_markdown_json_markdown_gives_the_same_bytes(seed_text: str) -> None:
    markdown_text = to_markdown(seed_text)
    crlf = markdown_text.replace("\n", "\r\n")
    for text in (markdown_text, crlf, "\ufeff" + markdown_text):
        as_json = pipeline.convert(text, "a.md", "json", Options(), source="markdown")
        assert as_json.output is not None
        back = pipeline.convert(as_json.output, "a.json", "markdown", Options())
        assert back.output == text
