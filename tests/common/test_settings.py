"""One Settings per run, built once from the command line; its defaults are the command line's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reportgen.cli import cli
from reportgen.common.settings import RENDER_TIMEOUT_SECONDS, Settings
from reportgen.model.assessment import View
from tests.conftest import run


@pytest.fixture
def given(monkeypatch):
    """The settings (and further arguments) each command is given, the command itself not run."""
    calls: dict[str, tuple[Settings, dict]] = {}

    def stand_in(name):
        def command(settings, reporter, **arguments):
            calls[name] = (settings, arguments)
            return 0

        return command

    for name in ("briefing", "portfolio", "export", "validate", "template", "recorded"):
        monkeypatch.setattr(f"reportgen.commands.{name}.{name}", stand_in(name))
    return calls


def test_briefing_options_become_one_settings_object(given, tmp_path):
    made = tmp_path / "made.json"
    args = ["briefing", "in", "more", "--out", "x", "--lang", "en", "--criteria", "c.yaml", "--debug",
            "--period", "2026-Q3", "-j", "3", "--account", "KA-1", "--timeout", "7", "--outputs-record",
            str(made), "--rebuild", "--record", "r.json"]  # fmt: skip
    assert run(*args).exit_code == 0
    settings, arguments = given["briefing"]
    assert settings == Settings(
        inputs=(Path("in"), Path("more")), criteria=Path("c.yaml"), lang="en", period="2026-Q3",
        out_dir=Path("x"), jobs=3, time_limit=7.0, debug=True, day=settings.day, record=Path("r.json"),
        outputs_record=made, rebuild=True,
    )  # fmt: skip
    assert arguments == {"account": "KA-1"}
    assert settings.languages == ("en",) and settings.workers == 3
    assert (settings.edition, settings.archive) == ("internal", False)


def test_defaults_are_those_of_settings(given):
    assert run("briefing", "in").exit_code == 0
    settings, _ = given["briefing"]
    assert settings == Settings(inputs=(Path("in"),), day=settings.day)
    assert settings.time_limit == RENDER_TIMEOUT_SECONDS and settings.languages == ("de", "en")
    timeout = next(p for p in cli.commands["briefing"].params if p.name == "time_limit")
    assert timeout.default == Settings().time_limit


def test_every_command_gets_its_settings(given):
    run("portfolio", "in", "--period", "2026-Q2", "--make-deps", "plan.mk")
    run("export", "in", "--german-csv", "--lang", "de", "--table", "factors", "--out", "-")
    run("validate", "--criteria", "criteria")
    run(
        "template",
        "--lang",
        "en",
        "--account",
        "Acme",
        "-o",
        "t.xlsx",
        "--force",
        "--rater",
        "Ann",
        "--role",
        "Sales",
    )
    run("recorded", "a.json", "b.json", "--lang", "de")
    assert given["portfolio"][0].period == "2026-Q2" and given["portfolio"][1] == {
        "make_deps": Path("plan.mk")
    }
    assert given["export"][0].lang == "de" and given["export"][0].out_dir == Settings().out_dir
    assert given["export"][1] == {"fmt": "csv", "german_csv": True, "table": "factors", "to_stdout": True}
    assert given["validate"][0] == Settings(criteria=Path("criteria"), day=given["validate"][0].day)
    assert given["template"][0].lang == "en"
    assert given["template"][1] == {
        "account": "Acme",
        "output": Path("t.xlsx"),
        "force": True,
        "view": View.SUPPLIER,
        "supplier": None,
        "rater": "Ann",
        "role": "Sales",
    }
    assert given["recorded"][0].inputs == (Path("a.json"), Path("b.json"))


def test_the_day_of_a_run_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert Settings().day == date(2026, 9, 21)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert Settings().day == date.today()
