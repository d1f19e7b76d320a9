"""Every formatting filter the templates use, registered in one place."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import TypeVar

from jinja2 import Environment
from markupsafe import Markup

from reportgen.common.i18n import Formatter

T = TypeVar("T")


def svg_data_uri(svg: str) -> str:
    """An SVG chart as a ``data:`` URL, so the PDF embeds it and nothing is fetched."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def unbroken(text: str) -> Markup:
    """*text* kept on one line. A signed figure needs it: WeasyPrint breaks a paragraph holding a true
    minus (U+2212) in odd places, leaving a single word on a line of its own ("Respectful /
    cooperation, / Promises kept"), unless the figure is set as a unit."""
    return Markup('<span class="unbroken">{}</span>').format(text)


def kept_ends(items: Iterable[T]) -> list[list[T]]:
    """*items* (a table's factors, of a row or two each) in the groups a page break may fall between: the
    first two together, the last two together, each other alone, so that no page holds a single factor of
    the table; a table of three or fewer stays whole. The template keeps a group's rows together."""
    items = list(items)
    if len(items) <= 3:
        return [items] if items else []
    return [items[:2], *([item] for item in items[2:-2]), items[-2:]]


def register_filters(environment: Environment, lang: str) -> None:
    formatter = Formatter(lang)
    environment.filters.update(
        number=formatter.number,
        signed=lambda value, digits=0: unbroken(formatter.signed(value, digits)),
        score=formatter.score,
        percent=formatter.percent,
        longdate=formatter.date,
        shortdate=formatter.short_date,
        money=formatter.money,
        svg_data_uri=svg_data_uri,
        kept_ends=kept_ends,
    )
