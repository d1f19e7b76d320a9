"""The words users put in their workbooks: every heading reportgen writes is one it reads."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_heading_we_write_is_one_we_read(lang):
    from reportgen.reading.vocabulary import (
        ACCOUNT_FIELDS,
        ACCOUNT_SHEET,
        ASSESSMENT_SHEET,
        CSV_COLUMNS,
        RATING_COLUMNS,
    )

    for term in (ACCOUNT_SHEET, ASSESSMENT_SHEET, *ACCOUNT_FIELDS, *RATING_COLUMNS, *CSV_COLUMNS):
        assert term.matches(term.heading(lang)), (term.key, term.heading(lang))
