"""JSON for the machine-readable reports, written fast and still readable.

`json.dumps` with `indent` falls back to the pure-Python encoder: on a corpus run's report
(hundreds of thousands of findings) that took seconds, token by token. Here each record of the
lists that hold many (findings, SARIF results, rule descriptors) is one line, encoded by the C
encoder; the frame around them is indented as `indent=2` would indent it. The value read back
is the same.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def dumps(value: Any, records: Collection[str]) -> str:
    """`value` as JSON; the items of a list under a key in `records` one per line."""
    out: list[str] = []
    _emit(value, 0, False, records, out)
    return "".join(out)


def _emit(value: Any, level: int, one_per_line: bool, records: Collection[str], out: list[str]) -> None:
    pad = "\n" + "  " * (level + 1)
    if isinstance(value, dict) and value:
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append(("," if i else "") + pad + _ONE_LINE(str(key)) + ": ")
            _emit(item, level + 1, key in records, records, out)
        out.append("\n" + "  " * level + "}")
    elif isinstance(value, list) and value:
        out.append("[")
        for i, item in enumerate(value):
            out.append(("," if i else "") + pad)
            if one_per_line:
                out.append(_ONE_LINE(item))
            else:
                _emit(item, level + 1, False, records, out)
        out.append("\n" + "  " * level + "]")
    else:
        out.append(_ONE_LINE(value))
