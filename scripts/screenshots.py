"""The guide's screenshots, made from the example reports: `make docs` runs this before it builds the guide.

Each screenshot is one page of an example report, made as an analyst makes it (``reportgen.load("input/")``
and its ``briefing_pdf`` or ``portfolio_pdf``) on a fixed day (``SOURCE_DATE_EPOCH``), and rasterised with
pypdfium2 at a fixed resolution. Nobody draws them: a picture drawn or edited by hand would show a page the
tool does not make.

Beside each PNG a sidecar (``….png.json``) records what the page was made from: the digest of the report's
HTML as reportgen lays it out (its words, figures and charts), of the stylesheets and fonts that lay it
out, the WeasyPrint version, and the digest of the PNG itself. Making that HTML takes a second, where the
PDFs take ten, so the test suite (tests/scripts/test_screenshots.py) makes it again and fails when a
screenshot no longer shows the page the report has now; this script then makes only those again.

    python scripts/screenshots.py            # make the screenshots that are out of date
    python scripts/screenshots.py --force    # make every one again
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "input"
SCREENSHOTS = ROOT / "docs" / "screenshots"
ASSETS = ROOT / "templates" / "assets"
SOURCE_DATE_EPOCH = "1795737600"
"""27 November 2026, 00:00 UTC: the day the reports say they were made on, late enough in the year for
2026-Q3 to be the quarter just assessed (the golden HTML of tests/output uses the same day)."""
DPI = 100
"""An A4 page becomes 827 × 1169 pixels: every word legible on a screen, a page about 150 KB."""


@dataclass(frozen=True)
class Report:
    """An example report, as ``reportgen.load`` makes it; *kind* ``briefing`` or ``portfolio``."""

    kind: str
    period: str
    lang: str
    account: str | None = None
    edition: str = "internal"

    def make(self, data) -> bytes:
        if self.kind == "portfolio":
            return data.portfolio_pdf(self.period, lang=self.lang)
        return data.briefing_pdf(self.account, self.period, lang=self.lang, edition=self.edition)

    def describe(self) -> str:
        what = "portfolio report" if self.kind == "portfolio" else f"briefing of {self.account}"
        edition = ", the edition for the key account" if self.edition == "shared" else ""
        return f"{what}, {self.period}, {self.lang}{edition}"


@dataclass(frozen=True)
class Shot:
    """A page of a report, saved as docs/screenshots/<name>.png."""

    name: str
    report: Report
    page: int
    """Counted from 1, as the page's footer counts."""
    folder: Path = SCREENSHOTS

    @property
    def png(self) -> Path:
        return self.folder / f"{self.name}.png"

    @property
    def sidecar(self) -> Path:
        return self.folder / f"{self.name}.png.json"


# Meridian Aerotech in 2026-Q3: three raters of our team and the key account's own view, which puts the
# account in another zone; an intended relationship; a history since 2026-Q2.
MERIDIAN = Report("briefing", "2026-Q3", "de", account="Meridian Aerotech Inc.")
SHOTS = (
    Shot("briefing-de-1", MERIDIAN, 1),
    Shot("briefing-de-2", MERIDIAN, 2),
    Shot("shared-de-1", Report("briefing", "2026-Q3", "de", "Meridian Aerotech Inc.", edition="shared"), 1),
    Shot("portfolio-de-1", Report("portfolio", "2026-Q3", "de"), 1),
    Shot("portfolio-de-2", Report("portfolio", "2026-Q3", "de"), 2),
    Shot("portfolio-de-4", Report("portfolio", "2026-Q3", "de"), 4),
)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache
def assets_digest() -> str:
    """The stylesheets, fonts and pictures every report is laid out with, by name and content."""
    from reportgen.common.input_files import digest as file_digest

    hashed = hashlib.sha256()
    for path in sorted(p for p in ASSETS.rglob("*") if p.is_file()):
        hashed.update(f"{path.relative_to(ASSETS).as_posix()}\0{file_digest(path)}\n".encode())
    return hashed.hexdigest()


def made_from(html: str) -> dict[str, str]:
    """What decides how a page of a report looks, besides the tools that rasterise it."""
    return {"html": digest(html.encode()), "assets": assets_digest(), "weasyprint": version("weasyprint")}


class _Laid(Exception):
    """Raised instead of laying out a report: its HTML is all that was asked for."""

    def __init__(self, html: str):
        super().__init__("the HTML was captured before layout")
        self.html = html


@contextmanager
def examples() -> Iterator[Any]:
    """The examples in input/, loaded on the fixed day (the environment as it was afterwards)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        import reportgen

        yield reportgen.load(EXAMPLES, lang="de")
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


@contextmanager
def html_laid_out(layout: bool) -> Iterator[list[str]]:
    """Each HTML document reportgen lays out meanwhile, in order, taken where every report becomes a PDF
    (``Renderer.pdf``); laid out and written as usual when *layout*, else stopped right there, before
    WeasyPrint is even loaded (so that only the HTML is made, in a fraction of the time)."""
    from reportgen.rendering import Renderer

    seen: list[str] = []
    original = Renderer.pdf

    def listening(renderer: Renderer, html: str, *args: Any, **kwargs: Any) -> bytes:
        seen.append(html)
        if not layout:
            raise _Laid(html)
        return original(renderer, html, *args, **kwargs)

    Renderer.pdf = listening
    try:
        yield seen
    finally:
        Renderer.pdf = original


def report_html(data, report: Report) -> str:
    """The HTML *report* is laid out from, made without laying it out."""
    with html_laid_out(layout=False) as seen, suppress(_Laid):
        report.make(data)
    (html,) = seen
    return html


def made_now(data, shots: tuple[Shot, ...] = SHOTS) -> dict[Report, dict[str, str]]:
    """What each report the *shots* show is made from now: its HTML made once, without laying it out."""
    return {report: made_from(report_html(data, report)) for report in dict.fromkeys(s.report for s in shots)}


def recorded(shot: Shot) -> dict[str, Any] | None:
    if not shot.sidecar.exists():
        return None
    return json.loads(shot.sidecar.read_text(encoding="utf-8"))


def out_of_date(shot: Shot, now: dict[str, str]) -> str | None:
    """Why *shot* no longer shows its page (made from what *now* describes), or None while it does."""
    sidecar = recorded(shot)
    if sidecar is None or not shot.png.exists():
        return "it has not been made yet"
    if digest(shot.png.read_bytes()) != sidecar.get("png"):
        return "the picture is not the one this script made"
    changed = [key for key, value in now.items() if sidecar.get("made_from", {}).get(key) != value]
    if changed:
        return "what the page is made from changed: " + ", ".join(changed)
    return None


def page_png(pdf: bytes, page: int) -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page - 1].render(scale=DPI / 72).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def make(
    shots: tuple[Shot, ...] = SHOTS, force: bool = False, say: Callable[[str], None] = print
) -> list[Shot]:
    """Make the screenshots that are out of date (every one with *force*); the ones made are returned."""
    made: list[Shot] = []
    with examples() as data:
        pdfs: dict[Report, tuple[bytes, dict[str, str]]] = {}
        now = made_now(data, shots)
        for shot in shots:
            why = "--force" if force else out_of_date(shot, now[shot.report])
            if why is None:
                continue
            if shot.report not in pdfs:
                with html_laid_out(layout=True) as seen:
                    pdf = shot.report.make(data)
                pdfs[shot.report] = (pdf, made_from(seen[0]))
            pdf, source = pdfs[shot.report]
            png = page_png(pdf, shot.page)
            shot.folder.mkdir(parents=True, exist_ok=True)
            shot.png.write_bytes(png)
            sidecar = {
                "report": shot.report.describe(),
                "page": shot.page,
                "dpi": DPI,
                "made_from": source,
                "png": digest(png),
            }
            shot.sidecar.write_text(json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")
            say(f"{shot.png.relative_to(ROOT)}: made ({why})")
            made.append(shot)
    if not made:
        say(f"The {len(shots)} screenshots in {SCREENSHOTS.relative_to(ROOT)} show their pages as they are.")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="make every screenshot again")
    make(force=parser.parse_args(argv).force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
