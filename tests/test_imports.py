"""The flow is one way: no module of reportgen imports one that (directly or not) imports it back,
counting imports inside functions and under ``TYPE_CHECKING``, which Python itself would forgive."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reportgen"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each reportgen module and the reportgen modules it imports anywhere in its text."""
    sources = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in sources}
    for name, path in sources.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, one level up per further dot
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                # ``from package import module`` imports that module; ``from module import name`` the module
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in sources else base
                    for alias in node.names
                ]
            else:
                continue
            graph[name].update(target for target in targets if target in sources and target != name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of *graph* as the modules along it, or None."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        trail.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                return [*trail[trail.index(imported) :], imported]
            if imported not in state and (cycle := visit(imported)):
                return cycle
        state[module] = "done"
        trail.pop()
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_no_module_of_reportgen_imports_itself_back():
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle)


def test_the_check_sees_imports_inside_functions_and_for_type_checking_only():
    graph = import_graph()
    assert "reportgen.briefing" in graph["reportgen.ahead"]  # inside a function
    assert "reportgen.history" in graph["reportgen.ahead"]  # under TYPE_CHECKING
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_reading_and_validating_do_not_load_what_renders():
    """validate and the views build on the workload; running jobs and the commands come later."""
    graph = import_graph()
    later = {"reportgen.execution", "reportgen.ahead", "reportgen.cli"}
    for module in ("reportgen.workload", "reportgen.validation", "reportgen.portfolio_report"):
        reached, todo = set(), [module]
        while todo:
            for imported in graph[todo.pop()] - reached:
                reached.add(imported)
                todo.append(imported)
        assert not reached & later, module
        assert not any(name.startswith("reportgen.commands") for name in reached), module
