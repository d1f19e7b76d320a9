"""Actions across quarters: this quarter's, the open ones carried forward, since when they are open, which
are overdue, and their order by factor."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.analysis.actions import by_factor, reckoning_day, tracked_actions
from reportgen.analysis.history import build_histories
from reportgen.model.assessment import Action, ActionStatus, Period
from tests.builders import Q1, Q2, Q3, analysis_with_actions, make, quarters, variant

OPEN, DONE, DROPPED = ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED


def shown(tracked):
    return [(t.action.text, t.action.status, str(t.since), str(t.listed_in)) for t in tracked]


def test_an_open_action_no_later_workbook_lists_is_carried_forward(catalog):
    f1, f2, f3 = (f.id for f in catalog.factors[:3])
    now, history = quarters(
        catalog,
        (Q1, (Action("Visit the plant", f1), Action("Agree on forecast", f2))),
        (Q2, (Action("Agree on forecast", f2, status=DONE),)),
        (Q3, (Action("New contact in purchasing", f3),)),
    )
    tracked = tracked_actions(now, history)
    # This quarter's first, then the carried ones; the forecast action was closed in Q2.
    assert shown(tracked) == [
        ("New contact in purchasing", OPEN, "2026-Q3", "2026-Q3"),
        ("Visit the plant", OPEN, "2026-Q1", "2026-Q1"),
    ]
    new, carried = tracked
    assert new.carried_from is None and new.quarters_open == 0
    assert carried.carried_from == Q1 and carried.quarters_open == 2


def test_the_same_action_is_matched_by_factor_and_text_whatever_case_and_spaces(catalog):
    f1, f2 = (f.id for f in catalog.factors[:2])
    now, history = quarters(
        catalog,
        (Q1, (Action("Visit the plant", f1, owner="Anja"),)),
        (Q2, (Action("  visit THE   plant ", f1, owner="Jürgen", due=date(2026, 6, 30)),)),
        (Q3, (Action("Visit the plant", f2),)),  # another factor: another action
    )
    tracked = tracked_actions(now, history)
    assert shown(tracked) == [
        ("Visit the plant", OPEN, "2026-Q3", "2026-Q3"),
        ("  visit THE   plant ", OPEN, "2026-Q1", "2026-Q2"),
    ]
    # The later listing's owner and due date count; it is open since its first listing.
    assert tracked[1].action.owner == "Jürgen" and tracked[1].action.due == date(2026, 6, 30)
    assert tracked[1].carried_from == Q2 and tracked[1].quarters_open == 2


def test_a_later_status_wins_and_done_or_dropped_close_an_action(catalog):
    f1, f2 = (f.id for f in catalog.factors[:2])
    now, history = quarters(
        catalog,
        (Q1, (Action("Plant visit", f1), Action("Joint roadmap", None), Action("Price talk", f2))),
        (Q2, (Action("plant visit", f1, status=DROPPED), Action("Joint roadmap", None, status=DONE))),
        (Q3, (Action("Price talk", f2, status=DONE),)),
    )
    tracked = tracked_actions(now, history)
    # Closed in Q2: gone. Closed in Q3: listed this quarter as done, first listed in Q1.
    assert shown(tracked) == [("Price talk", DONE, "2026-Q1", "2026-Q3")]
    assert not tracked[0].is_open


def test_an_action_listed_open_again_after_it_was_closed_is_open_anew(catalog):
    f1 = catalog.factors[0].id
    now, history = quarters(
        catalog,
        (Q1, (Action("Plant visit", f1),)),
        (Q2, (Action("Plant visit", f1, status=DONE),)),
        (Q3, (Action("Plant visit", f1),)),
    )
    assert shown(tracked_actions(now, history)) == [("Plant visit", OPEN, "2026-Q3", "2026-Q3")]


def test_a_quarter_listed_again_keeps_its_action_open_since_the_first(catalog):
    f1 = catalog.factors[0].id
    now, history = quarters(
        catalog,
        (Q1, (Action("Plant visit", f1),)),
        (Q3, (Action("Plant visit", f1),)),  # Q2 was not assessed
    )
    (tracked,) = tracked_actions(now, history)
    assert tracked.since == Q1 and tracked.carried_from is None and tracked.quarters_open == 2


def test_without_a_history_only_the_quarters_own_actions_stand(catalog):
    f1 = catalog.factors[0].id
    now, _ = quarters(catalog, (Q3, (Action("Plant visit", f1, status=DONE),)))
    assert shown(tracked_actions(now, None)) == [("Plant visit", DONE, "2026-Q3", "2026-Q3")]
    bare = make(catalog, "Beta", Q3, 3, 3)
    assert tracked_actions(bare, None) == ()


def test_later_quarters_of_the_history_do_not_count(catalog):
    f1 = catalog.factors[0].id
    q2, _ = quarters(catalog, (Q2, (Action("Plant visit", f1),)))
    q3 = analysis_with_actions(make(catalog, "Alpha", Q3, 4, 3), Action("Plant visit", f1, status=DONE))
    (history,) = build_histories([q2, q3]).values()
    (tracked,) = tracked_actions(q2, history)
    assert tracked.is_open and tracked.listed_in == Q2


def test_overdue_is_open_and_due_before_the_report_date(catalog):
    f1 = catalog.factors[0].id
    now, history = quarters(
        catalog,
        (
            Q3,
            (
                Action("Due yesterday", f1, due=date(2026, 11, 26)),
                Action("Due today", f1, due=date(2026, 11, 27)),
                Action("Done late", f1, due=date(2026, 1, 1), status=DONE),
                Action("Dropped late", f1, due=date(2026, 1, 1), status=DROPPED),
                Action("No due date", f1),
            ),
        ),
    )
    day = date(2026, 11, 27)
    tracked = tracked_actions(now, history)
    assert [t.action.text for t in tracked if t.overdue_on(day)] == ["Due yesterday"]
    assert [t.days_late(day) for t in tracked] == [1, 0, 0, 0, 0]


def test_actions_are_grouped_by_factor_the_relationship_first_then_in_catalog_order(catalog):
    f1, f2, f3 = (f.id for f in catalog.factors[:3])
    now, history = quarters(
        catalog,
        (Q2, (Action("Old one", "retired_factor"),)),
        (
            Q3,
            (
                Action("Third factor", f3),
                Action("Undated", f1),
                Action("Due late", f1, due=date(2026, 12, 31)),
                Action("Whole relationship", None),
                Action("Due soon", f1, due=date(2026, 10, 1)),
            ),
        ),
    )
    groups = by_factor(tracked_actions(now, history), catalog)
    assert [(g.factor_id, g.number) for g in groups] == [
        (None, None),
        (f1, 1),
        (f3, 3),
        ("retired_factor", None),
    ]
    assert [a.action.text for a in groups[1].actions] == ["Due soon", "Due late", "Undated"]
    assert groups[1].factor == catalog.factors[0] and groups[0].factor is None
    assert f2 not in [g.factor_id for g in groups]


def test_a_report_of_an_earlier_quarter_counts_overdue_only_up_to_the_end_of_the_next_quarter(catalog):
    """Regression: a 2026-Q2 briefing made in late November called an action 59 days overdue that the
    2026-Q3 workbook had marked done; the Q2 report knows only Q2's workbook, which the Q3 assessment
    follows by the end of Q3."""
    assert reckoning_day(Q2, date(2026, 11, 27)) == date(2026, 9, 30)
    assert reckoning_day(Q3, date(2026, 11, 27)) == date(2026, 11, 27)  # the latest quarter: the day made
    assert reckoning_day(Q3, date(2027, 2, 1)) == date(2026, 12, 31)
    now, history = quarters(
        catalog,
        (
            Q2,
            (
                Action("Kanban, cost sharing", None, due=date(2026, 9, 30)),
                Action("Visit the plant", None, due=date(2026, 6, 30)),
            ),
        ),
    )
    kanban, visit = tracked_actions(now, history)
    made_on = date(2026, 11, 27)
    assert not kanban.overdue_on(made_on) and kanban.days_late(made_on) == 0
    assert visit.overdue_on(made_on) and visit.days_late(made_on) == 92  # 30 June to 30 September


def test_open_actions_carried_forward_come_in_the_order_they_were_first_listed(catalog):
    f1, f2 = (f.id for f in catalog.factors[:2])
    now, history = quarters(
        catalog,
        (Q1, (Action("Plant visit", f1),)),
        (Q2, (Action("Price talk", f2), Action("Plant visit", f1))),  # listed again, after a new one
        (Q3, ()),
    )
    assert shown(tracked_actions(now, history)) == [
        ("Plant visit", OPEN, "2026-Q1", "2026-Q2"),
        ("Price talk", OPEN, "2026-Q2", "2026-Q2"),
    ]


def test_an_action_names_its_factor_as_its_workbook_knew_it_and_its_group_as_the_report_does(catalog):
    """A factor renamed by a later catalog is shown by its new title; one the later catalog dropped by
    the title the workbook that listed it knew."""

    def earlier_edition(data):
        data["version"] = "0.9"
        data["factors"][0]["title"] = {"de": "Alter Titel", "en": "Old title"}
        data["factors"][-1]["id"] = "retired_factor"

    old = variant(catalog, earlier_edition)
    f1 = catalog.factors[0].id
    q2 = analysis_with_actions(
        make(old, "Alpha", Q2, 4, 3), Action("Plant visit", f1), Action("Keep the promise", "retired_factor")
    )
    q3 = analysis_with_actions(
        make(catalog, "Alpha", Q3, 4, 3), Action("Call purchasing", f1), Action("Roadmap", None)
    )
    (history,) = build_histories([q2, q3]).values()
    tracked = tracked_actions(q3, history)
    assert [(t.action.text, t.factor) for t in tracked] == [
        ("Call purchasing", catalog.factors[0]),
        ("Roadmap", None),
        ("Plant visit", old.factors[0]),
        ("Keep the promise", old.factors[-1]),
    ]
    groups = by_factor(tracked, catalog)
    assert [(g.factor_id, g.factor, [a.action.text for a in g.actions]) for g in groups] == [
        (None, None, ["Roadmap"]),
        (f1, catalog.factors[0], ["Plant visit", "Call purchasing"]),  # undated: the older first
        ("retired_factor", old.factors[-1], ["Keep the promise"]),
    ]


def test_the_reckoning_day_is_the_day_made_up_to_the_last_day_of_the_next_quarter():
    assert reckoning_day(Q3, date(2026, 12, 30)) == date(2026, 12, 30)
    assert reckoning_day(Q3, date(2026, 12, 31)) == date(2026, 12, 31)
    assert reckoning_day(Q3, date(2027, 1, 1)) == date(2026, 12, 31)
    assert reckoning_day(Period(2026, 4), date(2027, 6, 1)) == date(2027, 3, 31)  # across the year


QUARTERS = (Q1, Q2, Q3, Period(2026, 4))
KEYS = tuple((factor, text) for factor in (None, "f1", "f2") for text in ("Plant visit", "Price talk"))
"""Six actions: two texts, about the relationship as a whole or one of two factors."""

workbook = st.lists(
    st.tuples(st.integers(0, len(KEYS) - 1), st.sampled_from(ActionStatus)), unique_by=lambda a: a[0]
)
"""One quarter's Actions sheet: some of the six actions, each at most once, with a status."""


@settings(max_examples=60, deadline=None)
@given(earlier=st.lists(st.one_of(st.none(), workbook), min_size=3, max_size=3), latest=workbook)
def test_every_action_stands_once_as_its_latest_listing_has_it_open_since_its_unbroken_run(
    catalog, earlier, latest
):
    """Whatever the quarters list: an action stands in the latest quarter if its workbook lists it or it
    was open when last listed, as that listing has it, and an open one is open since the first of the
    unbroken run of quarters that listed it open; this quarter's come first in the sheet's order, then
    the carried ones, the longest open first."""
    ids = {"f1": catalog.factors[0].id, "f2": catalog.factors[1].id}
    sheets = [*earlier, latest]  # None: a quarter not assessed
    listings: dict[int, list[tuple[Period, ActionStatus]]] = {}
    analyses = []
    for period, sheet in zip(QUARTERS, sheets, strict=True):
        if sheet is None:
            continue
        actions = [Action(KEYS[i][1], ids.get(KEYS[i][0]), status=status) for i, status in sheet]
        analyses.append(analysis_with_actions(make(catalog, "Alpha", period, 4, 3), *actions))
        for i, status in sheet:
            listings.setdefault(i, []).append((period, status))
    (history,) = build_histories(analyses).values()
    tracked = tracked_actions(analyses[-1], history)

    by_key = {(t.action.factor_id, t.action.text): t for t in tracked}
    assert len(by_key) == len(tracked)  # each action once
    period = QUARTERS[-1]
    for i, runs in listings.items():
        last_period, last_status = runs[-1]
        stands = by_key.get((ids.get(KEYS[i][0]), KEYS[i][1]))
        assert (stands is not None) == (last_period == period or last_status is OPEN)
        if stands is None:
            continue
        assert (stands.listed_in, stands.action.status) == (last_period, last_status)
        if last_status is OPEN:  # open since the first of the listings that say open up to now
            opened = [p for p, _ in runs].index(stands.since)
            assert all(status is OPEN for _, status in runs[opened:])
            assert opened == 0 or runs[opened - 1][1] is not OPEN
    this_quarter = [t for t in tracked if t.listed_in == period]
    carried = tracked[len(this_quarter) :]
    assert [(t.action.factor_id, t.action.text) for t in this_quarter] == [
        (ids.get(KEYS[i][0]), KEYS[i][1]) for i, _ in latest
    ]
    assert all(t.carried_from is not None and t.is_open for t in carried)
    assert [t.since for t in carried] == sorted(t.since for t in carried)
