"""How each language of a portfolio is made: here, in a forked child beside the first, or in parts on
every core.

A portfolio of many accounts is laid out in parts (:mod:`reportgen.views.portfolio.parts`): a pool of
forked workers, one a core, lays out the appendix a run of sheets at a time while this process lays out
the front of the report; once the pages are counted, the workers lay out the page numbers and join it all
(:mod:`reportgen.rendering.joining`). The workers are forked before this process loads WeasyPrint, and
take the portfolio with them, so nothing large is pickled on the way in; each part comes back as a PDF.
A smaller portfolio is laid out in one piece, its second language in a forked child meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from reportgen.commands.in_child import InChild
from reportgen.common.forking import can_fork, quiet_child
from reportgen.common.settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future

    from reportgen.analysis.portfolio import PortfolioAnalysis
    from reportgen.rendering import Renderer
    from reportgen.rendering.archive import Archive
    from reportgen.views.portfolio.parts import PageNumbersPart, Slice

Making = Callable[[], bytes]
"""What gives one language's PDF when called (waiting for it where it is made elsewhere)."""


def portfolio_pdf(
    portfolio: PortfolioAnalysis, lang: str, day: date, renderer: Renderer, archive: Archive | None = None
) -> bytes:
    """The portfolio report in *lang*, as the PDF's bytes, laid out in one piece: the one step from analysis
    to PDF, shared by the command and by reportgen.load's portfolio_pdf, so that both make the same report."""
    from reportgen.charts import portfolio_charts
    from reportgen.views.portfolio import build_portfolio

    view = build_portfolio(portfolio, lang, day, portfolio_charts(portfolio, lang))
    return renderer.portfolio_pdf(view, archive)


def in_parts(accounts: int, settings: Settings) -> bool:
    """Whether a portfolio of *accounts* is laid out in parts: where its appendix makes at least two parts,
    on systems that can fork, and not with --debug, so that an error shows its traceback where it happens.
    With one worker too, so that a report's bytes do not depend on the cores of the machine it is made on."""
    from reportgen.views.portfolio.parts import smallest_in_parts

    return can_fork() and not settings.debug and accounts >= smallest_in_parts()


@contextmanager
def portfolio_makings(
    portfolio: PortfolioAnalysis, languages: list[str], settings: Settings, archive: Archive | None
) -> Iterator[dict[str, Making]]:
    """How each of *languages* is made, started already where it is made elsewhere; nothing is left running
    when the block ends, however it ends."""
    from reportgen.rendering import Renderer

    renderer = Renderer()
    if languages and in_parts(len(portfolio.entries), settings):
        with PartsPool(portfolio, settings.workers) as pool:
            yield {
                lang: InParts(pool, portfolio, lang, settings.day, renderer, archive).pdf
                for lang in languages
            }
        return
    children = {}
    if settings.workers > 1 and can_fork() and not settings.debug:
        children = {
            lang: InChild(portfolio_pdf, portfolio, lang, settings.day, Renderer(), archive)
            for lang in languages[1:]
        }
    try:
        here = {lang: _here(portfolio, lang, settings.day, renderer, archive) for lang in languages}
        yield {lang: children[lang].result if lang in children else here[lang] for lang in languages}
    finally:
        for child in children.values():
            child.close()


def _here(
    portfolio: PortfolioAnalysis, lang: str, day: date, renderer: Renderer, archive: Archive | None
) -> Making:
    return lambda: portfolio_pdf(portfolio, lang, day, renderer, archive)


_forked: tuple[PortfolioAnalysis, Renderer] | None = None
"""In a worker of :class:`PartsPool`: the portfolio it was forked with, and its renderer."""


def _start_worker(portfolio: PortfolioAnalysis) -> None:
    from reportgen.rendering import Renderer

    global _forked
    quiet_child()
    _forked = (portfolio, Renderer())


def _warm_up() -> None:
    """In a worker: WeasyPrint, its fonts and stylesheets loaded while this process lays out the front."""
    assert _forked is not None, "set by _start_worker"
    _forked[1].warm_up("portfolio_appendix.html", ())


def _map_svg(lang: str) -> str:
    """In a worker: the portfolio map, the front's largest chart, drawn while this process loads fonts."""
    from reportgen.charts.portfolio_map import portfolio_map

    assert _forked is not None, "set by _start_worker"
    portfolio = _forked[0]
    return portfolio_map(portfolio, portfolio.catalog, lang)


def _appendix_part(lang: str, day: date, part: Slice, archived: bool) -> tuple[bytes, int]:
    """In a worker: the part of the appendix *part* holds, as a PDF without page numbers, and how many pages
    it took."""
    from reportgen.charts import appendix_diagrams
    from reportgen.views.portfolio.parts import appendix_part

    assert _forked is not None, "set by _start_worker"
    portfolio, renderer = _forked
    diagrams = appendix_diagrams(portfolio.entries[part.start : part.stop])
    return renderer.appendix_part_pdf(appendix_part(portfolio, lang, day, part, diagrams), archived)


def _page_numbers(numbers: PageNumbersPart, archived: bool) -> bytes:
    """In a worker: the page numbers *numbers* holds, as a PDF to set over the report's pages."""
    assert _forked is not None, "set by _start_worker"
    return _forked[1].page_numbers_pdf(numbers, archived)


def _joined(front: bytes, parts: list[bytes], numbers: list[bytes], archived: bool) -> bytes:
    """In a worker: the report joined from its parts and numbered, an archive mended where PDF/A needs it."""
    from reportgen.rendering.archive import mend
    from reportgen.rendering.joining import join_parts

    joined = join_parts(front, parts, numbers)
    return mend(joined) if archived else joined


class PartsPool:
    """Worker processes, one a core, forked with the portfolio, which lay out parts of its appendix."""

    def __init__(self, portfolio: PortfolioAnalysis, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(workers, context, initializer=_start_worker, initargs=(portfolio,))
        self.workers = workers
        # A task for each worker now: they are forked at once, before this process loads WeasyPrint or lays
        # anything out (a worker forked later would start with all of it), and load WeasyPrint meanwhile.
        for _ in range(workers):
            self._pool.submit(_warm_up)

    def map_svg(self, lang: str) -> Future:
        return self._pool.submit(_map_svg, lang)

    def appendix_part(self, lang: str, day: date, part: Slice, archived: bool) -> Future:
        return self._pool.submit(_appendix_part, lang, day, part, archived)

    def page_numbers(self, numbers: PageNumbersPart, archived: bool) -> Future:
        return self._pool.submit(_page_numbers, numbers, archived)

    def join(self, front: bytes, parts: list[bytes], numbers: list[bytes], archived: bool) -> bytes:
        """The report joined in a worker: pikepdf holds every object of the report while it joins, and
        this process holds the front's layout until then."""
        return self._pool.submit(_joined, front, parts, numbers, archived).result()

    def __enter__(self) -> PartsPool:
        return self

    def __exit__(self, error_type, *exc_info) -> None:
        """Wait for the workers to end; where the run ends in an error (or Ctrl-C), stop them first rather
        than let them finish parts nobody will join."""
        if error_type is not None:
            for worker in list(getattr(self._pool, "_processes", {}).values()):
                worker.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)


class InParts:
    """One language of the portfolio made in parts: its appendix handed to the pool as soon as this is
    made; :meth:`pdf` lays out the front here meanwhile, has the pages numbered and joins them."""

    def __init__(
        self,
        pool: PartsPool,
        portfolio: PortfolioAnalysis,
        lang: str,
        day: date,
        renderer: Renderer,
        archive: Archive | None,
    ) -> None:
        from reportgen.views.portfolio.parts import appendix_slices

        self._pool, self._portfolio, self._lang, self._day = pool, portfolio, lang, day
        self._renderer, self._archive = renderer, archive
        self._slices = appendix_slices(len(portfolio.entries))
        self._map = pool.map_svg(lang)
        self._parts = [pool.appendix_part(lang, day, part, archive is not None) for part in self._slices]

    def pdf(self) -> bytes:
        """The joined report. Its page numbers are laid out for a sheet a page as soon as the front's pages
        are known; where a part took more or fewer pages (an account too long for half a page), they are
        laid out again for the pages there are."""
        from reportgen.charts import portfolio_charts
        from reportgen.views.portfolio import build_portfolio

        portfolio, lang, day, renderer = self._portfolio, self._lang, self._day, self._renderer
        renderer.warm_up("portfolio.html", [lang])  # while a worker draws the map
        charts = portfolio_charts(portfolio, lang, appendix=False, map_svg=self._map.result())
        front = renderer.portfolio_front(build_portfolio(portfolio, lang, day, charts, appendix_apart=True))
        front_pages = front.pages - 1  # the last, kept blank for the appendix, gives way to the parts
        expected = front_pages + sum(part.sheets for part in self._slices)
        numbers = self._page_numbers(expected)
        written = renderer.write(front.document, front.html, self._archive, mended=False)
        del front  # the largest thing this process holds
        parts = [future.result() for future in self._parts]
        total = front_pages + sum(pages for _, pages in parts)
        if total != expected:
            for future in numbers:
                future.cancel()
            numbers = self._page_numbers(total)
        pdfs, numbered = [pdf for pdf, _ in parts], [future.result() for future in numbers]
        return self._pool.join(written, pdfs, numbered, archived=self._archive is not None)

    def _page_numbers(self, total: int) -> list[Future]:
        from reportgen.views.portfolio.parts import page_number_parts

        parts = page_number_parts(self._portfolio, self._lang, self._day, total)
        return [self._pool.page_numbers(numbers, self._archive is not None) for numbers in parts]
