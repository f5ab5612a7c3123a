"""A link or image points to a local file that does not exist.

What it does:
    Resolves relative links and images against the linking file, root-relative ones
    ("/img/a.png") against `[links] site_root`, and links to the site's own address
    (`[links] base_url`) against the same folder, all without the network. A site served
    under a path (Jekyll `baseurl: /blog`, Hugo's `baseURL`) names its files with that prefix:
    "/blog/img/a.png" is the site's img/a.png. Markdown links and
    images, reference definitions, `<a href>`, `<img src>` and `srcset`, `<iframe src>`, and
    front-matter fields (`[links] front_matter_fields`) are checked. When the name nearly
    exists the message says how it differs: only in case (passes on macOS and Windows, fails
    on a Linux server), composed versus decomposed Hangul (macOS saves names decomposed), a
    literal or doubled percent escape, the closest name in the folder, or a page beside the
    file that "../name/" reaches on a site with pretty URLs (one folder per page).

    Only misses that prove a broken link are reported: a page URL such as "/docs/history/"
    may come from a permalink, a theme or a plugin, so a site URL is reported only when it
    names a file type that is copied as is (images, documents, Markdown sources). Links with
    template tags (`{{ site.baseurl }}`, `{% link %}`) are skipped.

Why is this bad:
    The reader gets a 404 or a broken image, and a case-only or NFD/NFC difference hides on
    the author's Mac until the site is deployed.

Example:
    ![Diagram](images/Diagram.PNG)
    [Setup guide](../guide/setup.md)

Use instead:
    ![Diagram](images/diagram.png)
    [Setup guide](../guides/setup.md)

Options:
    Set in the [links] table: `site_root` (folder that "/..." links resolve against, relative
    to the configuration file; empty: the detected site's root, or unchecked without one),
    `base_url` (the site's own address), `front_matter_fields` (default `["image", "feature_image"]`), `slug`
    (`github`, the default, resolves page links against the file as GitHub does; `jekyll` and
    `hugo` leave page links to the generator).
"""

from __future__ import annotations

from collections.abc import Iterator

from artlint.links.local.check import FILE
from artlint.links.local.report import findings
from artlint.model.diagnostics import Finding, Severity
from artlint.rules.base import Context

CODE = "LK001"
NAME = "link-file-missing"
SUMMARY = "Linked local file does not exist"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Finding]:
    yield from findings(ctx, FILE)
