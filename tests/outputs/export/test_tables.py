"""The export's tables: each account's, factor's, rating's and action's row, worked out from the analysis."""

from __future__ import annotations

import json

from reportgen.outputs.export import export
from reportgen.outputs.export.schema import SCHEMA
from tests.builders import custom_account, custom_catalog


def test_the_accounts_table_counts_each_views_raters_and_gives_the_key_accounts_view(voices, tmp_path):
    (path,) = export(voices, "json", tmp_path, "x")
    several, one = json.loads(path.read_text(encoding="utf-8"))["accounts"]
    assert (several["supplier_index"], several["key_account_index"], several["zone"]) == (
        75,
        50,
        "supplier_frustration_critical",
    )
    assert {
        k: several[k] for k in several if k.startswith(("ka_view", "supplier_raters", "key_account_raters"))
    } == {
        "supplier_raters": 3,
        "key_account_raters": 1,
        "ka_view_supplier_index": 52,
        "ka_view_key_account_index": 73,
        "ka_view_balance": -21,
        "ka_view_zone": "account_invests_more",
        "ka_view_zone_name_de": "Key Account investiert mehr",
        "ka_view_zone_name_en": "Key account invests more",
    }
    assert several["source"] == "acme_anna.xlsx; acme_ben.xlsx; acme_cem.xlsx; acme_dana.xlsx"
    assert (one["supplier_raters"], one["key_account_raters"]) == (1, 0)
    assert [one[k] for k in one if k.startswith("ka_view")] == [None] * 6
    assert one["source"] == "zeta.xlsx"


def test_the_factors_table_gives_the_teams_spread_and_the_perception_gaps(voices, tmp_path):
    (path,) = export(voices, "json", tmp_path, "x")
    several, one = json.loads(path.read_text(encoding="utf-8"))["accounts"]
    voice_columns = ("supplier", "key_account", "supplier_min", "supplier_max", "key_account_min",
                     "key_account_max", "raters", "disagreement", "ka_view_supplier", "ka_view_key_account",
                     "perception_supplier", "perception_key_account")  # fmt: skip
    rows = [tuple(f[k] for k in voice_columns) for f in several["factors"]]
    assert rows[0] == (4.0, 3.0, 3, 5, 3, 3, 3, True, 3, 4, "unseen_by_account", "unseen_by_us")
    assert rows[1] == (4.0, 3.0, 4, 4, 3, 3, 2, False, 4, 3, "aligned", "aligned")
    assert rows[2] == (4.0, 3.0, 4, 4, 3, 3, 3, False, None, None, None, None)
    assert rows[3] == (4.0, 3.0, 4, 4, 3, 3, 3, False, 3, 4, "unseen_by_account", "unseen_by_us")
    alone = one["factors"][0]
    assert tuple(alone[k] for k in voice_columns) == (4, 3, 4, 4, 3, 3, 1, False, None, None, None, None)


def test_the_ratings_table_holds_every_rating_with_its_rater(voices, catalog, tmp_path):
    (path,) = export(voices, "json", tmp_path, "x")
    several, one = json.loads(path.read_text(encoding="utf-8"))["accounts"]
    n = len(catalog.factors)
    assert len(several["ratings"]) == 4 * n and len(one["ratings"]) == n
    assert several["ratings"][0] == {"rater": "Anna Berg", "role": "Key account management", "view": "supplier",
                                     "factor_id": catalog.factors[0].id, "supplier": 5, "key_account": 3,
                                     "comment": "Anna's note"}  # fmt: skip
    assert several["ratings"][n] == {"rater": "Ben Ott", "role": "", "view": "supplier",
                                     "factor_id": catalog.factors[0].id, "supplier": 3, "key_account": 3,
                                     "comment": ""}  # fmt: skip
    assert several["ratings"][2 * n + 1]["supplier"] is None  # Cem left relationship-network blank
    assert several["ratings"][3 * n] == {"rater": "Dana Wolf", "role": "Procurement", "view": "key_account",
                                         "factor_id": catalog.factors[0].id, "supplier": 3, "key_account": 4,
                                         "comment": ""}  # fmt: skip


# Issue 12: each account's rebalancing plan (JSON).


def four_factor_catalog(catalog):
    return custom_catalog(catalog, [1, 1, 1, 1])


def test_json_gives_the_plan_of_an_account_off_target_and_null_on_target(catalog, tmp_path):
    four = four_factor_catalog(catalog)
    # S 69, K 50 (+19, frustrated); balance at K's level is a preferred partner: f1 5 → 3 gives S 56.
    frustrated = custom_account(four, [5, 4, 3, 3], [3, 3, 3, 3])
    # Meant to be lean at S 50, K 50 (balanced, a preferred partner), and we never ask for less: f1 to f4
    # are equal on both sides, so no move is allowed at all; the plan is not reached and stays where it is.
    stuck = custom_account(four, [3, 3, 3, 3], [3, 3, 3, 3], intended="lean_supplier")
    on_target = custom_account(four, [4, 4, 4, 4], [4, 4, 4, 4])
    (path,) = export([frustrated, stuck, on_target], "json", tmp_path, "x")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema"] == SCHEMA == "reportgen-export/4"
    first, second, third = document["accounts"]
    assert first["plan"] == {
        "target_zone": "preferred_partner",
        "reached": True,
        "moves": [{"factor_id": "f1", "side": "supplier", "from": 5.0, "to": 3.0}],
        "projected": {
            "supplier_index": 56,
            "key_account_index": 50,
            "balance": 6,
            "zone": "preferred_partner",
        },
    }
    assert second["plan"] == {
        "target_zone": "lean_supplier",
        "reached": False,
        "moves": [],
        "projected": {
            "supplier_index": 50,
            "key_account_index": 50,
            "balance": 0,
            "zone": "preferred_partner",
        },
    }
    assert third["plan"] is None
    assert list(first)[list(first).index("plan") + 1 :] == ["factors", "ratings", "actions"]


def test_the_tables_are_those_the_file_names_know_in_their_order():
    from reportgen.common.settings import EXPORT_TABLES
    from reportgen.outputs.export.tables import TABLES

    assert tuple(TABLES) == EXPORT_TABLES
