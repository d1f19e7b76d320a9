"""What a fillable workbook is made for, and how the questionnaire names both companies."""

from __future__ import annotations

import pytest

from reportgen.model.assessment import View
from reportgen.outputs.workbook.request import WorkbookRequest, in_header, with_companies


@pytest.mark.parametrize(("lang", "unnamed"), [("de", "Ihr Unternehmen"), ("en", "your company")])
def test_the_questionnaire_names_the_key_account_or_addresses_it_as_your_company(lang, unnamed):
    named = WorkbookRequest(lang, "Zeppelin Süd GmbH", view=View.KEY_ACCOUNT, supplier="Hansen GmbH")
    assert named.for_key_account
    assert named.company_names() == {"supplier": "Hansen GmbH", "account": "Zeppelin Süd GmbH"}
    assert WorkbookRequest(lang).company_names() == {"supplier": "", "account": unnamed}


def test_only_the_companies_placeholders_are_replaced_in_a_users_text():
    names = {"supplier": "Acme {AG}", "account": "Zeppelin"}
    assert (
        with_companies("{supplier} helps {account} {0} {price} {", names)
        == "Acme {AG} helps Zeppelin {0} {price} {"
    )


def test_a_name_in_a_header_keeps_its_brackets_square_so_the_readers_bracket_is_not_ended_early():
    assert in_header("Hansen (Deutschland) GmbH") == "Hansen [Deutschland] GmbH"
