"""Machine-readable reports: the same JSON value as the standard encoder, a record per line."""

from __future__ import annotations

import json

from artlint.reporters import records

REPORT = {
    "version": 1,
    "tool": {"name": "artlint", "empty": {}, "none": []},
    "diagnostics": [
        {"path": "글/a.md", "line": 3, "message": 'quote " and \\ and \n newline',
         "fix": {"edits": [[1, 2, ""]]}},
        {"path": "b.md", "line": 1, "message": "\u00a0nbsp", "pointer": None},
    ],
    "nested": {"results": [{"id": 1}], "other": [{"id": 2}, 3.5, True]},
}


def test_the_value_reads_back_unchanged() -> None:
    text = records.dumps(REPORT, ("diagnostics", "results"))
    assert json.loads(text) == REPORT
    assert "글" in text and "\\u" not in text  # written as UTF-8, as the reports always were


def test_each_record_is_one_line_and_the_frame_is_indented() -> None:
    lines = records.dumps(REPORT, ("diagnostics", "results")).splitlines()
    assert lines[0] == "{" and lines[1] == '  "version": 1,'
    found = [line for line in lines if '"path"' in line]
    assert len(found) == 2
    assert all(json.loads(line.strip().rstrip(",")) in REPORT["diagnostics"] for line in found)
    assert '      {"id": 1}' in lines
    # A list not named as records is indented item by item, as indent=2 would.
    assert '        "id": 2' in lines and '      3.5,' in lines
    assert '    "empty": {},' in lines and '    "none": []' in lines
