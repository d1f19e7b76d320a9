"""The portfolio report laid out: no table leaves a single row on a page, and a portfolio of one account
has no near-empty page and no sentence that counts no account."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from reportgen.rendering import Renderer


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def _rows_per_page(renderer: Renderer, above_mm: int, rows: int) -> list[int]:
    """A ranking table of *rows* rows under a block *above_mm* high, in the portfolio's stylesheet: how
    many of its rows each page holds."""
    body = "".join(f"<tr><td>Row {i}</td><td>{i}</td></tr>" for i in range(rows))
    html = (
        f'<html lang="en"><body><div style="height: {above_mm}mm"></div><table class="ranking-table">'
        f"<thead><tr><th>Key account</th><th>S</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )
    pages = PdfReader(io.BytesIO(renderer.pdf(html, "portfolio"))).pages
    return [len(re.findall(r"Row \d+", page.extract_text())) for page in pages]


@pytest.mark.parametrize("rows", [2, 3, 12])
def test_no_table_is_split_to_leave_a_single_row_on_a_page(renderer, rows):
    """Wherever the page breaks – just after the first row, just before the last – neither stands alone."""
    seen = set()
    for above in range(150, 250, 4):
        counts = [count for count in _rows_per_page(renderer, above, rows) if count]
        assert sum(counts) == rows and 1 not in counts, (above, counts)
        seen.add(len(counts))
    assert (2 in seen) == (rows > 3)  # a longer table was split somewhere along the way, a short one never
