"""The briefing's actions: the open ones by factor, carried forward and overdue ones marked, the closed
ones counted; only the shared ones for the key account's edition; none at all without actions."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from reportgen.model.assessment import Action, ActionStatus
from reportgen.rendering import Renderer
from reportgen.views.briefing import build_briefing
from reportgen.views.briefing.actions import ActionRow, actions_section
from reportgen.views.briefing.shared_edition import SharedCharts, build_shared_briefing
from tests.builders import Q2, Q3, make, quarters
from tests.views.briefing.conftest import CHARTS

DAY = date(2026, 11, 27)


@pytest.fixture
def account(catalog):
    """Two quarters: Q2 lists three actions, Q3 lists one of them again, closes one and adds two."""
    f1, f2, f3, f4 = (f.id for f in catalog.factors[:4])
    return quarters(
        catalog,
        (
            Q2,
            (
                Action("Plant visit with purchasing", f1, "Anja Groß", date(2026, 6, 30)),
                Action("Joint forecast round", f3, "Jürgen Weiß", date(2026, 9, 30), shared=True),
                Action("Check the price clause", f4, "Sales office", date(2026, 8, 1)),
            ),
        ),
        (
            Q3,
            (
                Action("Joint forecast round", f3, "Jürgen Weiß", date(2026, 12, 31), shared=True),
                Action("check the price clause", f4, status=ActionStatus.DONE),
                Action("Name a contact in quality", f2, None, None, shared=True),
                Action("Annual talk of the managing directors", None, "Jürgen Weiß", date(2026, 12, 15)),
                Action("Second source", f2, status=ActionStatus.DROPPED),
            ),
        ),
    )


def test_the_open_actions_are_listed_by_factor_carried_and_overdue_ones_marked(account, catalog):
    now, history = account
    section = actions_section(now, history, "de", DAY, only_shared=False)
    assert [(g.number, g.title) for g in section.groups] == [
        (None, "Die Beziehung als Ganzes"),
        (1, catalog.factors[0].label("de")),
        (2, catalog.factors[1].label("de")),
        (3, catalog.factors[2].label("de")),
    ]
    whole, first, second, third = (g.rows for g in section.groups)
    assert first == (
        ActionRow(
            text="Plant visit with purchasing",
            owner="Anja Groß",
            due=date(2026, 6, 30),
            overdue=True,
            days_late=150,  # 30 June to 27 November
            open_since="2026-Q2",
            quarters_open=1,
            carried_from="2026-Q2",
            lateness="150 Tage überfällig",
            state="offen seit 2026-Q2 (1\u00a0Quartal)",
            carried="übernommen aus 2026-Q2",
        ),
    )
    (forecast,) = third  # listed again in Q3, with a later due date: not carried, not overdue
    assert (forecast.carried_from, forecast.open_since, forecast.overdue) == (None, "2026-Q2", False)
    assert forecast.due == date(2026, 12, 31)
    (contact,) = second  # new in Q3
    assert (contact.open_since, contact.carried_from, contact.overdue) == (None, None, False)
    assert [r.text for r in whole] == ["Annual talk of the managing directors"]
    counts = (section.open_count, section.overdue_count, section.done_count, section.dropped_count)
    assert counts == (4, 1, 1, 1)
    assert not section.only_shared


def test_only_shared_keeps_the_actions_marked_to_share(account):
    now, history = account
    section = actions_section(now, history, "en", DAY, only_shared=True)
    assert [r.text for g in section.groups for r in g.rows] == [
        "Name a contact in quality",
        "Joint forecast round",
    ]
    assert (section.open_count, section.overdue_count, section.done_count, section.dropped_count) == (
        2,
        0,
        0,
        0,
    )
    assert section.only_shared


def test_the_edition_for_the_key_account_shows_the_shared_actions_as_a_mutual_action_plan(account):
    now, history = account
    view = build_shared_briefing(now, "de", DAY, SharedCharts("<svg/>"), None, history)
    assert view.mutual_actions == actions_section(now, history, "de", DAY, only_shared=True)
    html = Renderer().shared_briefing_html(view)
    assert "<h2>Gemeinsamer Maßnahmenplan</h2>" in html
    assert "Name a contact in quality" in html and "Joint forecast round" in html
    for internal in ("Plant visit with purchasing", "Annual talk of the managing directors", "Second source"):
        assert internal not in html


def test_an_account_without_actions_has_no_section(catalog):
    bare = make(catalog, "Beta", Q3, 4, 3)
    for only_shared in (False, True):
        assert actions_section(bare, None, "en", DAY, only_shared=only_shared) is None
    assert build_briefing(bare, "en", DAY, None, CHARTS).actions is None
    now, history = quarters(catalog, (Q3, (Action("Not shared", None),)))
    assert actions_section(now, history, "en", DAY, only_shared=True) is None


def test_an_account_whose_actions_are_all_closed_says_none_is_open(catalog):
    now, history = quarters(catalog, (Q3, (Action("Done", None, status=ActionStatus.DONE),)))
    section = actions_section(now, history, "en", DAY, only_shared=False)
    assert section.groups == () and (section.open_count, section.done_count) == (0, 1)
    html = Renderer().briefing_html(build_briefing(now, "de", DAY, history, CHARTS))
    assert "Keine Maßnahme ist offen; in diesem Quartal abgeschlossen: 1 erledigt, 0 verworfen." in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            (
                "<h2>Maßnahmen</h2>",
                "4 offene Maßnahmen, davon 1 überfällig; in diesem Quartal abgeschlossen: 1 erledigt, "
                "1 verworfen.",
                "vor dem 27. November 2026",
                "30.06.2026",
                "150 Tage überfällig",
                "offen seit 2026-Q2 (1\u00a0Quartal)",
                "übernommen aus 2026-Q2",
                "Verantwortlich",
            ),
        ),
        (
            "en",
            (
                "<h2>Actions</h2>",
                "4 open actions, 1 of them overdue; closed this quarter: 1 done, 1 dropped.",
                "before November 27, 2026",
                "Jun 30, 2026",
                "150 days overdue",
                "open since 2026-Q2 (1\u00a0quarter)",
                "carried forward from 2026-Q2",
                "Owner",
            ),
        ),
    ],
)
def test_the_section_is_worded_in_the_reports_language(account, lang, expected):
    now, history = account
    html = Renderer().briefing_html(build_briefing(now, lang, DAY, history, CHARTS))
    for text in expected:
        assert text in html


def test_an_actions_text_stays_text(catalog):
    now, history = quarters(catalog, (Q3, (Action("<b>Call</b> & write", None, "<i>Anja</i>"),)))
    html = Renderer().briefing_html(build_briefing(now, "en", DAY, history, CHARTS))
    assert "&lt;b&gt;Call&lt;/b&gt; &amp; write" in html and "&lt;i&gt;Anja&lt;/i&gt;" in html
    assert "<b>Call" not in html


def test_a_long_list_goes_on_over_the_page_with_its_header_and_whole_rows(catalog):
    factors = catalog.factors
    many = tuple(
        Action(
            f"Action number {i:02d}, worded at some length so that its cell takes two lines or more",
            factors[i % len(factors)].id,
            "Selin Aydın",
            date(2026, 12, i % 28 + 1),
        )
        for i in range(30)
    )
    now, history = quarters(catalog, (Q3, many))
    pdf = Renderer().briefing_pdf(build_briefing(now, "en", DAY, history, CHARTS))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    with_actions = [text for text in pages if "Action number" in text]
    assert len(with_actions) >= 2
    for text in with_actions:  # the table's header repeats on every page it runs over
        assert "Factor Action Owner Due Status" in text
    for action in many:  # every row whole on one page
        assert sum(action.text in text for text in pages) == 1
