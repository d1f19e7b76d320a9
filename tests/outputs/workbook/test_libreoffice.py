"""The workbooks as a customer without Excel sees them: opened in LibreOffice and printed to PDF.

Runs where LibreOffice is installed (``soffice``, and Debian's python3-uno for the rows' heights); a fresh
clone and CI have neither, and the same rules are checked there by measure (test_look)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.outputs.workbook.conftest import WORKBOOKS, workbook_of

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="extra: runs where LibreOffice (soffice) is installed"
)
PRINTED = ("ours_de", "ours_en", "questionnaire_de", "questionnaire_en")
FOOTER = re.compile(r"(?:Seite|Page) (\d+) (?:von|of) (\d+)")
HEADERS = {"de": ("Faktor-ID", "Kommentar teilen"), "en": ("Factor ID", "Share comment")}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Each workbook and the PDF LibreOffice prints of it."""
    folder = tmp_path_factory.mktemp("printed")
    books = {name: workbook_of(folder, name, *WORKBOOKS[name]) for name in PRINTED}
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(folder), *map(str, books.values())],
                   check=True, capture_output=True, timeout=240)  # fmt: skip
    return {name: (book, book.with_suffix(".pdf")) for name, book in books.items()}


@pytest.mark.parametrize("name", PRINTED)
def test_every_sheet_prints_on_its_pages_each_numbered_and_under_the_header_row(printed, name):
    book, pdf = printed[name]
    sheets = load_workbook(book).worksheets
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(pdf).pages]
    # Each sheet on one page, the rating sheet on as many as its breaks make: 2 for its 16 factors.
    expected = [sheet.title for sheet in sheets for _ in range(len(sheet.row_breaks.brk) + 1)]
    assert len(pages) == len(expected) == len(sheets) + 1
    for number, (text, sheet) in enumerate(zip(pages, expected, strict=True), start=1):
        assert f"– {sheet} · " in text, (number, text[-300:])  # the footer names the sheet
        assert FOOTER.search(text).groups() == (str(number), str(len(pages)))
    rating = sheets[2].title
    first, *others = HEADERS[name[-2:]]
    for number, text in enumerate(pages, start=1):
        if expected[number - 1] == rating:
            assert text.count(first) == 1 and all(header in text for header in others), number
            assert "1 = " in text and "5 = " in text  # the scale at the page's head


def python_with_uno() -> str | None:
    """The Python that has LibreOffice's bridge: the system's, which may not be the first python3 on PATH."""
    for python in dict.fromkeys(filter(None, (shutil.which("python3"), "/usr/bin/python3"))):
        if (
            Path(python).exists()
            and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0
        ):
            return python
    return None


PYTHON_WITH_UNO = python_with_uno()


@pytest.mark.skipif(
    PYTHON_WITH_UNO is None, reason="extra: runs where LibreOffice's Python bridge (python3-uno) is installed"
)
def test_every_row_is_at_least_as_tall_as_libreoffice_finds_its_text_needs(printed):
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        port = probe.getsockname()[1]
    script = Path(__file__).with_name("libreoffice_rows.py")
    books = [str(book) for book, _ in printed.values()]
    result = subprocess.run([PYTHON_WITH_UNO, str(script), str(port), *books], check=True, capture_output=True,
                            text=True, timeout=240)  # fmt: skip
    needed = {(book, sheet, int(row)): float(height) for book, sheet, row, _, height in
              (line.split("\t") for line in result.stdout.splitlines())}  # fmt: skip
    assert len(needed) > 150
    written = {
        (book.name, sheet.title, row): sheet.row_dimensions[row].height or 0.0
        for book, _ in printed.values()
        for sheet in load_workbook(book).worksheets
        for row in range(1, sheet.max_row + 1)
    }
    assert written.keys() == needed.keys()
    assert not [(row, written[row], height) for row, height in needed.items() if written[row] < height - 0.1]
