"""`make mutate` fails exactly when a survivor is unexplained, a listed one no longer survives, or a module
falls below the goal; its list of equivalent mutants is read as written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.builders import module_at

ROOT = Path(__file__).resolve().parents[2]
mutate = module_at(ROOT / "scripts" / "mutate.py", "mutate")

KILLED = {f"reportgen.common.rounding.x_half_up__mutmut_{n}": "killed" for n in range(1, 19)}


def test_every_survivor_explained_and_every_module_at_the_goal_passes(capsys):
    found = {
        **KILLED,
        "reportgen.common.rounding.x_half_up__mutmut_19": "killed",
        "reportgen.common.rounding.x_reaches__mutmut_1": "survived",
    }
    listed = {"reportgen.common.rounding.x_reaches__mutmut_1": "no input reaches it"}

    assert mutate.report(found, listed) == 0
    assert "reportgen.common.rounding" in capsys.readouterr().out


def test_an_unlisted_survivor_fails_and_is_named(capsys):
    found = {**KILLED, "reportgen.common.rounding.x_reaches__mutmut_1": "survived"}

    assert mutate.report(found, {}) == 1
    assert "reportgen.common.rounding.x_reaches__mutmut_1" in capsys.readouterr().out


def test_a_listed_mutant_that_the_tests_now_kill_fails_so_that_the_list_stays_true(capsys):
    found = {**KILLED, "reportgen.common.rounding.x_reaches__mutmut_1": "killed"}

    assert mutate.report(found, {"reportgen.common.rounding.x_reaches__mutmut_1": "was equivalent"}) == 1
    assert "no longer survive" in capsys.readouterr().out


def test_a_module_below_ninety_percent_fails_even_when_its_survivors_are_listed(capsys):
    found = {f"reportgen.common.rounding.x_reaches__mutmut_{n}": "killed" for n in range(1, 9)}
    found |= {
        "reportgen.common.rounding.x_reaches__mutmut_9": "survived",
        "reportgen.common.rounding.x_reaches__mutmut_10": "survived",
    }
    listed = {name: "equivalent" for name, status in found.items() if status == "survived"}

    assert mutate.report(found, listed) == 1
    assert "Below the goal of 90%" in capsys.readouterr().out


def test_a_mutant_that_never_finishes_counts_as_noticed():
    found = {**KILLED, "reportgen.common.rounding.x_reaches__mutmut_1": "timeout"}

    assert mutate.report(found, {}) == 0


def test_the_list_reads_name_and_reason_and_refuses_a_line_without_a_reason(tmp_path):
    listed = tmp_path / "equivalent.txt"
    listed.write_text(
        "# a comment\n\nreportgen.common.rounding.x_a__mutmut_1: the same for every whole number\n",
        encoding="utf-8",
    )
    assert mutate.equivalent_mutants(listed) == {
        "reportgen.common.rounding.x_a__mutmut_1": "the same for every whole number"
    }

    listed.write_text("reportgen.common.rounding.x_a__mutmut_1\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="line 1"):
        mutate.equivalent_mutants(listed)


def test_the_projects_list_names_only_mutants_of_the_mutated_modules():
    mutated = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"][
        "only_mutate"
    ]
    modules = {path.removesuffix(".py").replace("/", ".") for path in mutated}

    assert {mutate.module_of(name) for name in mutate.equivalent_mutants()} <= modules
