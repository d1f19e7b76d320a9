"""Shared by the output tests: an account assessed by several voices, as it is read; a fillable workbook
as the command writes it, and what a key account manager fills in."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportgen.analysis.indices import analyse
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period, Rater, View
from tests.conftest import run

# Several voices: three raters of our team and one of the key account's contacts, every weight 1.
#   early-involvement:    Anna 5/3, Ben 3/3, Cem 4/3 → mean 4/3, supplier spread 3–5 (2 points: to discuss);
#                         the key account's Dana 3/4 → gaps 4−3 = 1 (unseen_by_account), 3−4 = −1 (unseen_by_us)
#   relationship-network: Anna 4/3, Ben 4/3, Cem not rated → 2 raters; Dana 4/3 → both sides aligned
#   process-development:  everyone 4/3; Dana leaves it blank → no perception gap
#   every other factor:   everyone 4/3, Dana 3/4
# Ours: S 75, K 50, balance 25 (critical). Dana's view over 15 factors: S (13·50 + 50 + 75)/15 = 51.67 → 52,
# K (13·75 + 75 + 50)/15 = 73.33 → 73, balance −21: the key account invests more.
ANNA = Rater("Anna Berg", "Key account management", source=Path("acme_anna.xlsx"))
BEN = Rater("Ben Ott", None, source=Path("acme_ben.xlsx"))
CEM = Rater("Cem Aydın", "Service", source=Path("acme_cem.xlsx"))
DANA = Rater("Dana Wolf", "Procurement", View.KEY_ACCOUNT, source=Path("acme_dana.xlsx"))


@pytest.fixture
def voices(catalog):
    """The multi-rater account above, and a single-rater account beside it, as they are read."""
    ids = [f.id for f in catalog.factors]
    ours = {
        ANNA: {ids[0]: (5.0, 3.0)},
        BEN: {ids[0]: (3.0, 3.0)},
        CEM: {ids[0]: (4.0, 3.0), ids[1]: (None, None)},
    }
    theirs = {ids[0]: (3.0, 4.0), ids[1]: (4.0, 3.0), ids[2]: (None, None)}
    ratings = [
        FactorRating(i, *ours[rater].get(i, (4.0, 3.0)),
                     comment="Anna's note" if rater is ANNA and i == ids[0] else "", rater=rater)
        for rater in (ANNA, BEN, CEM)
        for i in ids
    ] + [FactorRating(i, *theirs.get(i, (3.0, 4.0)), rater=DANA) for i in ids]  # fmt: skip
    several = Assessment(
        AccountFacts("Acme AG", account_id="KA-1"),
        Period(2026, 3),
        tuple(ratings),
        source=ANNA.source,
        raters=(ANNA, BEN, CEM, DANA),
        sources=tuple(r.source for r in (ANNA, BEN, CEM, DANA)),
    )
    solo = Rater("Eva Solo", source=Path("zeta.xlsx"))
    one = Assessment(
        AccountFacts("Zeta GmbH"),
        Period(2026, 3),
        tuple(FactorRating(i, 4.0, 3.0, rater=solo) for i in ids),
        source=solo.source,
        raters=(solo,),
        sources=(solo.source,),
    )
    return [analyse(several, catalog), analyse(one, catalog)]


# The fillable workbook, as `reportgen template` writes it and a user fills it in.

SUPPLIER = [5, 4, 5, 3, 4, 4, 5, 2, 4, 3, 5, 4, 5, 3, None, 4]
KEY_ACCOUNT = [2, 3, 2, 3, 2, 3, 3, 2, 1, 3, 4, 2, 1, 3, None, 3]


@pytest.fixture
def blank(tmp_path) -> Path:
    path = tmp_path / "neu.xlsx"
    result = run(
        "template", "--lang", "de", "--account", "Zeppelin Süd GmbH", "--period", "2026-Q3", "-o", str(path)
    )
    assert result.exit_code == 0, result.stderr
    assert "Arbeitsmappe geschrieben" in result.stderr
    return path


def fact_rows(sheet) -> dict[str, int]:
    """The account sheet's rows by the label in column A."""
    return {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}


def fill(path: Path, comments: dict[int, str]) -> None:
    """What a key account manager does: scores from the drop-down, comments, the facts."""
    workbook = load_workbook(path)
    facts = workbook["Stammdaten"]
    rows = fact_rows(facts)
    facts.cell(rows["Account-ID"], 2, "KA-9001")
    facts.cell(rows["Key-Account-Manager"], 2, "Jürgen Weiß")
    facts.cell(rows["Jahresumsatz"], 2, 2_400_000)
    sheet = workbook["Bewertung"]
    for index, (supplier, key_account) in enumerate(zip(SUPPLIER, KEY_ACCOUNT, strict=True)):
        sheet.cell(index + 2, 5, supplier)
        sheet.cell(index + 2, 6, key_account)
        if index in comments:
            sheet.cell(index + 2, 7, comments[index])
    workbook.save(path)


SUPPLIER_NAME = "Hansen (Deutschland) GmbH"
"""Our company, with brackets in its name: the column headers put it in brackets themselves."""
INTERNAL = re.compile(
    r"frustration|marge|margin|scal\w* \w* ?back|zurück\w*fahren|herunter\w*fahren|rücknahme|revenue|umsatz|"
    r"intended relationship|angestrebte beziehung|key.account.manager|reportgen",
    re.IGNORECASE,
)
"""Words for our own team only: the key account's contacts must not read them."""


def questionnaire(tmp_path, lang: str, *options: str) -> Path:
    path = tmp_path / f"questionnaire_{lang}.xlsx"
    result = run("template", "--view", "key-account", "--supplier", SUPPLIER_NAME, "--lang", lang, "-o", str(path),
                 *options)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return path
