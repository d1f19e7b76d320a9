"""make through the Makefile: it renders only what changed, all it can while a workbook is broken, and a
portfolio per quarter, each rebuilt when its own files change."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from reportgen.spreadsheets import write_xlsx
from tests.conftest import EXAMPLES, FACTS, REPRODUCIBLE, sheets_for, spawn


def make(*args: str, **variables: str) -> subprocess.CompletedProcess:
    assignments = [f"{key}={value}" for key, value in variables.items()]
    return spawn("make", "--no-print-directory", *args, *assignments, env=REPRODUCIBLE)


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")}


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_reports_renders_only_what_changed(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for name in (
        "nordhafen-logistik_2026-Q2.xlsx",
        "nordhafen-logistik_2026-Q3.xlsx",
        "calloway-foods_2026-Q3.xlsx",
    ):
        shutil.copy2(EXAMPLES / name, source / name)
    out = tmp_path / "out"
    variables = {"INPUT": str(source), "OUTPUT": str(out), "LANGS": "en"}

    first = make("reports", **variables)
    assert first.returncode == 0, first.stdout + first.stderr
    built = stamps(out)
    assert sorted(built) == [
        "calloway-foods-ltd_2026-Q3_en.pdf", "nordhafen-logistik-ag_2026-Q2_en.pdf",
        "nordhafen-logistik-ag_2026-Q3_en.pdf", "portfolio_2026-Q2_en.pdf", "portfolio_2026-Q3_en.pdf",
    ]  # fmt: skip

    again = make("reports", **variables)  # how fast that is, `make bench` measures
    assert again.returncode == 0 and ".pdf" not in again.stdout, again.stdout + again.stderr
    assert stamps(out) == built

    later = time.time() + 5
    os.utime(source / "nordhafen-logistik_2026-Q2.xlsx", (later, later))
    third = make("reports", **variables)
    assert third.returncode == 0, third.stdout + third.stderr
    now = stamps(out)
    changed = sorted(name for name in now if now[name] != built[name])
    # Q2 changed: its own briefing, the Q3 briefing that draws its path from it, and both portfolios.
    assert changed == [
        "nordhafen-logistik-ag_2026-Q2_en.pdf", "nordhafen-logistik-ag_2026-Q3_en.pdf",
        "portfolio_2026-Q2_en.pdf", "portfolio_2026-Q3_en.pdf",
    ]  # fmt: skip


def changed_since(before: dict[str, int], folder: Path) -> list[str]:
    now = stamps(folder)
    return sorted(name for name in now if now[name] != before.get(name))


def touch_later(path: Path) -> None:
    later = time.time() + 5
    os.utime(path, (later, later))


def copy_examples(folder: Path, *names: str) -> None:
    folder.mkdir()
    for name in names:
        shutil.copy2(EXAMPLES / name, folder / name)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_renders_all_it_can_and_keeps_failing_while_a_workbook_is_broken(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    copy_examples(source, "nordhafen-logistik_2026-Q3.xlsx", "calloway-foods_2026-Q3.xlsx")
    broken = source / "meridian-aerotech_2026-Q3.xlsx"
    broken.write_bytes((EXAMPLES / broken.name).read_bytes()[:3000])  # cut off, as by a failed copy
    variables = {"INPUT": str(source), "OUTPUT": str(out), "LANGS": "de"}

    first = make("reports", **variables)
    assert first.returncode != 0 and broken.name in first.stderr.splitlines()[-2], first.stderr
    assert first.stderr.count(broken.name) == 1, first.stderr  # said once, not once per step (regression)
    built = stamps(out)
    assert sorted(built) == [
        "calloway-foods-ltd_2026-Q3_de.pdf", "nordhafen-logistik-ag_2026-Q3_de.pdf", "portfolio_2026-Q3_de.pdf",
    ]  # fmt: skip

    for _ in range(2):
        again = make("reports", **variables)
        assert again.returncode != 0 and broken.name in again.stderr, again.stderr
        assert stamps(out) == built
    for target in ("briefings", "portfolio"):
        assert broken.name in make(target, **variables).stderr

    touch_later(source / "calloway-foods_2026-Q3.xlsx")  # a run of the changed workbook only
    changed = make("reports", **variables)
    assert changed.returncode != 0 and broken.name in changed.stderr, changed.stderr
    assert changed_since(built, out) == ["calloway-foods-ltd_2026-Q3_de.pdf", "portfolio_2026-Q3_de.pdf"]

    built = stamps(out)
    broken.unlink()
    fixed = make("reports", **variables)
    assert fixed.returncode == 0, fixed.stderr
    assert stamps(out) == built


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_keeps_a_portfolio_per_quarter_each_rebuilt_when_its_own_files_change(tmp_path, catalog):
    source, out = tmp_path / "in", tmp_path / "out"
    copy_examples(source, "nordhafen-logistik_2026-Q2.xlsx", "nordhafen-logistik_2026-Q3.xlsx",
                  "calloway-foods_2026-Q3.xlsx")  # fmt: skip
    early = [*FACTS[:2], "2026-Q4", *FACTS[3:]]  # one account assessed early in the next quarter
    write_xlsx(source / "acme_2026-Q4.xlsx", sheets_for(catalog, facts=early))
    variables = {"INPUT": str(source), "OUTPUT": str(out), "LANGS": "de"}

    first = make("portfolio", **variables)
    assert first.returncode == 0, first.stderr
    built = stamps(out)
    assert sorted(built) == [
        "portfolio_2026-Q2_de.pdf", "portfolio_2026-Q3_de.pdf", "portfolio_2026-Q4_de.pdf",
    ]  # fmt: skip

    # Calloway is in Q3 and not in Q4: the Q4 portfolio lists it as dropped, so it draws on the file.
    touch_later(source / "calloway-foods_2026-Q3.xlsx")
    assert make("portfolio", **variables).returncode == 0
    assert changed_since(built, out) == ["portfolio_2026-Q3_de.pdf", "portfolio_2026-Q4_de.pdf"]

    # Nordhafen's Q2 gives its Q3 path and movement; Q4 only names it, from its Q3 file.
    built = stamps(out)
    touch_later(source / "nordhafen-logistik_2026-Q2.xlsx")
    assert make("portfolio", **variables).returncode == 0
    assert changed_since(built, out) == ["portfolio_2026-Q2_de.pdf", "portfolio_2026-Q3_de.pdf"]

    built = stamps(out)
    narrowed = make("portfolio", PERIOD="2026-Q3", **variables)
    assert narrowed.returncode == 0, narrowed.stderr
    assert changed_since(built, out) == ["portfolio_2026-Q3_de.pdf"]

    # A removed file changes the quarters that drew on it: Q3 loses Nordhafen's movement.
    built = stamps(out)
    (source / "nordhafen-logistik_2026-Q2.xlsx").unlink()
    assert make("portfolio", **variables).returncode == 0
    assert changed_since(built, out) == ["portfolio_2026-Q3_de.pdf"]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_with_archive_writes_archival_pdfs_beside_the_others(tmp_path):
    source = tmp_path / "in"
    copy_examples(source, "calloway-foods_2026-Q3.xlsx")
    out = tmp_path / "out"
    archived = make("reports", INPUT=str(source), OUTPUT=str(out), LANGS="en", ARCHIVE="1")
    assert archived.returncode == 0, archived.stdout + archived.stderr
    assert sorted(stamps(out)) == [
        "calloway-foods-ltd_2026-Q3_en_archive.pdf",
        "portfolio_2026-Q3_en_archive.pdf",
    ]
