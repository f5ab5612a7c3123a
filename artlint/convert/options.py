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
    flavor: str = "gfm"  # the engine the output is written for, or "portable"; "": the source site's
    source_flavor: str = ""  # the input's engine ("" = the same as `flavor`)
    verify_with: str = ""  # a real engine to judge "reads the same" with (artlint.engines.NAMES)
    engine_options: str = ""  # that engine's settings, as JSON (kept hashable)
    # Why the output's site drops raw HTML (a Hugo site without renderer.unsafe), "" when it
    # does not: HTML left in the Markdown output is then a difference readers would see.
    drops_html: str = ""
    max_nesting: int = 200  # deeper HTML is refused (the max_nesting setting), never a stack overflow
    excerpt_separator: str = ""  # the source site's, kept where it stands ("" = none)

    @property
    def kramdown_source(self) -> bool:
        """The input is read by kramdown: `{: .c}` after an element is its attribute list, and an
        HTML block runs to its element's end tag, its content raw (blank lines and indents too)."""
        return (self.source_flavor or self.flavor) == "kramdown"

    @classmethod
    def from_settings(cls, settings: ConvertSettings, **cli: Any) -> Options:
        """Options from the [convert] table, with command-line values (None = not given) on top."""
        given = {k: v for k, v in cli.items() if v is not None}
        flavor = given.get("flavor", settings.flavor)
        verify_with = given.get("verify_with", "")
        if not flavor and verify_with:
            # Judged by an engine, the output is written for that engine.
            from artlint.engines.choose import FLAVOR_OF

            flavor = FLAVOR_OF.get(str(verify_with), "")
        options = cls(
            spans=given.get("spans", settings.spans),
            iframes=given.get("iframes", settings.iframes),
            tistory_markup=given.get("tistory_markup", settings.tistory_markup),
            normalize_front_matter=given.get("normalize_front_matter", settings.normalize_front_matter),
            verify=given.get("verify", settings.verify),
            allowed_tags=settings.allowed_tags,
            allowed_attributes=settings.allowed_attributes,
            flavor=str(flavor or ""),
            source_flavor=str(given.get("source_flavor") or ""),
            verify_with=str(verify_with or ""),
            engine_options=str(given.get("engine_options") or ""),
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
        from artlint import flavors

        for name in (self.flavor, self.source_flavor):
            if name and name != "portable":
                try:
                    flavors.get(name)
                except flavors.UnknownFlavor:
                    raise ValueError(
                        f"unknown flavor {name!r}; valid flavors: {', '.join((*flavors.NAMES, 'portable'))}"
                    ) from None
        if self.verify_with:
            from artlint.engines import NAMES

            if self.verify_with not in NAMES:
                raise ValueError(f"unknown engine {self.verify_with!r}; valid engines: {', '.join(NAMES)}")


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
