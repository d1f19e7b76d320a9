"""The README's worked example for analysts runs as written, and prints what the README says it prints."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

EXAMPLE = (
    "<!-- worked example: tests/test_readme.py runs this block from a folder with input/ and output/ -->"
)
ITS_OUTPUT = "<!-- worked example: its output -->"


def block_after(marker: str) -> str:
    """The fenced block that follows *marker* in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(re.escape(marker) + r"\n```[a-z]*\n(.*?)```\n", readme, re.S)
    assert match, f"the README has no block after {marker}"
    return match.group(1)


def test_the_worked_example_prints_the_output_shown_and_draws_the_chart(tmp_path, workload):
    (tmp_path / "input").symlink_to(EXAMPLES)
    (tmp_path / "output").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", block_after(EXAMPLE)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == block_after(ITS_OUTPUT)
    # the five it lists are those with the largest |S − K| in their latest quarter, worked out here
    latest = {}
    for analysis in sorted(workload.analyses, key=lambda a: a.assessment.period):
        latest[analysis.assessment.account.name] = abs(analysis.balance)
    rows = done.stdout.splitlines()[1:]
    listed = [next(name for name in latest if row.strip().startswith(name)) for row in rows]
    assert [latest[name] for name in listed] == sorted(latest.values(), reverse=True)[:5]
    png = (tmp_path / "output" / "s_and_k.png").read_bytes()
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (600, 350)
