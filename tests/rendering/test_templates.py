"""The templates only lay out: each partial reads its own section, and Python decides what to show."""

from __future__ import annotations

import pytest
from jinja2 import meta, nodes

from reportgen.common.resources import TEMPLATES_DIR
from reportgen.rendering import make_environment

TEMPLATES = sorted(path.relative_to(TEMPLATES_DIR).as_posix() for path in TEMPLATES_DIR.rglob("*.html"))
PARTIALS = [name for name in TEMPLATES if name.rsplit("/", 1)[-1].startswith("_")]
TRANSLATION = {"_", "gettext", "ngettext"}

ARITHMETIC = (
    nodes.Add,
    nodes.Sub,
    nodes.Mul,
    nodes.Div,
    nodes.FloorDiv,
    nodes.Mod,
    nodes.Pow,
    nodes.Neg,
    nodes.Pos,
)
DECIDING = {nodes.Getitem: "indexing or slicing", nodes.Compare: "comparison", ARITHMETIC: "arithmetic"}
"""What a template must leave to Python. `and`, `or`, `not` and `is none` only combine decisions made there."""
COUNTING_FILTERS = {"length", "count", "first", "last", "sum", "min", "max", "sort", "batch", "slice"}


def parsed(name: str) -> nodes.Template:
    environment = make_environment("en")
    source, _, _ = environment.loader.get_source(environment, name)
    return environment.parse(source)


def test_there_are_templates_and_partials():
    assert "briefing.html" in TEMPLATES and "portfolio.html" in TEMPLATES
    assert len(PARTIALS) == 22


@pytest.mark.parametrize("name", PARTIALS)
def test_a_partial_reads_its_own_section_only(name):
    """``briefing/_summary.html`` sees ``summary``, not the whole view."""
    section = name.rsplit("/", 1)[-1].removeprefix("_").removesuffix(".html")
    assert meta.find_undeclared_variables(parsed(name)) - TRANSLATION == {section}


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_template_indexes_compares_or_counts(name):
    found = []
    for node in parsed(name).find_all((nodes.Expr, nodes.Filter)):
        for kind, what in DECIDING.items():
            if isinstance(node, kind):
                found.append(f"{what} in line {node.lineno}")
        if isinstance(node, nodes.Filter) and node.name in COUNTING_FILTERS:
            found.append(f"|{node.name} in line {node.lineno}")
    assert not found


def test_the_mark_of_another_catalog_is_the_views_not_the_templates(monkeypatch):
    """A quarter assessed with another catalog, and the note that explains the mark, carry
    ``history.OTHER_CATALOG_MARK``: the templates typed "*" themselves, and kept it when the mark changed."""
    from tests.rendering.golden import CASES

    monkeypatch.setattr("reportgen.analysis.history.OTHER_CATALOG_MARK", "†")
    made = {case.name: case.make() for case in CASES if case.lang == "en" and "2026-Q3" in case.name}
    briefing = made["briefing/calloway-foods-ltd_2026-Q3_en.html"]
    assert "<td>2025-Q4 †</td>" in briefing
    for html in (briefing, made["portfolio/portfolio_2026-Q3_en.html"]):
        assert '<p class="note">† Assessed with another catalog or catalog version (2025-Q4: ' in html
        assert "2025-Q4 *" not in html and '<p class="note">*' not in html
