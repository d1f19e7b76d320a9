"""What `make bench` measures at scale, each against a naive stand-in, each run in processes of its own.

- the portfolio of 200 and of 1,000 accounts: wall time, CPU time and how many cores that is, the peak
  memory of the largest process and of all of them together, pages. Its stand-in is WeasyPrint alone
  laying out and writing the very same HTML in one piece (:mod:`benchmarks.naive_portfolio`);
- a cold briefing, and the floor under it: Python importing WeasyPrint and matplotlib;
- the marginal briefing: what one more account costs a batch on every core, from batches of two sizes;
  its stand-in is the floor of the stage breakdown (the same HTML laid out and written, the same figures
  saved) in one process;
- reading 2,000 workbooks, and exporting their figures as JSON.

Runs of a measure and of its stand-in alternate, so that both share the machine's noise; medians.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTGEN = [sys.executable, "-m", "reportgen"]
NAIVE_PORTFOLIO = [sys.executable, str(ROOT / "benchmarks" / "naive_portfolio.py")]
IMPORT_FLOOR = [sys.executable, "-c", "import weasyprint, matplotlib.figure"]
MARGINAL_BATCHES = (20, 60)
"""The two batch sizes the marginal briefing is taken from: (T(60) − T(20)) / 40."""


def _tree_rss(root: int) -> tuple[float, float]:
    """The resident memory of *root* and its descendants (MB): the largest one, and all together."""
    largest = total = 0.0
    pending = [root]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
        rss = next(
            (int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0
        )
        largest, total = max(largest, rss), total + rss
    return largest, total


def run_measured(command: list[str], env: dict | None = None) -> dict:
    """*command* run to its end: wall and CPU seconds, the cores that makes, and its peak memory, sampled
    every 20 ms over the process and every process it starts."""
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0.0, 0.0]

    def sample() -> None:
        while process.poll() is None:
            largest, total = _tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], largest), max(peaks[1], total)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = os.times()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {errors.decode(errors='replace')[-2000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {
        "wall": wall,
        "cpu": cpu,
        "cores": cpu / wall,
        "peak_rss_mb": peaks[0],
        "peak_total_rss_mb": peaks[1],
    }


def medians(samples: list[dict]) -> dict:
    keys = samples[0].keys()
    result = {key: statistics.median(s[key] for s in samples) for key in keys}
    result["wall_min"] = min(s["wall"] for s in samples)
    result["wall_max"] = max(s["wall"] for s in samples)
    result["n"] = len(samples)
    return result


def pages_of(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


def portfolio(inputs: Path, out: Path, runs: int, lang: str = "de") -> dict:
    """The portfolio of the accounts in *inputs* and its naive stand-in, in turns."""
    measured: dict[str, list[dict]] = {"reportgen": [], "naive": []}
    target = out / f"portfolio-{inputs.name}"
    for _ in range(runs):
        for kind in measured:
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            if kind == "reportgen":
                command = [*REPORTGEN, "portfolio", str(inputs), "--lang", lang, "--out", str(target)]
            else:
                command = [*NAIVE_PORTFOLIO, str(inputs), lang, str(target / "naive.pdf")]
            sample = run_measured(command)
            (pdf,) = target.glob("*.pdf")
            sample["pages"] = pages_of(pdf)
            sample["mb"] = pdf.stat().st_size / 1e6
            measured[kind].append(sample)
    result = {kind: medians(samples) for kind, samples in measured.items()}
    result["ratio"] = result["reportgen"]["wall"] / result["naive"]["wall"]
    return result


def deck_against_pdf(workbook: Path, inputs: Path, out: Path, runs: int) -> dict:
    """A deck against the PDF of the same briefing, in turns: from cold (one workbook, one language), and
    what one more account costs a batch on every core (see :func:`marginal_briefing`)."""
    command = [*REPORTGEN, "briefing", str(workbook), "--lang", "de", "--out", str(out / "cold-deck")]
    cold: dict[str, list[dict]] = {"pdf": [], "pptx": []}
    for _ in range(runs):
        for fmt in cold:
            cold[fmt].append(run_measured([*command, "--format", fmt]))
    marginal = {fmt: marginal_briefing(inputs, out, runs, fmt=fmt) for fmt in ("pdf", "pptx")}
    return {
        "cold": {fmt: medians(samples) for fmt, samples in cold.items()},
        "marginal": marginal,
        "cold_ratio": statistics.median(
            d["wall"] / p["wall"] for d, p in zip(cold["pptx"], cold["pdf"], strict=True)
        ),
        "marginal_ratio": marginal["pptx"]["seconds"] / marginal["pdf"]["seconds"],
    }


def cold_briefing(workbook: Path, out: Path, runs: int, env: dict | None = None) -> dict:
    """A cold briefing of one workbook, in turns with the floor: importing WeasyPrint and matplotlib."""
    measured: dict[str, list[dict]] = {"briefing": [], "import_floor": []}
    command = [*REPORTGEN, "briefing", str(workbook), "--lang", "de", "--out", str(out / "cold")]
    for _ in range(runs):
        measured["briefing"].append(run_measured(command, env))
        measured["import_floor"].append(run_measured(IMPORT_FLOOR, env))
    return {kind: medians(samples) for kind, samples in measured.items()}


def subset(inputs: Path, accounts: int, out: Path) -> Path:
    """A folder with the files of the first *accounts* accounts of *inputs* (copies: reportgen reads no
    symbolic links)."""
    folder = out / f"{inputs.name}-first-{accounts}"
    if folder.is_dir():
        return folder
    stems = sorted({path.name.rsplit("_", 1)[0] for path in inputs.glob("*.xlsx")})[:accounts]
    folder.mkdir(parents=True)
    for stem in stems:
        for path in inputs.glob(f"{stem}_*.xlsx"):
            shutil.copy2(path, folder / path.name)
    return folder


def marginal_briefing(inputs: Path, out: Path, runs: int, env: dict | None = None, fmt: str = "pdf") -> dict:
    """What one more account (one language, the latest quarter, as a PDF or a deck: *fmt*) costs a batch on
    every core: batches of two sizes in turns, (T(large) − T(small)) / (large − small)."""
    small, large = MARGINAL_BATCHES
    folders = {size: subset(inputs, size, out) for size in MARGINAL_BATCHES}
    walls: dict[int, list[float]] = {small: [], large: []}
    for _ in range(runs):
        for size, folder in folders.items():
            target = out / f"batch-{size}"
            shutil.rmtree(target, ignore_errors=True)
            command = [
                *REPORTGEN,
                "briefing",
                str(folder),
                "--lang",
                "de",
                "--period",
                "2026-Q3",
                "--format",
                fmt,
            ]
            walls[size].append(run_measured([*command, "--out", str(target)], env)["wall"])
    per_account = [(b - a) / (large - small) for a, b in zip(walls[small], walls[large], strict=True)]
    return {
        "seconds": statistics.median(per_account),
        "min": min(per_account),
        "max": max(per_account),
        "n": runs,
        "batches": {str(size): statistics.median(values) for size, values in walls.items()},
    }


def reading(inputs: Path, runs: int) -> dict:
    """Reading every workbook of *inputs* in this process (imports warm), and validating them cold."""
    from reportgen.common.resources import DEFAULT_CATALOG
    from reportgen.model.catalog import load_catalog
    from reportgen.reading.all_files import read_all

    catalog = load_catalog(DEFAULT_CATALOG)
    warm, cold = [], []
    for _ in range(runs):
        started = time.perf_counter()
        files = read_all([inputs], catalog)
        warm.append(time.perf_counter() - started)
        cold.append(run_measured([*REPORTGEN, "validate", str(inputs), "--lang", "de"]))
    return {
        "files": len(files),
        "read_all": {"median": statistics.median(warm), "min": min(warm), "max": max(warm), "n": runs},
        "validate_cold": medians(cold),
    }


def export_json(inputs: Path, runs: int) -> dict:
    """``reportgen export --format json`` of every workbook of *inputs* to standard output, cold."""
    command = [*REPORTGEN, "export", str(inputs), "--format", "json", "--lang", "de", "--out", "-"]
    return medians([run_measured(command) for _ in range(runs)])
