"""Which assessments are one account: a reused Account-ID is an error, a declared rename joins the
histories, the same name under two IDs is a warning – in validate and in every rendering command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.workload import prepare
from tests.conftest import run

ROOT = Path(__file__).resolve().parent.parent
NORDHAFEN = sorted((ROOT / "input").glob("nordhafen-logistik_*.xlsx"))


def facts(name, account_id=None, period="2026-Q4", former=None):
    """Account facts in vocabulary order: name, id, period, … and the former name last."""
    return [name, account_id, period, None, None, None, None, None, None, None, former]


@pytest.fixture
def nordhafen(tmp_path) -> Path:
    for path in NORDHAFEN:
        shutil.copy(path, tmp_path)
    return tmp_path


def test_a_reused_account_id_is_an_error_naming_both_files_names_and_cells(nordhafen, make_workbook):
    make_workbook("zeppelin_2026-Q4.xlsx", lang="de", facts=facts("Zeppelin Süd GmbH", "KA-2210"))
    result = run("validate", str(nordhafen), "--lang", "de")
    text = result.stderr.replace(str(nordhafen) + "/", "")
    assert result.exit_code == 1
    assert (
        "✗ zeppelin_2026-Q4.xlsx › Stammdaten › B2: Die Account-ID KA-2210 gehört seit 2026-Q2 zu "
        "„Nordhafen Logistik AG“ (nordhafen-logistik_2026-Q2.xlsx › Stammdaten › B2), diese Datei gibt "
        "sie aber „Zeppelin Süd GmbH“ (B1)." in text
    )
    assert "„Früherer Name“" in text
    assert f"{len(NORDHAFEN)} in Ordnung, 0 nur mit Warnungen, 1 mit Fehlern" in text


def test_the_reused_id_never_lends_the_other_account_its_history(nordhafen, make_workbook, catalog):
    make_workbook("zeppelin_2026-Q3.xlsx", lang="de", facts=facts("Zeppelin Süd GmbH", "KA-2210", "2026-Q3"))
    make_workbook("zeppelin_2026-Q4.xlsx", lang="de", facts=facts("Zeppelin Süd GmbH", "KA-2210"))
    workload = prepare([nordhafen], catalog)
    assert {a.assessment.account.name for a in workload.analyses} == {"Nordhafen Logistik AG"}
    (history,) = workload.histories.values()
    assert [str(a.assessment.period) for a in history.analyses] == ["2026-Q2", "2026-Q3"]


def test_briefing_and_export_exit_1_and_still_make_the_owner(nordhafen, make_workbook, tmp_path):
    make_workbook("zeppelin_2026-Q4.xlsx", lang="de", facts=facts("Zeppelin Süd GmbH", "KA-2210"))
    out = tmp_path / "out"
    briefing = run("briefing", str(nordhafen), "--lang", "de", "--period", "2026-Q3", "--out", str(out))
    assert briefing.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["nordhafen-logistik-ag_2026-Q3_de.pdf"]
    assert "zeppelin_2026-Q4.xlsx › Stammdaten › B2" in briefing.stderr
    export = run("export", str(nordhafen), "--lang", "en", "--out", str(tmp_path / "export"))
    assert export.exit_code == 1
    assert "belongs to" in export.stderr


def test_one_id_for_two_names_in_its_first_quarter_leaves_both_out(make_workbook, tmp_path, catalog):
    make_workbook("a.xlsx", facts=facts("Alpha AG", "KA-9", "2026-Q3"))
    make_workbook("b.xlsx", facts=facts("Beta AG", "KA-9", "2026-Q3"))
    workload = prepare([tmp_path], catalog)
    assert workload.analyses == []
    messages = [p.render("en") for f in workload.files for p in f.errors]
    assert len(messages) == 2
    assert all("stands for two accounts in its first quarter 2026-Q3" in m for m in messages)


def test_a_declared_rename_joins_the_histories_without_an_id(make_workbook, tmp_path, catalog):
    make_workbook("old.xlsx", lang="de", facts=facts("Alt & Co. KG", None, "2026-Q2"))
    make_workbook("new.xlsx", lang="de", facts=facts("Neu  GmbH", None, "2026-Q3", former="ALT & Co. KG"))
    workload = prepare([tmp_path], catalog)
    assert all(f.ok for f in workload.files)
    (history,) = workload.histories.values()
    assert [a.assessment.account.name for a in history.analyses] == ["Alt & Co. KG", "Neu  GmbH"]


def test_a_declared_rename_keeps_the_id_and_its_history(nordhafen, make_workbook, catalog):
    make_workbook(
        "renamed_2026-Q4.xlsx",
        lang="de",
        facts=facts("Nordhafen Logistics SE", "KA-2210", former="nordhafen   logistik ag"),
    )
    result = run("validate", str(nordhafen), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    workload = prepare([nordhafen], catalog)
    (history,) = workload.histories.values()
    assert [a.assessment.account.name for a in history.analyses][-1] == "Nordhafen Logistics SE"
    assert len(history.analyses) == 3


def test_a_quarter_without_the_id_stays_in_the_history_of_the_id_its_name_carries(
    make_workbook, tmp_path, catalog
):
    """Regression: one workbook without its Account-ID split the account's history in two, silently."""
    make_workbook("q2.xlsx", lang="de", facts=facts("Delta AG", None, "2026-Q2"))
    make_workbook("q3.xlsx", lang="de", facts=facts("Delta AG", "KA-4", "2026-Q3"))
    (history,) = prepare([tmp_path], catalog).histories.values()
    assert [str(a.assessment.period) for a in history.analyses] == ["2026-Q2", "2026-Q3"]


def test_a_rename_with_an_id_joins_the_old_name_without_one(make_workbook, tmp_path, catalog):
    make_workbook("q2.xlsx", lang="de", facts=facts("Delta AG", None, "2026-Q2"))
    make_workbook("q3.xlsx", lang="de", facts=facts("Delta Neu AG", "KA-4", "2026-Q3", former="Delta AG"))
    (history,) = prepare([tmp_path], catalog).histories.values()
    assert [a.assessment.account.name for a in history.analyses] == ["Delta AG", "Delta Neu AG"]


def test_a_name_without_an_id_stays_apart_when_two_ids_carry_it(make_workbook, tmp_path, catalog):
    make_workbook("a.xlsx", lang="de", facts=facts("Gamma AG", "KA-1", "2026-Q2"))
    make_workbook("b.xlsx", lang="de", facts=facts("Gamma AG", "KA-2", "2026-Q3"))
    make_workbook("c.xlsx", lang="de", facts=facts("Gamma AG", None, "2026-Q4"))
    assert len(prepare([tmp_path], catalog).histories) == 3


def test_the_same_name_with_two_ids_is_a_warning(make_workbook, tmp_path, catalog):
    make_workbook("q2.xlsx", lang="de", facts=facts("Gamma AG", "KA-1", "2026-Q2"))
    make_workbook("q3.xlsx", lang="de", facts=facts("gamma ag", "KA-2", "2026-Q3"))
    result = run("validate", str(tmp_path), "--lang", "de")
    assert result.exit_code == 0
    text = result.stderr.replace(str(tmp_path) + "/", "")
    assert (
        "! q3.xlsx › Stammdaten › B2: „gamma ag“ hat hier die Account-ID KA-2 und KA-1 in q2.xlsx › " in text
    )
    assert len(prepare([tmp_path], catalog).histories) == 2


def test_a_reused_id_in_a_csv_export_names_the_cell_as_a_spreadsheet_shows_it(
    make_csv, make_workbook, catalog
):
    make_workbook("owner.xlsx", facts=facts("Delta GmbH", "KA-5", "2026-Q2"))
    header = ["Account-ID", "Kunde", "Periode", "Faktor-ID", "Lieferant", "Key Account"]
    rows = [header] + [["KA-5", "Epsilon AG", "2026-Q3", f.id, 3, 3] for f in catalog.factors]
    path = make_csv(rows, delimiter=";")
    workload = prepare([path.parent], catalog)
    (error,) = [p for f in workload.files for p in f.errors]
    assert error.place.cell == "A2"
    assert '"Epsilon AG" (B2)' in error.render("en")


def test_an_account_id_written_in_other_case_is_the_same_account(nordhafen, make_workbook, catalog):
    """Regression: ``ka-2210`` beside ``KA-2210`` split Nordhafen's history in two, with a warning that
    one name had two IDs, though ``--account ka-2210`` and the CSV reader already took them for one."""
    make_workbook("nordhafen_2026-Q4.xlsx", lang="de", facts=facts("Nordhafen Logistik AG", " ka-2210"))
    workload = prepare([nordhafen], catalog)
    assert [p.render("en") for f in workload.files for p in f.problems] == []
    (history,) = workload.histories.values()
    assert [str(a.assessment.period) for a in history.analyses] == ["2026-Q2", "2026-Q3", "2026-Q4"]


def test_an_account_id_in_other_case_under_another_name_is_a_reused_id(nordhafen, make_workbook):
    """Regression: ``ka-2210`` for another account was kept as a separate account, silently."""
    make_workbook("zeppelin_2026-Q4.xlsx", lang="en", facts=facts("Zeppelin Süd GmbH", "ka-2210"))
    result = run("validate", str(nordhafen), "--lang", "en")
    assert result.exit_code == 1
    assert 'The Account-ID ka-2210 belongs to "Nordhafen Logistik AG"' in result.stderr


def rated(name, rater, account_id=None, period="2026-Q3"):
    """Account facts of one rater's workbook: name, id, period, manager, rater."""
    return [name, account_id, period, None, rater]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hofmann Landtechnik GmbH & Co. KG", "Hofmann Landtechnik GmbH & Co KG"),
        ("Hofmann Landtechnik GmbH & Co. KG", "HOFMANN Landtechnik Gmbh&Co.KG"),
        ("Meridian Aerotech Inc.", "Meridian Aerotech, Inc"),
        ("Calloway Foods Ltd.", "Calloway Foods Limited"),
        ("Kessler & Söhne Baustoffe AG", "Kessler + Söhne Baustoffe Aktiengesellschaft"),
    ],
)
def test_names_that_differ_in_legal_form_spelling_punctuation_or_case_are_one_account(
    make_workbook, tmp_path, catalog, first, second
):
    """Regression: "… GmbH & Co. KG" and "… GmbH & Co KG" in one quarter became two accounts with one rater
    each, and validate said nothing."""
    make_workbook("a.xlsx", lang="de", facts=rated(first, "Anja Groß"))
    make_workbook("b.xlsx", lang="de", facts=rated(second, "Tom Berg"))
    workload = prepare([tmp_path], catalog)
    assert [p.render("en") for f in workload.files for p in f.problems] == []
    (analysis,) = workload.analyses
    assert analysis.assessment.account.name == first  # the first spelling is shown
    assert [r.name for r in analysis.assessment.raters] == ["Anja Groß", "Tom Berg"]


def test_a_name_spelled_otherwise_in_another_quarter_keeps_the_history(make_workbook, tmp_path, catalog):
    make_workbook(
        "q2.xlsx", lang="de", facts=rated("Hofmann Landtechnik GmbH & Co. KG", "Anja Groß", period="2026-Q2")
    )
    make_workbook("q3.xlsx", lang="de", facts=rated("Hofmann Landtechnik GmbH & Co KG", "Anja Groß"))
    workload = prepare([tmp_path], catalog)
    (history,) = workload.histories.values()
    assert [a.assessment.account.name for a in history.analyses] == [
        "Hofmann Landtechnik GmbH & Co. KG",
        "Hofmann Landtechnik GmbH & Co KG",
    ]
    assert [p.render("en") for f in workload.files for p in f.problems] == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "! b.xlsx › Stammdaten › B1: „Hofman Landtechnik GmbH & Co. KG“ hier und „Hofmann Landtechnik GmbH & "
            "Co. KG“ in a.xlsx › Stammdaten › B1 heißen fast gleich, werden aber als zwei Accounts getrennt "
            "geführt. Ist es ein Account, schreiben Sie den Namen in beiden Dateien gleich oder geben Sie beiden "
            "dieselbe Account-ID; sind es zwei, geben Sie jedem eine eigene Account-ID, dann entfällt diese "
            "Warnung.",
        ),
        (
            "en",
            '! b.xlsx › Account › B1: "Hofman Landtechnik GmbH & Co. KG" here and "Hofmann Landtechnik GmbH & '
            'Co. KG" in a.xlsx › Account › B1 have nearly the same name, but are kept apart as two accounts. If '
            "they are one account, write its name alike in both files, or give both the same Account-ID; if "
            "they are two, give each its own Account-ID and this warning goes away.",
        ),
    ],
)
def test_names_merely_close_stay_two_accounts_with_a_warning_that_validate_reports(
    make_workbook, tmp_path, lang, expected
):
    make_workbook("a.xlsx", lang=lang, facts=rated("Hofmann Landtechnik GmbH & Co. KG", "Anja Groß"))
    make_workbook("b.xlsx", lang=lang, facts=rated("Hofman Landtechnik GmbH & Co. KG", "Tom Berg"))
    result = run("validate", str(tmp_path), "--lang", lang)
    assert result.exit_code == 0  # a warning: both are read, and the user decides
    assert expected in result.stderr.replace(str(tmp_path) + "/", "").splitlines()


@pytest.mark.parametrize(
    ("first", "second", "warned"),
    [
        # one typo in a long name: close
        ("Hofmann Landtechnik GmbH & Co. KG", "Hofman Landtechnik GmbH & Co. KG", True),
        ("Schmidt Logistik GmbH", "Schmitt Logistik GmbH", True),
        # the legal form left out, or another one: perhaps one company
        ("Nordhafen Logistik AG", "Nordhafen Logistik", True),
        ("Hofmann AG", "Hofmann GmbH", True),
        ("Meier Logistik AG", "Maier Logistik AG", True),
        # one edit takes 12 characters without the legal form: "lange metall" is 12, "lang metall" 11
        ("Lange Metall AG", "Lenge Metall AG", True),
        ("Lang Metall AG", "Lung Metall AG", False),
        # short names one letter apart, and names that share only generic words: two companies
        ("Müller Bau GmbH", "Möller Bau GmbH", False),
        ("Alpha Logistik AG", "Beta Logistik AG", False),
        ("Nord Logistik GmbH", "Süd Logistik GmbH", False),
    ],
)
def test_only_names_nearly_alike_are_warned_of(make_workbook, tmp_path, catalog, first, second, warned):
    make_workbook("a.xlsx", facts=rated(first, "Anja Groß"))
    make_workbook("b.xlsx", facts=rated(second, "Tom Berg"))
    workload = prepare([tmp_path], catalog)
    assert len(workload.analyses) == 2
    said = [p.render("en") for f in workload.files for p in f.problems]
    assert len(said) == warned
    assert not workload.files[0].problems  # on the later account's file only


def test_names_nearly_alike_with_an_account_id_each_are_not_warned_of(make_workbook, tmp_path, catalog):
    make_workbook("a.xlsx", facts=rated("Hofmann Landtechnik GmbH", "Anja Groß", "KA-1"))
    make_workbook("b.xlsx", facts=rated("Hofman Landtechnik GmbH", "Tom Berg", "KA-2"))
    workload = prepare([tmp_path], catalog)
    assert [p.render("en") for f in workload.files for p in f.problems] == []
    make_workbook("c.xlsx", facts=rated("Hofmann Landtechnik", "Eva Ost"))  # without one: warned of
    workload = prepare([tmp_path], catalog)
    warnings = [p for f in workload.files for p in f.problems]
    assert [w.place.file.name for w in warnings] == ["c.xlsx", "c.xlsx"]  # close to either
    assert ["a.xlsx › Account › B1" in w.render("en") for w in warnings] == [True, False]


def test_names_nearly_alike_across_quarters_are_warned_of_once(make_workbook, tmp_path, catalog):
    for period in ("2026-Q1", "2026-Q2", "2026-Q3"):
        make_workbook(
            f"right_{period}.xlsx", facts=rated("Hofmann Landtechnik GmbH", "Anja Groß", period=period)
        )
    make_workbook("typo_2026-Q2.xlsx", facts=rated("Hofman Landtechnik GmbH", "Tom Berg", period="2026-Q2"))
    workload = prepare([tmp_path], catalog)
    (warning,) = [p for f in workload.files for p in f.problems]
    assert warning.place.file.name == "typo_2026-Q2.xlsx"
    # the other account's file of the same quarter
    assert '"Hofmann Landtechnik GmbH" in ' in warning.render("en")
    assert "right_2026-Q2.xlsx › Account › B1 have nearly" in warning.render("en")
