"""The portfolio in parts: the appendix cut into runs of whole sheets, and the front's blank pages for them."""

from __future__ import annotations

from types import SimpleNamespace

from reportgen.views.portfolio.appendix import AppendixSection, reserved_section
from reportgen.views.portfolio.parts import Slice, appendix_slices


def test_two_hundred_accounts_make_six_parts_of_seventeen_sheets_or_less_on_two_cores():
    """100 sheets for 2 workers × 3 parts each: ⌈100 / 6⌉ = 17 sheets, 34 accounts a part."""
    slices = appendix_slices(200, workers=2)
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
    slices = appendix_slices(1000, workers=2)
    assert len(slices) == 20 and {s.sheets for s in slices} == {25}


def test_a_short_appendix_makes_parts_of_at_least_ten_sheets_and_an_odd_account_a_sheet_of_its_own():
    slices = appendix_slices(41, workers=16)
    assert slices == [Slice(0, 20), Slice(20, 40), Slice(40, 41)]
    assert [s.sheets for s in slices] == [10, 10, 1]


def test_every_account_is_in_exactly_one_part():
    for accounts in (1, 2, 39, 40, 41, 199, 200, 1001):
        slices = appendix_slices(accounts, workers=2)
        covered = [i for s in slices for i in range(s.start, s.stop)]
        assert covered == list(range(accounts))
        assert all(s.start % 2 == 0 for s in slices)  # a part begins with a sheet


def test_the_front_keeps_a_blank_page_for_each_page_of_the_parts_the_first_with_every_anchor():
    rows = [SimpleNamespace(anchor=anchor) for anchor in ("account-1-a", "account-2-b", "account-3-c")]
    section = reserved_section(rows, pages=2)  # only a row's anchor is read
    assert section == AppendixSection(
        (), heading=False, reserved=(("appendix", "account-1-a", "account-2-b", "account-3-c"), ())
    )
    assert section.sheets == ()
