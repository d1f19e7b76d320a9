"""What reportgen tells make between runs: the recorded problems and the portfolio plan."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reportgen.common.input_files import digest, main
from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalogs
from reportgen.outputs.make_records import (
    OutputRecord,
    RecordedProblem,
    outstanding,
    write_portfolio_plan,
    write_record,
)


def later(path, seconds=5):
    moment = time.time() + seconds
    os.utime(path, (moment, moment))


def test_a_recorded_problem_holds_until_the_step_runs_again_whatever_the_files_dates(tmp_path):
    """Regression: a problem was forgotten once its file was newer than the record, so a broken file
    copied in with a date in the future let make pass; make runs the step again when a file's content
    changes, and the step's new record replaces the old one."""
    broken, other = tmp_path / "broken.xlsx", tmp_path / "other.xlsx"
    broken.write_bytes(b"x")
    other.write_bytes(b"x")
    record = tmp_path / "record"
    problems = [RecordedProblem(str(broken), "broken: cut off"), RecordedProblem(str(other), "other: bad")]
    write_record(record, problems)
    later(broken)
    assert outstanding([record, record]) == problems  # listed once, whatever records repeat it

    write_record(record, [problems[1]])
    assert outstanding([record]) == [problems[1]]
    write_record(record, [])  # a whole run replaces the record
    assert not record.exists()


def test_the_fingerprint_changes_with_what_the_files_hold_their_names_and_dates(tmp_path):
    folder, criteria = tmp_path / "in", tmp_path / "criteria"
    folder.mkdir()
    criteria.mkdir()
    workbook, catalog = folder / "a.xlsx", criteria / "c.yaml"
    workbook.write_bytes(b"one")
    catalog.write_text("id: c")
    (folder / "~$a.xlsx").write_bytes(b"lock")  # Excel's lock file is no input
    (folder / "notes.docx").write_bytes(b"no input either")
    target = tmp_path / "fingerprint"
    assert main([str(target), str(folder), "--criteria", str(criteria)]) == 0
    first = target.read_text()
    assert [line.split("  ")[::2] for line in first.splitlines()] == [
        [digest(workbook), str(workbook)], [digest(catalog), str(catalog)],
    ]  # fmt: skip

    def after(change) -> bool:
        """Whether the fingerprint was written again after *change*."""
        before = target.stat().st_mtime_ns
        time.sleep(0.01)
        change()
        main([str(target), str(folder), "--criteria", str(criteria)])
        return target.stat().st_mtime_ns != before

    assert not after(lambda: None)
    assert after(lambda: later(workbook, -10_000))  # a date: it may decide which of two copies counts
    kept = workbook.stat().st_mtime_ns
    assert after(lambda: (workbook.write_bytes(b"two"), os.utime(workbook, ns=(kept, kept))))  # date kept
    assert after(lambda: workbook.rename(folder / "b.xlsx"))
    assert after(lambda: catalog.write_text("id: d"))
    assert after(lambda: (folder / "b.xlsx").unlink())


@pytest.fixture
def folders(tmp_path):
    """The output folder, and the record of one make step in its own folder of records."""
    out, records = tmp_path / "out", tmp_path / "out" / ".build" / "made"
    records.mkdir(parents=True)
    return out, records / "briefings.all"


def test_a_report_is_up_to_date_while_its_inputs_and_the_file_itself_are_as_they_were(folders, monkeypatch):
    out, made = folders
    report = out / "a.pdf"
    first = OutputRecord(made, out)
    report.write_bytes(b"pdf")
    first.wrote(report, "inputs 1", b"pdf")
    assert first.close() == []

    assert OutputRecord(made, out).up_to_date(report, "inputs 1")
    assert not OutputRecord(made, out).up_to_date(report, "inputs 2")
    assert not OutputRecord(made, out, rebuild=True).up_to_date(report, "inputs 1")
    assert not OutputRecord(made, out).up_to_date(out / "b.pdf", "inputs 1")
    monkeypatch.chdir(out.parent)  # the same folder named another way: the same files
    assert OutputRecord(made, Path("out")).up_to_date(Path("out") / "a.pdf", "inputs 1")
    report.write_bytes(b"written over by hand")
    assert not OutputRecord(made, out).up_to_date(report, "inputs 1")


def test_a_run_removes_only_the_files_it_made_earlier_and_did_not_make_again(folders):
    out, made = folders
    kept, gone, edited, foreign = (out / f"{name}.pdf" for name in ("kept", "gone", "edited", "foreign"))
    first = OutputRecord(made, out)
    for report in (kept, gone, edited):
        report.write_bytes(report.name.encode())
        first.wrote(report, "inputs", report.name.encode())
    foreign.write_bytes(b"made by someone else")
    first.close()
    edited.write_bytes(b"annotated by a user")

    second = OutputRecord(made, out)
    assert second.keep([kept], "inputs")
    assert second.kept == [kept]
    assert second.close() == [gone]
    assert kept.exists() and edited.exists() and foreign.exists() and not gone.exists()
    assert OutputRecord(made, out).up_to_date(kept, "inputs")


def test_a_run_that_names_its_folder_another_way_keeps_what_it_made_again(folders, monkeypatch):
    """Regression: the record named files by the folder as typed, so a run with OUTPUT=out after one with
    OUTPUT=$PWD/out made every report again and then removed them as the earlier run's."""
    out, made = folders
    first = OutputRecord(made, out)
    (out / "a.pdf").write_bytes(b"pdf")
    first.wrote(out / "a.pdf", "inputs 1", b"pdf")
    first.close()
    monkeypatch.chdir(out.parent)
    second = OutputRecord(made, Path("out"))
    Path("out/a.pdf").write_bytes(b"pdf")
    second.wrote(Path("out/a.pdf"), "inputs 2", b"pdf")
    assert second.close() == []
    assert (out / "a.pdf").exists()


def test_a_file_another_step_made_again_is_still_reportgens_own_to_remove(folders):
    """Regression: after `make reports PERIOD=…` made a briefing again (on another day: other bytes), the
    whole run's record no longer knew the file as its own, and left it when its account's files went."""
    out, made = folders
    report = out / "x_2026-Q3_de.pdf"
    whole = OutputRecord(made, out)
    report.write_bytes(b"monday")
    whole.wrote(report, "inputs", b"monday")
    whole.close()
    one_quarter = OutputRecord(made.with_name("briefings.2026-Q3"), out)
    report.write_bytes(b"tuesday")
    one_quarter.wrote(report, "inputs", b"tuesday")
    one_quarter.close()

    assert OutputRecord(made, out).close() == [report]  # the account's files are gone
    assert not report.exists()


def test_a_run_cut_short_removes_nothing_and_keeps_what_it_knew(folders):
    out, made = folders
    first_report, second_report = out / "a.pdf", out / "b.pdf"
    first = OutputRecord(made, out)
    for report in (first_report, second_report):
        report.write_bytes(b"pdf")
        first.wrote(report, "inputs", b"pdf")
    first.close()

    second = OutputRecord(made, out)
    first_report.write_bytes(b"new pdf")
    second.wrote(first_report, "new inputs", b"new pdf")
    second.interrupted()
    assert second_report.exists()
    assert OutputRecord(made, out).up_to_date(first_report, "new inputs")
    assert OutputRecord(made, out).up_to_date(second_report, "inputs")


def test_the_plan_lists_each_quarters_files_with_digests_and_notes_a_changed_list(tmp_path, catalog):
    plan = tmp_path / "plan.mk"
    q2, q3 = Period(2026, 2), Period(2026, 3)
    old, new = tmp_path / "a 2026-Q2.xlsx", tmp_path / "b.xlsx"
    old.write_bytes(b"a")
    new.write_bytes(b"b")
    catalogs = Catalogs.only(catalog)
    write_portfolio_plan(plan, {q2: [old], q3: [old, new]}, catalogs)
    text = plan.read_text()
    assert "PORTFOLIO_QUARTERS := 2026-Q2 2026-Q3\n" in text
    assert f"$(PORTFOLIO)2026-Q3: {tmp_path}/plan.2026-Q3.inputs\n" in text
    listing = {q: tmp_path / f"plan.{q}.inputs" for q in ("2026-Q2", "2026-Q3")}
    assert f"{digest(old)}  {old}" in listing["2026-Q3"].read_text()
    times = {q: path.stat().st_mtime_ns for q, path in listing.items()}

    time.sleep(0.01)
    write_portfolio_plan(plan, {q2: [old], q3: [new]}, catalogs)  # the Q2 file no longer feeds Q3
    assert listing["2026-Q2"].stat().st_mtime_ns == times["2026-Q2"]
    assert listing["2026-Q3"].stat().st_mtime_ns != times["2026-Q3"]

    times = {q: path.stat().st_mtime_ns for q, path in listing.items()}
    time.sleep(0.01)
    new.write_bytes(b"b, changed")
    later(new, -10_000)  # with an old date
    write_portfolio_plan(plan, {q2: [old], q3: [new]}, catalogs)
    assert listing["2026-Q2"].stat().st_mtime_ns == times["2026-Q2"]
    assert listing["2026-Q3"].stat().st_mtime_ns != times["2026-Q3"]


def test_the_plan_names_the_quarters_whose_files_are_all_gone(tmp_path, catalog):
    plan = tmp_path / "plan.mk"
    q2, q3 = Period(2026, 2), Period(2026, 3)
    catalogs = Catalogs.only(catalog)
    assert write_portfolio_plan(plan, {q2: [], q3: []}, catalogs) == []
    assert write_portfolio_plan(plan, {q3: []}, catalogs) == ["2026-Q2"]
    assert not (tmp_path / "plan.2026-Q2.inputs").exists()


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
    """A reused Account-ID keeps both accounts out; correcting one file brings both back, and the
    account whose file did not change is made all the same, as its inputs now differ."""
    from tests.conftest import run

    make_workbook("acme.xlsx", facts=["Acme GmbH", "KA-1", "2026-Q3"])
    make_workbook("beta.xlsx", facts=["Beta AG", "KA-1", "2026-Q3"])
    make_workbook("gamma.xlsx", facts=["Gamma KG", "KA-3", "2026-Q3"])
    out, record, made = tmp_path / "out", tmp_path / "record", tmp_path / "made"
    args = ["briefing", str(tmp_path), "--lang", "en", "--out", str(out), "--record", str(record),
            "--outputs-record", str(made)]  # fmt: skip
    assert run(*args).exit_code == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == ["gamma-kg_2026-Q3_en.pdf"]
    assert run("recorded", "--lang", "en", str(record)).exit_code == 1

    make_workbook("beta.xlsx", facts=["Beta AG", "KA-2", "2026-Q3"])
    again = run(*args)
    assert again.exit_code == 0
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "acme-gmbh_2026-Q3_en.pdf", "beta-ag_2026-Q3_en.pdf", "gamma-kg_2026-Q3_en.pdf",
    ]  # fmt: skip
    said = " ".join(again.stderr.split())
    assert "2 briefings made, 2 PDFs in" in said and "already up to date" in said  # Gamma's was
    assert run("recorded", "--lang", "en", str(record)).exit_code == 0


def test_the_plan_of_an_empty_folder_has_no_quarters_and_says_nothing(tmp_path):
    """make's briefing step says that the folder is empty; the plan step said it a second time."""
    from tests.conftest import run

    empty, plan = tmp_path / "empty", tmp_path / "plan.mk"
    empty.mkdir()
    result = run("portfolio", str(empty), "--lang", "en", "--make-deps", str(plan))
    assert result.exit_code == 0 and result.stderr == ""
    assert "PORTFOLIO_QUARTERS := \n" in plan.read_text()


def test_the_reports_of_a_period_whose_files_are_all_gone_are_removed(tmp_path, make_workbook):
    """Regression: with PERIOD set, a quarter whose files were all removed made the step fail before it
    looked at its record, so the quarter's old briefings stayed, looking current."""
    from tests.conftest import run

    workbook = make_workbook("acme.xlsx")
    out, made = tmp_path / "out", tmp_path / "out" / ".build" / "made" / "briefings.2026-Q3"
    args = ["briefing", str(tmp_path), "--period", "2026-Q3", "--lang", "en", "--out", str(out),
            "--record", str(tmp_path / "record"), "--outputs-record", str(made)]  # fmt: skip
    assert run(*args).exit_code == 0
    assert [p.name for p in out.glob("*.pdf")] == ["acme-praezision-gmbh_2026-Q3_en.pdf"]
    workbook.unlink()
    make_workbook("other.xlsx", facts=["Other AG", "KA-9", "2026-Q2"])
    gone = run(*args)
    assert gone.exit_code == 2
    assert list(out.glob("*.pdf")) == []
    assert "acme-praezision-gmbh_2026-Q3_en.pdf" in gone.stderr


def test_a_file_saved_while_a_run_reads_it_counts_as_changed_for_the_next_run(
    make_workbook, catalog, monkeypatch
):
    """The digest a report is recorded with is taken before its file is read: taken after, a workbook
    saved during the run would record the new bytes for a report made from the old ones, and the next
    run would keep that stale report."""
    import reportgen.reading.all_files as all_files

    path = make_workbook("acme.xlsx")
    before = digest(path)
    reading = all_files.read_file

    def saved_meanwhile(file, catalogs):
        result = reading(file, catalogs)
        file.write_bytes(file.read_bytes() + b" ")  # saved again by a spreadsheet program or a sync
        return result

    monkeypatch.setattr(all_files, "read_file", saved_meanwhile)
    (result,) = all_files.read_all([path], catalog, digested=True)
    assert result.digest == before != digest(path)


def test_a_briefing_made_while_its_file_was_saved_is_made_again_by_the_next_run(
    tmp_path, make_workbook, monkeypatch
):
    import reportgen.reading.all_files as all_files
    from tests.conftest import run

    path = make_workbook("acme.xlsx")
    out, made = tmp_path / "out", tmp_path / "out" / ".build" / "made" / "briefings"
    args = [
        "briefing",
        str(path),
        "--lang",
        "en",
        "--out",
        str(out),
        "--jobs",
        "1",
        "--outputs-record",
        str(made),
    ]
    reading = all_files.read_file

    def saved_meanwhile(file, catalogs):
        result = reading(file, catalogs)
        file.write_bytes(file.read_bytes() + b" ")
        return result

    with monkeypatch.context() as patched:
        patched.setattr(all_files, "read_file", saved_meanwhile)
        assert run(*args).exit_code == 0
    again = run(*args)
    assert again.exit_code == 0
    assert "1 briefing made" in again.stderr and "up to date" not in again.stderr


def test_the_plan_keeps_the_portfolios_while_the_input_folder_is_away(tmp_path, make_workbook):
    """Regression: with INPUT not there (a drive not mounted) the plan step found no quarter and removed
    every portfolio, which the README promises to keep."""
    from tests.conftest import run

    make_workbook("acme.xlsx")
    out, plan, made = tmp_path / "out", tmp_path / "plan.mk", tmp_path / "out" / ".build" / "made"
    quarter = ["portfolio", str(tmp_path), "--lang", "en", "--out", str(out), "--period", "2026-Q3",
               "--outputs-record", str(made / "portfolio.en.2026-Q3")]  # fmt: skip
    assert run(*quarter).exit_code == 0
    planning = ["portfolio", "--lang", "en", "--out", str(out), "--make-deps", str(plan),
                "--outputs-record", str(made / "portfolio.en")]  # fmt: skip
    assert run(*planning[:1], str(tmp_path), *planning[1:]).exit_code == 0
    away = run(*planning[:1], str(tmp_path / "not-mounted"), *planning[1:])
    assert away.exit_code == 0 and "Removed" not in away.stderr
    assert [p.name for p in out.glob("*.pdf")] == ["portfolio_2026-Q3_en.pdf"]
    assert "PORTFOLIO_QUARTERS := 2026-Q3" in plan.read_text()
