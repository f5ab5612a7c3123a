"""What a conversion is asked to do, and what it reports back for one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from artlint.config.sections import IFRAME_MODES, SPAN_MODES, ConvertSettings

if TYPE_CHECKING:
    from artlint.html.sanitize import Allowlist

FORMATS = ("blog", "markdown", "json")


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

    @classmethod
    def from_settings(cls, settings: ConvertSettings, **cli: Any) -> Options:
        """Options from the [convert] table, with command-line values (None = not given) on top."""
        given = {k: v for k, v in cli.items() if v is not None}
        options = cls(
            spans=given.get("spans", settings.spans),
            iframes=given.get("iframes", settings.iframes),
            tistory_markup=given.get("tistory_markup", settings.tistory_markup),
            normalize_front_matter=given.get("normalize_front_matter", settings.normalize_front_matter),
            verify=given.get("verify", settings.verify),
            allowed_tags=settings.allowed_tags,
            allowed_attributes=settings.allowed_attributes,
        )
        options.check()
        return options

    def allow(self) -> Allowlist:
        from artlint.html.sanitize import allowlist

        return allowlist(self.allowed_tags, dict(self.allowed_attributes))

    def check(self) -> None:
        """Values given on the command line (the [convert] table's were checked on loading)."""
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
