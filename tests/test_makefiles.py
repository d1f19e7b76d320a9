"""What reportgen tells make between runs: the recorded problems and the portfolio plan."""

from __future__ import annotations

import os
import time

from reportgen.makefiles import RecordedProblem, outstanding, write_portfolio_plan, write_record
from reportgen.model import Period


def later(path, seconds=5):
    moment = time.time() + seconds
    os.utime(path, (moment, moment))


def test_a_recorded_problem_holds_until_its_file_changes_or_goes(tmp_path):
    broken, other = tmp_path / "broken.xlsx", tmp_path / "other.xlsx"
    broken.write_bytes(b"x")
    other.write_bytes(b"x")
    record = tmp_path / "record"
    problems = [RecordedProblem(str(broken), "broken: cut off"), RecordedProblem(str(other), "other: bad")]
    write_record(record, problems)
    assert outstanding([record, record]) == problems  # listed once, whatever records repeat it

    later(broken)  # fixed (or at least changed): the step that reads it again records anew
    other.unlink()
    assert outstanding([record]) == []


def test_a_run_of_changed_files_keeps_the_other_files_problems(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    first.write_bytes(b"x")
    second.write_bytes(b"x")
    record = tmp_path / "record"
    write_record(
        record, [RecordedProblem(str(first), "a: timed out"), RecordedProblem(str(second), "b: bad")]
    )

    write_record(record, [], kept_unless_from=[second])  # b was tried again and is fine now
    assert outstanding([record]) == [RecordedProblem(str(first), "a: timed out")]

    write_record(record, [])  # a whole run replaces the record
    assert not record.exists()


def test_the_plan_lists_each_quarters_files_and_notes_a_changed_list(tmp_path):
    plan = tmp_path / "plan.mk"
    q2, q3 = Period(2026, 2), Period(2026, 3)
    old, new = tmp_path / "a 2026-Q2.xlsx", tmp_path / "b.xlsx"
    write_portfolio_plan(plan, {q2: [old], q3: [old, new]})
    text = plan.read_text()
    assert "PORTFOLIO_QUARTERS := 2026-Q2 2026-Q3\n" in text
    assert f"$(PORTFOLIO)2026-Q3: {tmp_path}/a\\ 2026-Q2.xlsx {new} {tmp_path}/plan.2026-Q3\n" in text
    listing = {q: tmp_path / f"plan.{q}" for q in ("2026-Q2", "2026-Q3")}
    times = {q: path.stat().st_mtime_ns for q, path in listing.items()}

    time.sleep(0.01)
    write_portfolio_plan(plan, {q2: [old], q3: [new]})  # the Q2 file no longer feeds Q3
    assert listing["2026-Q2"].stat().st_mtime_ns == times["2026-Q2"]
    assert listing["2026-Q3"].stat().st_mtime_ns != times["2026-Q3"]


def test_a_problem_of_the_whole_run_is_recorded_and_listed(tmp_path, make_workbook):
    """Regression: recording a problem without a file (a period without data) crashed."""
    from click.testing import CliRunner

    from reportgen.cli import cli

    make_workbook("acme.xlsx")
    record = tmp_path / "record"
    runner = CliRunner()
    args = ["portfolio", str(tmp_path), "--period", "2026-Q1", "--lang", "en", "--record", str(record)]
    assert runner.invoke(cli, args).exit_code == 0
    listed = runner.invoke(cli, ["recorded", "--lang", "en", str(record)])
    assert listed.exit_code == 1
    assert "No account has an assessment for 2026-Q1." in listed.output
