"""The portfolio in parts: the appendix cut into runs of whole sheets, the blank page kept for it, the page numbers."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.model.assessment import Period
from reportgen.views.portfolio.appendix import AppendixSection, reserved_section
from reportgen.views.portfolio.parts import Slice, appendix_slices, page_number_parts


@pytest.fixture(scope="module")
def portfolio(workload, catalog):
    return analyse_portfolio(workload.histories, Period(2026, 3), catalog)


def test_two_hundred_accounts_make_six_parts_of_seventeen_sheets_or_less():
    """100 sheets in 6 parts: ⌈100 / 6⌉ = 17 sheets, 34 accounts a part, whatever the cores."""
    slices = appendix_slices(200)
    assert [(s.start, s.stop) for s in slices] == [
        (0, 34),
        (34, 68),
        (68, 102),
        (102, 136),
        (136, 170),
        (170, 200),
    ]
    assert [s.sheets for s in slices] == [17, 17, 17, 17, 17, 15]


def test_a_thousand_accounts_make_parts_of_at_most_twenty_five_sheets():
    slices = appendix_slices(1000)
    assert len(slices) == 20 and {s.sheets for s in slices} == {25}


def test_a_short_appendix_makes_parts_of_at_least_ten_sheets_and_an_odd_account_a_sheet_of_its_own():
    slices = appendix_slices(41)
    assert slices == [Slice(0, 20), Slice(20, 40), Slice(40, 41)]
    assert [s.sheets for s in slices] == [10, 10, 1]


def test_every_account_is_in_exactly_one_part():
    for accounts in (1, 2, 39, 40, 41, 199, 200, 1001):
        slices = appendix_slices(accounts)
        covered = [i for s in slices for i in range(s.start, s.stop)]
        assert covered == list(range(accounts))
        assert all(s.start % 2 == 0 for s in slices)  # a part begins with a sheet


def test_the_front_keeps_a_blank_page_with_every_anchor_of_the_appendix():
    rows = [SimpleNamespace(anchor=anchor) for anchor in ("account-1-a", "account-2-b", "account-3-c")]
    section = reserved_section(rows)  # only a row's anchor is read
    assert section == AppendixSection(
        (), heading=False, reserved=("appendix", "account-1-a", "account-2-b", "account-3-c")
    )
    assert section.sheets == ()


def test_the_page_numbers_of_250_pages_come_in_parts_of_120(portfolio):
    parts = page_number_parts(portfolio, "de", date(2026, 11, 27), 250)
    assert [(p.pages[0], p.pages[-1], len(p.pages), p.total) for p in parts] == [
        (1, 120, 120, 250),
        (121, 240, 120, 250),
        (241, 250, 10, 250),
    ]
    assert parts[0].period == "2026-Q3" and parts[0].lang == "de"
