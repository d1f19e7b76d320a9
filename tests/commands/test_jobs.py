"""A job ends in a typed outcome: its PDFs, the reason it failed, or that it ran out of time."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest

from reportgen import charts
from reportgen.analysis.all_accounts import prepare
from reportgen.commands.jobs import BriefingJob, Failed, TimedOut, Worker
from reportgen.outputs.spreadsheets import write_xlsx
from reportgen.views import briefing
from reportgen.views.briefing import BriefingCharts
from reportgen.views.briefing.deck import Drawings
from tests.conftest import sheets_for


@pytest.fixture
def job(tmp_path, catalog):
    write_xlsx(tmp_path / "a.xlsx", sheets_for(catalog))
    workload = prepare([tmp_path], catalog)
    (analysis,) = workload.analyses
    return BriefingJob(
        analysis, workload.history_of(analysis), "acme", ("en",), date(2026, 11, 27), timeout=TIME_ENOUGH
    )


TIME_ENOUGH = 600
"""A limit no job of these tests comes near, however slow the machine: only the job made to hang meets its
limit. (With a limit of 1 second, drawing the charts on a busy machine ran out of time before the job
could fail as the failing test makes it fail.)"""


def test_a_job_over_its_time_limit_is_timed_out(job, monkeypatch):
    """The limit strikes inside the hanging step, whatever the machine's speed: the charts before it are
    stand-ins, done at once."""
    hung = []

    def hang(*args):
        hung.append(True)
        time.sleep(TIME_ENOUGH)

    drawn = Drawings(BriefingCharts("<svg/>", "<svg/>", "<svg/>"))
    monkeypatch.setattr(charts, "edition_drawings", lambda *args, **kwargs: drawn)
    monkeypatch.setattr(briefing, "build_briefing", hang)
    started = time.monotonic()
    assert Worker().render(replace(job, timeout=0.5)) == TimedOut()
    assert hung and time.monotonic() - started < TIME_ENOUGH / 2


def test_a_failing_job_gives_its_reason_and_with_debug_its_error(job, monkeypatch):
    def broken(*args):
        raise ValueError("layout exploded")

    monkeypatch.setattr(briefing, "build_briefing", broken)
    assert Worker().render(job) == Failed("layout exploded")
    with pytest.raises(ValueError):
        Worker().render(BriefingJob(**{**job.__dict__, "debug": True}))
