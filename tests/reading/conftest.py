"""Shared by the reading tests: places are shown as a user in the folder of the files sees them, and
helpers that say what a read gave."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Places are shown relative to the working folder, as a user in that folder sees them."""
    monkeypatch.chdir(tmp_path)


def all_rendered(result, lang: str) -> list[str]:
    """Every problem of the read, notes and warnings too, as said in *lang*."""
    return [problem.render(lang) for problem in result.problems]


def rendered(result, lang="de"):
    """The messages with the file's folder cut off, as a user would see them for a file in the cwd."""
    prefix = str(result.path.parent) + "/"
    return [p.render(lang).replace(prefix, "") for p in result.errors]


def only(result):
    """The one assessment the read gave; anything else fails with the problems it said."""
    assert result.ok, [p.render("en") for p in result.problems]
    assert len(result.assessments) == 1
    return result.assessments[0]


CSV_HEADER_DE = [
    "Account-ID",
    "Kunde",
    "Periode",
    "Bewertet am",
    "Faktor-ID",
    "Lieferant",
    "Key Account",
    "Kommentar",
]


def german_rows(catalog, periods=("2026-Q2", "2026-Q3"), accounts=(("KA-7", "Müller & Söhne KG"),)):
    """A CSV export as German Excel writes it: one row per account, period and factor."""
    rows = [CSV_HEADER_DE]
    for account_id, name in accounts:
        for period in periods:
            for factor in catalog.factors:
                rows.append(
                    [account_id, name, period, date(2026, 9, 30), factor.id, 3.5, 4.0, "Schöne Grüße"]
                )
    return rows
