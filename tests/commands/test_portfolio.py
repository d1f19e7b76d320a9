"""`reportgen portfolio`: the report over the example accounts, read back from the PDF."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from reportgen.analysis.all_accounts import prepare
from reportgen.commands.portfolio import render_portfolio
from reportgen.common.settings import Settings
from reportgen.model.catalog import Catalog
from reportgen.views.labels import zone_label, zone_names
from tests.builders import Q3, flat, interface_words
from tests.conftest import EXAMPLES, run
from tests.pdf_structure import skipped_levels, structure_of


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


@pytest.fixture(scope="module")
def german(workload, tmp_path_factory):
    out = tmp_path_factory.mktemp("portfolio")
    batch = render_portfolio(workload, Q3, Settings(lang="de", out_dir=out))
    assert batch.exit_code == 0
    return PdfReader(io.BytesIO((out / "portfolio_2026-Q3_de.pdf").read_bytes()))


def text_of(reader: PdfReader) -> str:
    """The text with white space folded, so that line breaks do not matter."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_every_account_zone_counts_and_answers(german, workload, catalog):
    text = text_of(german)
    names = {a.assessment.account.name for a in workload.analyses if a.assessment.period == Q3}
    assert len(names) == 6
    for name in names:
        assert name in text
    assert "6 Accounts wurden für 2026-Q3 bewertet." in text
    assert "3 Beziehungen sind ausgewogen," in text
    assert "2 liegen in der Lieferantenfrustrationszone (davon 1 kritisch)" in text
    assert (
        "Am stärksten überinvestieren wir bei Brandtner Präzisionstechnik GmbH: S − K = +58 Punkte." in text
    )
    for question in catalog.coaching_questions:
        assert letters(question.de) in letters(text)
    assert "Kandidaten: Wir investieren zu viel" in text  # the scale-back answer names its candidates


def test_capacity_warning_when_more_than_the_catalog_allows(german):
    # The examples run four accounts as, or rate them, strategic partnerships; the catalog allows three.
    assert "4 Accounts werden als strategische Partnerschaft geführt oder bewertet" in text_of(german)


def test_no_capacity_warning_within_the_limit(catalog, tmp_path):
    data = catalog.model_dump()
    data["zones"]["strategic_capacity"] = 4
    render_portfolio(
        prepare([EXAMPLES], Catalog.model_validate(data)), Q3, Settings(lang="en", out_dir=tmp_path)
    )
    text = text_of(PdfReader(tmp_path / "portfolio_2026-Q3_en.pdf"))
    assert "4 of at most 4 strategic partnerships a company can really carry." in text
    assert "more than the 4" not in text


def test_movements_and_appendix(german):
    text = text_of(german)
    assert "Bewegungen seit 2026-Q2" in text
    assert "Lieferantenfrustrationszone, kritisch" in text  # Brandtner moved into the critical zone
    outline = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else outline.append(item.title)

    walk(german.outline)
    assert "Anhang: Account für Account" in outline
    assert "1. Brandtner Präzisionstechnik GmbH" in outline
    assert sum(title[0].isdigit() for title in outline) == 6
    assert len(german.pages) >= 5 + 6 - 1  # cover, map, ranking, questions and movements, then the accounts
    last = re.sub(r"\s+", " ", german.pages[-1].extract_text())  # an appendix page names its axes in HTML
    assert "Lieferant investiert (S, 0–100)" in last and "Key Account investiert (K, 0–100)" in last
    # two accounts to a page, each whole: the six accounts' diagrams on three pages
    axes = [page.extract_text().count("Lieferant investiert (S, 0–100)") for page in german.pages]
    assert axes[-3:] == [2, 2, 2] and sum(axes[:-3]) == 1  # before them, the portfolio map's axis


def test_the_portfolio_is_tagged_and_its_charts_say_what_they_show(german, workload, catalog):
    """The map's alt text counts the accounts in each zone; the charts of effort and return say what they
    plot; each appendix diagram's gives the account's S, K and zone, as the ranking prints them."""
    tagged = structure_of(german.stream.getvalue())
    assert tagged.lang == "de" and tagged.marked and tagged.shows_title
    assert tagged.title == "Portfolio-Bericht 2026-Q3"
    assert tagged.headings[0] == 1 and not skipped_levels(tagged.headings)
    assert tagged.kinds["TH"] >= 8
    analyses = [a for a in workload.analyses if a.assessment.period == Q3]
    portfolio_map, effort, whale, *diagrams = tagged.figure_alts
    assert "6 Accounts" in portfolio_map
    assert effort.startswith("Aufwand und Ertrag von 4 Accounts") and "Brandtner" in effort
    assert whale.startswith("Walkurve von 4 Accounts") and "senkt die Summe auf 3.210.600\u00a0€" in whale
    for zone, name in zone_names(catalog, "de"):
        count = sum(1 for a in analyses if a.zone.id == zone)
        assert f"{count} in „{name}“" in portfolio_map, (name, portfolio_map)
    assert len(diagrams) == len(analyses)
    for analysis in analyses:
        name = analysis.assessment.account.name
        (alt,) = [alt for alt in diagrams if name in alt]
        assert f"S {analysis.supplier_index}, K {analysis.key_account_index}" in alt
        assert zone_label(analysis, analysis.catalog, "de") in alt


def test_no_english_in_the_german_portfolio(german):
    text = flat(" ".join(page.extract_text() for page in german.pages))
    assert not sorted(w for w in interface_words("de") if flat(w) in text)


def test_the_ranking_heads_its_names_key_account_not_the_sheet_name(german):
    """Regression: the msgid "Account" is the sheet's name ("Stammdaten"), and it headed the ranking."""
    ranking = re.sub(r"\s+", " ", german.pages[2].extract_text())
    assert "Stammdaten" not in ranking
    assert "# Key Account S K S − K Zone Veränderung Bewertet" in ranking


def test_a_portfolio_of_nothing_but_broken_files_says_so(tmp_path, bad):
    """Regression: with no readable assessment there is no latest period, and that crashed."""
    result = run("portfolio", str(bad), "--lang", "en", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert 'bad.xlsx › Bewertung › C2: "9" lies outside the scale 1–5.' in result.stderr
