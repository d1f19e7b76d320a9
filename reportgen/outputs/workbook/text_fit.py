"""How much room a cell's text takes: so that every row of a workbook is tall enough for its wrapped text, and
every column to fill is wide enough for its header's longest word.

Neither Excel nor openpyxl fits a row to its text when the workbook is opened; LibreOffice does only for
rows without a height. So each row's height is reckoned here, from the text's width in the sheets' font
(Arial, whose advance widths :mod:`arial_metrics` holds), the column's width and the way both programs wrap:
at spaces, and inside a word only where it is wider than the cell. Where either program sets text wider than
its metrics say (Excel rounds each letter to whole pixels on screen), the :data:`SAFETY` margin absorbs it,
and a row is rather a line too tall than a line too short.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.outputs.workbook import arial_metrics

FONT_NAME = "Arial"
"""The sheets' font: Excel has it everywhere, LibreOffice sets it in the metric-equal Liberation Sans."""
FONT_SIZE = 10.0
SAFETY = 1.08
"""How much wider than its metrics text is taken to be."""
POINTS_PER_CHARACTER = 5.25
"""A column width of one character, in points: the 7 pixels of Arial 10's widest digit at 96 dpi, as Excel
reckons it. LibreOffice reckons with the digit's exact width (5.56 pt), so a column is wider there."""
CELL_PADDING = 4.5
"""The points of a column's width that text never takes: the margins left and right, and the grid line."""
LINE_SPACING = 1.28
"""A line of wrapped text, in its font's size: Excel gives a line of Arial 10 its 17 pixels, 12.75 points,
and a row of several lines as many times that; LibreOffice needs less (11.2 points)."""
ROW_PADDING = 2.0
"""The points a row adds above and below its lines."""


@dataclass(frozen=True)
class TextStyle:
    """What a cell's text is set in, as far as its room goes."""

    size: float = FONT_SIZE
    bold: bool = False


def style_of(font) -> TextStyle:
    """What an openpyxl font sets its text in, as far as its room goes."""
    return TextStyle(size=float(font.sz or FONT_SIZE), bold=bool(font.b))


def words(text: str) -> list[str]:
    """*text*'s words, as both programs break lines between them: at spaces and line breaks only (a
    no-break space keeps a name together)."""
    return [word for line in text.split("\n") for word in line.split(" ")]


def text_width(text: str, style: TextStyle) -> float:
    """The points *text* takes on one line, with the safety margin. A character the metrics do not hold (a
    Chinese name, say) is taken as one em wide, as wide as any."""
    widths, extra = (
        (arial_metrics.BOLD, arial_metrics.BOLD_EXTRA)
        if style.bold
        else (arial_metrics.REGULAR, arial_metrics.REGULAR_EXTRA)
    )
    em = arial_metrics.UNITS_PER_EM
    units = 0
    for character in text:
        index = ord(character) - arial_metrics.FIRST
        units += widths[index] if 0 <= index < len(widths) else extra.get(character, em)
    return units / em * style.size * SAFETY


def column_points(width: float) -> float:
    """The points a column of *width* characters holds text in."""
    return width * POINTS_PER_CHARACTER - CELL_PADDING


def column_width_for(points: float) -> float:
    """The column width, in characters, that holds *points* of text."""
    return math.ceil((points + CELL_PADDING) / POINTS_PER_CHARACTER * 2) / 2


def wrapped_lines(text: str, style: TextStyle, points: float) -> list[str]:
    """*text* broken into the lines a cell *points* wide shows: at its line breaks, then at spaces, and a
    word wider than the cell character by character. Spaces a paragraph starts with take their room."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = None  # before the paragraph's first word
        for word in paragraph.split(" "):
            candidate = word if line is None else f"{line} {word}"
            if text_width(candidate, style) <= points:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for character in word:
                if line and text_width(line + character, style) > points:
                    lines.append(line)
                    line = ""
                line += character
        lines.append(line)
    return lines


def line_height(style: TextStyle) -> float:
    """A line of wrapped text in *style*, in points."""
    return style.size * LINE_SPACING


def text_height(text: str, style: TextStyle, points: float, wrap: bool = True) -> float:
    """The row height, in points, that shows *text* whole in a cell *points* wide; text that does not
    *wrap* stays on one line."""
    lines = len(wrapped_lines(text, style, points)) if wrap else 1
    return lines * line_height(style) + ROW_PADDING
