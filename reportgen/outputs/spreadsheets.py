"""Writing plain spreadsheets (xlsx, ods, csv) from rows of values.

Used to make the example input and the test fixtures; the same shapes a user's workbook has.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

Rows = Sequence[Sequence[object]]


def write_xlsx(
    path: Path | BinaryIO, sheets: Mapping[str, Rows], widths: Mapping[str, Sequence[float]] | None = None
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([None if value == "" else value for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, width in enumerate((widths or {}).get(name, ()), start=1):
            sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text as typed, never a formula
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, date):
                    cell.number_format = "DD.MM.YYYY"
    workbook.save(path)


def write_ods(path: Path, sheets: Mapping[str, Rows]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value, TableCell, P))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))


def _ods_cell(value: object, cell_type, paragraph):
    if value is None or value == "":
        return cell_type()
    if isinstance(value, bool):
        cell = cell_type(valuetype="boolean", booleanvalue=str(value).lower())
    elif isinstance(value, int | float):
        cell = cell_type(valuetype="float", value=value)
    elif isinstance(value, date):
        cell = cell_type(valuetype="date", datevalue=value.isoformat())
    else:
        cell = cell_type(valuetype="string")
    cell.addElement(paragraph(text=str(value)))
    return cell


def write_csv(
    path: Path, rows: Rows, *, delimiter: str = ",", encoding: str = "utf-8", decimal_comma: bool = False
) -> None:
    """A CSV as a tool would export it; ``decimal_comma`` writes ``3,5`` as German Excel does."""

    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and decimal_comma:
            return f"{value:g}".replace(".", ",")
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y") if decimal_comma else value.isoformat()
        return str(value)

    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerows([[cell(value) for value in row] for row in rows])
