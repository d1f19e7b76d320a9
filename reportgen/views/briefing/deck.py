"""A briefing as slides: what a deck is made of, slide by slide, as the views decide it.

A deck is not a second analysis: every figure, zone, table row and chart description of its slides comes
from the :class:`~reportgen.views.briefing.BriefingView` or
:class:`~reportgen.views.briefing.shared_edition.SharedBriefingView` the PDF is laid out from, formatted as
the PDF formats it. The views decide which slides there are, what each one says, its table's rows as text,
and the speaker notes (:mod:`.internal_deck`, :mod:`.shared_deck`); :mod:`reportgen.rendering.deck` only lays
them out in the template's layouts. This module holds what a deck is made of, and the slide both editions
show: the actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from reportgen.common.i18n import Formatter, translations
from reportgen.views.briefing.actions import ActionsSection

if TYPE_CHECKING:
    from reportgen.views.briefing import BriefingCharts
    from reportgen.views.briefing.shared_edition import SharedCharts


class Chart(Enum):
    """The charts a deck shows, drawn apart as pictures (see :class:`SlidePictures`)."""

    DIAGRAM = "diagram"
    PROFILE = "profile"


@dataclass(frozen=True)
class SlidePictures:
    """The deck's charts as PNG at print resolution; the key account's deck has no diagram."""

    profile: bytes
    diagram: bytes | None = None

    def of(self, chart: Chart) -> bytes:
        picture = self.diagram if chart is Chart.DIAGRAM else self.profile
        assert picture is not None, f"the deck shows the {chart.value} only where it was drawn"
        return picture


@dataclass(frozen=True)
class Drawings:
    """One language's charts as the view and the PDF take them, and the deck's pictures where a deck is
    asked for: each figure is drawn once for both (see :func:`reportgen.charts.edition_drawings`)."""

    charts: BriefingCharts | SharedCharts
    pictures: SlidePictures | None = None


@dataclass(frozen=True)
class Picture:
    chart: Chart
    description: str
    """The PDF's alt text of the chart: what it shows, in words, for whoever cannot see it."""


@dataclass(frozen=True)
class Column:
    heading: str
    width: float
    """The column's share of the table's width, relative to the others."""
    figures: bool = False
    """Numbers or short marks, set centred; other columns are text, set flush left."""


@dataclass(frozen=True)
class Table:
    """A native table: a header row (under an optional row of column groups) and rows of text."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    groups: tuple[tuple[str, int], ...] = ()
    """Headings over runs of columns, (heading, columns spanned), in a row above the columns' own."""
    bold_rows: frozenset[int] = frozenset()
    """Rows set in bold: the points a table starts and ends at, say."""


@dataclass(frozen=True)
class Slide:
    """A slide of the title-and-content layout: its title, text, table and chart, and what to say.

    A table too long for one slide goes on over as many as it needs, each with its header rows, its title
    numbered ("All factors (2/3)") and the same notes."""

    title: str
    notes: str
    """What to say about the slide, in two or three sentences, in the deck's language."""
    points: tuple[str, ...] = ()
    """Paragraphs, set above the table."""
    table: Table | None = None
    picture: Picture | None = None
    lead: str | None = None
    """A first paragraph set in bold: the headline of the points."""
    numbered: bool = False
    """The points are numbered (questions that the meeting refers to by number), not bulleted."""
    series: str | None = None
    """Slides of one series (the questions, a slide each) set their text at one size: the smallest any of
    them needs, so that the size does not jump from one to the next."""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The lead, then the points."""
        return ((self.lead,) if self.lead else ()) + self.points


@dataclass(frozen=True)
class Deck:
    """The slides of one briefing, and what the file says of itself (its document properties)."""

    lang: str
    title: str
    subtitle: tuple[str, ...]
    title_notes: str
    author: str
    subject: str
    keywords: str
    slides: tuple[Slide, ...] = field(default=())


class DeckWords:
    """The deck's words in one language: gettext and the report's number formats."""

    def __init__(self, lang: str) -> None:
        self.translations = translations(lang)
        self.format = Formatter(lang)

    def __call__(self, message: str, **params: object) -> str:
        text = self.translations.gettext(message)
        return text % params if params else text


def actions_slide(actions: ActionsSection, _: DeckWords) -> Slide:
    """The open actions by factor; the key account's deck shows the mutual action plan alone."""
    rows = []
    for group in actions.groups:
        factor = f"{group.number} {group.title}" if group.number else group.title
        for index, row in enumerate(group.rows):
            due = _.format.short_date(row.due) + (f" ({row.lateness})" if row.lateness else "")
            state = row.state + (f"; {row.carried}" if row.carried else "")
            rows.append((factor if index == 0 else "", row.text, row.owner or "–", due, state))
    table = Table(
        (
            Column(_("Factor"), 2.4),
            Column(_("Action"), 4.0),
            Column(_("Owner"), 1.6),
            Column(_("Due"), 1.5),
            Column(_("Status"), 2.2),
        ),
        tuple(rows),
    )
    return Slide(
        title=_("Mutual action plan") if actions.only_shared else _("Actions"),
        lead=f"{actions.counts}.",
        table=table if rows else None,
        notes=_(
            "Go through the open actions, the overdue ones first. Agree for each an owner and a date, or "
            "drop it openly."
        ),
    )
