"""Every file name reportgen writes, each made in one place."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

from reportgen.analysis.all_accounts import prepare
from reportgen.model.assessment import AccountFacts, Assessment, Period
from reportgen.outputs.file_names import (
    StemRegistry,
    briefing_file_name,
    briefing_stems,
    export_file_name,
    export_stem,
    portfolio_pdf_name,
    portfolio_stem,
    template_path,
)
from reportgen.outputs.spreadsheets import write_xlsx
from tests.builders import Q3
from tests.conftest import FACTS, sheets_for


def test_briefing_names_are_unique_per_account_even_when_slugs_collide(tmp_path, catalog):
    for name, account_id in (("Müller GmbH", "KA-1"), ("Mueller GmbH", "KA-2")):
        write_xlsx(tmp_path / f"{account_id}.xlsx", sheets_for(catalog, facts=[name, account_id, *FACTS[2:]]))
    workload = prepare([tmp_path], catalog, today=date(2026, 11, 27))
    stems = briefing_stems(workload.analyses)
    names = sorted(briefing_file_name(stems[id(a)], "de") for a in workload.analyses)
    assert names == ["mueller-gmbh_2026-Q3-2_de.pdf", "mueller-gmbh_2026-Q3_de.pdf"]


def test_an_account_named_like_the_portfolio_or_the_export_keeps_its_own_names():
    """Regression: an account named "Portfolio" got the portfolio's file names (portfolio_2026-Q3_de.pdf),
    so one report overwrote the other."""
    names = ("Portfolio", "reportgen export", "Portfolio GmbH")
    # briefing_stems needs only each analysis's assessment
    analyses = [SimpleNamespace(assessment=Assessment(AccountFacts(name), Q3, ())) for name in names]
    stems = briefing_stems(analyses)
    names = [briefing_file_name(stem, "de") for stem in stems.values()]
    assert names == [
        "portfolio-account_2026-Q3_de.pdf",
        "reportgen-export-account_2026-Q3_de.pdf",
        "portfolio-gmbh_2026-Q3_de.pdf",
    ]
    assert portfolio_pdf_name(Q3, "de") not in names
    assert not any(name.startswith((portfolio_stem(Q3), export_stem(Q3))) for name in names)


def test_portfolio_and_export_names():
    assert portfolio_pdf_name(Q3, "en") == "portfolio_2026-Q3_en.pdf"
    assert export_stem(Q3) == "reportgen-export_2026-Q3"
    assert export_stem(None) == "reportgen-export_all"
    assert export_file_name("s", "csv", "factors") == "s_factors.csv"
    assert export_file_name("s", "xlsx") == "s.xlsx"
    assert export_file_name("s", "json") == "s.json"


def test_a_template_goes_to_input_named_after_account_and_period():
    day = date(2026, 11, 27)
    assert template_path("Zeppelin Süd GmbH", "2026-Q3", day) == Path("input/zeppelin-sued-gmbh_2026-Q3.xlsx")
    assert template_path(None, None, day) == Path("input/new-account_2026.xlsx")
    assert template_path("Zeppelin Süd GmbH", "2026-Q3", day, "Selin Aydın") == Path(
        "input/zeppelin-sued-gmbh_2026-Q3_selin-aydin.xlsx"
    )


def test_the_key_accounts_questionnaire_stays_out_of_input_and_says_whose_it_is():
    # It is sent out: left blank among the assessments, it would stop every run until it comes back.
    day = date(2026, 11, 27)
    assert template_path("Zeppelin Süd GmbH", "2026-Q3", day, key_account=True) == Path(
        "zeppelin-sued-gmbh_2026-Q3_key-account.xlsx"
    )
    assert template_path("Zeppelin Süd GmbH", "2026-Q3", day, "Dana Whitfield", key_account=True) == Path(
        "zeppelin-sued-gmbh_2026-Q3_key-account_dana-whitfield.xlsx"
    )


def test_two_accounts_with_the_same_slug_get_different_names():
    registry = StemRegistry()

    def assessment(name, account_id):
        return Assessment(AccountFacts(name, account_id), Period(2026, 3), ())

    assert registry.stem(assessment("Müller AG", "1"), "mueller-ag_2026-Q3") == "mueller-ag_2026-Q3"
    assert registry.stem(assessment("Mueller AG", "2"), "mueller-ag_2026-Q3") == "mueller-ag_2026-Q3-2"
    assert registry.stem(assessment("Müller AG", "1"), "mueller-ag_2026-Q3") == "mueller-ag_2026-Q3"
