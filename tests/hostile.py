"""Hostile inputs, generated here: each is a (name, bytes) pair a test writes where it needs it."""

from __future__ import annotations

import json

KOREAN = (
    "---\ntitle: 안녕하세요\ntags: [한국어, 블로그]\ndraft: no\n---\n# 제목\n\n"
    "본문입니다. <span style=\"color: red\">빨강</span> 그리고 <b>굵게</b> 테스트.\n\n"
    "<p>&nbsp;</p>\n\n[링크](https://example.com/글)\n"
)


def _alias_bomb() -> str:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for this, before in zip("bcdefg", "abcdef", strict=True):
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{before}"] * 10) + "]")
    return "\n".join([*lines, "---", "body", ""])


def cases() -> dict[str, bytes]:
    """Every hostile case by file name; all are .md except the JSONL archive of escaping paths."""
    article = {"version": 1, "front_matter": None, "body": {"markdown": "x\n"}}
    escaping = [{**article, "path": p} for p in ("../../escaped.md", "a/../../escaped.md", "..\\escaped.md")]
    return {
        "cp949.md": KOREAN.encode("cp949"),
        "euc-kr.md": KOREAN.encode("euc-kr"),
        "utf16.md": KOREAN.encode("utf-16"),
        "bom-crlf.md": b"\xef\xbb\xbf" + KOREAN.replace("\n", "\r\n").encode("utf-8"),
        "binary.md": bytes(range(256)) * 64,
        "nul.md": b"---\ntitle: a\x00b\n---\nbody \x00 here <b>\x00</b>\n",
        "nul-body.md": b"---\ntitle: a\n---\nbody \x00 here <b>\x00</b>\n",
        "deep-div.md": ("---\ntitle: x\n---\n" + "<div>" * 20000 + "x" + "</div>" * 20000 + "\n").encode(),
        "unclosed.md": ("---\ntitle: x\n---\n" + "<div><p><span><b>" * 5000 + "x\n").encode(),
        "attributes.md": ("---\ntitle: x\n---\n<div "
                          + " ".join(f'a{i}="{i}"' for i in range(50000)) + ">x</div>\n").encode(),
        "unterminated.md": b"---\ntitle: x\nbody without an end\n",
        "tabs.md": b"---\ntitle: x\n\ttags: [a]\n---\nbody\n",
        "alias-bomb.md": _alias_bomb().encode(),
        "alias-loop.md": b"---\na: &x [1, *x]\n---\nbody\n",
        "huge-list.md": ("---\ntitle: x\ntags:\n" + "".join(f"  - t{i}\n" for i in range(100000))
                         + "---\nbody\n").encode(),
        "deep-yaml.md": ("---\ntitle: x\nd: " + "[" * 900 + "]" * 900 + "\n---\nx\n").encode(),
        "deep-json.md": ('{"title": "x", "d": ' + "[" * 900 + "]" * 900 + "}\nx\n").encode(),
        "deep-toml.md": ('+++\ntitle = "x"\nd = ' + "[" * 900 + "]" * 900 + "\n+++\nx\n").encode(),
        "brackets.md": ("---\ntitle: x\n---\n" + "[" * 50000 + "]" * 50000 + "\n").encode(),
        "deep-quote.md": ("---\ntitle: x\n---\n" + "> " * 3000 + "x\n").encode(),
        # One 3 MB line, with markup at both ends.
        "big-line.md": ("---\ntitle: x\n---\n<b>시작</b> " + "가나다 " * 300_000 + "<i>끝</i>\n").encode(),
        "escaping.jsonl": "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in escaping).encode(),
    }
