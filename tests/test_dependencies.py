"""Every package the code imports is declared in pyproject.toml, so the lock (uv.lock) pins it.

An import that only works because some other package happens to pull it in breaks, or silently changes
version, the day that package drops or moves it; and the lock pins only what the declarations reach. So
each module's imports are read (with ast, imports inside functions and under TYPE_CHECKING included),
and each third-party name is mapped to the installed distribution that provides it.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCANNED = ("reportgen", "tests", "scripts", "benchmarks")
OURS = {*SCANNED, *(path.stem for folder in SCANNED[2:] for path in (ROOT / folder).glob("*.py"))}
"""The project's own names: its packages, and the scripts that import one another by name."""
LIBREOFFICE_BRIDGE = {"uno", "com"}
"""LibreOffice's own Python bridge (Debian's python3-uno), which no package index offers: imported only by
tests/outputs/workbook/libreoffice_rows.py, which the system's Python runs beside an installed LibreOffice."""


def imported_names(folder: Path) -> dict[str, set[str]]:
    """The top-level name of each absolute import in the Python files under *folder*, with the files."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], set()).add(str(path.relative_to(folder.parent)))
    return found


def normalized(name: str) -> str:
    """A distribution's name as the package index compares them (PEP 503): PyYAML is pyyaml."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: Path, *extras: str) -> set[str]:
    """The distributions pyproject.toml's [project] dependencies name, and those of the given extras.

    An extra may take in another of the project's own (``reportgen[docs]``), as the dev extra does.
    """
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = [*project.get("dependencies", [])]
    wanted, seen = list(extras), set()
    while wanted:
        extra = wanted.pop()
        seen.add(extra)
        for requirement in project.get("optional-dependencies", {}).get(extra, []):
            own = re.fullmatch(rf"{project['name']}\[(?P<extras>[^]]+)\]", requirement.strip())
            if own:
                wanted += [name.strip() for name in own["extras"].split(",") if name.strip() not in seen]
            else:
                requirements.append(requirement)
    return {normalized(re.match(r"[A-Za-z0-9._-]+", requirement.strip())[0]) for requirement in requirements}


def undeclared(folders: list[Path], allowed: set[str], outside: set[str] = frozenset()) -> list[str]:
    """Each third-party import under *folders* whose distribution *allowed* does not name, with its files;
    the names *outside* come with a program installed beside the project, not from a package index."""
    providers = packages_distributions()
    problems = []
    for folder in folders:
        for name, files in sorted(imported_names(folder).items()):
            if name in sys.stdlib_module_names or name in OURS or name in outside:
                continue
            distributions = {normalized(d) for d in providers.get(name, [])}
            if not distributions & allowed:
                provided = ", ".join(sorted(distributions)) or "no installed distribution"
                problems.append(f"{name} (from {provided}), imported in {', '.join(sorted(files))}")
    return problems


def test_every_package_reportgen_imports_is_a_declared_dependency():
    problems = undeclared([ROOT / "reportgen"], declared(ROOT / "pyproject.toml"))
    assert not problems, "Not in [project] dependencies of pyproject.toml:\n" + "\n".join(problems)


def test_every_package_the_tests_scripts_and_benchmarks_import_is_declared_at_least_for_development():
    folders = [ROOT / folder for folder in SCANNED[1:]]
    problems = undeclared(folders, declared(ROOT / "pyproject.toml", "dev"), LIBREOFFICE_BRIDGE)
    assert not problems, "Neither in the dependencies nor in the dev extra:\n" + "\n".join(problems)


def test_an_import_of_an_undeclared_package_is_found_wherever_it_is(tmp_path):
    """The check itself: an import inside a function of a subpackage counts, a standard one does not."""
    package = tmp_path / "package" / "stage"
    package.mkdir(parents=True)
    (package / "module.py").write_text(
        "import json\nimport click\n\ndef later():\n    from yaml import safe_load\n", encoding="utf-8"
    )
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\ndependencies = ["Click>=8.1"]\n', encoding="utf-8")

    assert undeclared([tmp_path / "package"], declared(pyproject)) == [
        "yaml (from pyyaml), imported in package/stage/module.py"
    ]
