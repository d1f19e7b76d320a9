"""The stages of reportgen, as the import contract in pyproject.toml lists them (lint-imports checks the
imports themselves in `make lint` and `make test`): a module that no layer names would be checked by
nothing, so every module must have its place."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def contract_layers() -> list[str]:
    """The layers of the import contract, latest first, as pyproject.toml writes them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = (c["layers"] for c in config["contracts"] if c["type"] == "layers")
    return layers


def layered_modules() -> set[str]:
    return {module.strip() for layer in contract_layers() for module in layer.replace(":", "|").split("|")}


def test_every_module_of_the_package_has_its_place_in_the_layers():
    package = ROOT / "reportgen"
    top_level = {f"reportgen.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    top_level |= {f"reportgen.{path.parent.name}" for path in package.glob("*/__init__.py")}
    assert top_level - layered_modules() == set()
    assert layered_modules() - top_level == set()  # no layer names a module that is gone


def test_the_layers_are_few_enough_to_hold_in_mind():
    """One layer per stage package: a newcomer reads the flow from the contract at a glance."""
    assert len(contract_layers()) <= 10


def test_no_module_is_longer_than_a_newcomer_reads_in_one_go():
    """Over 500 lines, a module holds more than one idea; split it by what it holds."""
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "reportgen").rglob("*.py")
    }
    assert {path: lines for path, lines in lengths.items() if lines > 500} == {}


def _submodules_imported_up_front(init: Path, package: str) -> set[str]:
    """The package's own modules its __init__ imports as it is loaded (not inside a function)."""
    names = set()
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            module = package if node.level == 1 else node.module or ""
            names |= {f"{module}.{alias.name}" for alias in node.names} | {module}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return {name for name in names if name.startswith(f"{package}.")}


def _takes_from_init(module: Path, package: str) -> bool:
    """Whether a module of the package uses what its __init__ defines (rather than a sibling module)."""
    siblings = {path.stem for path in module.parent.glob("*.py")} | {
        path.parent.name for path in module.parent.glob("*/__init__.py")
    }
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        from_init = isinstance(node, ast.ImportFrom) and (
            node.module == package or (node.level == 1 and not node.module)
        )
        if from_init and any(alias.name not in siblings for alias in node.names):
            return True
        if isinstance(node, ast.Import) and any(alias.name == package for alias in node.names):
            return True
    return False


def test_no_module_takes_from_a_package_whose_init_imports_it():
    """A package's __init__ that puts its modules together (the briefing, the portfolio, the workbook, the
    export) must not be used back by them: that cycle runs through the package itself, which the import
    contract does not see (it compares a package's modules with one another), and it breaks as soon as
    the module is imported first."""
    cycles = []
    for init in (ROOT / "reportgen").rglob("__init__.py"):
        package = ".".join(init.parent.relative_to(ROOT).parts)
        for name in _submodules_imported_up_front(init, package):
            module = init.parent / f"{name.rsplit('.', 1)[1]}.py"
            if module.is_file() and _takes_from_init(module, package):
                cycles.append(f"{name} takes from {package}, whose __init__ imports it")
    assert cycles == []


def test_no_test_module_imports_another():
    """Tests mirror the package, one test module per module: what several share (accounts, catalogs,
    quarters) lives in tests/builders.py or a conftest.py, so that moving or splitting one test module
    never breaks another."""
    borrowed = []
    for path in (ROOT / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            borrowed += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.rsplit(".", 1)[-1].startswith("test_")
            ]
    assert borrowed == []
