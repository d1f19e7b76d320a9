"""MkDocs hook: the developers' map of the code, made from the package itself at build time.

The page holds the marker ``<!-- code map -->``; the hook puts there every stage of the import contract
in ``pyproject.toml`` (the layers, latest first), each package with the first paragraph of its docstring
and each of its modules with the first sentence of its own. A module moved, added or renamed shows up as
it is, so the map cannot go stale; a module without a docstring is logged as a warning, so that
``mkdocs build --strict`` fails until it says what it holds. The docstrings are read with ``ast``: no
module is imported.
"""

from __future__ import annotations

import ast
import logging
import re
import tomllib
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.code_map")

PAGE = "developers/index.md"
MARKER = "<!-- code map -->"
ROOT = Path(__file__).resolve().parents[2]
SENTENCE_END = re.compile(r"(?<=\.)\s")
ROLE = re.compile(r":\w+:`~?(?:[\w.]*\.)?(?P<name>[^`.]+)`")


def layers() -> list[list[str]]:
    """The contract's layers, latest first, each a list of the stages it holds."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (listed,) = (contract["layers"] for contract in config["contracts"] if contract["type"] == "layers")
    return [[name.strip() for name in layer.replace(":", "|").split("|")] for layer in listed]


def docstring(path: Path) -> str:
    """The first paragraph of a module's docstring, on one line; empty when it has none."""
    text = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    text = ROLE.sub(lambda match: f"``{match['name']}``", " ".join(text.split("\n\n")[0].split()))
    return text.replace("``", "`")


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(text, maxsplit=1)[0]


def said(path: Path) -> str:
    text = docstring(path)
    if not text:
        log.warning("%s has no docstring: say what it holds, for the code map", path.relative_to(ROOT))
    return text


def stage_entry(dotted: str) -> list[str]:
    """A stage as Markdown: the package with its modules and sub-packages at any depth, or one module."""
    path = ROOT / Path(*dotted.split("."))
    if not path.is_dir():
        return [f"- **`{dotted}`**: {said(path.with_suffix('.py'))}"]
    return [f"- **`{dotted}/`**: {said(path / '__init__.py')}", *package_entries(path, depth=1)]


def package_entries(package: Path, depth: int) -> list[str]:
    """A package's modules, then its sub-packages each with theirs, indented by *depth*."""
    indent = "    " * depth
    lines = [
        f"{indent}- `{module.name}`: {first_sentence(said(module))}"
        for module in sorted(package.glob("*.py"))
        if module.name != "__init__.py"
    ]
    for sub in sorted(p.parent for p in package.glob("*/__init__.py")):
        lines.append(f"{indent}- `{sub.name}/`: {first_sentence(said(sub / '__init__.py'))}")
        lines += package_entries(sub, depth + 1)
    return lines


def code_map() -> str:
    lines: list[str] = []
    for number, stages in enumerate(layers(), start=1):
        names = " | ".join(f"`{stage.removeprefix('reportgen.')}`" for stage in stages)
        lines += ["", f"**Layer {number}**: {names}", ""]
        for stage in stages:
            lines += stage_entry(stage)
    return "\n".join(lines).strip() + "\n"


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    if MARKER not in markdown:
        log.warning("%s has lost its marker %s: the code map has no place", PAGE, MARKER)
        return markdown
    return markdown.replace(MARKER, code_map())
