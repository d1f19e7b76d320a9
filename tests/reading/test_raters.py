"""Several raters' files of one account and period: gathered into one assessment, with the errors that
keep anyone from counting twice."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from reportgen.analysis.all_accounts import prepare
from reportgen.common.problems import Severity
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.assessment import (
    AccountFacts,
    Assessment,
    FactorRating,
    Period,
    Rater,
    ServiceFacts,
    View,
)
from reportgen.model.catalog import load_catalogs
from reportgen.reading.all_files import read_all
from reportgen.reading.raters import gather
from tests.conftest import FACTS

TODAY = Period(2026, 4).first_day()


@pytest.fixture
def catalogs():
    return load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG)


def rendered(results, lang="en"):
    """Each problem as users read it, the file named without its folder."""
    return [re.sub(r"^\S*/", "", p.render(lang)) for r in results for p in r.problems]


def test_three_raters_and_the_key_accounts_questionnaire_are_one_assessment(
    tmp_path, catalog, catalogs, rater_file
):
    n = len(catalog.factors)
    rater_file("a.xlsx", "Anja Groß", "Key account management")
    rater_file("b.xlsx", "Tom Berg", "Sales director", supplier=[5] * n)
    rater_file("c.xlsx", "Eva Ost", "Service", supplier=[3] * n, key_account=[1] * n)
    rater_file(
        "d.xlsx", "Dana White", "Purchasing", view="Key Account", supplier=[2] * n, key_account=[4] * n
    )
    workload = prepare([tmp_path], catalogs, TODAY)
    assert rendered(workload.files) == []
    (analysis,) = workload.analyses
    assessment = analysis.assessment
    assert [(r.name, r.role, r.view) for r in assessment.raters] == [
        ("Anja Groß", "Key account management", View.SUPPLIER),
        ("Tom Berg", "Sales director", View.SUPPLIER),
        ("Eva Ost", "Service", View.SUPPLIER),
        ("Dana White", "Purchasing", View.KEY_ACCOUNT),
    ]
    assert [p.name for p in assessment.sources] == ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]
    assert assessment.assessed_by == "Anja Groß, Tom Berg, Eva Ost"
    # our view: S (4 + 5 + 3) / 3 = 4 → 75, K (3 + 3 + 1) / 3 = 2.3 → 32.5 → 33; theirs: S 2 → 25, K 4 → 75
    assert (analysis.supplier_index, analysis.key_account_index) == (75, 33)
    assert (analysis.key_account_view.supplier_index, analysis.key_account_view.key_account_index) == (25, 75)
    # the account and period live with the file of its first rater, so the batch summary names that one
    assert [len(f.assessments) for f in workload.files] == [1, 0, 0, 0]


def saved_at(path, *when: int) -> None:
    """Give *path* the modification time of that moment (year, month, day, hour …)."""
    stamp = datetime(*when).timestamp()
    os.utime(path, (stamp, stamp))


def test_the_same_rater_twice_is_an_error_of_the_later_file_naming_both(tmp_path, catalogs, rater_file):
    """When neither file is newer (the same day assessed, the same time saved), the first read counts."""
    first = rater_file("first.xlsx", "Anja Groß")
    second = rater_file("second.xlsx", "anja  GROSS".replace("GROSS", "Groß"))  # as identity compares names
    for path in (first, second):
        saved_at(path, 2026, 9, 16, 8)
    files = read_all([tmp_path], catalogs, TODAY)
    assert rendered(files) == [
        "second.xlsx: anja  Groß rated Acme Präzision GmbH for 2026-Q3 from the same view already, in "
        "first.xlsx; this file is left out so that no one counts twice. "
        "Keep one file per rater, account and period. If two people rated, enter each one's name as "
        '"Assessed by".'
    ]
    assert [len(f.assessments) for f in files] == [1, 0]
    assert files[1].errors


def test_the_same_name_in_both_views_is_two_raters_with_a_warning(tmp_path, catalogs, rater_file):
    rater_file("ours.xlsx", "Alex Kim")
    rater_file("theirs.xlsx", "alex kim", view="Kunde")
    workload = prepare([tmp_path], catalogs, TODAY)
    (analysis,) = workload.analyses
    assert [r.view for r in analysis.assessment.raters] == [View.SUPPLIER, View.KEY_ACCOUNT]
    assert rendered(workload.files) == [
        "theirs.xlsx: alex kim rated Acme Präzision GmbH for 2026-Q3 for our team in ours.xlsx, and here as "
        "the key account's contact: the key account's own view may be ours. Have the key account's own contact "
        "fill in the questionnaire; if it is another person of the same name, all is well."
    ]
    assert not workload.files[1].errors


def test_the_key_accounts_contacts_may_leave_their_names_out_and_each_counts(tmp_path, catalogs, rater_file):
    n = 16
    rater_file("ours.xlsx", "Alex Kim")
    rater_file("contact-1.xlsx", None, view="Key Account", supplier=[2] * n)
    rater_file("contact-2.xlsx", None, view="Key Account", supplier=[4] * n)
    workload = prepare([tmp_path], catalogs, TODAY)
    assert rendered(workload.files) == []
    (analysis,) = workload.analyses
    assert len(analysis.assessment.raters_of(View.KEY_ACCOUNT)) == 2
    assert analysis.key_account_view.factors[0].supplier == 3


def test_a_catalog_version_that_only_rewords_the_scale_is_averaged_in(tmp_path, catalogs, rater_file):
    folder = tmp_path / "criteria"
    folder.mkdir()
    shutil.copy(DEFAULT_CATALOG, folder / "efkam-partnership.yaml")
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["version"] = "0.8"
    data["scale"]["labels"][2] = {"de": "wenig", "en": "little"}
    (folder / "old.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    rater_file("in/a.xlsx", "Anja Groß", catalog_ref="efkam-partnership v1.0")
    rater_file("in/b.xlsx", "Tom Berg", catalog_ref="efkam-partnership v0.8")
    workload = prepare([inputs], load_catalogs(folder, folder / "efkam-partnership.yaml"), TODAY)
    assert rendered(workload.files) == []
    assert len(workload.analyses[0].assessment.raters) == 2


def test_a_fact_another_file_of_our_team_gives_otherwise_is_warned_of_and_the_first_wins(
    tmp_path, catalogs, rater_file
):
    rater_file("a.xlsx", "Anja Groß")
    rater_file("b.xlsx", "Tom Berg", **{"Annual revenue": 1_300_000})
    rater_file("c.xlsx", "Eva Ost", **{"Annual revenue": None})  # blank agrees with any
    workload = prepare([tmp_path], catalogs, TODAY)
    # The amounts as the report writes them (regression: "1300000"), in the message's language.
    assert [text.replace("\xa0", " ") for text in rendered(workload.files)] == [
        'b.xlsx › Account › B7: Acme Präzision GmbH for 2026-Q3: "Annual revenue" is €1,300,000 here, but '
        "€1,250,000 in a.xlsx, whose value is used. Write the same value in every rater's file of the account "
        "and quarter, or leave it blank in all but one."
    ]
    (german,) = rendered(workload.files, "de")
    assert "ist hier 1.300.000 €, in a.xlsx aber 1.250.000 €;" in german.replace("\xa0", " "), german
    assert workload.analyses[0].assessment.account.annual_revenue == 1_250_000


def test_the_key_accounts_questionnaire_alone_is_left_out(tmp_path, catalogs, rater_file):
    rater_file("theirs.xlsx", "Dana White", view="Key Account")
    workload = prepare([tmp_path], catalogs, TODAY)
    assert workload.analyses == []
    assert rendered(workload.files)[0].startswith(
        "theirs.xlsx: Acme Präzision GmbH for 2026-Q3: there is the key account's own questionnaire, but no "
        "assessment of our team"
    )


def test_a_view_that_is_none_is_an_error_at_its_cell(tmp_path, catalogs, rater_file):
    rater_file("a.xlsx", "Anja Groß", view="Both")
    (result,) = read_all([tmp_path], catalogs, TODAY)
    assert [p.place.cell for p in result.errors] == ["B8"]
    assert rendered([result], "de")[0].endswith(
        "a.xlsx › Account › B8: „Both“ ist keine Sicht: Eine Bewertung gibt unsere Sicht auf beide Seiten wieder "
        "oder die des Key Accounts selbst. Schreiben Sie einen dieser Werte: „Lieferant“, „Supplier“, „Key Account“; "
        "oder lassen Sie die Zelle leer für unsere eigene Sicht."
    )


def test_raters_with_different_catalog_versions_are_analysed_with_the_newest(tmp_path, catalogs, rater_file):
    n = 16
    rater_file("old.xlsx", "Anja Groß", catalog_ref="efkam-partnership v0.9", supplier=[2] * n)
    rater_file("new.xlsx", "Tom Berg", catalog_ref="efkam-partnership v1.0", supplier=[4] * n)
    workload = prepare([tmp_path], catalogs, TODAY)
    (analysis,) = workload.analyses
    assert analysis.catalog.version == "1.0"
    assert analysis.factors[0].supplier == 3  # both counted
    assert rendered(workload.files) == []


def test_a_rater_of_another_scale_is_left_out_and_factors_not_in_the_newest_catalog_are_named(
    tmp_path, catalogs, rater_file
):
    folder = tmp_path / "criteria"
    folder.mkdir()
    shutil.copy(DEFAULT_CATALOG, folder / "efkam-partnership.yaml")
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["version"] = "0.8"
    data["factors"][0]["id"] = "retired-factor"
    (folder / "old.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    data["version"] = "0.7"
    data["scale"] = {"min": 0, "max": 10}
    (folder / "older.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    mixed = load_catalogs(folder, folder / "efkam-partnership.yaml")
    inputs = tmp_path / "in"
    inputs.mkdir()
    rater_file("in/a.xlsx", "Anja Groß", catalog_ref="efkam-partnership v1.0")
    rater_file("in/b.xlsx", "Tom Berg", catalog_ref="efkam-partnership v0.8")
    rater_file("in/c.xlsx", "Eva Ost", catalog_ref="efkam-partnership v0.7")
    workload = prepare([inputs], mixed, TODAY)
    (analysis,) = workload.analyses
    assert [r.name for r in analysis.assessment.raters] == ["Anja Groß", "Tom Berg"]
    problems = rendered(workload.files)
    assert any("b.xlsx" in p and '"retired-factor"' in p and "not counted" in p for p in problems)
    assert any("c.xlsx" in p and "whose scale differs" in p for p in problems)
    assert workload.files[2].errors and not workload.files[1].errors


def test_a_long_csv_with_rater_and_view_columns_gives_one_assessment_with_each_rater(
    make_csv, catalog, catalogs
):
    header = ["Account", "Period", "Rater", "Role", "View", "Factor ID", "Supplier", "Key account"]
    rows = [header]
    for rater, role, view, s in (
        ("Ann", "Sales", "", 4),
        ("Bo", "Service", "Supplier", 2),
        ("Cy", "", "Customer", 1),
    ):
        rows += [["Acme", "2026-Q3", rater, role, view, f.id, s, 3] for f in catalog.factors]
    path = make_csv(rows)
    (result,) = read_all([path], catalogs, TODAY)
    assert rendered([result]) == []
    (assessment,) = result.assessments
    assert [(r.name, r.role, r.view) for r in assessment.raters] == [
        ("Ann", "Sales", View.SUPPLIER),
        ("Bo", "Service", View.SUPPLIER),
        ("Cy", None, View.KEY_ACCOUNT),
    ]


def test_an_accounts_briefing_draws_on_every_one_of_its_raters_files(tmp_path, catalogs, rater_file):
    """make re-renders a briefing when any file it draws on changes, so each rater's file must count."""
    first = rater_file("a.xlsx", "Anja Groß")
    second = rater_file("b.xlsx", "Tom Berg")
    workload = prepare([tmp_path], catalogs, TODAY)
    (analysis,) = workload.analyses
    assert set(workload.history_of(analysis).sources) == {first, second}


@pytest.mark.parametrize(
    ("first", "second", "currency", "named"),
    [
        # the currency named in one file, the revenue written without it in another
        ({"Annual revenue": None, "Currency": "CHF"}, {"Annual revenue": 1_300_000}, "CHF", True),
        ({"Annual revenue": 1_300_000}, {"Annual revenue": None, "Currency": "CHF"}, "CHF", True),
        # the revenue's own file names it: that one, whichever file comes first
        ({"Annual revenue": "1.300.000 CHF"}, {"Annual revenue": None, "Currency": "USD"}, "CHF", True),
        ({"Annual revenue": None, "Currency": "USD"}, {"Annual revenue": "1.300.000 CHF"}, "CHF", True),
        # none names one: euros by default, as for one file
        ({"Annual revenue": None}, {"Annual revenue": 1_300_000}, "EUR", False),
    ],
)
def test_a_revenue_without_its_currency_is_in_the_one_another_file_of_our_team_names(
    tmp_path, catalogs, rater_file, first, second, currency, named
):
    """Regression: a revenue in one rater's file and the currency in another's was shown in euros."""
    rater_file("a.xlsx", "Anja Groß", **first)
    rater_file("b.xlsx", "Tom Berg", **second)
    (analysis,) = prepare([tmp_path], catalogs, TODAY).analyses
    account = analysis.assessment.account
    assert (account.annual_revenue, account.currency) == (1_300_000, currency)
    assert account.currency_named is named


def test_a_warning_about_a_revenue_shows_it_in_the_currency_the_report_shows(tmp_path, catalogs, rater_file):
    """Regression: "1.300.000" without a currency and "1.300.000 CHF" in another file were warned of as
    €1,300,000 against CHF 1,300,000, "whose value is used", while the report showed CHF 1,300,000."""
    rater_file("a.xlsx", "Anja Groß", **{"Annual revenue": 1_300_000})
    rater_file("b.xlsx", "Tom Berg", **{"Annual revenue": "1.300.000 CHF"})
    workload = prepare([tmp_path], catalogs, TODAY)
    assert rendered(workload.files) == []

    rater_file("b.xlsx", "Tom Berg", **{"Annual revenue": "1.250.000 CHF"})
    workload = prepare([tmp_path], catalogs, TODAY)
    (warning,) = [text.replace("\xa0", " ") for text in rendered(workload.files)]
    assert (
        '"Annual revenue" is CHF 1,250,000 here, but CHF 1,300,000 in a.xlsx, whose value is used' in warning
    )
    assert workload.analyses[0].assessment.account.currency == "CHF"


def test_files_without_the_new_facts_are_one_rater_of_our_side_as_before(
    catalog, catalogs, make_workbook, tmp_path
):
    make_workbook(facts=FACTS)
    (analysis,) = prepare([tmp_path], catalogs, TODAY).analyses
    (rater,) = analysis.assessment.raters
    assert (rater.name, rater.role, rater.view) == ("Anja Groß", None, View.SUPPLIER)


def test_the_actions_of_our_raters_files_are_gathered_in_reading_order_each_once(
    tmp_path, catalogs, rater_file
):
    rows = {
        "a.xlsx": [["", "Annual review", "", "", "open", "yes"], ["exclusivity", "Talk exclusivity", "", "", "", ""]],
        # the same action again, in another case and spacing and with another status: the first is kept
        "b.xlsx": [["Exclusivity", "talk   EXCLUSIVITY", "", "", "done", ""], ["", "Plant visit", "", "", "", ""]],
        # the same text on another factor is another action
        "c.xlsx": [["early-involvement", "Annual review", "", "", "", ""]],
    }  # fmt: skip
    for (name, actions), rater in zip(rows.items(), ("Anja Groß", "Tom Berg", "Eva Ost"), strict=True):
        rater_file(name, rater, actions=actions)
    rater_file("d.xlsx", "Dana White", view="Key Account", actions=[["", "Their own idea"]])
    (analysis,) = prepare([tmp_path], catalogs, TODAY).analyses
    assert len(analysis.assessment.raters) == 4
    assert [(a.factor_id, a.text, a.status, a.place.file.name) for a in analysis.assessment.actions] == [
        (None, "Annual review", "open", "a.xlsx"),
        ("exclusivity", "Talk exclusivity", "open", "a.xlsx"),
        (None, "Plant visit", "open", "b.xlsx"),
        ("early-involvement", "Annual review", "open", "c.xlsx"),
    ]


def test_one_file_that_lists_an_action_twice_keeps_it_once(tmp_path, catalogs, rater_file):
    rater_file("a.xlsx", "Anja Groß", actions=[["", "Annual review"], ["", "annual review "], ["", "Visit"]])
    (analysis,) = prepare([tmp_path], catalogs, TODAY).analyses
    assert [a.text for a in analysis.assessment.actions] == ["Annual review", "Visit"]


def test_an_action_listed_twice_goes_to_the_key_account_only_if_every_listing_shares_it(
    tmp_path, catalogs, rater_file
):
    """Regression: the first listing decided alone, so a colleague's "no" could not keep an action internal."""
    rater_file(
        "a.xlsx",
        "Anja Groß",
        actions=[["", "Annual review", "", "", "", "yes"], ["", "Visit", "", "", "", "yes"]],
    )
    rater_file(
        "b.xlsx",
        "Tom Berg",
        actions=[["", "annual review", "", "", "", "no"], ["", "Visit", "", "", "", "yes"]],
    )
    (analysis,) = prepare([tmp_path], catalogs, TODAY).analyses
    assert [(a.text, a.shared) for a in analysis.assessment.actions] == [
        ("Annual review", False),
        ("Visit", True),
    ]


def test_a_rater_whose_optional_fact_cannot_be_read_still_counts(tmp_path, catalogs, rater_file):
    """Regression: "Sept. 2026" as the date or "1,3 Mio. €" as the revenue was an error, so the rater's
    scores left the averages (three raters became two)."""
    n = 16
    rater_file("a.xlsx", "Anja Groß")
    rater_file("b.xlsx", "Tom Berg", supplier=[5] * n, **{"Assessed on": "Sept. 2026"})
    rater_file("c.xlsx", "Eva Ost", supplier=[3] * n, **{"Annual revenue": "viel"})
    workload = prepare([tmp_path], catalogs, TODAY)
    assert not [p for f in workload.files for p in f.errors]
    (analysis,) = workload.analyses
    assert [r.name for r in analysis.assessment.raters] == ["Anja Groß", "Tom Berg", "Eva Ost"]
    assert analysis.factors[0].supplier == 4  # (4 + 5 + 3) / 3


def test_a_revenue_written_with_a_scale_counts_as_the_amount(tmp_path, catalogs, rater_file):
    rater_file("a.xlsx", "Anja Groß", **{"Annual revenue": "1,3 Mio. €"})
    workload = prepare([tmp_path], catalogs, TODAY)
    assert workload.analyses[0].assessment.account.annual_revenue == 1_300_000


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "original - Kopie.xlsx: Anja Groß hat Acme Präzision GmbH für 2026-Q3 aus derselben Sicht auch in "
            "original.xlsx bewertet, einer neueren Datei (dort bewertet am 20. September 2026; diese Datei am "
            "15. September 2026); diese ältere Datei bleibt außen vor, damit niemand doppelt zählt. Löschen Sie "
            "diese Datei, wenn original.xlsx die gültige Bewertung enthält. Haben zwei Personen bewertet, tragen "
            "Sie jeweils den eigenen Namen unter „Bewertet von“ ein.",
        ),
        (
            "en",
            "original - Kopie.xlsx: Anja Groß rated Acme Präzision GmbH for 2026-Q3 from the same view in "
            "original.xlsx too, which is newer (assessed on September 20, 2026; this file on September 15, "
            "2026); this older file is left out so that no one counts twice. Delete this file if original.xlsx "
            'holds the rating that counts. If two people rated, enter each one\'s name as "Assessed by".',
        ),
    ],
)
def test_of_one_raters_two_files_the_one_assessed_later_counts(
    tmp_path, catalogs, rater_file, lang, expected
):
    """Regression: a stale copy ("… - Kopie.xlsx") sorts first and counted, and the error blamed the newer
    original, so the user deleted the wrong file. The assessment date decides, whatever the files' times."""
    n = 16
    copy = rater_file(
        "original - Kopie.xlsx", "Anja Groß", supplier=[2] * n, **{"Assessed on": date(2026, 9, 15)}
    )
    original = rater_file(
        "original.xlsx", "Anja Groß", supplier=[5] * n, **{"Assessed on": date(2026, 9, 20)}
    )
    saved_at(copy, 2026, 9, 21)  # copied back later, e.g. from an e-mail: the date still decides
    saved_at(original, 2026, 9, 20)
    workload = prepare([tmp_path], catalogs, TODAY)
    (analysis,) = workload.analyses
    assert analysis.assessment.sources == (original,)
    assert analysis.factors[0].supplier == 5
    assert rendered(workload.files, lang) == [expected]
    (problem,) = [p for f in workload.files for p in f.problems]
    assert problem.place.file == copy and problem.severity.value == "error"  # make fails until it is gone


@pytest.mark.parametrize(
    ("lang", "why"),
    [
        ("de", "(dort gespeichert am 20.09.2026, 14:30:00; diese Datei am 16.09.2026, 08:00:00)"),
        ("en", "(saved on Sep 20, 2026, 2:30:00\u202fPM; this file on Sep 16, 2026, 8:00:00\u202fAM)"),
    ],
)
def test_of_one_raters_two_files_assessed_the_same_day_the_one_saved_later_counts(
    tmp_path, catalogs, rater_file, lang, why
):
    n = 16
    copy = rater_file("a - Kopie.xlsx", "Anja Groß", supplier=[2] * n)
    original = rater_file("a.xlsx", "Anja Groß", supplier=[5] * n)
    saved_at(copy, 2026, 9, 16, 8)
    saved_at(original, 2026, 9, 20, 14, 30)
    workload = prepare([tmp_path], catalogs, TODAY)
    assert workload.analyses[0].assessment.sources == (original,)
    (said,) = rendered(workload.files, lang)
    assert said.startswith("a - Kopie.xlsx: ")
    assert why in said


def test_of_two_unnamed_files_of_our_team_the_newer_counts(tmp_path, catalogs, rater_file):
    n = 16
    copy = rater_file("a - Kopie.xlsx", None, supplier=[2] * n)
    original = rater_file("a.xlsx", None, supplier=[5] * n)
    saved_at(copy, 2026, 9, 16, 8)
    saved_at(original, 2026, 9, 20, 14, 30)
    workload = prepare([tmp_path], catalogs, TODAY)
    assert workload.analyses[0].assessment.sources == (original,)
    assert rendered(workload.files) == [
        "a - Kopie.xlsx: Acme Präzision GmbH for 2026-Q3 is also in a.xlsx, which is newer (saved on Sep 20, "
        "2026, 2:30:00\u202fPM; this file on Sep 16, 2026, 8:00:00\u202fAM), and neither file says who rated it; "
        "this older file is left out. Delete this file if a.xlsx holds the rating that counts. If two people "
        'rated the account, enter each one\'s name as "Assessed by": both are then counted.'
    ]


# --- The rules on ratings as the readers give them (fast: no workbook is written) -------------------------


def rated_in(
    file,
    rater=None,
    view=View.SUPPLIER,
    catalog=None,
    assessed_on=None,
    score=3,
    **facts,
):
    """One rater's rating of Acme for 2026-Q3 as its file gives it: every factor of *catalog* scored
    *score* on both sides."""
    path = Path(file)
    who = Rater(rater, None, view, path)
    return Assessment(
        AccountFacts("Acme Präzision GmbH", **facts),
        Period(2026, 3),
        tuple(FactorRating(f.id, score, score, rater=who) for f in catalog.factors),
        rater,
        assessed_on,
        path,
        catalog=catalog,
        raters=(who,),
    )


def told(gathered, lang="en"):
    """Each problem as users read it, and whether it is an error (that file left out) or a warning."""
    return [(p.problem.render(lang).replace("\xa0", " "), p.problem.severity) for p in gathered.problems]


def test_the_assessment_date_is_our_teams_latest_and_the_key_accounts_date_its_own(catalog):
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog, assessed_on=date(2026, 9, 10)),
        rated_in("b.xlsx", "Tom Berg", catalog=catalog, assessed_on=date(2026, 9, 20)),
        rated_in("c.xlsx", "Eva Ost", catalog=catalog),  # not dated: no date of ours
        rated_in("d.xlsx", "Dana White", View.KEY_ACCOUNT, catalog, assessed_on=date(2026, 9, 25)),
        rated_in("e.xlsx", "Jo Lee", View.KEY_ACCOUNT, catalog, assessed_on=date(2026, 9, 1)),
    ])  # fmt: skip
    assert told(gathered) == []
    assessment = gathered.assessment
    assert (assessment.assessed_on, assessment.key_account_assessed_on) == (
        date(2026, 9, 20),
        date(2026, 9, 25),
    )
    assert assessment.assessed_by == "Anja Groß, Tom Berg, Eva Ost"
    assert [r.name for r in assessment.raters] == ["Anja Groß", "Tom Berg", "Eva Ost", "Dana White", "Jo Lee"]


def test_without_a_date_of_the_key_accounts_its_view_is_not_dated(catalog):
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog, assessed_on=date(2026, 9, 10)),
        rated_in("d.xlsx", "Dana White", View.KEY_ACCOUNT, catalog),
    ])  # fmt: skip
    assert (gathered.assessment.assessed_on, gathered.assessment.key_account_assessed_on) == (
        date(2026, 9, 10),
        None,
    )


def fact_differs(file, field, value, first_value, other="a.xlsx"):
    return (
        f'{file}: Acme Präzision GmbH for 2026-Q3: "{field}" is {value} here, but {first_value} in {other}, whose '
        "value is used. Write the same value in every rater's file of the account and quarter, or leave it blank "
        "in all but one.",
        Severity.WARNING,
    )


def test_another_currency_of_the_revenue_is_warned_of_and_a_currency_without_revenue_is_not(catalog):
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog, annual_revenue=1_000_000, currency="EUR"),
        rated_in("b.xlsx", "Tom Berg", catalog=catalog, annual_revenue=1_000_000, currency="CHF"),
        rated_in("c.xlsx", "Eva Ost", catalog=catalog, currency="CHF"),  # no revenue: its currency says nothing
    ])  # fmt: skip
    assert told(gathered) == [
        # the amounts as the report writes them
        fact_differs("b.xlsx", "Annual revenue", "CHF 1,000,000", "€1,000,000"),
        fact_differs("b.xlsx", "Currency", "CHF", "EUR"),
    ]
    assert (gathered.assessment.account.annual_revenue, gathered.assessment.account.currency) == (
        1_000_000,
        "EUR",
    )


def test_another_intended_relationship_is_warned_of_by_the_catalogs_name_for_it(catalog):
    lean, preferred = catalog.zones.relationship_types[:2]
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog, intended_type=lean.id),
        rated_in("b.xlsx", "Tom Berg", catalog=catalog, intended_type=preferred.id),
    ])  # fmt: skip
    assert told(gathered) == [
        fact_differs("b.xlsx", "Intended relationship", preferred.name.get("en"), lean.name.get("en"))
    ]
    ((german, _),) = told(gathered, "de")
    assert f"ist hier {preferred.name.get('de')}, in a.xlsx aber {lean.name.get('de')};" in german
    assert gathered.assessment.account.intended_type == lean.id  # the first file's


def test_a_fact_is_compared_in_every_file_of_our_team_after_the_key_accounts_questionnaire(catalog):
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog, key_account_manager="Anja Groß"),
        rated_in("b.xlsx", "Dana White", View.KEY_ACCOUNT, catalog, key_account_manager="Dana White"),
        rated_in("c.xlsx", "Tom Berg", catalog=catalog, key_account_manager="Tom Berg"),
    ])  # fmt: skip
    # the key account's questionnaire gives none of our facts: only our team's c.xlsx is compared
    assert told(gathered) == [fact_differs("c.xlsx", "Key account manager", "Tom Berg", "Anja Groß")]


def test_the_same_name_in_both_views_is_a_warning_and_both_count(catalog):
    gathered = gather([
        rated_in("ours.xlsx", "Alex Kim", catalog=catalog),
        rated_in("theirs.xlsx", "alex  KIM", View.KEY_ACCOUNT, catalog),
    ])  # fmt: skip
    assert [(text.split(":")[0], error) for text, error in told(gathered)] == [
        ("theirs.xlsx", Severity.WARNING)
    ]
    assert "alex  KIM rated Acme Präzision GmbH for 2026-Q3 for our team in ours.xlsx" in told(gathered)[0][0]
    assert len(gathered.assessment.raters) == 2


def test_two_files_of_our_team_that_name_no_rater_and_are_not_told_apart_keep_the_first(catalog):
    gathered = gather([rated_in("a.xlsx", catalog=catalog), rated_in("b.xlsx", catalog=catalog, score=5)])
    assert told(gathered) == [
        (
            "b.xlsx: Acme Präzision GmbH for 2026-Q3 is also in a.xlsx, and neither file says who rated it; this "
            'file is left out. If two people rated the account, enter each one\'s name as "Assessed by": both are '
            "then counted. Otherwise keep one assessment per account and period.",
            Severity.ERROR,
        )
    ]
    assert gathered.assessment.sources == (Path("a.xlsx"),)


def test_the_key_accounts_contact_twice_without_our_team_is_an_error_in_each_file(catalog):
    gathered = gather([
        rated_in("a.xlsx", "Dana White", View.KEY_ACCOUNT, catalog),
        rated_in("b.xlsx", "Dana White", View.KEY_ACCOUNT, catalog),
    ])  # fmt: skip
    assert gathered.assessment is None
    assert [(text.split(":")[0], error) for text, error in told(gathered)] == [
        ("b.xlsx", Severity.ERROR),
        ("a.xlsx", Severity.ERROR),
    ]
    assert (
        "rated Acme Präzision GmbH for 2026-Q3 from the same view already, in a.xlsx" in told(gathered)[0][0]
    )


def version(catalog, number, **scale):
    """*catalog* as another version of it, its scale changed as *scale* says."""
    return catalog.model_copy(update={"version": number, "scale": catalog.scale.model_copy(update=scale)})


def other_scale(file, catalog_label, used="efkam-partnership v1.0"):
    return (
        f"{file}: Acme Präzision GmbH for 2026-Q3: this file was rated with {catalog_label}, whose scale "
        f"differs from that of {used} used by the other raters; it is left out, since the scores cannot be "
        f"averaged. Rate the account again in a template of {used} (reportgen template).",
        Severity.ERROR,
    )


@pytest.mark.parametrize("scale", [{"min": 0}, {"max": 7}], ids=["minimum", "maximum"])
def test_a_catalog_whose_scale_differs_only_in_one_end_is_left_out_and_the_raters_after_it_count(
    catalog, scale
):
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog),
        rated_in("b.xlsx", "Tom Berg", catalog=version(catalog, "0.8", **scale)),
        rated_in("c.xlsx", "Eva Ost", catalog=catalog),
    ])  # fmt: skip
    assert told(gathered) == [other_scale("b.xlsx", "efkam-partnership v0.8")]
    assert [r.name for r in gathered.assessment.raters] == ["Anja Groß", "Eva Ost"]


def test_raters_of_several_versions_are_gathered_with_the_newest_even_when_the_first_is_older(catalog):
    old = version(catalog, "0.9")
    gathered = gather(
        [rated_in("a.xlsx", "Anja Groß", catalog=old), rated_in("b.xlsx", "Tom Berg", catalog=catalog)]
    )
    assert told(gathered) == []
    assert gathered.assessment.catalog is catalog
    assert [r.name for r in gathered.assessment.raters] == ["Anja Groß", "Tom Berg"]


def test_a_newer_catalog_of_another_name_does_not_replace_that_of_our_first_rater(catalog):
    other = catalog.model_copy(update={"id": "another-catalog", "version": "2.0"})
    gathered = gather(
        [rated_in("a.xlsx", "Anja Groß", catalog=catalog), rated_in("b.xlsx", "Tom Berg", catalog=other)]
    )
    assert gathered.assessment.catalog is catalog


def test_factors_the_newest_catalog_does_not_hold_are_named_in_a_warning_and_the_rater_counts(catalog):
    factors = [
        f.model_copy(update={"id": "retired-factor"}) if n == 0 else f for n, f in enumerate(catalog.factors)
    ]
    old = catalog.model_copy(update={"version": "0.8", "factors": factors})
    gathered = gather(
        [rated_in("a.xlsx", "Anja Groß", catalog=catalog), rated_in("b.xlsx", "Tom Berg", catalog=old)]
    )
    assert told(gathered) == [
        (
            "b.xlsx: Acme Präzision GmbH for 2026-Q3 is analysed with efkam-partnership v1.0, the newest catalog of "
            'its raters; this file\'s factors "retired-factor" are not in it and are not counted. Rate the account '
            "again in a template of efkam-partnership v1.0 to have these factors counted.",
            Severity.WARNING,
        )
    ]
    assert [r.name for r in gathered.assessment.raters] == ["Anja Groß", "Tom Berg"]


def test_a_fact_left_blank_in_the_first_file_of_our_team_comes_from_the_next_file_that_gives_it(catalog):
    """Regression: the first file's facts were used, blanks and all, so a revenue given only by the second
    rater (as the warning's hint "leave it blank in all but one" invites) was left out of every report."""
    gathered = gather([
        rated_in("a.xlsx", "Anja Groß", catalog=catalog),  # revenue, manager and intended type left blank
        rated_in("b.xlsx", "Tom Berg", catalog=catalog, annual_revenue=1_300_000, currency="CHF",
                 key_account_manager="Tom Berg"),
        rated_in("c.xlsx", "Eva Ost", catalog=catalog, annual_revenue=1_250_000, key_account_manager="Tom Berg",
                 intended_type="preferred_partner"),
    ])  # fmt: skip
    account = gathered.assessment.account
    assert (account.annual_revenue, account.currency) == (1_300_000, "CHF")
    assert (account.key_account_manager, account.intended_type) == ("Tom Berg", "preferred_partner")
    # a later file that gives it otherwise is told which file's value is used
    chf = "CHF 1,300,000"
    assert told(gathered) == [
        fact_differs("c.xlsx", "Annual revenue", "€1,250,000", chf, other="b.xlsx"),
        fact_differs("c.xlsx", "Currency", "EUR", "CHF", other="b.xlsx"),
    ]


def test_our_files_that_disagree_on_the_hours_are_warned_of_and_the_first_files_facts_count(
    tmp_path, catalogs, rater_file
):
    """Each service fact from the first of our files that gives it, as the revenue: a blank agrees with
    any, and a file that says otherwise gets a warning naming the one whose value counts."""
    hours, other, margin, rate = (
        "Account effort (hours/year)", "Other cost to serve (per year)", "Contribution margin (per year)",
        "Hourly rate",
    )  # fmt: skip
    rater_file("a.xlsx", "Anja Groß", **{hours: 1150, other: 12_000, margin: "6 %"})
    rater_file("b.xlsx", "Tom Berg", **{hours: 1400, margin: "6 %", rate: 110})
    rater_file("c.xlsx", "Cem Aydın", **{margin: 288_000})
    workload = prepare([tmp_path], catalogs, TODAY)
    (analysis,) = workload.analyses
    assert analysis.assessment.account.service == ServiceFacts(1150, 12_000, None, 0.06, 110)
    en = [text.replace("\xa0", " ") for text in rendered(workload.files)]
    assert en == [
        'b.xlsx › Account › B8: Acme Präzision GmbH for 2026-Q3: "Account effort (hours/year)" is 1,400 here, but 1,150 in '
        "a.xlsx, whose value is used. Write the same value in every rater's file of the account and quarter, "
        "or leave it blank in all but one.",
        'c.xlsx › Account › B8: Acme Präzision GmbH for 2026-Q3: "Contribution margin (per year)" is €288,000 here, but 6% in '
        "a.xlsx, whose value is used. Write the same value in every rater's file of the account and quarter, "
        "or leave it blank in all but one.",
    ]
    de = [text.replace("\xa0", " ") for text in rendered(workload.files, "de")]
    assert de[0].startswith(
        "b.xlsx › Account › B8: Acme Präzision GmbH für 2026-Q3: „Betreuungsaufwand (Stunden/Jahr)“ ist hier 1.400, in a.xlsx "
        "aber 1.150"
    )
    assert all(problem.severity is Severity.WARNING for r in workload.files for problem in r.problems)


def test_an_amount_one_of_our_files_gives_in_another_currency_is_left_out_never_added(
    tmp_path, catalogs, rater_file
):
    """Regression: "12.000 €" in one file, beside a revenue of CHF 1,300,000 in another, was counted as
    CHF 12,000, since an amount naming euros left the file's euros as unnamed as a default."""
    rater_file(
        "a.xlsx", "Anja Groß", **{"Annual revenue": "1.300.000 CHF", "Account effort (hours/year)": 900}
    )
    rater_file("b.xlsx", "Tom Berg", **{"Annual revenue": None, "Other cost to serve (per year)": "12.000 €"})
    rater_file("c.xlsx", "Cem Aydın", **{"Annual revenue": None, "Hourly rate": 120})
    workload = prepare([tmp_path], catalogs, TODAY)
    account = workload.analyses[0].assessment.account
    assert account.currency == "CHF"
    assert account.service == ServiceFacts(effort_hours=900, hourly_rate=120)  # CHF 120: c names none
    (warning,) = [text.replace("\xa0", " ") for text in rendered(workload.files)]
    assert warning == (
        'b.xlsx › Account › B7: Acme Präzision GmbH for 2026-Q3: "Other cost to serve (per year)" is €12,000 here, but the '
        "account's amounts are in CHF, so it is left out. Amounts in different currencies are never added up: "
        "write every amount of the account in one currency, in each of our team's files."
    )
    (german,) = [text.replace("\xa0", " ") for text in rendered(workload.files, "de")]
    assert german.startswith(
        "b.xlsx › Account › B7: Acme Präzision GmbH für 2026-Q3: „Weitere Betreuungskosten (€/Jahr)“ ist hier 12.000 €, die "
        "Beträge des Accounts sind aber in CHF; daher bleibt der Wert außen vor."
    )
