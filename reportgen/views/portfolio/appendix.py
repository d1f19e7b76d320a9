"""The portfolio's appendix: each account in brief (two to a page) with its small diagram, its largest
gaps, and the earlier quarters on its path that were assessed with another catalog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.analysis.history import OtherCatalogsNote, other_catalog, other_catalogs_note
from reportgen.analysis.indices import largest_gaps
from reportgen.analysis.portfolio import PortfolioEntry
from reportgen.views.chart_texts import Position, account_diagram_text
from reportgen.views.portfolio.account_rows import AccountRow, FactorNote, factor_note

APPENDIX_GAPS = 5
ACCOUNTS_PER_SHEET = 2
"""Accounts on an appendix page: the small diagram floats beside the largest gaps, half a page each."""
APPENDIX_ANCHOR = "appendix"
"""The anchor the appendix begins at (the cover's contents link to it)."""


@dataclass(frozen=True)
class AppendixPage:
    row: AccountRow
    diagram_svg: str
    diagram_alt: str
    """What the small diagram shows, in words: the account's position and zone."""
    gaps: tuple[FactorNote, ...]
    other_catalogs: OtherCatalogsNote | None = None
    """The earlier quarters on the diagram's path assessed with another catalog than this quarter's
    (marked there, as in the briefing), and which; None where there is none."""


@dataclass(frozen=True)
class AppendixSection:
    pages: tuple[AppendixPage, ...]
    heading: bool = True
    """Whether the section begins here with its heading: not in a part of the appendix after the first
    (see :mod:`reportgen.views.portfolio.parts`)."""
    reserved: tuple[str, ...] = ()
    """Where the appendix is laid out in parts of its own: the anchors the parts will hold, kept on the blank
    page the rest of the report keeps in its place, so that the report's links to the appendix are made.
    The parts' pages take its place when the report is joined."""

    @property
    def anchor(self) -> str:
        return APPENDIX_ANCHOR

    @property
    def sheets(self) -> tuple[tuple[AppendixPage, ...], ...]:
        """The accounts a page at a time, so that the report can be laid out in parts that each begin on a
        page of their own and still look as if laid out in one."""
        return tuple(
            self.pages[i : i + ACCOUNTS_PER_SHEET] for i in range(0, len(self.pages), ACCOUNTS_PER_SHEET)
        )


def appendix_page(entry: PortfolioEntry, row: AccountRow, diagram_svg: str, lang: str) -> AppendixPage:
    analysis = entry.analysis
    gaps = largest_gaps(analysis.factors)
    return AppendixPage(
        row=row,
        diagram_svg=diagram_svg,
        diagram_alt=account_diagram_text(
            lang, row.name, Position(row.supplier_index, row.key_account_index, row.zone_name)
        ),
        gaps=tuple(factor_note(r, lang) for r in gaps[:APPENDIX_GAPS]),
        other_catalogs=other_catalogs_note(
            ((a.assessment.period, other_catalog(a, analysis.catalog)) for a in entry.earlier),
            analysis.catalog_label,
        ),
    )


def appendix_section(
    entries: Sequence[PortfolioEntry],
    rows: Sequence[AccountRow],
    diagrams: Sequence[str],
    lang: str,
    heading: bool,
) -> AppendixSection:
    """The appendix of *entries* with their *rows* and small *diagrams*; its *heading* where it begins."""
    pages = tuple(
        appendix_page(entry, row, diagram, lang)
        for entry, row, diagram in zip(entries, rows, diagrams, strict=True)
    )
    return AppendixSection(pages, heading=heading)


def reserved_section(rows: Sequence[AccountRow]) -> AppendixSection:
    """The appendix of *rows* kept as a blank page for its parts to take, holding every anchor they will
    hold, the appendix's own and each account's, so that links to them are made: joining points them to
    where the parts put them."""
    return AppendixSection((), heading=False, reserved=(APPENDIX_ANCHOR, *(row.anchor for row in rows)))
