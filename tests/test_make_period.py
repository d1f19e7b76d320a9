"""make's PERIOD takes what --period takes (Q3/26, 3. Quartal 2026, a date), and names the same files."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import EXAMPLES, REPRODUCIBLE, spawn

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("nordhafen-logistik_2026-Q2.xlsx", "nordhafen-logistik_2026-Q3.xlsx"):
        shutil.copy2(EXAMPLES / name, folder / name)
    return folder


def make(source, out, period):
    variables = [f"INPUT={source}", f"OUTPUT={out}", "LANGS=en", f"PERIOD={period}"]
    return spawn("make", "--no-print-directory", "reports", *variables, env=REPRODUCIBLE)


def test_make_takes_a_period_written_as_a_workbook_may_write_it(source, tmp_path):
    """Regression: PERIOD=Q3/26 was refused as no period (and named a stamp in a folder "Q3")."""
    out = tmp_path / "out"
    made = make(source, out, "3. Quartal 2026")
    assert made.returncode == 0, made.stdout + made.stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "nordhafen-logistik-ag_2026-Q3_en.pdf",
        "portfolio_2026-Q3_en.pdf",
    ]
    again = make(source, out, "Q3/26")  # the same quarter written otherwise: nothing to do
    assert again.returncode == 0, again.stdout + again.stderr
    assert ".pdf" not in again.stdout + again.stderr


def test_make_says_a_period_that_names_no_quarter(source, tmp_path):
    made = make(source, tmp_path / "out", "0000-Q3")
    assert made.returncode != 0
    assert '"0000-Q3" is not a period.' in made.stderr


@pytest.mark.parametrize(
    ("given", "said", "code"),
    [("Q3/26", "2026-Q3\n", 0), ("3. Quartal 2026", "2026-Q3\n", 0), ("Herbst", "", 2)],
)
def test_make_reads_its_period_through_reportgen(given, said, code):
    from tests.conftest import run

    result = run("quarter", given)
    assert (result.stdout, result.exit_code) == (said, code)
