"""Which assessments are one account: a reused Account-ID is an error, a declared rename joins the
histories, the same name under two IDs is a warning – in validate and in every rendering command."""

from __future__ import annotations

import functools
import re
import shutil
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reportgen.analysis.all_accounts import prepare
from reportgen.common.problems import Place, Severity
from reportgen.model.assessment import AccountFacts, Assessment, FactPlaces, Period, identity_key
from reportgen.reading.accounts import default_history_key, identify
from tests.conftest import run

ROOT = Path(__file__).resolve().parents[2]
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
        ("Hofmann Landtechnik GmbH & Co. KG", "Hofman Landtechnik GmbH & Co. KG", True),
        ("Müller Bau GmbH", "Möller Bau GmbH", False),
    ],
)
def test_a_file_read_with_a_name_nearly_alike_another_accounts_is_warned_of(
    make_workbook, tmp_path, catalog, first, second, warned
):
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


# --- The rules on assessments as the readers give them (fast: no workbook is written) ---------------------


def filed(file, name, account_id=None, period="2026-Q3", former=None):
    """An assessment as a workbook's Account sheet gives it: the name in B1, the Account-ID in B2, the
    former name in B11."""
    path = Path(file)
    return Assessment(
        AccountFacts(name, account_id, former_name=former),
        Period.parse(period),
        (),
        source=path,
        places=FactPlaces(
            Place(path, "Account", "B1"),
            Place(path, "Account", "B2") if account_id else None,
            Place(path, "Account", "B11") if former else None,
        ),
    )


def said(identified):
    """Each problem as users read it (in English), with whether it is an error."""
    return [(p.problem.render("en"), p.problem.severity is Severity.ERROR) for p in identified.problems]


def histories(identified):
    """The files of each account's history, in the order given; a file left out is in none."""
    found: dict[str, list[str]] = {}
    for assessment in identified.kept:
        if assessment is not None:
            found.setdefault(assessment.history_key, []).append(assessment.source.name)
    return sorted(found.values())


def taken(file, account_id, owner, owner_file, since, name):
    return (
        f'{file} › Account › B2: The Account-ID {account_id} belongs to "{owner}" ({owner_file} › Account › B1) '
        f'since {since}, but this file gives it to "{name}" (B1). This assessment is left out, so that neither '
        f"account takes over the other's history. Correct the Account-ID. If the account has been renamed, "
        f'enter its old name "{owner}" as "Former name" in this file.',
        True,
    )


def test_a_former_name_the_id_never_carried_does_not_open_the_id_to_another_account():
    identified = identify([
        filed("a.xlsx", "Nordhafen Logistik AG", "KA-1", "2026-Q2"),
        filed("b.xlsx", "Zeppelin Süd GmbH", "KA-1", former="Zeppelin Nord GmbH"),
    ])  # fmt: skip
    assert said(identified) == [
        taken("b.xlsx", "KA-1", "Nordhafen Logistik AG", "a.xlsx", "2026-Q2", "Zeppelin Süd GmbH")
    ]
    assert histories(identified) == [["a.xlsx"]]


def test_the_quarters_after_a_rename_keep_the_new_name_without_declaring_it_again():
    identified = identify([
        filed("q2.xlsx", "Nordhafen Logistik AG", "KA-1", "2026-Q2"),
        filed("q3.xlsx", "Nordhafen Logistics SE", "KA-1", "2026-Q3", former="Nordhafen Logistik AG"),
        filed("q4.xlsx", "Nordhafen Logistics SE", "KA-1", "2026-Q4"),
        filed("q5.xlsx", "Nordhafen Group SE", "KA-1", "2027-Q1", former="nordhafen logistics se"),
    ])  # fmt: skip
    assert said(identified) == []
    assert histories(identified) == [["q2.xlsx", "q3.xlsx", "q4.xlsx", "q5.xlsx"]]


def test_after_a_rename_another_name_under_the_id_is_still_refused():
    identified = identify([
        filed("q2.xlsx", "Nordhafen Logistik AG", "KA-1", "2026-Q2"),
        filed("q3.xlsx", "Nordhafen Logistics SE", "KA-1", "2026-Q3", former="Nordhafen Logistik AG"),
        filed("q4.xlsx", "Zeppelin Süd GmbH", "KA-1", "2026-Q4"),
    ])  # fmt: skip
    assert said(identified) == [
        taken("q4.xlsx", "KA-1", "Nordhafen Logistik AG", "q2.xlsx", "2026-Q2", "Zeppelin Süd GmbH")
    ]
    assert histories(identified) == [["q2.xlsx", "q3.xlsx"]]


def test_a_refused_rivals_file_without_the_id_does_not_join_the_owners_history():
    """The refused file's name must not lend the ID to its other quarters: Zeppelin's Q4 file would join
    Nordhafen's history."""
    identified = identify([
        filed("nordhafen.xlsx", "Nordhafen Logistik AG", "KA-1", "2026-Q2"),
        filed("zeppelin_q3.xlsx", "Zeppelin Süd GmbH", "KA-1", "2026-Q3"),
        filed("zeppelin_q4.xlsx", "Zeppelin Süd GmbH", None, "2026-Q4"),
    ])  # fmt: skip
    assert [error for _, error in said(identified)] == [True]
    assert histories(identified) == [["nordhafen.xlsx"], ["zeppelin_q4.xlsx"]]


def test_an_id_shared_in_its_first_quarter_names_the_other_account_in_each_file():
    identified = identify([
        filed("a.xlsx", "Alpha AG", "KA-9"),
        filed("b.xlsx", "Beta AG", "KA-9"),
        filed("c.xlsx", "Alpha AG", "KA-9", "2026-Q4"),
    ])  # fmt: skip
    assert histories(identified) == []
    shared = (
        'The Account-ID KA-9 stands for two accounts in its first quarter 2026-Q3: "{}" here (B1) and "{}" in '
        "{} › Account › B1. Every assessment with this ID is left out until it is clear whose it is. Give each "
        "account its own Account-ID, or write the name alike if it is one account."
    )
    assert said(identified) == [
        ("a.xlsx › Account › B2: " + shared.format("Alpha AG", "Beta AG", "b.xlsx"), True),
        ("b.xlsx › Account › B2: " + shared.format("Beta AG", "Alpha AG", "a.xlsx"), True),
        ("c.xlsx › Account › B2: " + shared.format("Alpha AG", "Beta AG", "b.xlsx"), True),
    ]


def test_which_file_owns_an_id_does_not_depend_on_the_order_the_files_are_read_in():
    """Files of one quarter are taken in the order of their paths, whatever order the folders were given
    in: the same run always names the same files."""
    files = [filed(name, account, "KA-9") for name, account in
             (("a.xlsx", "Alpha AG"), ("b.xlsx", "Beta AG"), ("c.xlsx", "Gamma AG"))]  # fmt: skip
    for order in (files, files[::-1]):
        said_by = {p.assessment.source.name: p.problem.render("en") for p in identify(order).problems}
        named = {
            file: re.search(r'and "([^"]+)" in (\S+) ›', text).groups() for file, text in said_by.items()
        }
        # the owner's name (first by path) names the first rival; each rival names the owner
        assert named == {
            "a.xlsx": ("Beta AG", "b.xlsx"),
            "b.xlsx": ("Alpha AG", "a.xlsx"),
            "c.xlsx": ("Alpha AG", "a.xlsx"),
        }


def test_the_same_name_under_two_ids_is_a_warning_and_both_files_are_kept():
    identified = identify([
        filed("q2.xlsx", "Gamma AG", "KA-1", "2026-Q2"),
        filed("q3.xlsx", "gamma ag", "KA-2", "2026-Q3"),
    ])  # fmt: skip
    assert said(identified) == [
        (
            'q3.xlsx › Account › B2: "gamma ag" has the Account-ID KA-2 here and KA-1 in q2.xlsx › Account › B2; '
            "they are kept apart as two accounts. If it is one account, give it the same Account-ID in every file.",
            False,
        )
    ]
    assert histories(identified) == [["q2.xlsx"], ["q3.xlsx"]]


def test_an_assessment_on_its_own_is_the_account_of_its_id_else_of_its_name():
    by_id = default_history_key(filed("a.xlsx", "Alpha AG", "KA-1"))
    assert by_id == default_history_key(filed("b.xlsx", "Beta AG", " ka-1"))
    assert by_id != default_history_key(filed("c.xlsx", "Alpha AG"))
    by_name = default_history_key(filed("d.xlsx", "Alt & Co. KG"))
    assert by_name == default_history_key(filed("e.xlsx", "ALT  & Co KG"))
    assert by_name != default_history_key(filed("f.xlsx", "Neu & Co. KG"))


def nearly_alike_warnings(*names, periods=None):
    """The warnings of names nearly alike, each as (warned file, the file it names), for one file per name
    (1.xlsx, 2.xlsx …), without Account-IDs, in one quarter unless *periods* says otherwise."""
    periods = periods or ["2026-Q3"] * len(names)
    files = [
        filed(f"{n}.xlsx", name, period=p) for n, (name, p) in enumerate(zip(names, periods, strict=True), 1)
    ]
    identified = identify(files)
    assert all(not error for _, error in said(identified))  # warnings: every file is read
    assert all(k is not None for k in identified.kept)
    return [
        (
            p.assessment.source.name,
            re.search(r"in (\d\.xlsx) › Account › B1 have nearly", p.problem.render("en"))[1],
        )
        for p in identified.problems
    ]


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
        # one edit per 12 characters without the legal form: 23 characters allow one, 24 allow two
        ("Hofmann Landtechnik Nord", "Hofmann Landtechnik Nrd", True),
        ("Hofmann Landtechnik Nord", "Hofmann Landtechnik Nrt", False),  # two edits; the shorter name decides
        ("Hofmann Landtechnik Nrt", "Hofmann Landtechnik Nord", False),
        ("Hofmann Landtechnik Nord", "Hofmamn Landtechnik Nort", True),
        # two letters swapped are two edits: too many for 12 characters
        ("Lange Metall AG", "Lagne Metall AG", False),
        ("Lange Metallbau Nordhafen AG", "Lagne Metallbau Nordhafen AG", True),
        # a letter dropped at the start or the end is one edit
        ("Lange Metall AG", "ange Metall AG", False),  # 11 characters left: none allowed
        ("Langer Metall AG", "anger Metall AG", True),
        ("Langer Metall AG", "Langer Metal AG", True),
        # ... but one dropped at the start and one added at the end are two
        ("Langer Metall AG", "anger Metallx AG", False),
        # at most two edits, however long the names: 37 characters would allow three
        ("Hofmann Landtechnik Nord Ostfriesland", "Hofmamn Landtechnik Nort Ostfrieslant", False),
        ("Hofmann Landtechnik Nord Ostfriesland", "Hofmamn Landtechnik Nort Ostfriesland", True),
        # names that are only a legal form are no name to compare
        ("GmbH", "AG", False),
    ],
)
def test_names_are_nearly_alike_within_one_edit_per_twelve_characters_and_at_most_two(first, second, warned):
    assert nearly_alike_warnings(first, second) == ([("2.xlsx", "1.xlsx")] if warned else [])


def test_a_nearly_alike_name_of_another_quarter_names_that_accounts_first_file():
    assert nearly_alike_warnings(
        "Hofmann Landtechnik GmbH", "Hofmann Landtechnik GmbH", "Hofman Landtechnik GmbH",
        periods=["2026-Q1", "2026-Q2", "2026-Q3"],
    ) == [("3.xlsx", "1.xlsx")]  # fmt: skip


def test_names_nearly_alike_are_warned_of_in_reading_order():
    """The later file is warned of each earlier one, the earliest first, whatever their names (five legal
    forms of one name, and a typo of it: each file is nearly alike every earlier one)."""
    names = ["Hofmann Landtechnik GmbH", "Hofmann Landtechnik AG", "Hofmann Landtechnik KG",
             "Hofmann Landtechnik SE", "Hofmann Landtechnik", "Hofman Landtechnik"]  # fmt: skip
    assert nearly_alike_warnings(*names) == [
        (f"{later}.xlsx", f"{earlier}.xlsx") for later in range(2, 7) for earlier in range(1, later)
    ]


def test_names_that_are_merely_similar_do_not_hide_a_later_pair_nearly_alike():
    assert nearly_alike_warnings(
        "Lange Metall AG", "Lagne Metall AG", "Hofmann Landtechnik GmbH", "Hofman Landtechnik GmbH"
    ) == [("4.xlsx", "3.xlsx")]


def test_a_name_under_two_ids_does_not_hide_a_later_pair_nearly_alike():
    identified = identify([
        filed("1.xlsx", "Gamma AG", "KA-1", "2026-Q2"),
        filed("2.xlsx", "Gamma AG", "KA-2", "2026-Q3"),
        filed("3.xlsx", "Gamma AG", None, "2026-Q4"),
        filed("4.xlsx", "Hofmann Landtechnik GmbH", None, "2026-Q4"),
        filed("5.xlsx", "Hofman Landtechnik GmbH", None, "2026-Q4"),
    ])  # fmt: skip
    assert [(p.assessment.source.name, p.problem.severity) for p in identified.problems] == [
        ("2.xlsx", Severity.WARNING),  # the name with two IDs
        ("5.xlsx", Severity.WARNING),  # nearly alike
    ]
    assert histories(identified) == [["1.xlsx"], ["2.xlsx"], ["3.xlsx"], ["4.xlsx"], ["5.xlsx"]]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein's distance, written out as the textbook recursion (memoised)."""

    @functools.cache
    def d(i: int, j: int) -> int:
        if not i or not j:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


@st.composite
def name_pairs(draw):
    """A company name, and another made of it by up to three random edits; letters only, so that no word
    is a legal form, with a legal form of their own (or none)."""
    base = draw(st.text("xyzw", min_size=8, max_size=40))
    other = base
    for kind, position, letter in draw(st.lists(st.tuples(st.sampled_from("idr"), st.integers(0, 40), st.sampled_from("xyzw")), max_size=3)):  # fmt: skip
        at = position % (len(other) + (kind == "i"))
        other = other[:at] + (letter if kind != "d" else "") + other[at + (kind != "i") :]
    forms = st.sampled_from(["", " GmbH", " AG"])
    return base, base + draw(forms), other, other + draw(forms)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(name_pairs())
def test_two_names_are_warned_of_exactly_when_within_their_edits(pair):
    core_a, first, core_b, second = pair
    assume(core_b)
    shorter = min(len(core_a), len(core_b))
    two_names = core_a != core_b or first.lower() != second.lower()  # else one account: nothing to warn of
    expected = two_names and edit_distance(core_a, core_b) <= min(2, shorter // 12)
    assert nearly_alike_warnings(first, second) == ([("2.xlsx", "1.xlsx")] if expected else [])


POOL_NAMES = ["Alpha AG", "alpha  ag", "Alpha GmbH", "Beta GmbH", "Gamma KG"]
POOL_IDS = [None, "KA-1", "ka-1 ", "KA-2", "KA-3"]


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(POOL_NAMES),
            st.sampled_from(POOL_IDS),
            st.sampled_from(["2026-Q1", "2026-Q2", "2026-Q3"]),
            st.sampled_from([None, *POOL_NAMES]),
        ),
        max_size=8,
    )
)
def test_identity_never_merges_two_files_whose_account_ids_differ(rows):
    files = [
        filed(f"{n}.xlsx", name, account_id, period, former)
        for n, (name, account_id, period, former) in enumerate(rows)
    ]
    kept = [a for a in identify(files).kept if a is not None]
    for a, b in combinations(kept, 2):
        if a.account.account_id and b.account.account_id:
            same_id = identity_key(a.account.account_id) == identity_key(b.account.account_id)
            assert (a.history_key == b.history_key) == same_id
