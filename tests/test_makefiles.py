"""What reportgen tells make between runs: the recorded problems and the portfolio plan."""

from __future__ import annotations

import os
import time

from reportgen.makefiles import (
    READING,
    RENDERING,
    RecordedProblem,
    outstanding,
    write_portfolio_plan,
    write_record,
)
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
    timed_out = RecordedProblem(str(first), "a: timed out", RENDERING)
    write_record(record, [timed_out, RecordedProblem(str(second), "b: bad", RENDERING)])

    write_record(record, [], kept_unless_from=[second])  # b was tried again and is fine now
    assert outstanding([record]) == [timed_out]


def test_every_run_reads_every_file_so_its_reading_problems_replace_the_earlier_ones(tmp_path):
    """Regression: an error one file caused in another (a reused Account-ID) stayed recorded after the
    other file was corrected, and make kept failing."""
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    first.write_bytes(b"x")
    second.write_bytes(b"x")
    record = tmp_path / "record"
    write_record(record, [RecordedProblem(str(first), "a: ID also in b", READING)])
    write_record(record, [], kept_unless_from=[second])  # b corrected: a is fine now too
    assert outstanding([record]) == []

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


def test_a_step_that_can_make_nothing_fails_at_once_instead_of_recording(tmp_path, make_workbook):
    """Regression: a mistyped INPUT (or a period without data) was recorded, the step succeeded, and
    as the missing file counted as removed, make said nothing and exited 0."""
    from tests.conftest import run

    record = tmp_path / "record"
    missing = run("briefing", str(tmp_path / "inptu"), "--lang", "en", "--record", str(record))
    assert missing.exit_code == 2
    assert f"The folder {tmp_path / 'inptu'} was not found." in missing.stderr
    make_workbook("acme.xlsx")
    no_data = run("portfolio", str(tmp_path), "--period", "2026-Q1", "--lang", "en", "--record", str(record))
    assert no_data.exit_code == 2
    assert "No account has an assessment for 2026-Q1." in no_data.stderr
    assert not record.exists()


def test_accounts_a_recorded_problem_kept_out_are_rendered_once_it_is_gone(tmp_path, make_workbook):
    """A reused Account-ID keeps both accounts out; correcting one file brings both back in a run of
    the changed file only (make's --only-from)."""
    from tests.conftest import run

    make_workbook("acme.xlsx", facts=["Acme GmbH", "KA-1", "2026-Q3"])
    beta = make_workbook("beta.xlsx", facts=["Beta AG", "KA-1", "2026-Q3"])
    make_workbook("gamma.xlsx", facts=["Gamma KG", "KA-3", "2026-Q3"])
    out, record = tmp_path / "out", tmp_path / "record"
    args = ["briefing", str(tmp_path), "--lang", "en", "--out", str(out), "--record", str(record)]
    assert run(*args).exit_code == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == ["gamma-kg_2026-Q3_en.pdf"]
    assert run("recorded", "--lang", "en", str(record)).exit_code == 1

    make_workbook("beta.xlsx", facts=["Beta AG", "KA-2", "2026-Q3"])
    assert run(*args, "--only-from", str(beta)).exit_code == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "acme-gmbh_2026-Q3_en.pdf", "beta-ag_2026-Q3_en.pdf", "gamma-kg_2026-Q3_en.pdf",
    ]  # fmt: skip
    assert run("recorded", "--lang", "en", str(record)).exit_code == 0


def test_the_plan_of_an_empty_folder_has_no_quarters_and_says_nothing(tmp_path):
    """make's briefing step says that the folder is empty; the plan step said it a second time."""
    from tests.conftest import run

    empty, plan = tmp_path / "empty", tmp_path / "plan.mk"
    empty.mkdir()
    result = run("portfolio", str(empty), "--lang", "en", "--make-deps", str(plan))
    assert result.exit_code == 0 and result.stderr == ""
    assert "PORTFOLIO_QUARTERS := \n" in plan.read_text()
