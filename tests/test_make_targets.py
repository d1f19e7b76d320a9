"""make through the Makefile: it renders only what changed, all it can while a workbook is broken, and a
portfolio per quarter, each rebuilt when its own files change; whatever happened to the input folder, it
leaves exactly what a clean run makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from reportgen.outputs.spreadsheets import write_xlsx
from tests.conftest import EXAMPLES, FACTS, REPRODUCIBLE, ROOT, sheets_for, spawn


def make(*args: str, **variables: str) -> subprocess.CompletedProcess:
    assignments = [f"{key}={value}" for key, value in variables.items()]
    return spawn("make", "--no-print-directory", *args, *assignments, env=REPRODUCIBLE)


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")}


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.pdf"))}


OLD = time.mktime((2020, 1, 2, 3, 4, 5, 0, 0, -1))
"""A date from long before any run: a file copied with ``cp -p``, unpacked from a zip or checked out."""


def dated(path: Path, moment: float = OLD) -> Path:
    os.utime(path, (moment, moment))
    return path


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

    touch_later(source / "nordhafen-logistik_2026-Q2.xlsx")  # a new date alone changes nothing
    assert make("reports", **variables).returncode == 0 and stamps(out) == built
    resave(source / "nordhafen-logistik_2026-Q2.xlsx")
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


def resave(path: Path) -> None:
    """The workbook saved again, as a spreadsheet program does: other bytes, the same ratings."""
    with zipfile.ZipFile(path, "a") as book:
        book.comment = f"saved at {time.time_ns()}".encode()


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

    touch_later(source / "calloway-foods_2026-Q3.xlsx")  # a new date alone changes nothing
    same = make("reports", **variables)
    assert same.returncode != 0 and broken.name in same.stderr, same.stderr
    assert changed_since(built, out) == []

    resave(source / "calloway-foods_2026-Q3.xlsx")
    changed = make("reports", **variables)  # a run of the changed workbook only
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
    resave(source / "calloway-foods_2026-Q3.xlsx")
    assert make("portfolio", **variables).returncode == 0
    assert changed_since(built, out) == ["portfolio_2026-Q3_de.pdf", "portfolio_2026-Q4_de.pdf"]

    # Nordhafen's Q2 gives its Q3 path and movement; Q4 only names it, from its Q3 file.
    built = stamps(out)
    resave(source / "nordhafen-logistik_2026-Q2.xlsx")
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


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_adds_and_drops_decks_as_formats_and_the_template_change_and_keeps_the_pdfs(tmp_path):
    from tests.builders import company_template

    source = tmp_path / "in"
    copy_examples(source, "calloway-foods_2026-Q3.xlsx")
    out = tmp_path / "out"
    pdf, deck = out / "calloway-foods-ltd_2026-Q3_en.pdf", out / "calloway-foods-ltd_2026-Q3_en.pptx"
    common = {"INPUT": str(source), "OUTPUT": str(out), "LANGS": "en"}

    def briefings(**variables: str) -> None:
        done = make("briefings", **common, **variables)
        assert done.returncode == 0, done.stdout + done.stderr

    briefings(FORMATS="pdf pptx")
    assert pdf.exists() and deck.exists()
    first = pdf.stat().st_mtime_ns, deck.stat().st_mtime_ns
    briefings(FORMATS="pdf pptx")
    assert (pdf.stat().st_mtime_ns, deck.stat().st_mtime_ns) == first  # nothing asked anew: nothing made
    briefings()  # PDFs alone: the deck is no longer asked for
    assert not deck.exists() and pdf.stat().st_mtime_ns == first[0]
    briefings(FORMATS="pdf pptx")
    assert deck.exists() and pdf.stat().st_mtime_ns == first[0]  # the deck alone is made
    ours = deck.read_bytes()
    template = company_template(tmp_path / "ours.potx", potx=True)
    briefings(FORMATS="pdf pptx", PPTX_TEMPLATE=str(template))
    assert deck.read_bytes() != ours and pdf.stat().st_mtime_ns == first[0]
    clean = tmp_path / "clean"
    done = make(
        "briefings", **{**common, "OUTPUT": str(clean)}, FORMATS="pdf pptx", PPTX_TEMPLATE=str(template)
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert {p.name: p.read_bytes() for p in clean.glob("*.p*")} == {
        p.name: p.read_bytes() for p in out.glob("*.p*")
    }


def clean_run(source: Path, folder: Path) -> tuple[int, dict[str, bytes]]:
    """make on *source* into an empty output folder: what an incremental run must leave."""
    done = make("reports", INPUT=str(source), OUTPUT=str(folder), LANGS="de")
    return done.returncode, pdfs(folder)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_leaves_what_a_clean_run_makes_whatever_happened_to_the_input_folder(tmp_path, catalog):
    """Regression: a removed file or one added with an old date left briefings that still showed it; a file
    broken after a good run left its ratings in the reports; an account's files all removed left its
    briefing behind, looking current."""
    source, out = tmp_path / "in", tmp_path / "out"
    meridian, questionnaire, marcus = (
        "meridian-aerotech_2026-Q3.xlsx", "meridian-aerotech_2026-Q3_dana-whitfield.xlsx",
        "meridian-aerotech_2026-Q3_marcus-webb.xlsx",
    )  # fmt: skip
    copy_examples(source, meridian, questionnaire)
    acme = source / "acme_2026-Q3.xlsx"
    write_xlsx(acme, sheets_for(catalog))
    dated(acme)

    def removed() -> None:  # the key account's questionnaire
        (source / questionnaire).unlink()

    def added_with_an_old_date() -> None:  # a rater's workbook, as cp -p or a zip gives it
        dated(shutil.copy2(EXAMPLES / marcus, source / marcus))

    def renamed() -> None:
        (source / meridian).rename(source / "Meridian Q3 final.xlsx")

    def changed_with_the_date_kept() -> None:
        write_xlsx(acme, sheets_for(catalog, supplier=[5] * len(catalog.factors)))
        dated(acme)

    def broken() -> None:  # cut off by a failed copy, its date kept
        (source / marcus).write_bytes((EXAMPLES / marcus).read_bytes()[:3000])
        dated(source / marcus)

    def fixed() -> None:
        dated(shutil.copy2(EXAMPLES / marcus, source / marcus))

    def all_of_an_accounts_files_removed() -> None:
        acme.unlink()

    first = make("reports", INPUT=str(source), OUTPUT=str(out), LANGS="de")
    assert first.returncode == 0, first.stderr
    for number, step in enumerate([removed, added_with_an_old_date, renamed, changed_with_the_date_kept,
                                   broken, fixed, all_of_an_accounts_files_removed]):  # fmt: skip
        before = stamps(out)
        step()
        incremental = make("reports", INPUT=str(source), OUTPUT=str(out), LANGS="de")
        code, clean = clean_run(source, tmp_path / f"clean-{number}")
        assert (step.__name__, incremental.returncode) == (step.__name__, code), incremental.stderr
        assert (step.__name__, sorted(pdfs(out))) == (step.__name__, sorted(clean))
        assert pdfs(out) == clean, step.__name__
        if step is changed_with_the_date_kept:  # only what draws on the file is made again
            assert changed_since(before, out) == [
                "acme-praezision-gmbh_2026-Q3_de.pdf",
                "portfolio_2026-Q3_de.pdf",
            ]
        if step is broken:  # make fails while the file is broken, as a clean run does
            assert code != 0 and marcus in incremental.stderr
        if step is all_of_an_accounts_files_removed:
            assert "acme-praezision-gmbh_2026-Q3_de.pdf" in incremental.stdout + incremental.stderr
        made = stamps(out)
        again = make("reports", INPUT=str(source), OUTPUT=str(out), LANGS="de")
        assert (again.returncode, stamps(out)) == (code, made), again.stderr
        assert ".pdf" not in again.stdout, step.__name__  # nothing made twice


def test_every_template_and_code_file_makes_the_reports_again_when_it_changes():
    """Regression: the files make watched were listed two folders deep, so a changed template of the
    shared edition (templates/briefing/shared/) or a view module three folders down left stale reports."""
    database = make("-pn", "help").stdout
    (line,) = [line for line in database.splitlines() if line.startswith("RENDER_DEPS :=")]
    watched = set(line.split(":=", 1)[1].split())
    expected = {
        str(path.relative_to(ROOT))
        for folder in ("templates", "reportgen")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".html", ".css", ".ttf", ".otf", ".py"}
    }
    assert expected - watched == set()
    assert {"templates/briefing/shared/_cover.html", "reportgen/views/briefing/summary.py"} <= expected
