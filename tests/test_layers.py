"""The stages of reportgen, as the import contract in pyproject.toml lists them (lint-imports checks the
imports themselves in `make lint` and `make test`): a module that no layer names would be checked by
nothing, so every module must have its place."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def layered_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = (c["layers"] for c in config["contracts"] if c["type"] == "layers")
    return {module.strip() for layer in layers for module in layer.replace(":", "|").split("|")}


def test_every_module_of_the_package_has_its_place_in_the_layers():
    package = ROOT / "reportgen"
    top_level = {f"reportgen.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    top_level |= {f"reportgen.{path.parent.name}" for path in package.glob("*/__init__.py")}
    assert top_level - layered_modules() == set()
    assert layered_modules() - top_level == set()  # no layer names a module that is gone


def test_the_layers_are_few_enough_to_hold_in_mind():
    """One layer per stage package: a newcomer reads the flow from the contract at a glance."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = (c["layers"] for c in config["contracts"] if c["type"] == "layers")
    assert len(layers) <= 10


def test_no_module_is_longer_than_a_newcomer_reads_in_one_go():
    """Over 500 lines, a module holds more than one idea; split it by what it holds."""
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "reportgen").rglob("*.py")
    }
    assert {path: lines for path, lines in lengths.items() if lines > 500} == {}
