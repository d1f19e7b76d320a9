"""The checks before any parser: a file named .xlsx that is no zip is no spreadsheet."""

from __future__ import annotations

import pytest

from reportgen.reading import read_file
from tests.reading.conftest import rendered


@pytest.mark.parametrize("content", [b"%PDF-1.7 not a workbook", b"PK\x03\x04broken zip"])
def test_not_a_spreadsheet(tmp_path, catalog, content):
    path = tmp_path / "acme.xlsx"
    path.write_bytes(content)
    (message,) = rendered(read_file(path, catalog), "en")
    assert message == (
        "acme.xlsx: The file cannot be opened as a spreadsheet: it is damaged or in another format. "
        "Open it in Excel or LibreOffice and save it again as .xlsx or .ods."
    )
