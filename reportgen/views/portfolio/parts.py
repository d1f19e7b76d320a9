"""The portfolio report in parts, so that every core lays out a share of it.

A portfolio of many accounts is mostly its appendix, two accounts a page. WeasyPrint lays a document out
on one core, so the appendix is cut into runs of sheets, each laid out as a document of its own, and
joined to the rest of the report, the *front*, afterwards (:mod:`reportgen.rendering.joining`). Every
part is laid out at once, none waiting for another: a part's page numbers would depend on how many pages
come before it, so the parts are laid out with their running footer's page number hidden, and the numbers
are laid out apart, "page x of y" alone on each page, and set over the joined pages. The front keeps one
blank page with the anchors of the appendix (:func:`reportgen.views.portfolio.appendix.reserved_section`),
so that its links to accounts are made; joining points them to the parts. A sheet begins a page, so the
report reads the same whether it is laid out in one or in parts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from reportgen.analysis.portfolio import PortfolioAnalysis
from reportgen.views.portfolio import Frame, frame_of
from reportgen.views.portfolio.account_rows import account_row
from reportgen.views.portfolio.appendix import ACCOUNTS_PER_SHEET, AppendixSection, appendix_section

PARTS_AT_LEAST = 6
"""Parts the appendix is cut into where it is long enough: three for each of two cores, so that one slow
part does not leave the other core idle at the end. Not counted from the machine's cores, so that a
report is made alike everywhere."""
SHEETS_PER_PART = (10, 25)
"""The fewest and most sheets in a part: fewer costs more in joining than it saves, more holds more pages
in a worker's memory at once."""


def smallest_in_parts() -> int:
    """The fewest accounts whose appendix makes two parts: below, joining would cost more than it saves."""
    return 2 * SHEETS_PER_PART[0] * ACCOUNTS_PER_SHEET


@dataclass(frozen=True)
class AppendixPart(Frame):
    """A run of the appendix laid out as a document of its own: its frame, and its sheets."""

    appendix: AppendixSection


@dataclass(frozen=True)
class Slice:
    """The accounts of one part: the portfolio's entries from *start* to before *stop*."""

    start: int
    stop: int

    @property
    def sheets(self) -> int:
        return math.ceil((self.stop - self.start) / ACCOUNTS_PER_SHEET)


def appendix_slices(accounts: int) -> list[Slice]:
    """The parts the appendix of *accounts* is cut into: whole sheets, :data:`PARTS_AT_LEAST` parts where
    each then holds at least the fewest sheets a part should hold and at most the most."""
    fewest, most = SHEETS_PER_PART
    sheets = math.ceil(accounts / ACCOUNTS_PER_SHEET)
    size = max(fewest, min(most, math.ceil(sheets / PARTS_AT_LEAST)))
    step = size * ACCOUNTS_PER_SHEET
    return [Slice(start, min(start + step, accounts)) for start in range(0, accounts, step)]


def appendix_part(
    portfolio: PortfolioAnalysis, lang: str, made_on: date, part: Slice, diagrams: tuple[str, ...]
) -> AppendixPart:
    """The part of the appendix that *part* holds, with the small *diagrams* of its accounts."""
    entries = portfolio.entries[part.start : part.stop]
    rows = [account_row(entry, lang) for entry in entries]
    section = appendix_section(entries, rows, diagrams, lang, heading=part.start == 0)
    return AppendixPart(**frame_of(portfolio, lang, made_on), appendix=section)


@dataclass(frozen=True)
class PageNumbersPart(Frame):
    """Pages that show nothing but their number and the report's page count, where the running footer has
    them, to be set over the pages of a report laid out in parts. The frame is the report's, so that the
    footer is laid out as on its pages."""

    pages: tuple[int, ...]
    """The numbers of the pages, in order."""
    total: int
    """The pages of the whole report."""


NUMBERED_PAGES_PER_PART = 120
"""Pages of numbers in a part: a long run of pages costs WeasyPrint more per page."""


def page_number_parts(
    portfolio: PortfolioAnalysis, lang: str, made_on: date, total: int
) -> list[PageNumbersPart]:
    """The numbers of a report of *total* pages, in parts of at most :data:`NUMBERED_PAGES_PER_PART`."""
    step = NUMBERED_PAGES_PER_PART
    frame = frame_of(portfolio, lang, made_on)
    return [
        PageNumbersPart(**frame, pages=tuple(range(first, min(first + step, total + 1))), total=total)
        for first in range(1, total + 1, step)
    ]
