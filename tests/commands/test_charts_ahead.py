"""Charts made ahead in a forked child: the same charts, and no child left behind whatever happens."""

from __future__ import annotations

import os
import sys
import time

import pytest

from reportgen.analysis.all_accounts import prepare
from reportgen.analysis.selection import Selection
from reportgen.charts import briefing_charts
from reportgen.commands import charts_ahead
from reportgen.commands.briefing import briefing_jobs
from reportgen.common.settings import Settings
from tests.conftest import EXAMPLES, REPRODUCIBLE, run_process, spawn


@pytest.fixture(scope="module")
def jobs(catalog):
    files = sorted(EXAMPLES.glob("calloway-foods_*.xlsx"))  # three quarters: charts with a path and a trend
    workload = prepare(files, catalog)
    found = briefing_jobs(workload, Selection(period=workload.latest_period()), Settings(lang="all"))
    assert len(found) == 1
    return found


def test_the_child_draws_the_same_charts_as_this_process(catalog, jobs):
    helper = charts_ahead.ChartsAhead(jobs[0])
    made = helper.charts()
    job = jobs[0]
    assert set(made) == {"de", "en"}
    for lang in ("de", "en"):
        assert made[lang].charts == briefing_charts(job.analysis, lang, job.history)
        assert made[lang].pictures is None  # no deck asked for: no pictures drawn
    assert made["de"].charts.trend_svg is not None
    assert not helper._child._process.is_alive()


def test_for_a_deck_the_child_draws_its_pictures_too(jobs):
    from dataclasses import replace

    from reportgen.charts import briefing_drawings

    job = replace(jobs[0], formats=("pptx",), languages=("en",))
    made = charts_ahead.ChartsAhead(job).charts()["en"]
    assert made == briefing_drawings(job.analysis, "en", job.history, pictures=True)
    assert made.pictures.diagram is not None and made.pictures.profile is not None


def test_a_failing_child_hands_over_nothing_and_the_caller_draws(catalog, jobs, monkeypatch):
    def broken(*args):
        raise RuntimeError("no charts today")

    monkeypatch.setattr("reportgen.charts.briefing_drawings", broken)  # the forked child inherits it
    helper = charts_ahead.ChartsAhead(jobs[0])
    assert helper.charts() == {}
    assert not helper._child._process.is_alive()


def test_the_child_writes_nothing_to_the_console(catalog, jobs, monkeypatch, capfd):
    """The child has its own silent streams: it must never wait on a stream lock the parent's progress
    thread held at the fork, and its warnings (a glyph missing from the font) are not the user's."""
    import warnings

    from reportgen.charts import briefing_drawings

    real = briefing_drawings

    def noisy(*args):
        print("from the child")
        warnings.warn("Glyph 129309 missing from font(s) Source Sans Pro.", stacklevel=1)
        return real(*args)

    monkeypatch.setattr("reportgen.charts.briefing_drawings", noisy)
    made = charts_ahead.ChartsAhead(jobs[0]).charts()
    assert set(made) == {"de", "en"}
    out, err = capfd.readouterr()
    assert "from the child" not in out and "Glyph" not in err


def test_closing_early_stops_the_child(catalog, jobs, monkeypatch):
    monkeypatch.setattr("reportgen.charts.briefing_drawings", lambda *args: time.sleep(600))
    helper = charts_ahead.ChartsAhead(jobs[0])
    child = helper._child._process.pid
    helper.close()
    assert not helper._child._process.is_alive()
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)


def test_only_a_single_account_with_a_spare_core_forks(jobs):
    import matplotlib  # noqa: F401 - loaded by whichever test of this process drew first; here for certain

    assert not charts_ahead.worth_it(jobs, workers=1)
    assert not charts_ahead.worth_it(jobs * 2, workers=2)  # a batch: warm workers do better
    assert not charts_ahead.worth_it(jobs, workers=2)  # matplotlib is loaded in this test process already


def test_a_cold_single_briefing_is_the_same_with_and_without_the_child(tmp_path):
    """From a fresh process (matplotlib not loaded) the child is used; the PDF is byte for byte the same."""
    source = str(EXAMPLES / "nordhafen-logistik_2026-Q3.xlsx")
    pdfs = []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        arguments = ("briefing", source, "--lang", "en", "--out", str(out), "--jobs", jobs)
        run_process(*arguments, env=REPRODUCIBLE, check=True)
        (pdf,) = out.iterdir()
        pdfs.append(pdf.read_bytes())
    assert pdfs[0] == pdfs[1]


def test_a_cold_single_deck_is_the_same_with_and_without_the_child_which_draws_its_pictures(tmp_path):
    """With the child, this process loads neither matplotlib nor WeasyPrint: the child draws the deck's
    pictures, and a deck needs no layout engine."""
    source = str(EXAMPLES / "nordhafen-logistik_2026-Q3.xlsx")
    probe = (
        "import sys, runpy; sys.argv = ['reportgen', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('reportgen', run_name='__main__')\n"
        "finally:\n    print('loaded:', 'matplotlib' in sys.modules, 'weasyprint' in sys.modules)"
    )
    decks, loaded = [], []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        arguments = (
            "briefing",
            source,
            "--lang",
            "en",
            "--format",
            "pptx",
            "--out",
            str(out),
            "--jobs",
            jobs,
        )
        done = spawn(sys.executable, "-c", probe, *arguments, env=REPRODUCIBLE, check=True)
        loaded.append(done.stdout.strip().splitlines()[-1])
        (deck,) = out.iterdir()
        decks.append(deck.read_bytes())
    assert decks[0] == decks[1]
    assert loaded == ["loaded: True False", "loaded: False False"]
