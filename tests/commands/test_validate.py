"""`reportgen validate`: errors apart from warnings, a one-line summary, exit codes as for batch runs."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
import yaml
from openpyxl import load_workbook

from reportgen.common.resources import DEFAULT_CATALOG
from tests.conftest import run


def test_a_folder_with_good_broken_and_duplicate_workbooks(tmp_path, make_workbook, catalog):
    make_workbook("good.xlsx", lang="de")
    copy = make_workbook("copy.xlsx", lang="de")  # the same account, period and rater again, older
    os.utime(copy, (datetime(2026, 9, 16, 8).timestamp(),) * 2)
    n = len(catalog.factors)
    make_workbook("broken.xlsx", lang="de", supplier=["viel"] + [4] * (n - 1))
    make_workbook("future.xlsx", lang="de", facts=["Beta AG", "KA-2", "2031-Q1"])
    make_workbook(
        "sparse.xlsx", lang="de", facts=["Gamma AG", "KA-3", "2026-Q3"], supplier=[4] * 5 + [None] * (n - 5)
    )
    result = run("validate", str(tmp_path), "--lang", "de")
    lines = result.stderr.replace(str(tmp_path) + "/", "").splitlines()
    assert result.exit_code == 1
    assert lines[-1] == "5 Dateien geprüft: 1 in Ordnung, 2 nur mit Warnungen, 2 mit Fehlern."
    assert "✗ broken.xlsx › Bewertung › C2: „viel“ ist keine Zahl." in result.stderr.replace(
        str(tmp_path) + "/", ""
    )
    text = "\n".join(lines)
    # the same rater twice: an error of the older file, shown beside the account and its raters
    at = lines.index("Acme Präzision GmbH für 2026-Q3: 1 Bewerter. Unsere Sicht: Anja Groß.")
    assert lines[at + 1].startswith(
        "✗ copy.xlsx: Anja Groß hat Acme Präzision GmbH für 2026-Q3 aus derselben Sicht auch in good.xlsx "
        "bewertet, einer neueren Datei (dort gespeichert am "
    )
    assert "! future.xlsx: Beta AG: Die Periode 2031-Q1 hat noch nicht begonnen." in text
    assert "! sparse.xlsx › Bewertung: Nur 5 von 16 Faktoren sind auf beiden Seiten bewertet" in text


def test_all_fine_exits_0_and_all_broken_exits_2(tmp_path, make_workbook):
    make_workbook("good.xlsx")
    fine = run("validate", str(tmp_path), "--lang", "en")
    assert fine.exit_code == 0
    assert fine.stderr.strip() == "1 file checked: 1 fine, 0 with warnings only, 0 with errors."
    (tmp_path / "good.xlsx").write_bytes(b"not a workbook")
    assert run("validate", str(tmp_path), "--lang", "en").exit_code == 2
    assert run("validate", str(tmp_path / "nothing-here"), "--lang", "en").exit_code == 2


def test_validate_with_only_criteria_checks_the_catalog(tmp_path):
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["factors"][0]["title"].pop("en")
    mine = tmp_path / "my-catalog.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", "--criteria", str(mine), "--lang", "en")
    assert result.exit_code == 0
    assert "factors[1] (early-involvement).title has no English text" in result.stderr
    assert result.stderr.strip().endswith("1 catalog checked: 1 warning.")
    data["factors"][0]["weight"] = -1
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    broken = run("validate", "--criteria", str(mine), "--lang", "en")
    assert broken.exit_code == 2
    assert "factors[1] (early-involvement).weight" in broken.stderr
    assert run("validate", "--lang", "en").exit_code == 2


def test_validate_warns_of_a_coaching_question_whose_kind_reports_do_not_know(tmp_path):
    """A misspelt kind made a question go unanswered without a word."""
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["coaching_questions"][2]["kind"] = "scale-back"
    mine = tmp_path / "my-catalog.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", "--criteria", str(mine), "--lang", "de")
    assert result.exit_code == 0
    assert (
        "coaching_questions[3].kind „scale-back“ ist keine Antwort, die die Berichte kennen; die Frage bleibt "
        "unbeantwortet. Verwenden Sie eine von over_investment, lean_or_strategic, scale_back, oder lassen Sie "
        "kind weg für eine Frage zum Nachdenken."
    ) in result.stderr


def test_validate_warns_of_the_untranslated_factor(filled, custom):
    result = run("validate", str(filled.parent), "--criteria", str(custom), "--lang", "en")
    assert result.exit_code == 0
    assert "factors[16] (joint-sustainability).title has no English text" in result.stderr
    assert "1 file checked: 1 fine" in result.stderr


def test_a_workbook_of_another_catalog_is_explained_factor_by_factor(make_workbook, custom):
    path = make_workbook("old.xlsx", lang="en")  # made for efkam-partnership: has "exclusivity"
    workbook = load_workbook(path)
    workbook["Account"].append(["Catalog", "efkam-partnership v1.0"])
    workbook.save(path)
    result = run("validate", str(path), "--criteria", str(custom), "--lang", "en")
    text = result.stderr.replace(str(path.parent) + "/", "")
    assert result.exit_code == 2
    assert (
        'The workbook was made for the catalog "efkam-partnership v1.0", but it is read with "our-partnership v2.0"'
        in text
    )
    assert '"exclusivity" is not a factor of the catalog our-partnership v2.0.' in text
    assert '1 factor of the catalog has no row and counts as not rated: "Nachhaltigkeit [DE]".' in text


def rater_facts(name: str | None, role: str | None, view: str = "Lieferant") -> list:
    """The account facts of one rater's workbook: the same account and period, its rater, role and view."""
    return ["Acme Präzision GmbH", "KA-1", "2026-Q3", "Jürgen Weiß", name, date(2026, 9, 15), 1_250_000, "EUR",
            None, None, None, role, view]  # fmt: skip


@pytest.fixture
def several(tmp_path, make_workbook):
    """Acme for 2026-Q3 from three raters of our team and the key account's own questionnaire; Selin's
    second file, an older copy, counts her twice."""
    make_workbook("acme_1.xlsx", lang="de", facts=rater_facts("Anja Groß", "Key Account Manager"))
    make_workbook("acme_2.xlsx", lang="de", facts=rater_facts("Selin Aydın", "Service"))
    make_workbook("acme_3.xlsx", lang="de", facts=rater_facts(None, None))
    make_workbook("acme_4.xlsx", lang="de", facts=rater_facts("Dr. Olsen", "Einkauf", "Key Account"))
    stale = make_workbook("acme_5.xlsx", lang="de", facts=rater_facts("Selin Aydın", "Service"))
    os.utime(stale, (datetime(2026, 9, 16, 8).timestamp(),) * 2)
    make_workbook("beta.xlsx", lang="de", facts=["Beta AG", "KA-2", "2026-Q3"])
    gamma = [
        "Gamma AG",
        "KA-3",
        "2026-Q3",
        None,
        "Dr. Olsen",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "Key Account",
    ]
    make_workbook("gamma.xlsx", lang="de", facts=gamma)  # the key account's questionnaire alone
    return tmp_path


@pytest.mark.parametrize(
    ("lang", "voices", "conflict"),
    [
        (
            "de",
            "Acme Präzision GmbH für 2026-Q3: 4 Bewerter. Unsere Sicht: Anja Groß (Key Account Manager); "
            "Selin Aydın (Service); acme_3.xlsx (ohne Namen). Die Sicht des Key Accounts: Dr. Olsen (Einkauf).",
            "✗ acme_5.xlsx: Selin Aydın hat Acme Präzision GmbH für 2026-Q3 aus derselben Sicht auch in "
            "acme_2.xlsx bewertet, einer neueren Datei (dort gespeichert am ",
        ),
        (
            "en",
            "Acme Präzision GmbH for 2026-Q3: 4 raters. Our view: Anja Groß (Key Account Manager); "
            "Selin Aydın (Service); acme_3.xlsx (no name given). The key account's view: Dr. Olsen (Einkauf).",
            "✗ acme_5.xlsx: Selin Aydın rated Acme Präzision GmbH for 2026-Q3 from the same view in acme_2.xlsx "
            "too, which is newer (saved on ",
        ),
    ],
)
def test_validate_lists_each_accounts_raters_by_view_with_its_conflicts_beside_it(
    several, lang, voices, conflict
):
    result = run("validate", str(several), "--lang", lang)
    lines = result.stderr.replace(str(several) + "/", "").splitlines()
    assert result.exit_code == 1
    at = lines.index(voices)
    assert lines[at + 1].startswith(conflict)
    assert len(lines) == at + 3  # then the summary; the conflict is not listed twice
    assert not any("Beta AG" in line for line in lines)  # one rater without a conflict: as before
    assert lines[0].startswith("✗ gamma.xlsx: Gamma AG")  # a problem of no account gathered: as before


def test_validate_names_each_bad_cell_of_the_actions_sheet_and_the_ratings_still_count(
    make_workbook, catalog
):
    from reportgen.reading import read_file
    from tests.conftest import sheets_for, with_actions

    rows = [
        ["Frühe Einbindung", "Workshop", "Anja Groß", "31.13.2026", "", ""],
        ["Preisgespräche", "Preisrunde", "", "", "erledigt", ""],
        ["", "Jahresgespräch", "", "", "in Arbeit", "ja"],
        ["", "Werksbesuch", "", "2026-10-01", "offen", "ja"],
    ]
    path = make_workbook("acme.xlsx", sheets=with_actions(sheets_for(catalog, lang="de"), rows, lang="de"))
    result = run("validate", str(path), "--lang", "de")
    said = result.stderr.replace(str(path.parent) + "/", "")
    assert result.exit_code == 0  # warnings only
    assert "! acme.xlsx › Maßnahmen › D2: „31.13.2026“ ist kein Datum" in said
    assert "! acme.xlsx › Maßnahmen › A3: „Preisgespräche“ ist kein Faktor des Katalogs" in said
    assert "! acme.xlsx › Maßnahmen › E4: „in Arbeit“ ist kein Status einer Maßnahme" in said
    assert said.splitlines()[-1] == "1 Datei geprüft: 0 in Ordnung, 1 nur mit Warnungen, 0 mit Fehlern."
    (assessment,) = read_file(path, catalog).assessments  # the ratings count; one good action is kept
    assert len(assessment.ratings) == len(catalog.factors)
    assert [action.text for action in assessment.actions] == ["Werksbesuch"]


# What serving an account takes and returns: each bad value named at its cell, in both languages.

SERVICE_CASES = {
    # file: (label, value, the line validate writes, in English and German)
    "hours.xlsx": ("Account effort (hours/year)", -5, '✗ hours.xlsx › {sheet} › B9: "-5": the hours',
                   "✗ hours.xlsx › {sheet} › B9: „-5“: Der Betreuungsaufwand"),
    "cost.xlsx": ("Other cost to serve (per year)", "zwölftausend", '✗ cost.xlsx › {sheet} › B9: "zwölftausend" '
                  "is not an amount", "✗ cost.xlsx › {sheet} › B9: „zwölftausend“ ist kein Betrag"),
    "share.ods": ("Contribution margin (per year)", "120 %", '✗ share.ods › {sheet} › B9: "120 %": a '
                  "contribution margin cannot", "✗ share.ods › {sheet} › B9: „120 %“: Ein Deckungsbeitrag kann nicht"),
    "franc.xlsx": ("Hourly rate", "110 CHF", '✗ franc.xlsx › {sheet} › B9: "110 CHF" is an amount in CHF',
                   "✗ franc.xlsx › {sheet} › B9: „110 CHF“ ist ein Betrag in CHF"),
    "many.xlsx": ("Account effort (hours/year)", 25_000, "! many.xlsx › {sheet} › B9: 25,000 hours a year",
                  "! many.xlsx › {sheet} › B9: 25.000 Stunden im Jahr"),
    "rate.ods": ("Hourly rate", 2_000, "! rate.ods › {sheet} › B9: An hourly rate of €2,000 is outside",
                 "! rate.ods › {sheet} › B9: Ein Stundensatz von 2.000 € liegt außerhalb"),
    "bare.xlsx": ("Contribution margin (per year)", 0.18, '! bare.xlsx › {sheet} › B9: The contribution margin '
                  '"0.18" was read as 18%', "! bare.xlsx › {sheet} › B9: Der Deckungsbeitrag „0.18“ wurde als 18 % "),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
def test_validate_names_each_bad_service_fact_at_its_cell_and_fails_for_the_errors(
    tmp_path, make_workbook, catalog, lang
):
    from reportgen.reading.vocabulary import CURRENCY, SERVICE_FIELDS
    from tests.conftest import FACTS, sheets_for

    terms = {term.label.text: term for term in SERVICE_FIELDS}
    for index, (name, (label, value, _, _)) in enumerate(SERVICE_CASES.items()):
        facts = [f"Account {index}", f"KA-{index}", *FACTS[2:]]  # an account each: no file is a copy
        sheets = sheets_for(catalog, lang=lang, facts=facts)
        account = next(iter(sheets.values()))
        account += [[CURRENCY.heading(lang), "EUR"], [terms[label].heading(lang), value]]
        make_workbook(name, sheets=sheets)
    assert len(account) == 9  # the service fact is in the ninth row: B9
    result = run("validate", str(tmp_path), "--lang", lang)
    said = result.stderr.replace(str(tmp_path) + "/", "").replace("\xa0", " ")
    sheet = {"de": "Stammdaten", "en": "Account"}[lang]
    for _, _, en, de in SERVICE_CASES.values():
        line = {"en": en, "de": de}[lang].format(sheet=sheet)
        assert [text for text in said.splitlines() if text.startswith(line)], line
    assert result.exit_code == 1, said  # some files with errors, the others with warnings only
    assert (
        said.splitlines()[-1]
        == {
            "en": "7 files checked: 0 fine, 3 with warnings only, 4 with errors.",
            "de": "7 Dateien geprüft: 0 in Ordnung, 3 nur mit Warnungen, 4 mit Fehlern.",
        }[lang]
    )
    for name in ("many.xlsx", "rate.ods", "bare.xlsx"):
        (tmp_path / name).unlink()
    only_errors = run("validate", str(tmp_path), "--lang", lang)
    assert only_errors.exit_code == 2
