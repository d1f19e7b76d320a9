"""The flow every command shares (commands/run.py): the catalog given reaches every command, and problems
of the whole run – no input, a period or an account the files do not hold – are said plainly:
without a made-up file place, without the 'files had problems' header, with exit code 2."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run


@pytest.fixture
def folder(tmp_path, make_workbook):
    """Acme (KA-1) for 2026-Q3 and Beta (KA-2) for 2026-Q2."""
    make_workbook("acme.xlsx")
    make_workbook("beta.xlsx", facts=["Beta Logistik AG", "KA-2", "2026-Q2"])
    return tmp_path


def lines(result) -> list[str]:
    return result.stderr.strip().splitlines()


@pytest.mark.parametrize("command", ["portfolio", "briefing", "export"])
@pytest.mark.parametrize(
    ("lang", "said", "header"),
    [
        (
            "de",
            "✗ Kein Account hat eine Bewertung für 2026-Q1. Prüfen Sie den Zeitraum; die Dateien enthalten: "
            "2026-Q2, 2026-Q3.",
            "hatte Probleme",
        ),
        (
            "en",
            "✗ No account has an assessment for 2026-Q1. Check the period; the files hold: 2026-Q2, 2026-Q3.",
            "had problems",
        ),
    ],
)
def test_a_period_without_data_is_said_plainly(folder, command, lang, said, header):
    out = folder / "out"
    result = run(command, str(folder), "--period", "2026-Q1", "--lang", lang, "--out", str(out))
    assert result.exit_code == 2
    assert lines(result)[0] == said
    assert header not in result.stderr and "✗ .:" not in result.stderr
    assert not out.exists()


def test_a_bad_file_is_still_listed_under_its_header_beside_the_runs_problem(folder, make_workbook, catalog):
    make_workbook("bad.xlsx", supplier=[9] + [4] * (len(catalog.factors) - 1))
    result = run("portfolio", str(folder), "--period", "2026-Q1", "--lang", "en", "--out", str(folder / "o"))
    assert result.exit_code == 2
    header, file_error, period = lines(result)[:3]
    assert header == "1 file had problems; the ratings it holds are left out of the reports:"
    assert "bad.xlsx › Assessment › C2" in file_error
    assert period.startswith("✗ No account has an assessment for 2026-Q1.")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "de",
            "✗ Kein Account in den Dateien hat den Namen oder die ID „Zeppelin“. Die Dateien enthalten: "
            "„Acme Präzision GmbH“, „Beta Logistik AG“. Geben Sie den vollen Namen oder die ID an.",
        ),
        (
            "en",
            '✗ No account in the files has the name or ID "Zeppelin". The files hold: "Acme Präzision GmbH", '
            '"Beta Logistik AG". Give the full name or the ID.',
        ),
    ],
)
def test_an_account_the_files_do_not_hold_exits_2_and_lists_them(folder, lang, said):
    out = folder / "out"
    result = run("briefing", str(folder), "--account", "Zeppelin", "--lang", lang, "--out", str(out))
    assert result.exit_code == 2
    assert lines(result) == [said, "Es wurde keine Datei erstellt." if lang == "de" else "No file was made."]
    assert not out.exists()


def test_an_account_whose_file_has_errors_points_to_that_file_not_to_the_others(
    folder, make_workbook, catalog
):
    """Regression: Zeppelin's only workbook was left out for an error, and --account Zeppelin was
    answered with 'the files hold: Acme, Beta' as if it did not exist."""
    facts = ["Zeppelin Süd GmbH", "KA-3", "2026-Q3"]
    make_workbook("zeppelin.xlsx", facts=facts, supplier=[9] + [4] * (len(catalog.factors) - 1))
    result = run(
        "briefing", str(folder), "--account", "Zeppelin Süd GmbH", "--lang", "de", "--out", str(folder / "o")
    )
    assert result.exit_code == 2
    assert "zeppelin.xlsx › Assessment › C2" in result.stderr
    assert (
        "✗ Kein lesbarer Account hat den Namen oder die ID „Zeppelin Süd GmbH“. Steht er in einer der Dateien "
        "mit Problemen, korrigieren Sie diese Datei und versuchen Sie es erneut."
    ) in lines(result)
    assert "Acme" not in result.stderr


@pytest.mark.parametrize("typed", ["acme", "Acme Prazision GmbH", "ACME PRÄZISION"])
def test_a_near_miss_suggests_the_closest_name_and_renders_nothing(folder, typed):
    out = folder / "out"
    result = run("briefing", str(folder), "--account", typed, "--lang", "de", "--out", str(out))
    assert result.exit_code == 2
    assert lines(result)[0] == (
        f"✗ Kein Account in den Dateien hat den Namen oder die ID „{typed}“. Meinten Sie „Acme Präzision GmbH“? "
        "Geben Sie den vollen Namen oder die ID an."
    )
    assert not out.exists()


@pytest.mark.parametrize("account", ["KA-2", "ka-2", "beta logistik ag", " Beta  Logistik AG"])
def test_the_exact_id_or_name_selects_the_account(folder, account):
    """As identity compares them: case and runs of spaces ignored, as the README says."""
    out = folder / "out"
    result = run("briefing", str(folder), "--account", account, "--lang", "en", "--out", str(out), "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["beta-logistik-ag_2026-Q2_en.pdf"]


def test_an_account_without_the_period_names_the_periods_it_has(folder):
    result = run("briefing", str(folder), "--account", "KA-2", "--period", "2026-Q3", "--lang", "en")
    assert result.exit_code == 2
    assert lines(result)[0] == (
        "✗ Beta Logistik AG has no assessment for 2026-Q3. Check the period; its files hold: 2026-Q2."
    )


@pytest.mark.parametrize(
    ("command", "closing"),
    [("briefing", ["No file was made."]), ("portfolio", ["No file was made."]), ("validate", [])],
)
def test_no_input_is_said_without_a_file_place(tmp_path, command, closing):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(command, str(empty), "--lang", "en")
    assert result.exit_code == 2
    assert lines(result) == [
        f'✗ There are no assessment files in "{empty}". Give .xlsx, .ods or .csv files, or a folder that holds them.',
        *closing,
    ]


def test_no_input_and_a_broken_catalog_exit_2(tmp_path, good):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("briefing", str(empty), "--lang", "en")
    assert result.exit_code == 2
    assert f'There are no assessment files in "{empty}".' in result.stderr
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text("id: x\nversion: 1\n", encoding="utf-8")
    result = run("briefing", str(good), "--criteria", str(catalog), "--lang", "en")
    assert result.exit_code == 2
    assert "catalog.yaml: title: Field required." in result.stderr


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_briefing_portfolio_and_export_follow_the_catalog(filled, custom, tmp_path):
    out = tmp_path / "out"
    for command in ("briefing", "portfolio"):
        result = run(
            command, str(filled.parent), "--criteria", str(custom), "--lang", "en", "--out", str(out)
        )
        assert result.exit_code == 0, result.stderr
    briefing = pdf_text(out / "acme-ltd_2026-Q3_en.pdf")
    assert "our-partnership v2.0" in briefing
    assert "Gemeinsame Nachhaltigkeitsziele [DE]" in briefing  # falls back visibly
    assert "Involved before the tender" in briefing
    assert "exclusivity" not in briefing.lower()
    assert "/16" in briefing
    portfolio = pdf_text(out / "portfolio_2026-Q3_en.pdf")
    assert "Acme Ltd" in portfolio and "Gemeinsame Nachhaltigkeitsziele [DE]" in portfolio
    assert run("export", str(filled.parent), "--criteria", str(custom), "--out", str(out)).exit_code == 0
    factors = (out / "reportgen-export_all_factors.csv").read_text(encoding="utf-8")
    assert "joint-sustainability" in factors and "exclusivity" not in factors


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_selection_that_selects_nothing_names_no_option(lang):
    """make's users choose with PERIOD= and ACCOUNT=, not --period: the hints say what to check, never
    which option to change (NO_PERIOD once told them to "check --period")."""
    from reportgen.analysis import selection
    from reportgen.common.problems import Message

    params = {"period": "2026-Q1", "periods": "2026-Q3", "account": "X", "suggestions": "Y"}
    messages = [value for value in vars(selection).values() if isinstance(value, Message)]
    assert len(messages) >= 5
    for message in messages:
        assert "--" not in message.word(lang, params), message


@pytest.mark.parametrize(
    "given",
    ["2026-Q3", "Q3/26", "3. Quartal 2026", "III/2026", "Q3 ’26", "Q3 '26", "15.08.2026", "2026-08-15"],
)
def test_the_period_option_reads_what_a_workbook_may_write(folder, given):
    """Regression: --period took 2026-Q3 and Q3 2026 only; "Q3/26" or "3. Quartal 2026", which a workbook
    may write, were "no period"."""
    result = run(
        "export", str(folder), "--period", given, "--format", "csv", "--table", "accounts", "--out", "-"
    )
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()[1:]
    assert [row.split(",")[2] for row in rows] == ["2026-Q3"]
    assert "Acme" in rows[0]


@pytest.mark.parametrize(
    ("command", "made"), [("briefing", "acme-praezision-gmbh"), ("portfolio", "portfolio")]
)
def test_briefing_and_portfolio_take_a_period_written_another_way(folder, command, made):
    out = folder / "out"
    result = run(command, str(folder), "--period", "3. Quartal 2026", "--lang", "en", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == [f"{made}_2026-Q3_en.pdf"]


def test_a_template_takes_a_period_written_another_way_and_writes_it_as_reports_do(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "acme.xlsx"
    result = run("template", "--lang", "en", "--account", "Acme", "--period", "Q3/26", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    facts = {row[0]: row[1] for row in load_workbook(path)["Account"].iter_rows(values_only=True)}
    assert facts["Period"] == "2026-Q3"


@pytest.mark.parametrize(
    "given", ["0000-Q3", "Q3 0000", "3. Quartal 1900", "2026-Q5", "Herbst", "15.08.0026"]
)
@pytest.mark.parametrize(
    ("lang", "said"), [("de", "„{}“ ist kein Zeitraum."), ("en", '"{}" is not a period.')]
)
def test_a_period_option_that_names_no_quarter_ends_the_command(folder, given, lang, said):
    """Regression: "0000-Q3" was taken as a quarter of the year 0."""
    result = run("export", str(folder), "--period", given, "--lang", lang, "--format", "json", "--out", "-")
    assert result.exit_code == 2
    assert said.format(given) in result.stderr


def test_a_make_step_whose_report_failed_is_not_done_so_the_next_run_tries_it_again(tmp_path, make_workbook):
    """Regression: a report that failed to render was removed and the step marked done, so make, seeing no
    file changed, never tried it again, while a clean run would make it."""
    from reportgen.commands.briefing import RENDER_FAILED, SUMMARY_BRIEFINGS
    from reportgen.commands.console import EXIT_OK, Reporter
    from reportgen.commands.results import BatchResult
    from reportgen.commands.run import Flow, run_flow
    from reportgen.common.problems import Place, Problem
    from reportgen.common.settings import Settings

    path = make_workbook("acme.xlsx")
    stamp = tmp_path / "build" / "briefings.all"
    settings = Settings(inputs=(path,), out_dir=tmp_path / "out", record=tmp_path / "record", stamp=stamp)
    flow = Flow(SUMMARY_BRIEFINGS)

    def rendering(fails: bool):
        def render(workload, period, publish) -> BatchResult:
            publish(settings.out_dir / "other.pdf", b"pdf")
            if fails:
                params = {"account": "Acme", "period": "2026-Q3", "reason": "a bug"}
                publish.result.render_problems.append(Problem(Place(path), RENDER_FAILED, params))
            return publish.result

        return render

    assert run_flow(settings, Reporter("en"), flow, rendering(fails=False)) == EXIT_OK
    done = stamp.stat().st_mtime_ns
    os.utime(stamp, ns=(done - 10**9, done - 10**9))  # a second earlier, as of the step's last success
    assert run_flow(settings, Reporter("en"), flow, rendering(fails=True)) == EXIT_OK  # recorded
    assert stamp.stat().st_mtime_ns == done - 10**9  # left as it was: make runs the step again
    assert (tmp_path / "record").exists()
