"""The portfolio's actions: the overdue ones per account, and the accounts in the supplier frustration
zone that no open action addresses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reportgen.analysis.history import build_histories
from reportgen.analysis.portfolio import analyse_portfolio, overdue_actions
from reportgen.model.assessment import Action, ActionStatus
from reportgen.rendering import Renderer
from reportgen.views.portfolio import PortfolioCharts, build_portfolio
from reportgen.views.portfolio.actions import OverdueRow
from tests.builders import Q2, Q3, make

DAY = date(2026, 11, 27)


def acting(analysis, *actions: Action):
    return replace(analysis, assessment=replace(analysis.assessment, actions=actions))


def portfolio_of(analyses):
    return analyse_portfolio(build_histories(analyses), Q3, analyses[0].catalog)


def view_of(portfolio, lang="en"):
    charts = PortfolioCharts("<svg/>", tuple("<svg/>" for _ in portfolio.entries))
    return build_portfolio(portfolio, lang, DAY, charts)


def accounts(catalog):
    """Alpha (critical frustration) with an action carried from Q2 and one overdue this quarter; Sigma
    (frustration) whose only action is done; Beta (strategic) with an overdue action; Gamma (balanced)
    without actions; Delta (frustration) whose open action is carried forward from Q2."""
    f1, f2 = (f.id for f in catalog.factors[:2])
    return [
        acting(make(catalog, "Alpha", Q2, 3, 3), Action("Plant visit", f2, "Anja", date(2026, 6, 30))),
        acting(
            make(catalog, "Alpha", Q3, 5, 2),
            Action("Annual talk", None, "Jürgen", date(2026, 11, 20)),
            Action("Workshop", f1, "Anja", date(2027, 1, 15)),
        ),
        acting(make(catalog, "Sigma", Q3, 4, 3.5), Action("Price talk", f1, status=ActionStatus.DONE)),
        acting(make(catalog, "Beta", Q3, 5, 5), Action("Reference visit", f2, "Cem", date(2026, 11, 26))),
        make(catalog, "Gamma", Q3, 2, 2),
        acting(make(catalog, "Delta", Q2, 4, 3.5), Action("Forecast round", f1)),
        make(catalog, "Delta", Q3, 4, 3.5),
    ]


def test_overdue_actions_by_account_in_the_rankings_order_carried_ones_included(catalog):
    portfolio = portfolio_of(accounts(catalog))
    assert [e.name for e in portfolio.entries] == ["Alpha", "Delta", "Sigma", "Beta", "Gamma"]
    overdue = overdue_actions(portfolio, DAY)
    assert [(o.entry.name, o.tracked.action.text, o.days_late, o.group.number) for o in overdue] == [
        ("Alpha", "Annual talk", 7, None),  # the relationship as a whole first
        ("Alpha", "Plant visit", 150, 2),  # carried forward from Q2
        ("Beta", "Reference visit", 1, 2),
    ]
    assert overdue_actions(portfolio, date(2026, 6, 30)) == ()


def test_over_investing_accounts_without_an_open_action_are_named(catalog):
    portfolio = portfolio_of(accounts(catalog))
    # Alpha has open actions, Delta one carried forward; Sigma's only action is done.
    assert [e.name for e in portfolio.over_investing] == ["Alpha", "Delta", "Sigma"]
    assert [e.name for e in portfolio.over_investing_without_action] == ["Sigma"]
    assert portfolio.keeps_actions


def test_the_section_lists_overdue_rows_and_the_accounts_without_action(catalog):
    view = view_of(portfolio_of(accounts(catalog)))
    section = view.actions
    first = section.overdue[0]
    assert first == OverdueRow(
        account="Alpha",
        anchor="account-1-alpha",
        factor_number=None,
        factor="The relationship as a whole",
        text="Annual talk",
        owner="Jürgen",
        due=date(2026, 11, 20),
        days_late=7,
    )
    assert [r.factor for r in section.overdue[1:]] == [catalog.factors[1].label("en")] * 2
    assert [r.name for r in section.without_action] == ["Sigma"]
    assert view.cover.actions_listed


def test_a_quarter_without_actions_or_over_investment_has_no_section(catalog):
    portfolio = portfolio_of([make(catalog, "Beta", Q3, 5, 5), make(catalog, "Gamma", Q3, 2, 2)])
    view = view_of(portfolio)
    assert view.actions is None and not view.cover.actions_listed
    assert 'href="#actions"' not in Renderer().portfolio_html(view)


def test_over_investing_accounts_are_named_even_where_no_workbook_lists_actions(catalog):
    portfolio = portfolio_of([make(catalog, "Alpha", Q3, 5, 2), make(catalog, "Gamma", Q3, 2, 2)])
    assert not portfolio.keeps_actions
    html = Renderer().portfolio_html(view_of(portfolio, "de"))
    assert "Keine Arbeitsmappe dieses Quartals führt eine Maßnahme auf." in html
    assert "In der Lieferantenfrustrationszone ohne offene Maßnahme" in html
    assert '<a href="#account-1-alpha">Alpha</a> (Lieferantenfrustrationszone, kritisch' in html
    assert 'href="#actions">Maßnahmen</a>' in html


def test_the_section_is_worded_in_german(catalog):
    html = Renderer().portfolio_html(view_of(portfolio_of(accounts(catalog)), "de"))
    for text in (
        "Überfällige Maßnahmen",
        "vor dem 27. November 2026 fällig",
        "20.11.2026",
        "150 Tage",
        "Die Beziehung als Ganzes",
        "Verzug",
    ):
        assert text in html
    assert "Keine Arbeitsmappe" not in html
