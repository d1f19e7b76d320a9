"""A job ends in a typed outcome: its PDFs, the reason it failed, or that it ran out of time."""

from __future__ import annotations

import time
from datetime import date

import pytest

from reportgen import briefing
from reportgen.execution import BriefingJob, Failed, TimedOut, Worker
from reportgen.spreadsheets import write_xlsx
from reportgen.workload import prepare
from tests.conftest import sheets_for


@pytest.fixture
def job(tmp_path, catalog):
    write_xlsx(tmp_path / "a.xlsx", sheets_for(catalog))
    workload = prepare([tmp_path], catalog)
    (analysis,) = workload.analyses
    return BriefingJob(
        analysis, workload.history_of(analysis), "acme", ("en",), date(2026, 11, 27), timeout=1
    )


def test_a_job_over_its_time_limit_is_timed_out(job, monkeypatch):
    monkeypatch.setattr(briefing, "build_briefing", lambda *args: time.sleep(600))
    assert Worker().render(job) == TimedOut()


def test_a_failing_job_gives_its_reason_and_with_debug_its_error(job, monkeypatch):
    def broken(*args):
        raise ValueError("layout exploded")

    monkeypatch.setattr(briefing, "build_briefing", broken)
    assert Worker().render(job) == Failed("layout exploded")
    with pytest.raises(ValueError):
        Worker().render(BriefingJob(**{**job.__dict__, "debug": True}))
