"""What a conversion is asked to do, and what it reports back for one file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from artlint.html.sanitize import Allowlist

FORMATS = ("blog", "markdown", "json")
SPAN_MODES = ("text", "drop", "mark", "emphasis")
IFRAME_MODES = ("html", "link")


class ConvertError(Exception):
    """Input that cannot be converted; the message names the position when known."""


@dataclass(frozen=True)
class Options:
    spans: str = "text"
    iframes: str = "html"
    tistory_markup: bool = False
    normalize_front_matter: bool = False
    verify: bool = True
    allowed_tags: tuple[str, ...] = ()
    allowed_attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_nesting: int = 200  # deeper HTML is refused (the max_nesting setting), never a stack overflow

    @classmethod
    def from_section(cls, section: Mapping[str, Any], **cli: Any) -> Options:
        """Options from the [convert] table, with command-line values (None = not given) on top."""
        merged = {key.replace("-", "_"): value for key, value in section.items()}
        merged.update({k: v for k, v in cli.items() if v is not None})
        attrs = merged.get("allowed_attributes") or {}
        options = cls(
            spans=str(merged.get("spans", "text")),
            iframes=str(merged.get("iframes", "html")),
            tistory_markup=bool(merged.get("tistory_markup", False)),
            normalize_front_matter=bool(merged.get("normalize_front_matter", False)),
            verify=bool(merged.get("verify", True)),
            allowed_tags=tuple(merged.get("allowed_tags") or ()),
            allowed_attributes=tuple((str(k), tuple(v)) for k, v in attrs.items()),
        )
        options.check()
        return options

    def allow(self) -> Allowlist:
        from artlint.html.sanitize import allowlist

        return allowlist(self.allowed_tags, dict(self.allowed_attributes))

    def check(self) -> None:
        if self.spans not in SPAN_MODES:
            raise ValueError(f"spans must be one of {', '.join(SPAN_MODES)}, not {self.spans!r}")
        if self.iframes not in IFRAME_MODES:
            raise ValueError(f"iframes must be one of {', '.join(IFRAME_MODES)}, not {self.iframes!r}")


@dataclass
class Outcome:
    """One file's conversion: the output text (None when refused) and why."""

    output: str | None
    source_format: str
    path: str = ""  # the name the article goes by (in JSON output)
    differences: list[str] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    unstable: bool = False  # converting the output again changed it
    document: dict[str, Any] | None = None  # the JSON document, when the target is json

    @property
    def verified(self) -> bool:
        return not self.differences and not self.unstable
