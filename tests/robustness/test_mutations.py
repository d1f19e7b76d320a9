"""Property-based: valid workbooks and CSV exports, mutated at random. Whatever comes out, the tool
answers with problems or a valid assessment (and then a valid PDF) – never with a traceback.

`make fuzz` runs the same properties with many more examples (HYPOTHESIS_PROFILE=fuzz).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from reportgen.analysis.indices import analyse
from reportgen.reading import read_file
from reportgen.rendering import Renderer
from tests.conftest import briefing_view
from tests.robustness.conftest import TALLY, record

XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)
CELL_VALUES = st.one_of(
    st.none(),
    XML_TEXT,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1900, 3, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.booleans(),
)


def read_bytes(tmp_path_factory, catalog, data: bytes, suffix: str):
    path = tmp_path_factory.mktemp("mutant") / f"mutant{suffix}"
    path.write_bytes(data)
    try:
        result = read_file(path, catalog)
    except BaseException:
        TALLY["tracebacks"] += 1
        raise
    record(result)
    if result.ok:
        for assessment in result.assessments:
            analyse(assessment, catalog)
    return result


@given(cut=st.floats(0, 1))
def test_truncated_workbooks(tmp_path_factory, catalog, valid_xlsx, cut):
    read_bytes(tmp_path_factory, catalog, valid_xlsx[: int(len(valid_xlsx) * cut)], ".xlsx")


@given(flips=st.lists(st.integers(min_value=0), min_size=1, max_size=24))
def test_bit_flipped_workbooks(tmp_path_factory, catalog, valid_xlsx, flips):
    data = bytearray(valid_xlsx)
    for flip in flips:
        bit = flip % (len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
    read_bytes(tmp_path_factory, catalog, bytes(data), ".xlsx")


@given(drop=st.integers(min_value=0))
def test_workbooks_missing_a_part(tmp_path_factory, catalog, valid_xlsx, drop):
    source = zipfile.ZipFile(io.BytesIO(valid_xlsx))
    members = source.infolist()
    victim = members[drop % len(members)].filename
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in members:
            if info.filename != victim:
                target.writestr(info, source.read(info))
    read_bytes(tmp_path_factory, catalog, buffer.getvalue(), ".xlsx")


def with_cells(valid_xlsx: bytes, changes: dict[tuple[str, str], object]) -> bytes:
    workbook = load_workbook(io.BytesIO(valid_xlsx))
    for (sheet, cell), value in changes.items():
        workbook[sheet][cell] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CELLS = st.sampled_from(
    [("Bewertung", f"{c}{r}") for c in "ABCDE" for r in range(1, 19)]
    + [("Stammdaten", f"{c}{r}") for c in "AB" for r in range(1, 8)]
)


@given(changes=st.dictionaries(CELLS, CELL_VALUES, min_size=1, max_size=8))
def test_random_cell_values(tmp_path_factory, catalog, valid_xlsx, changes):
    read_bytes(tmp_path_factory, catalog, with_cells(valid_xlsx, changes), ".xlsx")


@settings(max_examples=8)
@given(name=XML_TEXT.filter(str.strip), comment=XML_TEXT)
def test_random_names_and_comments_still_give_a_valid_pdf(
    tmp_path_factory, catalog, valid_xlsx, name, comment
):
    data = with_cells(valid_xlsx, {("Stammdaten", "B1"): name, ("Bewertung", "E2"): comment})
    result = read_bytes(tmp_path_factory, catalog, data, ".xlsx")
    if not result.ok:
        return
    view = briefing_view(analyse(result.assessments[0], catalog), "en")
    reader = PdfReader(io.BytesIO(Renderer().briefing_pdf(view)))
    assert 1 <= len(reader.pages) <= 4


CSV_LINES = ["Account-ID;Kunde;Periode;Faktor-ID;Lieferant;Key Account;Kommentar"] + [
    f"KA-1;Müller GmbH;2026-Q3;factor-{n};3,5;4;Grüße" for n in range(16)
]


@given(
    cut=st.integers(min_value=0),
    flips=st.lists(st.integers(min_value=0), max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_mutated_csv_exports(tmp_path_factory, catalog, cut, flips, encoding):
    lines = [line.replace("factor-", "") for line in CSV_LINES]
    lines = [lines[0]] + [
        line.replace(f";{n};", f";{f.id};", 1)
        for n, (line, f) in enumerate(zip(lines[1:], catalog.factors, strict=True))
    ]
    data = bytearray("\r\n".join(lines).encode(encoding))
    data = data[: max(1, cut % (len(data) + 1))]
    for flip in flips:
        bit = flip % (len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
    read_bytes(tmp_path_factory, catalog, bytes(data), ".csv")
