"""Text from spreadsheets stays text: escaped, never a template, never a reason to fetch anything."""

from __future__ import annotations

import io

from pypdf import PdfReader

from reportgen.analysis import analyse
from reportgen.model import AccountFacts, Assessment, FactorRating, Period
from reportgen.rendering import Renderer
from tests.conftest import briefing_view


def test_hostile_names_and_comments_are_printed_literally_and_fetch_nothing(server, catalog):
    base, hits = server
    name = f'<img src="{base}/name.png">' + "{{ 'evalu' ~ 'ated' }} & Söhne"
    comments = [
        f'<link rel="attachment" href="file:///etc/passwd"><style>@import url("{base}/x.css");</style>',
        f'<svg><image href="{base}/svg.png"/></svg>{{% include "base.html" %}}',
        "file:///etc/passwd",
    ]
    ratings = [
        FactorRating(f.id, 5, 2, comments[i] if i < len(comments) else "")
        for i, f in enumerate(catalog.factors)
    ]
    assessment = Assessment(
        AccountFacts(name, key_account_manager=f'<a href="{base}/kam">KAM</a>'),
        Period(2026, 3),
        tuple(ratings),
        assessed_by="<script>alert(1)</script>",
    )
    view = briefing_view(analyse(assessment, catalog), "en")
    pdf = Renderer().briefing_pdf(view)

    assert hits == []
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    # Evaluated, the expression would print "evaluated", a word that appears nowhere else (a number
    # such as 7*7 could: the test server's random port may contain "49").
    assert "{{ 'evalu' ~ 'ated' }} & Söhne" in text and "evaluated" not in text
    assert "@import url(" in text
    assert '{% include "base.html" %}' in text
    assert "<script>alert(1)</script>" in text
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"])
