"""Every formatting filter the templates use, registered in one place."""

from __future__ import annotations

import base64

from jinja2 import Environment

from reportgen.i18n import Formatter


def svg_data_uri(svg: str) -> str:
    """An SVG chart as a ``data:`` URL, so the PDF embeds it and nothing is fetched."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def register_filters(environment: Environment, lang: str) -> None:
    formatter = Formatter(lang)
    environment.filters.update(
        number=formatter.number,
        signed=formatter.signed,
        score=formatter.score,
        percent=formatter.percent,
        longdate=formatter.date,
        money=formatter.money,
        svg_data_uri=svg_data_uri,
    )
