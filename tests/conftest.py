"""Shared fixtures: the default catalog, builders for assessment files as users make them, and the two
ways to run reportgen: in this process (:func:`run`) and in a process of its own (:func:`run_process`).
The quarters, catalogs and accounts that tests build by hand, without a file, are in tests/builders.py."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

from reportgen.analysis.all_accounts import prepare
from reportgen.common.resources import DEFAULT_CATALOG
from reportgen.model.catalog import Catalog, load_catalog
from reportgen.outputs.spreadsheets import write_csv, write_ods, write_xlsx
from reportgen.reading.vocabulary import ACCOUNT_FIELDS, ACCOUNT_SHEET, ASSESSMENT_SHEET, RATING_COLUMNS
from tests.builders import MADE_ON

# Hypothesis: `make test` (and CI) and `make mutate` draw the same cases every run, so a red build always
# means a change broke something, and a mutant is killed or survives alike in every run; `make fuzz`
# draws new random cases each time to find what the fixed ones miss.
settings.register_profile(
    "default",
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "input"
"""The example workbooks."""
CALLOWAY = sorted((ROOT / "input").glob("calloway-foods_*.xlsx"))
"""An example account over three quarters, the first assessed with the catalog efkam-partnership v0.9."""

FACTS = ["Acme Präzision GmbH", "KA-1", "2026-Q3", "Jürgen Weiß", "Anja Groß", date(2026, 9, 15), 1_250_000]


def run(*args: str, catch_exceptions: bool = True, env: dict[str, str] | None = None):
    """``reportgen ARGS`` as a user runs it, in this process; a traceback is never what a user sees.

    ``catch_exceptions=False`` lets an error escape to the test (as with --debug); *env* is set for the run.
    """
    from click.testing import CliRunner

    from reportgen.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=catch_exceptions, env=env)
    assert "Traceback" not in result.output + result.stderr
    return result


REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1795737600"}
"""The environment of a run whose PDFs are the same byte for byte: every date from SOURCE_DATE_EPOCH."""

REPORTGEN = (sys.executable, "-m", "reportgen")
"""The command that starts reportgen in a process of its own."""


def spawn(
    *command: str, env: dict[str, str] | None = None, umask: int | None = None, check: bool = False
) -> subprocess.CompletedProcess:
    """*command* in a process of its own, from the project folder, its output captured as text.

    Only for what needs a real process: a umask set before it starts, signals, SOURCE_DATE_EPOCH and a
    cold start (nothing imported yet), make. *env* is added to this process's environment.
    """
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        preexec_fn=None if umask is None else lambda: os.umask(umask),
        check=check,
    )


def run_process(*args: str, **options) -> subprocess.CompletedProcess:
    """``python -m reportgen ARGS`` in a process of its own (see :func:`spawn` for *options*)."""
    return spawn(*REPORTGEN, *args, **options)


def briefing_view(analysis, lang: str, history=None, drawn: bool = True):
    """A briefing's view as a run makes it: its charts drawn (or stand-ins where only the view counts)."""
    from reportgen.charts import briefing_charts
    from reportgen.views.briefing import BriefingCharts, build_briefing

    charts = (
        briefing_charts(analysis, lang, history) if drawn else BriefingCharts("<svg/>", "<svg/>", "<svg/>")
    )
    return build_briefing(analysis, lang, MADE_ON, history, charts)


LONGEST_FIRST = (
    "tests/test_make_targets.py",
    "tests/robustness/test_interrupted.py",
    "tests/rendering/test_deck.py",
)
"""Test files whose tests take a minute or so each (make runs reportgen several times; a run is killed and
run again; LibreOffice opens every example deck). Started first, they run beside the many short tests instead of alone at the end of a parallel
run, with one core idle."""


def pytest_collection_modifyitems(items):
    """The longest tests first (see LONGEST_FIRST); the others in their order."""
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """A parallel worker is done (pytest-xdist): add its robustness tally to this process's."""
    from tests.robustness.conftest import ERRORS, TALLY

    gathered = getattr(node, "workeroutput", {}).get("robustness")
    if gathered:
        TALLY.update(gathered["tally"])
        ERRORS.update(gathered["errors"])


def pytest_terminal_summary(terminalreporter):
    from tests.robustness.conftest import ERRORS, TALLY

    if TALLY["cases"]:
        terminalreporter.write_line(
            f"robustness: {TALLY['cases']} generated cases, {TALLY['read']} read, {TALLY['refused']} refused "
            f"with {len(ERRORS)} distinct error messages, {TALLY['tracebacks']} tracebacks"
        )


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(DEFAULT_CATALOG)


def sheets_for(
    catalog: Catalog,
    lang: str = "en",
    supplier=None,
    key_account=None,
    comments=None,
    facts=None,
    factor_by: str = "id",
    shared=None,
) -> dict[str, list[list[object]]]:
    """The two sheets of a workbook: facts as label/value rows, one rating row per catalog factor;
    *shared* gives the *Share comment* cell of some rows (by index), the others are left blank."""
    n = len(catalog.factors)
    supplier = supplier if supplier is not None else [4] * n
    key_account = key_account if key_account is not None else [3] * n
    comments = comments or {}
    shared = shared or {}
    values = facts if facts is not None else FACTS
    # The facts in vocabulary order (name, id, period, manager, by, on, revenue …): as many as given.
    facts_rows = [[term.heading(lang), value] for term, value in zip(ACCOUNT_FIELDS, values, strict=False)]
    rows: list[list[object]] = [[term.heading(lang) for term in RATING_COLUMNS]]
    for index, factor in enumerate(catalog.factors):
        ident = factor.id if factor_by == "id" else ""
        rows.append(
            [
                ident,
                factor.title.get(lang),
                supplier[index],
                key_account[index],
                comments.get(index, ""),
                shared.get(index, ""),
            ]
        )
    return {ACCOUNT_SHEET.heading(lang): facts_rows, ASSESSMENT_SHEET.heading(lang): rows}


def with_actions(sheets: dict, rows: list[list[object]], lang: str = "en") -> dict:
    """*sheets* with an Actions sheet: the headers in *lang* (factor, action, owner, due date, status,
    share with the key account), then *rows* as given."""
    from reportgen.reading.vocabulary import ACTION_COLUMNS, ACTIONS_SHEET

    return {**sheets, ACTIONS_SHEET.heading(lang): [[term.heading(lang) for term in ACTION_COLUMNS], *rows]}


@pytest.fixture
def make_workbook(tmp_path: Path, catalog: Catalog):
    """Write a workbook (xlsx or ods) with the given sheets or the default assessment; return its path."""

    def make(name: str = "acme.xlsx", sheets=None, **kwargs) -> Path:
        path = tmp_path / name
        sheets = sheets if sheets is not None else sheets_for(catalog, **kwargs)
        (write_ods if path.suffix == ".ods" else write_xlsx)(path, sheets)
        return path

    return make


@pytest.fixture
def make_csv(tmp_path: Path):
    def make(rows, name: str = "export.csv", **kwargs) -> Path:
        path = tmp_path / name
        write_csv(path, rows, **kwargs)
        return path

    return make


@pytest.fixture
def rater_file(tmp_path, catalog):
    """A workbook of one rater: name, role and view as the Account sheet gives them (reading's tests
    gather several; the briefing's summary says when each side rated)."""

    def make(
        name,
        rater,
        role=None,
        view=None,
        supplier=None,
        key_account=None,
        catalog_ref=None,
        lang="en",
        actions=None,
        **facts_by_label,
    ):
        sheets = sheets_for(catalog, lang=lang, supplier=supplier, key_account=key_account)
        if actions is not None:
            sheets = with_actions(sheets, actions)
        facts = sheets["Account"]
        for row in facts:
            if row[0] == "Assessed by":
                row[1] = rater
            row[1] = facts_by_label.pop(row[0], row[1])
        facts += [
            ["Role", role],
            ["View", view],
            ["Catalog", catalog_ref],
            *map(list, facts_by_label.items()),
        ]
        sheets["Account"] = [row for row in facts if row[1] is not None]
        from reportgen.outputs.spreadsheets import write_xlsx

        path = tmp_path / name
        write_xlsx(path, sheets)
        return path

    return make


@contextmanager
def counting_server(body: bytes = b"body { background: red }"):
    """A web server on 127.0.0.1 that counts every request and answers *body*; yields its address and
    the paths asked for, so a test proves that nothing reached it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", hits
    finally:
        httpd.shutdown()


@pytest.fixture
def server():
    """A web server that counts every request: rendering must never reach it."""
    with counting_server() as running:
        yield running


@pytest.fixture
def good(make_workbook):
    """A German workbook without a fault."""
    return make_workbook("good.xlsx", lang="de")


@pytest.fixture
def bad(make_workbook, catalog):
    """A German workbook with a score out of the scale (9 in C2)."""
    n = len(catalog.factors)
    return make_workbook("bad.xlsx", lang="de", supplier=[9] + [4] * (n - 1))


EXTRA = {
    "id": "joint-sustainability",
    "title": {"de": "Gemeinsame Nachhaltigkeitsziele", "en": "Shared sustainability goals"},
    "supplier": {"de": "Legt CO₂-Daten offen.", "en": "Discloses its carbon data."},
    "key_account": {"de": "Bezieht uns ein.", "en": "Involves us."},
}


@pytest.fixture
def criteria_folder(tmp_path) -> Path:
    """A criteria folder: the efkam catalog and a later version with one factor more."""
    criteria = tmp_path / "criteria"
    criteria.mkdir()
    shutil.copy(DEFAULT_CATALOG, criteria / DEFAULT_CATALOG.name)
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["version"] = "1.1"
    data["factors"].append(EXTRA)
    (criteria / "efkam-partnership-v1.1.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return criteria


@pytest.fixture(scope="module")
def workload(catalog):
    """Every example workbook, read and analysed with the default catalog."""
    return prepare([EXAMPLES], catalog)
