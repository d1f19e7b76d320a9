"""Reports laid out: no table leaves a single row (or a briefing's factor) on a page, and a portfolio of one
account has no near-empty page and no sentence that counts no account."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from pypdf import PdfReader

from reportgen.analysis.all_accounts import prepare
from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.charts import portfolio_charts
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.assessment import Period
from reportgen.model.catalog import load_catalogs
from reportgen.rendering import Renderer
from reportgen.views.portfolio import build_portfolio
from tests.conftest import EXAMPLES, MADE_ON
from tests.page_fill import page_fills

LEAST_FILL = 1 / 3


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def _rows_per_page(renderer: Renderer, above_mm: int, rows: int) -> list[int]:
    """A ranking table of *rows* rows under a block *above_mm* high, in the portfolio's stylesheet: how
    many of its rows each page holds."""
    body = "".join(f"<tr><td>Row {i}</td><td>{i}</td></tr>" for i in range(rows))
    html = (
        f'<html lang="en"><body><div style="height: {above_mm}mm"></div><table class="ranking-table">'
        f"<thead><tr><th>Key account</th><th>S</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )
    pages = PdfReader(io.BytesIO(renderer.pdf(html, "portfolio"))).pages
    return [len(re.findall(r"Row \d+", page.extract_text())) for page in pages]


@pytest.mark.parametrize("rows", [2, 3, 12])
def test_no_table_is_split_to_leave_a_single_row_on_a_page(renderer, rows):
    """Wherever the page breaks – just after the first row, just before the last – neither stands alone."""
    seen = set()
    for above in range(150, 250, 4):
        counts = [count for count in _rows_per_page(renderer, above, rows) if count]
        assert sum(counts) == rows and 1 not in counts, (above, counts)
        seen.add(len(counts))
    assert (2 in seen) == (rows > 3)  # a longer table was split somewhere along the way, a short one never


@pytest.fixture(scope="module")
def one_account(tmp_path_factory):
    """Vireo Medical Systems alone, in 2026-Q2 and 2026-Q3: balanced, no key account's view, no newcomer,
    nobody in the supplier frustration zone."""
    folder = tmp_path_factory.mktemp("one")
    for path in EXAMPLES.glob("vireo-medical-systems_*"):
        shutil.copy(path, folder)
    catalogs = load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG)
    workload = prepare([folder], catalogs)
    return analyse_portfolio(workload.histories, Period(2026, 3), catalogs.default)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_portfolio_of_one_account_has_no_near_empty_page_and_counts_no_zero(renderer, one_account, lang):
    view = build_portfolio(one_account, lang, MADE_ON, portfolio_charts(one_account, lang))
    html = renderer.portfolio_html(view)
    document = renderer.layout(html, "portfolio")
    fills = page_fills(document)
    assert [round(fill, 2) for fill in fills if fill < LEAST_FILL] == []
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(renderer.write(document, html))).pages
    )
    counted = (
        r"(?<![\d.,])0 (accounts?|Accounts?|relationships?|Beziehung|sit|liegen|was|were|wurden?|bei|in)\b"
    )
    assert re.findall(counted, text) == []  # no "0 were assessed for the first time"
    cover = {
        "de": "1 Account wurde für 2026-Q3 bewertet. 1 Beziehung ist ausgewogen. Seit 2026-Q2 hat kein Account "
        "die Zone gewechselt.",
        "en": "1 account was assessed for 2026-Q3. 1 relationship is balanced. Since 2026-Q2 no account changed "
        "zone.",
    }[lang]
    assert cover in text
    # no account is in the supplier frustration zone: the actions do not say that each of them has one
    assert "without an open action" not in text and "ohne offene Maßnahme" not in text


def test_a_table_of_factors_is_grouped_to_keep_its_first_two_and_last_two_together():
    from reportgen.rendering.filters import kept_ends

    assert kept_ends(range(6)) == [[0, 1], [2], [3], [4, 5]]
    assert kept_ends(range(4)) == [[0, 1], [2, 3]]
    assert kept_ends(range(3)) == [[0, 1, 2]] and kept_ends([]) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_factor_table_leaves_no_single_factor_at_the_foot_of_a_page(workload, renderer, lang):
    """Nordhafen Logistik 2026-Q3: the table of all factors began at the foot of page 3 with its first
    factor alone; now it starts where its first two factors fit."""
    from reportgen.common.i18n import translations
    from tests.conftest import briefing_view

    (nordhafen,) = [
        a
        for a in workload.analyses
        if a.assessment.account.name == "Nordhafen Logistik AG" and str(a.assessment.period) == "2026-Q3"
    ]
    pdf = renderer.briefing_pdf(briefing_view(nordhafen, lang, workload.history_of(nordhafen)))
    pages = ["".join(filter(str.isalpha, page.extract_text())) for page in PdfReader(io.BytesIO(pdf)).pages]
    heading = "".join(filter(str.isalpha, translations(lang).gettext("All factors")))
    (page,) = [text for text in pages if heading in text]
    first, second = ("".join(filter(str.isalpha, f.title.get(lang))) for f in nordhafen.catalog.factors[:2])
    assert first in page and second in page
