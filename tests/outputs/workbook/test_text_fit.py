"""How much room a cell's text takes, by hand from Arial's advance widths (2048 units an em)."""

from __future__ import annotations

import pytest

from reportgen.outputs.workbook.text_fit import (
    TextStyle,
    column_points,
    column_width_for,
    style_of,
    text_height,
    text_width,
    wrapped_lines,
)

REGULAR, BOLD = TextStyle(), TextStyle(bold=True)


def test_a_word_is_as_wide_as_its_letters_in_its_weight_with_the_safety_margin():
    # F 1251, a 1139, k 1024, t 569, o 1139, r 682: 5804 units; in bold 1251 1139 1139 682 1251 797: 6259
    assert text_width("Faktor", REGULAR) == pytest.approx(5804 / 2048 * 10 * 1.08)
    assert text_width("Faktor", BOLD) == pytest.approx(6259 / 2048 * 10 * 1.08)
    assert text_width("Faktor", TextStyle(size=16)) == pytest.approx(5804 / 2048 * 16 * 1.08)


def test_umlauts_dashes_and_quotes_have_their_own_widths_and_an_unknown_sign_a_whole_em():
    # ä 1139, – 1139, „ 682 (bold 1024), € 1139; a Chinese sign is taken as 2048, the widest there is
    assert text_width("ä–„€", REGULAR) == pytest.approx((1139 + 1139 + 682 + 1139) / 2048 * 10.8)
    assert text_width("„", BOLD) == pytest.approx(1024 / 2048 * 10.8)
    assert text_width("中", REGULAR) == pytest.approx(10.8)


def test_a_column_is_counted_in_excels_seven_pixel_digits_less_its_margins():
    assert column_points(20) == pytest.approx(20 * 5.25 - 4.5)
    assert column_width_for(column_points(20)) == 20
    assert column_width_for(column_points(20) + 0.1) == 20.5  # half a character more, never less room


def test_text_breaks_at_spaces_and_at_its_own_line_breaks():
    # "Lieferant" in bold: 1479 569 1139 682 1139 797 1139 1251 682 = 8877 units, 46.8 points
    assert wrapped_lines("Lieferant (Hansen GmbH)", BOLD, 50) == ["Lieferant", "(Hansen", "GmbH)"]
    assert wrapped_lines("Lieferant (Hansen GmbH)", BOLD, 150) == ["Lieferant (Hansen GmbH)"]
    assert wrapped_lines("eins\nzwei drei", REGULAR, 200) == ["eins", "zwei drei"]
    assert wrapped_lines("", REGULAR, 50) == [""]


def test_a_word_wider_than_its_cell_is_broken_where_it_reaches_the_edge():
    # "m" is 1706 units, 9.0 points: four to a cell of 40 points
    assert wrapped_lines("mmmmmmmmmm nn", REGULAR, 40) == ["mmmm", "mmmm", "mm nn"]


def test_a_row_holds_its_lines_in_the_fonts_size_and_its_padding():
    assert text_height("Lieferant (Hansen GmbH)", BOLD, 50) == pytest.approx(3 * 12.8 + 2)
    assert text_height("Fragebogen", TextStyle(size=16, bold=True), 400) == pytest.approx(16 * 1.28 + 2)


def test_the_first_sign_beyond_the_metrics_and_one_the_font_lacks_are_an_em_wide():
    assert text_width("\u0250", REGULAR) == pytest.approx(10.8)  # ɐ: the first after Latin Extended-B
    assert text_width("\u0080", REGULAR) == pytest.approx(10.8)  # a control character Arial has no glyph for


def test_a_line_exactly_as_wide_as_the_cell_fits_and_a_word_is_broken_exactly_at_the_edge():
    assert wrapped_lines("ab cd", REGULAR, text_width("ab cd", REGULAR)) == ["ab cd"]
    assert wrapped_lines("mmmmmmmm", REGULAR, text_width("mmmm", REGULAR)) == ["mmmm", "mmmm"]


def test_spaces_a_paragraph_starts_with_take_their_room():
    indented = "   Kommentare bleiben intern."
    assert wrapped_lines(indented, REGULAR, text_width(indented, REGULAR)) == [indented]
    assert wrapped_lines(indented, REGULAR, text_width(indented, REGULAR) - 1) == [
        "   Kommentare bleiben",
        "intern.",
    ]


def test_a_cells_font_gives_its_texts_size_and_weight():
    from openpyxl.styles import Font

    assert style_of(Font(name="Arial", sz=12, b=True)) == TextStyle(size=12, bold=True)
    assert style_of(Font(name="Arial", sz=9)) == TextStyle(size=9, bold=False)
    assert style_of(Font(name="Arial")) == TextStyle(size=10, bold=False)  # no size: the sheets' own
