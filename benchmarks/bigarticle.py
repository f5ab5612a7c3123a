"""One HTML-heavy article of a chosen size, as a Tistory export writes them (run by hand).

    python benchmarks/bigarticle.py 1 > big.md     # about 1 MB

The text is this module's own: paragraphs of styled spans, coloured and sized inline, a few
headings, links between them and an image now and then, so every HTML and style rule has work.
"""

from __future__ import annotations

import sys

FRONT = '---\ntitle: "긴 글 하나"\ndate: 2024-01-02\ntags: [benchmark, html]\n---\n\n'
COLOURS = ("#333333", "#006dd7", "#ee2323", "#8a3db6", "#009a87", "#e5e5e5")
SIZES = ("12pt", "14pt", "16px", "1.1em")


def paragraph(i: int) -> str:
    colour, size = COLOURS[i % len(COLOURS)], SIZES[i % len(SIZES)]
    words = f"문단 {i}번째: 빠르게 읽히는 글은 짧은 문장으로 씁니다. Sentence {i} keeps going"
    body = (
        f'<span style="font-family: \'Noto Sans KR\'; color: {colour};">{words}</span> '
        f'<span style="font-size: {size}; background-color: #ffffff;"><b>강조 {i}</b></span> '
        f'<a href="#section-{i // 50}">위로</a>'
    )
    html = f'<p data-ke-size="size16">{body}</p>\n'
    if i % 50 == 0:
        html = f"\n## 구역 {i // 50} {{#section-{i // 50}}}\n\n" + html
    if i % 97 == 0:
        html += f'<p><img src="/images/{i}.png" alt="그림 {i}" width="600"></p>\n'
    if i % 10 == 9:
        html += '<p data-ke-size="size16">&nbsp;</p>\n'
    return html


def article(megabytes: float) -> str:
    limit = int(megabytes * 1024 * 1024)
    parts, size, i = [FRONT], len(FRONT.encode()), 0
    while size < limit:
        piece = paragraph(i)
        parts.append(piece)
        size += len(piece.encode())
        i += 1
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(article(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
