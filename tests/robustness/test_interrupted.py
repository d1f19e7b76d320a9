"""Nothing lost: a batch killed at any moment leaves only complete PDFs, the next run cleans up, and
input files are never touched."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import EXAMPLES, REPORTGEN, ROOT, run_process

ACCOUNTS = ("calloway-foods_*.xlsx", "meridian-aerotech_*.xlsx")
"""Two example accounts, five quarters in all: ten briefings, enough to be interrupted midway."""
BRIEFINGS = 10


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A folder of example workbooks, copied with their times, that the runs read."""
    folder = tmp_path / "in"
    folder.mkdir()
    for pattern in ACCOUNTS:
        for workbook in EXAMPLES.glob(pattern):
            shutil.copy2(workbook, folder)
    return folder


def start(inputs: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*REPORTGEN, "briefing", str(inputs), "--jobs", "1", "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for_pdfs(out: Path, count: int, process: subprocess.Popen, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while len(list(out.glob("*.pdf"))) < count:
        assert process.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def complete(pdf: Path) -> bool:
    data = pdf.read_bytes()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(PdfReader(pdf).pages) >= 1


def inputs_state(inputs: Path) -> dict[str, tuple[int, str]]:
    return {
        p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()) for p in inputs.iterdir()
    }


def test_killed_mid_run_then_run_again(tmp_path, inputs):
    before = inputs_state(inputs)
    out = tmp_path / "out"
    out.mkdir()
    # A part left by a run that died earlier (its process no longer exists).
    stale = out / ".acme_2026-Q3_de.pdf.999999999.x1y2.part"
    stale.write_bytes(b"%PDF-1.7 half")

    process = start(inputs, out)
    wait_for_pdfs(out, 3, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert all(complete(pdf) for pdf in out.glob("*.pdf"))

    again = run_process("briefing", str(inputs), "--jobs", "1", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert not list(out.glob(".*.part"))
    assert len(list(out.glob("*.pdf"))) == BRIEFINGS and all(complete(pdf) for pdf in out.glob("*.pdf"))
    assert inputs_state(inputs) == before


def test_sigterm_leaves_no_temporary_file(tmp_path, inputs):
    out = tmp_path / "out"
    out.mkdir()
    process = start(inputs, out)
    wait_for_pdfs(out, 2, process)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) != 0
    assert not list(out.glob(".*.part"))
    assert all(complete(pdf) for pdf in out.glob("*.pdf"))
    os.sync()
