"""Nothing lost: a batch killed at any moment leaves only complete PDFs, the next run cleans up, and
input files are never touched."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import EXAMPLES, REPORTGEN, ROOT, run_process


def start(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*REPORTGEN, "briefing", str(EXAMPLES), "--jobs", "1", "--out", str(out)],
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


def inputs_state() -> dict[str, tuple[int, str]]:
    return {
        p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest()) for p in EXAMPLES.iterdir()
    }


def test_killed_mid_run_then_run_again(tmp_path):
    before = inputs_state()
    out = tmp_path / "out"
    out.mkdir()
    # A part left by a run that died earlier (its process no longer exists).
    stale = out / ".acme_2026-Q3_de.pdf.999999999.x1y2.part"
    stale.write_bytes(b"%PDF-1.7 half")

    process = start(out)
    wait_for_pdfs(out, 3, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert all(complete(pdf) for pdf in out.glob("*.pdf"))

    again = run_process("briefing", str(EXAMPLES), "--jobs", "1", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert not list(out.glob(".*.part"))
    assert len(list(out.glob("*.pdf"))) == 26 and all(complete(pdf) for pdf in out.glob("*.pdf"))
    assert inputs_state() == before


def test_sigterm_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    process = start(out)
    wait_for_pdfs(out, 2, process)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) != 0
    assert not list(out.glob(".*.part"))
    assert all(complete(pdf) for pdf in out.glob("*.pdf"))
    os.sync()
