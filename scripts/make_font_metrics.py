"""Write reportgen/outputs/workbook/arial_metrics.py: the advance widths the workbooks measure text with.

The workbooks are set in Arial: Excel has it everywhere, and LibreOffice sets it in Liberation Sans, whose
every glyph is as wide as Arial's. Their widths are read here from Liberation Sans (Debian's
fonts-liberation2), so that no run of reportgen needs the font installed. Italic is as wide as upright in
both, so only the regular and the bold widths are kept. A character of the run the font lacks (the control
characters) is taken as an em wide, the widest there is. Run it again only to cover more characters:

    .venv/bin/python scripts/make_font_metrics.py

The same fonts give the same file.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
TARGET = Path(__file__).resolve().parent.parent / "reportgen" / "outputs" / "workbook" / "arial_metrics.py"
FIRST, LAST = 0x20, 0x24F
"""Basic Latin to Latin Extended-B, in one run: every letter of the languages the companies write in."""
EXTRA = "–—‘’‚“”„†•…‰‹›€™−≤≥→←↑↓✓"
"""Typographic signs beyond that run which catalogs, names and comments use."""


def advances(style: str) -> tuple[int, tuple[int, ...], dict[str, int]]:
    font = TTFont(FONTS / f"LiberationSans-{style}.ttf")
    cmap, metrics = font.getBestCmap(), font["hmtx"]

    def width(character: str) -> int:
        return metrics[cmap[ord(character)]][0]

    units = font["head"].unitsPerEm
    run = tuple(width(chr(code)) if code in cmap else units for code in range(FIRST, LAST + 1))
    extra = {character: width(character) for character in EXTRA if ord(character) in cmap}
    return units, run, extra


def main() -> None:
    units, regular, regular_extra = advances("Regular")
    bold_units, bold, bold_extra = advances("Bold")
    assert units == bold_units
    lines = [
        '"""Advance widths of Arial (as Liberation Sans, metric-equal), for measuring the workbooks\' text.',
        "",
        "Written by scripts/make_font_metrics.py; do not edit.",
        '"""',
        "",
        "# fmt: off",
        f"UNITS_PER_EM = {units}",
        f"FIRST = {FIRST:#x}",
        "",
        "REGULAR = (",
        *_wrapped(regular),
        ")",
        "REGULAR_EXTRA = {",
        *_entries(regular_extra),
        "}",
        "BOLD = (",
        *_wrapped(bold),
        ")",
        "BOLD_EXTRA = {",
        *_entries(bold_extra),
        "}",
        "",
    ]
    TARGET.write_text("\n".join(lines), encoding="utf-8")


def _wrapped(numbers: tuple[int, ...]) -> list[str]:
    text = ", ".join(map(str, numbers)) + ","
    return textwrap.wrap(text, 100, initial_indent="    ", subsequent_indent="    ")


def _entries(widths: dict[str, int]) -> list[str]:
    return [f'    "\\u{ord(character):04x}": {width},' for character, width in widths.items()]


if __name__ == "__main__":
    main()
