"""The objects passed between the stages: what they say about themselves."""

from __future__ import annotations

import pytest

from reportgen.model.assessment import AccountFacts, FactorRating, identity_key


def test_identity_ignores_case_punctuation_runs_of_spaces_and_the_spelling_of_legal_forms():
    assert identity_key("  Nordhafen \t Logistik   AG ") == identity_key("NORDHAFEN LOGISTIK AG")
    assert identity_key("KA-2210") == identity_key("ka-2210")
    assert identity_key("Straße AG") == identity_key("STRASSE AG")
    # punctuation counts as a space: the legal form written with or without dots is one spelling
    assert identity_key("KA-2210") == identity_key("KA 2210") != identity_key("KA2210")
    co_kg = identity_key("Hofmann Landtechnik GmbH & Co. KG")
    assert (
        co_kg
        == identity_key("Hofmann Landtechnik GmbH & Co KG")
        == identity_key("Hofmann Landtechnik Gmbh&Co.KG")
    )
    assert identity_key("Meridian Aerotech Inc.") == identity_key("Meridian Aerotech, Inc")
    assert identity_key("Calloway Foods Ltd.") == identity_key("Calloway Foods Limited")
    assert identity_key("Bau Aktiengesellschaft") == identity_key("Bau AG")
    assert identity_key("Bau Gesellschaft mit beschränkter Haftung") == identity_key("Bau GmbH")
    # what still tells names apart: letters, and the legal form itself
    assert identity_key("Hofmann Landtechnik GmbH") != identity_key("Hofman Landtechnik GmbH")
    assert identity_key("Hofmann AG") != identity_key("Hofmann GmbH") != identity_key("Hofmann")


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("KA-2210", True),
        (" ka-2210 ", True),
        ("nordhafen  logistik ag", True),
        ("Nordhafen", False),
        ("KA-22100", False),
    ],
)
def test_an_account_is_named_by_its_id_or_its_name_as_identity_compares_them(typed, named):
    account = AccountFacts("Nordhafen Logistik AG", account_id="KA-2210")
    assert account.is_named_by(typed) is named


@pytest.mark.parametrize("typed", ["", "   "])
def test_a_blank_text_names_no_account_not_even_one_without_an_id(typed):
    """Regression: ``--account ""`` (a script's empty variable) selected every account without an ID."""
    assert not AccountFacts("Nordhafen Logistik AG").is_named_by(typed)


@pytest.mark.parametrize(
    ("supplier", "key_account", "both", "any_"),
    [(3.0, 4.0, True, True), (3.0, None, False, True), (None, 4.0, False, True), (None, None, False, False)],
)
def test_a_rating_says_whether_it_is_rated_on_both_sides_or_on_one(supplier, key_account, both, any_):
    rating = FactorRating("factor", supplier, key_account)
    assert (rating.rated_both, rating.rated_any) == (both, any_)
