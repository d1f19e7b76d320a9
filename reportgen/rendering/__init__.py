"""The rendering stage: a view → HTML (Jinja2, autoescaped) → PDF (WeasyPrint).

One :class:`Renderer` lives for a whole batch: the Jinja environments, the stylesheet and the fonts
are prepared once and shared by every account and language. WeasyPrint is imported only when a PDF is
laid out, so the HTML of a report can be made (and compared, see tests/rendering/golden.py) without it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from reportgen.common.i18n import translations
from reportgen.common.resources import ASSETS_DIR, TEMPLATES_DIR
from reportgen.rendering.filters import register_filters
from reportgen.rendering.fonts import embed_whole_fonts

if TYPE_CHECKING:
    from reportgen.rendering.archive import Archive
    from reportgen.rendering.joining import PageNumbers

WEASYPRINT_LOGGER = "weasyprint"
TAGGED_PDF = {"pdf_variant": "pdf/ua-1"}
"""How every PDF is written: tagged for screen readers (language, title as window title, a structure tree of
headings, tables and figures with their alt texts). PDF/UA-1 rather than bare ``pdf_tags=True``: its XMP
metadata declares the conformance and carries the title, for the same write time. An archival variant
keeps the tags with ``pdf_tags=True``, since WeasyPrint takes one ``pdf_variant`` only."""
STYLES = {
    "briefing.html": "briefing",
    "briefing_shared.html": "briefing",
    "portfolio.html": "portfolio",
    "portfolio_appendix.html": "portfolio",
    "portfolio_numbers.html": "portfolio",
}
"""The stylesheet of each report template in templates/assets/, next to base.css."""
NUMBERED_APART, PAGE_NUMBERS = "numbered-apart", "page-numbers"
"""The stylesheets of a report laid out in parts (see :mod:`.joining`): its parts with their page numbers
hidden, and the numbers laid out apart."""


def make_environment(lang: str) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_translations(translations(lang), newstyle=True)
    register_filters(environment, lang)
    return environment


class _Engine(NamedTuple):
    """WeasyPrint and what one run shares across all its documents: fonts, fetcher, stylesheets."""

    weasyprint: Any
    fonts: Any
    fetcher: Any
    sheets: dict[str, Any]
    sheet_text: tuple[str, ...]
    """The stylesheets' own text: what they write with ``content`` is drawn in the fonts too."""


class LaidOut(NamedTuple):
    """A document laid out into pages, and the HTML it was laid out from (its fonts are chosen by it)."""

    document: Any
    html: str

    @property
    def pages(self) -> int:
        return len(self.document.pages)


class Renderer:
    def __init__(self) -> None:
        self._environments: dict[str, Environment] = {}

    def environment(self, lang: str) -> Environment:
        if lang not in self._environments:
            self._environments[lang] = make_environment(lang)
        return self._environments[lang]

    def html(self, template: str, lang: str, **context) -> str:
        return self.environment(lang).get_template(template).render(**context)

    @cached_property
    def _weasy(self):
        import pydyf
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        from reportgen.rendering.fetcher import ProjectOnlyFetcher
        from reportgen.rendering.page_references import remember_page_references

        remember_page_references(pydyf.PDF)

        logging.getLogger(WEASYPRINT_LOGGER).setLevel(logging.ERROR)
        fonts = FontConfiguration()
        fetcher = ProjectOnlyFetcher(TEMPLATES_DIR)
        names = ("base", *STYLES.values(), NUMBERED_APART, PAGE_NUMBERS)
        texts = {name: (ASSETS_DIR / f"{name}.css").read_text("utf-8") for name in names}
        sheets = {
            name: weasyprint.CSS(
                string=text, base_url=ASSETS_DIR.as_uri() + "/", font_config=fonts, url_fetcher=fetcher
            )
            for name, text in texts.items()
        }
        return _Engine(weasyprint, fonts, fetcher, sheets, tuple(texts.values()))

    def warm_up(self, template: str, languages: Iterable[str]) -> None:
        """Load WeasyPrint, the fonts and stylesheets, and compile *template* in *languages* now."""
        self._weasy  # noqa: B018 - the cached property does the loading
        for lang in languages:
            self.environment(lang).get_template(template)

    def layout(
        self, html: str, style: str = "briefing", apart: str | None = None, numbers: PageNumbers | None = None
    ):
        """Lay the HTML out into pages; only our templates folder and data: URLs can be loaded.

        Each kind of report gets only its own stylesheet besides the shared one: style resolution
        costs grow with every rule, and a 200-page portfolio resolves a great many elements. A part of a
        report laid out in parts gets the stylesheet *apart* too, and its page *numbers* (see
        :mod:`.joining`).
        """
        engine = self._weasy
        document = engine.weasyprint.HTML(
            string=html, base_url=TEMPLATES_DIR.as_uri() + "/", url_fetcher=engine.fetcher
        )
        sheets = [engine.sheets["base"], engine.sheets[style]]
        if apart is not None:
            sheets.append(engine.sheets[apart])
        if numbers is not None:
            sheets.append(engine.weasyprint.CSS(string=numbers.stylesheet(), font_config=engine.fonts))
        return document.render(stylesheets=sheets, font_config=engine.fonts)

    def write_options(self, html: str, archive: Archive | None = None) -> dict[str, Any]:
        """WeasyPrint's options for writing the PDF of *html*: tagged, its fonts whole or cut; for an
        *archive*, PDF/A-3b with its files attached (see :mod:`.archive`)."""
        options = {"full_fonts": embed_whole_fonts(html, self._weasy.sheet_text), **TAGGED_PDF}
        return options if archive is None else options | archive.pdf_options()

    def write(self, document, html: str, archive: Archive | None = None, mended: bool = True) -> bytes:
        """The laid-out *document* of *html* as PDF bytes; an archive mended where PDF/A needs it (unless
        it is the front of a report laid out in parts, mended once joined)."""
        pdf = document.write_pdf(**self.write_options(html, archive))
        if archive is None or not mended:
            return pdf
        from reportgen.rendering.archive import mend

        return mend(pdf)

    def pdf(self, html: str, style: str = "briefing", archive: Archive | None = None) -> bytes:
        return self.write(self.layout(html, style), html, archive)

    def briefing_html(self, view) -> str:
        return self.html("briefing.html", view.lang, view=view)

    def portfolio_html(self, view) -> str:
        return self.html("portfolio.html", view.lang, view=view)

    def briefing_pdf(self, view, archive: Archive | None = None) -> bytes:
        return self.pdf(self.briefing_html(view), archive=archive)

    def shared_briefing_html(self, view) -> str:
        """The key account's edition: templates of its own, so no internal partial can reach it."""
        return self.html("briefing_shared.html", view.lang, view=view)

    def shared_briefing_pdf(self, view) -> bytes:
        return self.pdf(self.shared_briefing_html(view), STYLES["briefing_shared.html"])

    def portfolio_pdf(self, view, archive: Archive | None = None) -> bytes:
        return self.pdf(self.portfolio_html(view), STYLES["portfolio.html"], archive)

    def portfolio_front(self, view) -> LaidOut:
        """The portfolio laid out as the front of a report in parts (see :mod:`.joining`): its appendix kept
        as one blank page with its anchors, its page numbers hidden."""
        html = self.portfolio_html(view)
        return LaidOut(self.layout(html, STYLES["portfolio.html"], NUMBERED_APART), html)

    def appendix_part_pdf(self, view, archived: bool) -> tuple[bytes, int]:
        """A part of a portfolio's appendix, its page numbers hidden, and its pages; *archived*: PDF/A-3b, as
        the front of an archival report, with nothing attached (the front carries the files)."""
        template = "portfolio_appendix.html"
        html = self.html(template, view.lang, view=view)
        document = self.layout(html, STYLES[template], NUMBERED_APART)
        return document.write_pdf(**self._part_options(html, archived)), len(document.pages)

    def page_numbers_pdf(self, view, archived: bool) -> bytes:
        """The numbers of the pages *view* names, of a report laid out in parts (see :mod:`.joining`)."""
        from reportgen.rendering.joining import PageNumbers

        template = "portfolio_numbers.html"
        html = self.html(template, view.lang, view=view)
        document = self.layout(html, STYLES[template], PAGE_NUMBERS, PageNumbers(view.pages[0], view.total))
        return document.write_pdf(**self._part_options(html, archived))

    def _part_options(self, html: str, archived: bool) -> dict[str, Any]:
        from reportgen.rendering.archive import Archive

        return self.write_options(html, Archive(()) if archived else None)
