"""`reportgen briefing` as a user runs it: exit codes, messages in the chosen language, no traceback; an
account's history, parallel workers and reproducible PDFs."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import time
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import CALLOWAY, EXAMPLES, REPRODUCIBLE, run, run_process


def test_one_good_workbook(tmp_path, good):
    out = tmp_path / "out"
    result = run("briefing", str(good), "--lang", "de", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["acme-praezision-gmbh_2026-Q3_de.pdf"]
    assert "1 Briefing erstellt, 1 PDF" in result.stderr


def test_lang_all_writes_german_and_english(tmp_path, good, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")  # messages follow the user's locale when --lang is all
    out = tmp_path / "out"
    result = run("briefing", str(good), "--out", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "acme-praezision-gmbh_2026-Q3_de.pdf",
        "acme-praezision-gmbh_2026-Q3_en.pdf",
    ]
    assert f"1 Briefing erstellt, 2 PDFs in {out}." in result.stderr  # each count with its own plural


def test_a_bad_workbook_exits_2_with_the_place_and_writes_nothing(tmp_path, bad):
    out = tmp_path / "out"
    result = run("briefing", str(bad), "--lang", "de", "--out", str(out))
    assert result.exit_code == 2
    assert "bad.xlsx › Bewertung › C2: „9“ liegt außerhalb der Skala 1–5." in result.stderr
    assert "Es wurde keine Datei erstellt." in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_messages_follow_lang(tmp_path, bad):
    result = run("briefing", str(bad), "--lang", "en", "--out", str(tmp_path / "out"))
    assert 'bad.xlsx › Bewertung › C2: "9" lies outside the scale 1–5.' in result.stderr


def test_a_folder_with_one_bad_file_renders_the_rest_and_exits_1(tmp_path, good, bad):
    out = tmp_path / "out"
    result = run("briefing", str(good.parent), "--lang", "en", "--out", str(out))
    assert result.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["acme-praezision-gmbh_2026-Q3_en.pdf"]
    assert "1 file had problems; the ratings it holds are left out of the reports:" in result.stderr
    assert "bad.xlsx" in result.stderr


def test_the_same_rater_twice_is_an_error_of_the_older_file_that_names_both(tmp_path, make_workbook):
    make_workbook("first.xlsx")
    second = make_workbook("second.xlsx")
    os.utime(second, (datetime(2026, 9, 16, 8).timestamp(),) * 2)
    out = tmp_path / "out"
    result = run("briefing", str(tmp_path), "--lang", "en", "--out", str(out))
    assert result.exit_code == 1
    assert (
        "✗ second.xlsx: Anja Groß rated Acme Präzision GmbH for 2026-Q3 from the same view in first.xlsx too, "
        "which is newer (saved on "
    ) in result.stderr.replace(str(tmp_path) + "/", "")
    assert [p.name for p in out.iterdir()] == ["acme-praezision-gmbh_2026-Q3_en.pdf"]


def test_period_filter_and_a_bad_period(tmp_path, make_workbook, catalog):
    facts = ["Acme Präzision GmbH", "KA-1", "2026-Q2"]  # the same account a quarter earlier
    make_workbook("q2.xlsx", facts=facts)
    make_workbook("q3.xlsx")
    out = tmp_path / "out"
    assert (
        run("briefing", str(tmp_path), "--lang", "en", "--out", str(out), "--period", "2026-Q3").exit_code
        == 0
    )
    assert [p.name for p in out.iterdir()] == ["acme-praezision-gmbh_2026-Q3_en.pdf"]
    result = run("briefing", str(tmp_path), "--period", "Herbst", "--lang", "de")
    assert result.exit_code == 2
    assert "„Herbst“ ist kein Zeitraum." in result.stderr


def test_a_crash_while_rendering_one_account_spares_the_others(tmp_path, make_workbook, monkeypatch):
    make_workbook("a.xlsx")
    make_workbook("b.xlsx", facts=["Beta GmbH", "KA-2", "2026-Q3"])
    from reportgen.views import briefing

    real = briefing.build_briefing

    def fragile(analysis, *args):
        if analysis.assessment.account.name == "Beta GmbH":
            raise ValueError("layout exploded")
        return real(analysis, *args)

    monkeypatch.setattr(briefing, "build_briefing", fragile)
    out = tmp_path / "out"
    result = run("briefing", str(tmp_path), "--lang", "en", "--out", str(out), "--jobs", "1")
    assert result.exit_code == 1
    assert "The briefing for Beta GmbH (2026-Q3) could not be made: layout exploded." in result.stderr
    assert [p.name for p in out.iterdir()] == ["acme-praezision-gmbh_2026-Q3_en.pdf"]


def test_an_account_that_hangs_is_stopped_and_reported_while_the_others_are_written(
    tmp_path, make_workbook, monkeypatch
):
    """A single in-process run has a time limit too, not only a pool of workers."""
    make_workbook("a.xlsx")
    make_workbook("b.xlsx", facts=["Beta GmbH", "KA-2", "2026-Q3"])
    from reportgen.views import briefing

    real = briefing.build_briefing

    def stuck(analysis, *args):
        if analysis.assessment.account.name == "Beta GmbH":
            time.sleep(600)
        return real(analysis, *args)

    monkeypatch.setattr(briefing, "build_briefing", stuck)
    out = tmp_path / "out"
    # The limit holds for every account, so the good one needs room too: a cold renderer takes a few
    # seconds, and on a machine busy with other work (the rest of the suite) over eight.
    args = ["briefing", str(tmp_path), "--lang", "de", "--out", str(out), "--jobs", "1", "--timeout", "20"]
    result = run(*args)
    assert result.exit_code == 1
    assert (
        "Das Briefing für Beta GmbH (2026-Q3) überschritt die Zeitgrenze von 20 s und wurde abgebrochen."
        in result.stderr
    )
    assert [p.name for p in out.iterdir()] == ["acme-praezision-gmbh_2026-Q3_de.pdf"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left running


def test_same_input_gives_byte_identical_pdfs_under_source_date_epoch(tmp_path, good):
    env = {"SOURCE_DATE_EPOCH": "1790000000"}
    digests = []
    for run_number in (1, 2):
        out = tmp_path / f"run{run_number}"
        run_process("briefing", str(good), "--lang", "de", "--out", str(out), env=env, check=True)
        (pdf,) = out.iterdir()
        digests.append(hashlib.sha256(pdf.read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_history_in_a_briefing_keeps_gaps_and_flags_another_catalog(tmp_path):
    files = sorted(str(p) for p in EXAMPLES.glob("calloway-foods_*.xlsx"))
    args = ("briefing", *files, "--period", "2026-Q3", "--lang", "en", "--out", str(tmp_path))
    result = run_process(*args, env=REPRODUCIBLE)
    assert result.returncode == 0, result.stderr
    text = " ".join(
        page.extract_text() for page in PdfReader(tmp_path / "calloway-foods-ltd_2026-Q3_en.pdf").pages
    )
    text = re.sub(r"\s+", " ", text)
    assert "Over time" in text
    assert "2026-Q1 – – – no assessment" in text  # a quarter without an assessment is a gap, not a zero
    assert "2025-Q4 * 24 16 +8" in text  # read with efkam-partnership v0.9, the catalog it names
    assert (
        "Assessed with another catalog or catalog version (2025-Q4: efkam-partnership v0.9; "
        "efkam-partnership v1.0 now)" in text
    )
    # the history shows +5 for 2026-Q2 and +1 now: the change is their difference (it said −3)
    assert "2026-Q2 16 11 +5" in text and "2026-Q3 14 13 +1" in text
    assert "Since 2026-Q2 the balance moved by −4 points; the zone is unchanged." in text


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_parallel_workers_give_the_same_pdfs_as_one(tmp_path):
    files = [str(EXAMPLES / name) for name in ("nordhafen-logistik_2026-Q3.xlsx", "calloway-foods_2026-Q3.xlsx",
                                               "vireo-medical-systems_2026-Q3.ods")]  # fmt: skip
    one, two = tmp_path / "one", tmp_path / "two"
    for out, jobs in ((one, "1"), (two, "2")):
        result = run_process(
            "briefing", *files, "--lang", "de", "--out", str(out), "--jobs", jobs, env=REPRODUCIBLE
        )
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 3 and names == sorted(p.name for p in two.iterdir())
    assert [digest(one / n) for n in names] == [digest(two / n) for n in names]


def test_workers_render_accounts_of_different_catalogs(tmp_path):
    out = tmp_path / "out"
    result = run("briefing", *map(str, CALLOWAY[:2]), "--lang", "en", "--jobs", "2", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "calloway-foods-ltd_2025-Q4_en.pdf",
        "calloway-foods-ltd_2026-Q2_en.pdf",
    ]


SEVERAL_VOICES = {
    # account: (its files, earlier quarters' included, its stem, our zone and the key account's in de, en)
    "Nordhafen Logistik AG": (
        "nordhafen-logistik_*.xlsx",
        "nordhafen-logistik-ag",
        {"de": ("Strategische Partnerschaft",) * 2, "en": ("Strategic partnership",) * 2},
    ),
    "Meridian Aerotech Inc.": (
        "meridian-aerotech_*.xlsx",
        "meridian-aerotech-inc",
        {
            "de": ("Lieferantenfrustrationszone", "Key Account investiert mehr"),
            "en": ("Supplier frustration zone", "Key account invests more"),
        },
    ),
}
PERCEPTION_PAGE = {"de": "Wie der Key Account es sieht", "en": "How the key account sees it"}


@pytest.mark.parametrize("account", SEVERAL_VOICES)
def test_a_briefing_with_both_views_names_both_zones_on_five_pages_at_most(tmp_path, account):
    pattern, stem, zones = SEVERAL_VOICES[account]
    files = [str(path) for path in sorted(EXAMPLES.glob(pattern))]
    result = run("briefing", *files, "--period", "2026-Q3", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    for lang, (ours, theirs) in zones.items():
        pages = PdfReader(tmp_path / f"{stem}_2026-Q3_{lang}.pdf").pages
        assert len(pages) <= 5
        first = " ".join(pages[0].extract_text().split())
        assert ours in first and theirs in first
        text = " ".join(" ".join(page.extract_text() for page in pages).split())
        assert PERCEPTION_PAGE[lang] in text


def write_served(
    folder: Path, catalog, name: str, supplier: int, key_account: int, hours, intended=""
) -> Path:
    """Our team's workbook for *name* in 2026-Q3, every factor rated alike, giving its hours a year."""
    from reportgen.outputs.spreadsheets import write_xlsx
    from tests.conftest import sheets_for

    n = len(catalog.factors)
    facts = [name, "", "2026-Q3", "", "", "", "", "", "", intended, "", "", "", hours]
    path = folder / f"{name.lower()}.xlsx"
    write_xlsx(path, sheets_for(catalog, "en", [supplier] * n, [key_account] * n, facts=facts))
    return path


@pytest.fixture
def portfolio_with_hours(tmp_path, catalog) -> Path:
    """A candidate to scale back (S 75, K 25, meant to be a preferred partner, 1,200 h), three lean accounts
    (S = K = 25, the level the candidate's K reaches) giving 300, 400 and 500 h (median 400) and a preferred
    partner (S = K = 50, 50 h)."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_served(folder, catalog, "Candidate", 4, 2, 1200, intended="Preferred partner")
    for name, hours in (("L1", 300), ("L2", 400), ("L3", 500)):
        write_served(folder, catalog, name, 2, 2, hours)
    write_served(folder, catalog, "Preferred", 3, 3, 50)
    return folder


def test_one_accounts_briefing_is_the_one_the_whole_batch_makes(tmp_path, portfolio_with_hours):
    """The benchmark comes from the quarter's other accounts, selected or not."""
    whole, one = tmp_path / "whole", tmp_path / "one"
    run("briefing", str(portfolio_with_hours), "--lang", "en", "--out", str(whole), env=REPRODUCIBLE)
    alone = run("briefing", str(portfolio_with_hours), "--lang", "en", "--account", "Candidate", "--out",
                str(one), env=REPRODUCIBLE)  # fmt: skip
    assert alone.exit_code == 0, alone.output
    name = "candidate_2026-Q3_en.pdf"
    assert (one / name).read_bytes() == (whole / name).read_bytes()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(one / name).pages))
    # 1,200 − median 400 = 800 h × 95 € = 76,000 €
    assert "(median 400 hours of 3 accounts this quarter) would free 800 hours a year, worth €76,000." in text


def test_make_makes_a_briefing_again_exactly_when_its_benchmark_changes(
    tmp_path, catalog, portfolio_with_hours
):
    """Another account's hours are no file of the candidate's: its briefing is made again when they change
    the median it is measured by, and only then; every other briefing only when its own file changes."""
    folder, out = portfolio_with_hours, tmp_path / "out"
    args = (
        "briefing",
        str(folder),
        "--lang",
        "en",
        "--out",
        str(out),
        "--outputs-record",
        str(tmp_path / "made"),
    )
    assert run(*args).exit_code == 0
    names = ("candidate", "l1", "l2", "l3", "preferred")

    def made_again(change) -> set[str]:
        before = {name: (out / f"{name}_2026-Q3_en.pdf").stat().st_mtime_ns for name in names}
        time.sleep(0.01)
        change()
        assert run(*args).exit_code == 0
        return {name for name in names if (out / f"{name}_2026-Q3_en.pdf").stat().st_mtime_ns != before[name]}

    assert made_again(lambda: None) == set()
    # another type's hours, and a lean account's that leave the median at 400: only their own
    assert made_again(lambda: write_served(folder, catalog, "Preferred", 3, 3, 60)) == {"preferred"}
    assert made_again(lambda: write_served(folder, catalog, "L3", 2, 2, 700)) == {"l3"}
    # 300 → 450 h moves the median to 450
    assert made_again(lambda: write_served(folder, catalog, "L1", 2, 2, 450)) == {"l1", "candidate"}
