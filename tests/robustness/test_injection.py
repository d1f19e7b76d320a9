"""Hostile text in every field of a workbook: printed literally, never run, never fetched."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import run


def hostile(base: str) -> list[str]:
    return [
        f'<img src="{base}/img.png">',
        f'<link rel="attachment" href="file:///etc/passwd"><link rel="stylesheet" href="{base}/x.css">',
        f'<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>',
        f'<svg><image href="{base}/svg.png"/></svg>',
        "file:///etc/passwd",
        f"{base}/plain-url",
        "{{ 'evalu' ~ 'ated' }} {{ config }}",
        '{% include "base.html" %}{% for x in range(9) %}X{% endfor %}',
        "\u202eevil\u202c right-to-left",
        "Mu\u0308ller Stra\u00dfe",
        "Partner 🤝 seit 2020",
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 6,
    ]


def test_every_form_in_every_field(tmp_path, server, make_workbook, catalog):
    base, hits = server
    texts = hostile(base)
    facts = [texts[0] + " & Co", texts[6], "2026-Q3", texts[9], texts[7]]
    comments = dict(enumerate(texts))
    path = make_workbook("hostile.xlsx", lang="en", facts=facts, comments=comments)
    out = tmp_path / "out"
    result = run("briefing", str(path), "--lang", "en", "--out", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert hits == []
    (pdf,) = out.iterdir()
    assert re.fullmatch(r"[a-z0-9-]+_2026-Q3_en\.pdf", pdf.name)
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    folded = re.sub(r"\s+", "", text)
    # Evaluated, the expression would print "evaluated", a word that appears nowhere else.
    assert "{{'evalu'~'ated'}}{{config}}" in folded and "evaluated" not in folded
    assert '{%include"base.html"%}{%forxinrange(9)%}X{%endfor%}' in folded
    assert "@import" in text and "file:///etc/passwd" in folded
    assert "Müller Straße" in text  # combining characters normalised to NFC
    assert "\u202e" not in text
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"])
    assert len(reader.pages) <= 4


def test_hostile_text_in_exports_and_portfolio(tmp_path, server, make_workbook):
    base, hits = server
    path = make_workbook(
        "hostile.xlsx", lang="en", facts=[f'=HYPERLINK("{base}/x","click")', "@cmd", "2026-Q3"]
    )
    out = tmp_path / "out"
    for command in (["portfolio"], ["export", "--format", "csv"]):
        result = run(*command, str(path), "--lang", "en", "--out", str(out))
        assert result.exit_code == 0, result.stderr
    assert hits == []
    accounts = (out / "reportgen-export_all_accounts.csv").read_text(encoding="utf-8")
    assert "'@cmd," in accounts and ",'=HYPERLINK" in accounts.replace('"', "")
    assert Path(out / "portfolio_2026-Q3_en.pdf").exists()
