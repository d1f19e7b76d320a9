"""The export's schema: the columns every writer and the analysts' DataFrames take, and what each holds."""

from __future__ import annotations

import pytest

from reportgen.model.assessment import ActionStatus
from reportgen.outputs.export.schema import (
    ACCOUNT_COLUMNS,
    ACTION_COLUMNS,
    FACTOR_COLUMNS,
    KEYS,
    RATING_COLUMNS,
    Column,
    Kind,
    column_names,
)

EVERY_TABLE = (ACCOUNT_COLUMNS, FACTOR_COLUMNS, RATING_COLUMNS, ACTION_COLUMNS)


def test_a_text_in_the_report_languages_has_a_column_per_language_asked_for_in_that_order():
    columns = (Column("zone", "its id"), Column("zone_name", "its name", in_languages=True))
    assert column_names(columns, ("de", "en")) == ["zone", "zone_name_de", "zone_name_en"]
    assert column_names(columns, ("en",)) == ["zone", "zone_name_en"]


@pytest.mark.parametrize("columns", EVERY_TABLE)
def test_every_table_starts_with_its_account_and_names_each_column_once(columns):
    names = column_names(columns, ("de", "en"))
    assert tuple(names[: len(KEYS)]) == KEYS
    assert len(names) == len(set(names))


@pytest.mark.parametrize("columns", EVERY_TABLE)
def test_only_a_choice_column_lists_the_values_it_may_hold(columns):
    for column in columns:
        assert bool(column.choices) == (column.kind is Kind.CHOICE), column.name


def test_a_choice_column_holds_what_the_model_writes_it_from():
    (status,) = [column for column in ACTION_COLUMNS if column.name == "status"]
    assert status.choices == ("open", "done", "dropped") == tuple(str(s) for s in ActionStatus)
