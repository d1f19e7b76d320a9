"""Print, for every row of every sheet of each workbook given, the height it has and the height LibreOffice
finds it needs for its text: ``sheet<TAB>row<TAB>given<TAB>needed``, in points.

Run by the workbooks' LibreOffice test with a Python that has LibreOffice's UNO bridge (Debian's
python3-uno), not the project's: ``python3 libreoffice_rows.py PORT FILE…``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue

POINTS_PER_HUNDREDTH_MM = 72 / 2540


def main(port: str, files: list[str]) -> None:
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(
            ["soffice", "--headless", "--invisible", f"-env:UserInstallation=file://{profile}",
             f"--accept=socket,host=localhost,port={port};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            desktop = _desktop(port)
            for file in files:
                _print_rows(desktop, Path(file))
            desktop.terminate()
            office.wait(timeout=60)
        finally:
            if office.poll() is None:  # it did not answer, or did not quit: no LibreOffice is left behind
                office.kill()


def _desktop(port: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            context = resolver.resolve(
                f"uno:socket,host=localhost,port={port};urp;StarOffice.ComponentContext"
            )
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:  # LibreOffice is still starting
            time.sleep(0.2)
    raise SystemExit("LibreOffice did not answer")


def _print_rows(desktop, path: Path) -> None:
    hidden = PropertyValue()
    hidden.Name, hidden.Value = "Hidden", True
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(str(path.resolve())), "_blank", 0, (hidden,)
    )
    try:
        for sheet in document.Sheets:
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            for index in range(cursor.RangeAddress.EndRow + 1):
                row = sheet.Rows.getByIndex(index)
                given = row.Height
                row.OptimalHeight = True
                print(path.name, sheet.Name, index + 1, given * POINTS_PER_HUNDREDTH_MM,
                      row.Height * POINTS_PER_HUNDREDTH_MM, sep="\t")  # fmt: skip
    finally:
        document.close(True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
