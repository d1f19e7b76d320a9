"""One test per kind of bad or foreign file: a one-line error with its place, no traceback, no PDF."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportgen.outputs.spreadsheets import write_xlsx
from reportgen.reading import read_file
from tests.conftest import run, sheets_for
from tests.robustness.conftest import record


def problems(path: Path, catalog, lang: str = "en") -> list[str]:
    result = read_file(path, catalog)
    record(result)
    return [p.render(lang).replace(str(path.parent) + "/", "") for p in result.errors]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rezip(data: bytes, change) -> bytes:
    """The same zip with its members passed through *change* (name, bytes) → (name, bytes) or None."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            changed = change(info.filename, source.read(info))
            if changed is not None:
                target.writestr(*changed)
    return buffer.getvalue()


DAMAGED = "The file cannot be opened as a spreadsheet: it is damaged or in another format."


@pytest.mark.parametrize("name", ["leer.xlsx", "leer.ods", "leer.csv", "leer.xls"])
def test_empty_files(tmp_path, catalog, name):
    assert problems(write(tmp_path, name, b""), catalog) == [
        f"{name}: The file is empty. Save the assessment again from Excel or LibreOffice."
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gzipped.xlsx", gzip.compress(b"PK not really", mtime=0)),  # the same bytes in every process
        ("truncated.xlsx", None),
        ("old.xls", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600),
        ("binary.xlsb", b"PK\x03\x04" + b"\xff" * 300),
        ("text.ods", b"<html>not a spreadsheet</html>"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_damaged_or_foreign_containers(tmp_path, catalog, valid_xlsx, name, data):
    data = data if data is not None else valid_xlsx[: len(valid_xlsx) // 2]
    (message,) = problems(write(tmp_path, name, data), catalog)
    assert message.startswith(f"{name}: ")
    assert DAMAGED in message or "password" in message


def test_password_protected_workbook(tmp_path, catalog):
    # Office encrypts a workbook into an OLE compound file that keeps the .xlsx name.
    data = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4000
    assert problems(write(tmp_path, "secret.xlsx", data), catalog) == [
        "secret.xlsx: The workbook is password-protected. Save a copy without a password and use that one."
    ]


def test_zip_bomb(tmp_path, catalog, valid_xlsx):
    bomb = rezip(valid_xlsx, lambda name, data: (name, data))
    with zipfile.ZipFile(path := write(tmp_path, "bomb.xlsx", bomb), "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    (message,) = problems(path, catalog)
    assert message.startswith("bomb.xlsx: The file unpacks to far more than any assessment")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
        '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_xml_bombs_and_external_entities(tmp_path, catalog, valid_xlsx, doctype):
    def inject(name, data):
        if name == "xl/workbook.xml":
            head, _, rest = data.decode().partition("?>")
            return name, (head + "?>" + doctype + rest).encode()
        return name, data

    (message,) = problems(write(tmp_path, "entities.xlsx", rezip(valid_xlsx, inject)), catalog)
    assert message.startswith("entities.xlsx: The file contains a document type declaration")


def test_a_dropped_part(tmp_path, catalog, valid_xlsx):
    data = rezip(valid_xlsx, lambda name, raw: None if name == "xl/workbook.xml" else (name, raw))
    (message,) = problems(write(tmp_path, "dropped.xlsx", data), catalog)
    assert DAMAGED in message


def test_fifty_sheets_load_only_the_two_that_matter(tmp_path, catalog):
    sheets = {f"Tabelle{n}": [["x"] * 5] * 20 for n in range(48)}
    sheets.update(sheets_for(catalog, "de"))
    write_xlsx(path := tmp_path / "many.xlsx", sheets)
    result = read_file(path, catalog)
    record(result)
    assert result.ok and len(result.assessments) == 1


def test_a_workbook_that_is_something_else_names_its_sheets(tmp_path, catalog):
    write_xlsx(path := tmp_path / "budget.xlsx", {f"Sheet{n}": [["Budget", 100]] for n in range(20)})
    (first, second) = problems(path, catalog, "de")
    assert first.startswith(
        'budget.xlsx: Es gibt kein Blatt „Stammdaten“ (die Arbeitsmappe enthält: "Sheet0"'
    )
    assert '"Sheet11", …)' in first
    assert second.startswith("budget.xlsx: Es gibt kein Blatt „Bewertung“")


def test_far_too_many_rows(tmp_path, catalog):
    """A million rows: refused by the row limit, without loading them into the report."""
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, 1_000_001))
    sheets = sheets_for(catalog, "en")
    write_xlsx(path := tmp_path / "huge.xlsx", sheets)
    data = rezip(
        path.read_bytes(),
        lambda name, raw: (
            name,
            raw.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
            if name.endswith("sheet2.xml")
            else raw,
        ),
    )
    path.write_bytes(data)
    (message,) = problems(path, catalog)
    assert message.startswith("huge.xlsx › Assessment: The sheet has more than 2000 rows")


def test_formulas_without_cached_values_are_not_rated_never_zero(tmp_path, catalog, make_workbook):
    path = make_workbook("formulas.xlsx", lang="en")
    workbook = load_workbook(path)
    workbook["Assessment"]["C2"] = "=2+2"
    workbook["Assessment"]["D3"] = "=SUM(D4:D5)"
    workbook.save(path)
    result = read_file(path, catalog)
    record(result)
    assert result.ok
    assert result.assessments[0].ratings[0].supplier is None
    assert result.assessments[0].ratings[1].key_account is None


def test_merged_cells(tmp_path, catalog, make_workbook):
    path = make_workbook("merged.xlsx", lang="en")
    workbook = load_workbook(path)
    workbook["Assessment"].merge_cells("E2:E5")
    workbook.save(path)
    result = read_file(path, catalog)
    record(result)
    assert result.ok


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1"])
def test_csv_in_utf16_and_latin1(tmp_path, catalog, encoding):
    lines = ["Account-ID;Kunde;Periode;Faktor-ID;Lieferant;Key Account;Kommentar"]
    lines += [f"KA-1;Jürgen Müller GmbH;2026-Q3;{f.id};3,5;4;Grüße" for f in catalog.factors]
    path = write(tmp_path, "export.csv", "\r\n".join(lines).encode(encoding))
    result = read_file(path, catalog)
    record(result)
    assert result.ok, [p.render("en") for p in result.problems]
    assert result.assessments[0].account.name == "Jürgen Müller GmbH"


def test_long_texts_are_shortened_and_say_so(tmp_path, catalog, make_workbook):
    path = make_workbook(
        "long.xlsx", lang="en", comments={0: "Sehr lang " * 300}, facts=["X" * 500, "KA-1", "2026-Q3"]
    )
    result = read_file(path, catalog)
    record(result)
    (assessment,) = result.assessments
    assert assessment.account.name.endswith(" […]") and len(assessment.account.name) < 130
    assert assessment.ratings[0].comment.endswith(" […]") and len(assessment.ratings[0].comment) <= 1005
    warnings = [p.render("en").replace(str(tmp_path) + "/", "") for p in result.problems]
    assert (
        "long.xlsx › Account › B1: The text has 500 characters; reports show the first 120. Shorten it if the end matters."
        in warnings
    )


@pytest.mark.parametrize("name", ["bomb.xlsx", "leer.csv"])
def test_the_command_line_answers_with_one_line_and_writes_nothing(tmp_path, catalog, name):
    path = write(tmp_path, name, b"" if name.endswith(".csv") else b"PK\x03\x04" + b"\0" * 50)
    out = tmp_path / "out"
    result = run("briefing", str(path), "--lang", "de", "--out", str(out))
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr
    assert next(line for line in result.stderr.splitlines() if line.startswith("✗")).startswith(f"✗ {path}")
    assert not out.exists() or not list(out.iterdir())
