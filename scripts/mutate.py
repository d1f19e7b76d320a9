"""Mutation testing of the modules that decide the figures and the rules: do the tests notice a bug?

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) makes small, realistic bugs in those modules, one
at a time: a flipped comparison, an off-by-one, a dropped condition, another constant. For each, it runs
only the tests that call the function it changed. A mutant the tests notice is *killed*; one they do not
notice *survives*.

A survivor is either a missing test or an *equivalent* mutant, one no input can tell from the real code
(``x <= 0`` for ``x < 1`` on whole numbers, say). The equivalent ones are listed, each with the reason it
cannot change what a user sees, in tests/equivalent_mutants.txt. This script runs mutmut from a clean
state, prints each module's figures, and fails when a survivor is not listed, or a listed mutant no
longer survives (the list would then excuse a bug that a later change brings back).

    make mutate                     # everything, from a clean state
    make mutate MODULES="reportgen.analysis.rebalancing reportgen.common.rounding"    # only these
    .venv/bin/mutmut show NAME      # the change a mutant makes
    .venv/bin/mutmut results        # every survivor of the last run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "tests" / "equivalent_mutants.txt"
MUTANTS = ROOT / "mutants"
GOAL = 0.90
"""The share of mutants the tests must kill in every module."""

DETECTED = {"killed", "timeout", "segfault"}
"""What counts as noticed: a test failed, or the mutant never finished (an endless loop is seen too)."""


def equivalent_mutants(path: Path = EQUIVALENT) -> dict[str, str]:
    """The listed survivors, by mutant name, with the reason each one cannot change what a user sees.

    Lines read ``NAME: reason``; blank lines and lines starting with # are comments.
    """
    listed: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, colon, reason = line.partition(":")
        if not colon or not reason.strip():
            raise SystemExit(f"{path.name}, line {number}: write 'mutant-name: why no user can see it'")
        listed[name.strip()] = reason.strip()
    return listed


def statuses() -> dict[str, str]:
    """Each mutant's status from mutmut's last run, by mutant name."""
    from mutmut.stats import status_by_exit_code

    found: dict[str, str] = {}
    for meta in sorted((MUTANTS / "reportgen").rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, exit_code in data["exit_code_by_key"].items():
            found[name] = status_by_exit_code[exit_code]
    return found


def module_of(mutant: str) -> str:
    """``reportgen.analysis.rebalancing.x_propose__mutmut_3`` → ``reportgen.analysis.rebalancing``."""
    return mutant.rsplit("__mutmut_", 1)[0].rsplit(".", 1)[0]


def report(found: dict[str, str], listed: dict[str, str]) -> int:
    """Print the figures per module and what needs a look; 0 when every survivor is listed."""
    per_module: dict[str, Counter[str]] = {}
    for name, status in found.items():
        counts = per_module.setdefault(module_of(name), Counter())
        counts["mutants"] += 1
        counts["killed" if status in DETECTED else "equivalent" if name in listed else status] += 1
    width = max(map(len, per_module), default=0) + 2  # the longest module name, and a gap
    print(f"\n{'module':<{width}}{'mutants':>8}{'killed':>8}{'equiv.':>8}{'other':>8}{'killed %':>10}")
    total: Counter[str] = Counter()
    below_goal = []
    for module, counts in sorted(per_module.items()):
        total.update(counts)
        other = counts["mutants"] - counts["killed"] - counts["equivalent"]
        share = counts["killed"] / counts["mutants"]
        if share < GOAL:
            below_goal.append(module)
        print(
            f"{module:<{width}}{counts['mutants']:>8}{counts['killed']:>8}{counts['equivalent']:>8}"
            f"{other:>8}{share:>10.1%}"
        )
    other = total["mutants"] - total["killed"] - total["equivalent"]
    print(
        f"{'all':<{width}}{total['mutants']:>8}{total['killed']:>8}{total['equivalent']:>8}{other:>8}"
        f"{total['killed'] / total['mutants']:>10.1%}"
    )

    unexplained = sorted(
        name for name, status in found.items() if status not in DETECTED and name not in listed
    )
    stale = sorted(name for name in listed if found.get(name, "killed") in DETECTED)
    if unexplained:
        print(f"\n{len(unexplained)} mutants the tests do not notice (a missing test, or list it with why):")
        for name in unexplained:
            print(f"  {name}: {found[name]}    (see: .venv/bin/mutmut show {name})")
    if stale:
        print(f"\n{len(stale)} listed in {EQUIVALENT.name} no longer survive; remove them from the list:")
        for name in stale:
            print(f"  {name}")
    if below_goal:
        print(f"\nBelow the goal of {GOAL:.0%} killed: {', '.join(below_goal)}")
    return 1 if unexplained or stale or below_goal else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("modules", nargs="*", help="only these modules, e.g. reportgen.analysis.rebalancing")
    parser.add_argument(
        "--report-only", action="store_true", help="report on the last run instead of running mutmut again"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants tested at once")
    options = parser.parse_args()
    os.chdir(ROOT)
    listed = equivalent_mutants()
    started = time.monotonic()
    if not options.report_only:
        # From a clean state: mutmut's own cache does not see every change to the tests.
        shutil.rmtree(MUTANTS, ignore_errors=True)
        mutmut = Path(sys.executable).parent / "mutmut"
        patterns = [f"{module}.*" for module in options.modules]
        command = [str(mutmut), "run", "--max-children", str(options.jobs), *patterns]
        run = subprocess.run(command, check=False)
        if run.returncode != 0:
            print(f"mutmut stopped with exit code {run.returncode}", file=sys.stderr)
            return run.returncode
    found = {
        name: status
        for name, status in statuses().items()
        if not options.modules or module_of(name) in options.modules
    }
    if not found:
        print("No results: run make mutate first.", file=sys.stderr)
        return 1
    if options.modules:
        listed = {name: why for name, why in listed.items() if module_of(name) in options.modules}
    status = report(found, listed)
    if not options.report_only:
        print(f"\nTook {time.monotonic() - started:.0f} s, {options.jobs} at once on {os.cpu_count()} cores.")
    return status


if __name__ == "__main__":
    sys.exit(main())
