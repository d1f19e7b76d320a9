"""The benchmark behind `make bench`: where the time of a briefing goes, against what it cannot go below.

Everything is measured in one process and one run, so the ratios are fair. Medians with min–max.
Writes every figure to a JSON file and prints a short table.

    .venv/bin/python benchmarks/bench.py --accounts 200 --out output/bench/bench.json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_accounts  # noqa: E402
from reportgen.analysis.all_accounts import prepare  # noqa: E402
from reportgen.analysis.indices import analyse  # noqa: E402
from reportgen.analysis.selection import Selection  # noqa: E402
from reportgen.charts import briefing_charts, diagram, profile, trend  # noqa: E402
from reportgen.charts.style import render_svg  # noqa: E402
from reportgen.commands.briefing import render_briefings  # noqa: E402
from reportgen.commands.portfolio import render_portfolio  # noqa: E402
from reportgen.common.resources import DEFAULT_CATALOG  # noqa: E402
from reportgen.common.settings import Settings, default_jobs  # noqa: E402
from reportgen.model.catalog import load_catalog  # noqa: E402
from reportgen.reading import read_file  # noqa: E402
from reportgen.rendering import Renderer  # noqa: E402
from reportgen.views.briefing import BriefingCharts, build_briefing  # noqa: E402

LANG = "de"
DAY = date(2026, 11, 27)
FONT_PATHS = {"without": "without libharfbuzz-subset0", "with": "with libharfbuzz-subset0"}
"""WeasyPrint cuts fonts with HarfBuzz's subsetter when the library is there, else with fontTools: a
fresh machine (the README's `make reports`) lacks it. Both are measured on any machine."""
FRESH_MACHINE = ROOT / "benchmarks" / "fresh_machine"
"""On PYTHONPATH, its sitecustomize.py hides the library from WeasyPrint, in spawned workers too."""
FONT_PATH_ACCOUNTS = 60
PANDAS_PROBE = """
import atexit, sys
atexit.register(lambda: print("pandas loaded:", "pandas" in sys.modules))
sys.argv = ["reportgen", *sys.argv[1:]]
from reportgen.cli import main
main()
"""
"""Runs the command line with the arguments given and says at exit whether pandas was loaded: it is for
the analysts' API alone, and the command line must not pay for it."""
UNTAGGED = {"pdf_variant": None, "pdf_tags": False}
"""WeasyPrint's options for a PDF without a structure tree: what tags cost is measured against it."""


def summary(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "n": len(samples)}


def timed(function: Callable, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stage_breakdown(workload, sample: int, runs: int) -> tuple[dict, dict]:
    """Per account, warm: every stage of the pipeline, and the floor for the same documents."""
    catalog, renderer = workload.catalogs.default, Renderer()
    latest = workload.latest_period()
    analyses = [a for a in workload.analyses if a.assessment.period == latest][:sample]
    stages: dict[str, list[float]] = {
        k: []
        for k in (
            "read",
            "analysis",
            "chart: diagram",
            "chart: profile",
            "chart: trend",
            "template",
            "layout",
            "write",
        )
    }
    floor: dict[str, list[float]] = {"layout": [], "write": [], "figures saved": []}
    pipeline_total, floor_total = [], []
    # One warm-up, so that fonts, templates and hyphenation dictionaries are loaded.
    first = analyses[0]
    view = build_briefing(first, LANG, DAY, None, briefing_charts(first, LANG))
    renderer.pdf(renderer.html("briefing.html", LANG, view=view))
    for _ in range(runs):
        for analysis in analyses:
            history = workload.history_of(analysis)
            result, t_read = timed(read_file, analysis.assessment.source, catalog)
            fresh, t_analysis = timed(analyse, result.assessments[0], catalog)
            earlier = history.all_before(fresh.assessment.period)
            timeline = history.timeline(fresh.assessment.period, catalog)
            svgs, t_charts, f_figures = {}, {}, 0.0
            for name, drawn in (
                ("diagram", lambda a=fresh, p=earlier: diagram.drawn_diagram(a, catalog, LANG, p)),
                ("profile", lambda a=fresh: profile.drawn_profile(a, catalog, LANG)),
                ("trend", lambda t=timeline: nullcontext(trend.trend_figure(t, LANG))),
            ):
                started = time.perf_counter()
                chart = drawn()
                figure = chart.__enter__()
                svgs[name] = render_svg(figure)
                t_charts[name] = time.perf_counter() - started
                # The floor's part: saving the very same figure again, nothing else around it.
                started = time.perf_counter()
                render_svg(figure)
                f_figures += time.perf_counter() - started
                started = time.perf_counter()
                chart.__exit__(None, None, None)  # the pipeline's part again: clearing the ground
                t_charts[name] += time.perf_counter() - started
            # The view itself, with the charts just made, costs well under a millisecond.
            charts = BriefingCharts(svgs["diagram"], svgs["profile"], svgs["trend"] if timeline else None)
            view = build_briefing(fresh, LANG, DAY, history, charts)
            html, t_template = timed(lambda v: renderer.html("briefing.html", LANG, view=v), view)
            document, t_layout = timed(renderer.layout, html)
            _, t_write = timed(renderer.write, document, html)
            # The floor: the same HTML laid out and written, the same figures saved, nothing else.
            document, f_layout = timed(renderer.layout, html)
            _, f_write = timed(renderer.write, document, html)
            for key, value in (
                ("read", t_read),
                ("analysis", t_analysis),
                ("chart: diagram", t_charts["diagram"]),
                ("chart: profile", t_charts["profile"]),
                ("chart: trend", t_charts["trend"]),
                ("template", t_template),
                ("layout", t_layout),
                ("write", t_write),
            ):
                stages[key].append(value)
            floor["layout"].append(f_layout)
            floor["write"].append(f_write)
            floor["figures saved"].append(f_figures)
            pipeline_total.append(
                t_read + t_analysis + sum(t_charts.values()) + t_template + t_layout + t_write
            )
            floor_total.append(f_layout + f_write + f_figures)
    result = {key: summary(values) for key, values in stages.items()}
    result["total"] = summary(pipeline_total)
    floors = {key: summary(values) for key, values in floor.items()}
    floors["total"] = summary(floor_total)
    return result, floors


def throughput(workload, out: Path, workers: int) -> dict:
    latest = workload.latest_period()
    target = out / f"batch-{workers}"
    shutil.rmtree(target, ignore_errors=True)
    settings = Settings(lang=LANG, out_dir=target, jobs=workers)
    batch, seconds = timed(render_briefings, workload, Selection(period=latest), settings)
    return {
        "accounts": batch.rendered_accounts,
        "seconds": seconds,
        "per_second": batch.rendered_accounts / seconds,
    }


def memory(workload, out: Path, accounts: int) -> dict:
    """One worker rendering *accounts* briefings in a row: does its memory level off?"""
    renderer = Renderer()
    latest = workload.latest_period()
    analyses = [a for a in workload.analyses if a.assessment.period == latest]
    samples = []
    gc.collect()
    for number in range(accounts):
        analysis = analyses[number % len(analyses)]
        history = workload.history_of(analysis)
        view = build_briefing(analysis, LANG, DAY, history, briefing_charts(analysis, LANG, history))
        renderer.pdf(renderer.html("briefing.html", LANG, view=view))
        if number % 25 == 0 or number == accounts - 1:
            samples.append((number + 1, rss_mb()))
    # The first 25 briefings warm caches up; growth is measured from there (or from the start of a short run).
    after_warm_up = next((rss for count, rss in samples if count >= 26), samples[0][1])
    return {
        "accounts": accounts,
        "rss_mb": samples,
        "growth_after_warm_up_mb": samples[-1][1] - after_warm_up,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cold(command: list[str], runs: int) -> dict:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        samples.append(time.perf_counter() - started)
    return summary(samples)


def loads_pandas(args: list[str]) -> bool:
    """Whether ``reportgen ARGS``, run in a process of its own, loaded pandas."""
    done = subprocess.run(
        [sys.executable, "-c", PANDAS_PROBE, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert "pandas loaded:" in done.stdout, done.stderr
    return "pandas loaded: True" in done.stdout


def incremental_make(out: Path, runs: int) -> dict:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795737600"}
    variables = [f"OUTPUT={out / 'make'}", "LANGS=de"]
    subprocess.run(
        ["make", "--no-print-directory", "reports", *variables], cwd=ROOT, capture_output=True, env=env
    )
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(
            ["make", "--no-print-directory", "reports", *variables],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
        )
        samples.append(time.perf_counter() - started)
        assert "Nothing to be done" in result.stdout, result.stdout + result.stderr
    return summary(samples)


def font_path_briefings(workload, sample: int, runs: int) -> dict:
    """Warm briefings made whole (charts, view, layout, PDF) on both font paths in turn, in one process:
    WeasyPrint reads whether it has HarfBuzz's subsetter each time it cuts a font, so the paths can
    alternate briefing by briefing and share the machine's noise. Each PDF is also written untagged."""
    from weasyprint.pdf import fonts

    library = fonts.harfbuzz_subset
    paths = ("without", "with") if library is not None else ("without",)
    renderer = Renderer()
    latest = workload.latest_period()
    analyses = [a for a in workload.analyses if a.assessment.period == latest][:sample]
    keys = ("briefing", "layout", "write", "pdf kb", "tags", "tags share")
    measured = {path: {key: [] for key in keys} for path in paths}

    def write_untagged(document, html):
        return document.write_pdf(**{**renderer.write_options(html), **UNTAGGED})

    def briefing(analysis, path: str) -> None:
        fonts.harfbuzz_subset = library if path == "with" else None
        started = time.perf_counter()
        history = workload.history_of(analysis)
        view = build_briefing(analysis, LANG, DAY, history, briefing_charts(analysis, LANG, history))
        html = renderer.briefing_html(view)
        document, t_layout = timed(renderer.layout, html)
        pdf, t_write = timed(renderer.write, document, html)
        t_briefing = time.perf_counter() - started
        # What tags cost: the same HTML written tagged and untagged, each from a layout of its own (a
        # document keeps the fonts it has cut), in turns which goes first.
        writes = {}
        for tagged in (True, False) if len(measured[path]["briefing"]) % 2 else (False, True):
            fresh = renderer.layout(html)
            writes[tagged] = timed(renderer.write if tagged else write_untagged, fresh, html)[1]
        t_tags = writes[True] - writes[False]
        values = (t_briefing, t_layout, t_write, len(pdf) / 1000, t_tags, t_tags / t_briefing)
        for key, value in zip(keys, values, strict=True):
            measured[path][key].append(value)

    for path in paths:  # warm-up: fonts, templates, hyphenation dictionaries
        briefing(analyses[0], path)
        measured[path] = {key: [] for key in keys}
    for _ in range(runs):
        for analysis in analyses:
            for path in paths:
                briefing(analysis, path)
    fonts.harfbuzz_subset = library
    return {path: {key: summary(values) for key, values in measured[path].items()} for path in paths}


def font_path_batch(workload, out: Path) -> dict:
    """A batch of 60 accounts on every core, on the font path this process and its workers take."""
    from reportgen.rendering.fonts import harfbuzz_subsets

    accounts = sorted({a.assessment.account.name for a in workload.analyses})[:FONT_PATH_ACCOUNTS]
    chosen = replace(
        workload, analyses=[a for a in workload.analyses if a.assessment.account.name in accounts]
    )
    batch = throughput(chosen, out, default_jobs())
    return {
        "harfbuzz_subset": harfbuzz_subsets(),
        **batch,
        "seconds_per_account": batch["seconds"] / batch["accounts"],
    }


def unpacked_harfbuzz_subset(out: Path) -> Path | str:
    """The folder of a libharfbuzz-subset0 unpacked from Debian's package without installing it, or why
    there is none. Only the benchmark uses it, to measure the path a machine with the library takes."""
    target = out / "harfbuzz-subset"
    found = next(target.glob("usr/lib/*/libharfbuzz-subset.so.0"), None)
    if found:
        return found.parent
    if not (shutil.which("apt-get") and shutil.which("dpkg")):
        return "neither installed nor fetchable here (apt-get and dpkg needed)"
    download = out / "harfbuzz-subset-package"
    shutil.rmtree(download, ignore_errors=True)
    download.mkdir(parents=True)
    fetched = subprocess.run(
        ["apt-get", "download", "libharfbuzz-subset0"], cwd=download, capture_output=True, text=True
    )
    package = next(download.glob("*.deb"), None)
    if fetched.returncode or package is None:
        return "not installed, and apt-get download libharfbuzz-subset0 failed: " + fetched.stderr.strip()
    subprocess.run(["dpkg", "-x", str(package), str(target)], check=True, capture_output=True)
    found = next(target.glob("usr/lib/*/libharfbuzz-subset.so.0"), None)
    return found.parent if found else "the package held no libharfbuzz-subset.so.0"


def font_paths(args, out: Path) -> dict:
    """Both font paths: briefings alternating in one process that has the library, then batches
    alternating, each in a process of its own (WeasyPrint's workers look for the library when spawned)."""
    environments = font_path_environments(out)
    missing = environments["with"] if isinstance(environments["with"], str) else ""
    without_library = environments["without"]
    with_library = without_library if missing else environments["with"]

    def measured(mode: str, env: dict) -> dict:
        target = out / "font-path.json"
        command = [sys.executable, __file__, "--font-path", mode, "--accounts", str(args.accounts)]
        command += ["--sample", str(args.sample), "--runs", str(args.runs), "--out", str(target)]
        subprocess.run(command, env=env, check=True)
        return json.loads(target.read_text(encoding="utf-8"))

    briefings = measured("briefings", with_library)
    paths = ("without",) if missing else tuple(FONT_PATHS)
    batches: dict[str, list[float]] = {path: [] for path in paths}
    for _ in range(2):
        for path in paths:
            batch = measured("batch", without_library if path == "without" else with_library)
            assert batch["harfbuzz_subset"] == (path == "with"), f"the batch did not take the path {path}"
            batches[path].append(batch["seconds_per_account"])
    results = {
        path: {**briefings[path], "batch": {**summary(batches[path]), "accounts": batch["accounts"]}}
        for path in paths
    }
    if missing:
        results["with"] = {"not_measured": missing}
    return results


def machine() -> dict:
    import ctypes.util

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": default_jobs(),
        "harfbuzz_subset": ctypes.util.find_library("harfbuzz-subset") is not None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=int(os.environ.get("N", 200)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=12, help="accounts in the stage breakdown")
    parser.add_argument("--memory-accounts", type=int, default=500)
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "bench" / "bench.json")
    parser.add_argument("--font-path", choices=("briefings", "batch"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--scale",
        default=os.environ.get("SCALE", "200,1000"),
        help="portfolio sizes to measure, e.g. 200,1000",
    )
    parser.add_argument("--scale-runs", type=int, default=int(os.environ.get("SCALE_RUNS", 5)))
    parser.add_argument("--only-scale", action="store_true", help="measure only the scale figures (quicker)")
    parser.add_argument("--table-from", type=Path, help="write the README's speed table from a run's JSON")
    parser.add_argument(
        "--only-decks", type=Path, help="measure only a deck against the PDF, and add it to this run's JSON"
    )
    args = parser.parse_args()
    if args.table_from:
        print_scale(json.loads(args.table_from.read_text(encoding="utf-8")))
        return
    if args.only_decks:  # the deck's figures alone, added to an earlier run's
        from benchmarks import scale

        out = args.out.parent
        out.mkdir(parents=True, exist_ok=True)
        largest = accounts_folder(out, load_catalog(DEFAULT_CATALOG), 1000)
        one_file = next(iter(sorted(largest.glob("*_2026-Q3.xlsx"))))
        results = json.loads(args.only_decks.read_text(encoding="utf-8"))
        results["scale"]["deck"] = scale.deck_against_pdf(one_file, largest, out, args.scale_runs)
        args.only_decks.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print_scale(results)
        return
    out = args.out.parent
    out.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog(DEFAULT_CATALOG)
    inputs = accounts_folder(out, catalog, args.accounts)
    workload = prepare([inputs], catalog)
    if args.font_path:  # a part of font_paths(), in the process it started for it
        if args.font_path == "briefings":
            result = font_path_briefings(workload, args.sample, args.runs)
        else:
            result = font_path_batch(workload, out / "font-path-batch")
        args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
        return
    cores = default_jobs()
    if args.only_scale:
        results = {"machine": machine(), "accounts": args.accounts, "runs": args.runs}
        results["scale"] = scale_figures(args, out, catalog, workload)
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print_scale(results)
        return
    one_file = str(next(iter(sorted(inputs.glob("*_2026-Q3.xlsx")))))
    reportgen = [str(ROOT / ".venv" / "bin" / "reportgen")]

    results: dict = {"machine": machine(), "accounts": args.accounts, "runs": args.runs}
    print(f"benchmark: {args.accounts} accounts × 2 quarters, {cores} cores", flush=True)
    results["stages"], results["floor"] = stage_breakdown(workload, args.sample, args.runs)
    results["pipeline_over_floor"] = (
        results["stages"]["total"]["median"] / results["floor"]["total"]["median"]
    )
    print("  stages measured", flush=True)
    results["batch_1_worker"] = throughput(workload, out, 1)
    results["batch_all_cores"] = throughput(workload, out, cores)
    print("  batches measured", flush=True)
    latest = workload.latest_period()
    _, seconds = timed(render_portfolio, workload, latest, Settings(lang=LANG, out_dir=out / "portfolio"))
    results["portfolio_seconds"] = seconds
    cold_briefing = ["briefing", one_file, "--lang", LANG, "--out", str(out / "cold")]
    results["cold_briefing"] = cold([*reportgen, *cold_briefing], args.runs)
    results["cold_help"] = cold([*reportgen, "--help"], args.runs)
    results["cold_validate"] = cold([*reportgen, "validate", str(inputs), "--lang", LANG], args.runs)
    results["pandas_loaded"] = {"help": loads_pandas(["--help"]), "briefing": loads_pandas(cold_briefing)}
    load_tables = (
        f"import reportgen; d = reportgen.load({str(inputs)!r}, lang={LANG!r}); d.accounts; d.factors"
    )
    results["cold_api_load"] = cold([sys.executable, "-c", load_tables], args.runs)
    results["incremental_make"] = incremental_make(out, args.runs)
    print("  cold starts and make measured", flush=True)
    results["memory"] = memory(workload, out, args.memory_accounts)
    results["font_paths"] = font_paths(args, out)
    print("  both font paths measured", flush=True)
    results["scale"] = scale_figures(args, out, catalog, workload, results["floor"]["total"]["median"])
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_table(results)
    print_scale(results)
    print(f"\nAll figures: {args.out}")


def accounts_folder(out: Path, catalog, accounts: int) -> Path:
    """The synthetic accounts of the benchmark (two quarters each), written once and kept."""
    inputs = out / f"input-{accounts}"
    if not inputs.is_dir() or len(list(inputs.glob("*.xlsx"))) != 2 * accounts:
        shutil.rmtree(inputs, ignore_errors=True)
        write_accounts(inputs, catalog, accounts)
    return inputs


def font_path_environments(out: Path) -> dict[str, dict | str]:
    """The environment of a process on each font path, or why a path cannot be measured here."""
    import ctypes.util

    with_library = dict(os.environ)
    if not ctypes.util.find_library("harfbuzz-subset"):
        library = unpacked_harfbuzz_subset(out)
        if isinstance(library, str):
            return {"without": with_library, "with": library}
        with_library["LD_LIBRARY_PATH"] = os.pathsep.join(
            filter(None, (str(library), with_library.get("LD_LIBRARY_PATH")))
        )
        return {"without": dict(os.environ), "with": with_library}
    without = {
        **with_library,
        "PYTHONPATH": os.pathsep.join(filter(None, (str(FRESH_MACHINE), with_library.get("PYTHONPATH")))),
    }
    return {"without": without, "with": with_library}


def scale_figures(args, out: Path, catalog, workload, floor_seconds: float | None = None) -> dict:
    """The figures of :mod:`benchmarks.scale`: portfolios of each size, the cold and the marginal briefing
    on both font paths, reading and exporting 2,000 workbooks."""
    from benchmarks import scale

    runs = args.scale_runs
    sizes = [int(size) for size in args.scale.split(",") if size]
    figures: dict = {"runs": runs, "portfolio": {}}
    partial = out / "scale-partial.json"  # what is measured so far, should a later measure fail

    def measured(what: str) -> None:
        partial.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print(f"  {what} measured", flush=True)

    for size in sizes:
        figures["portfolio"][str(size)] = scale.portfolio(accounts_folder(out, catalog, size), out, runs)
        measured(f"portfolio of {size}")
    largest = accounts_folder(out, catalog, max([*sizes, 1000]))
    one_file = next(iter(sorted(largest.glob("*_2026-Q3.xlsx"))))
    if floor_seconds is None:
        floor_seconds = stage_breakdown(workload, min(args.sample, 6), 1)[1]["total"]["median"]
    figures["naive_briefing"] = floor_seconds
    figures["paths"] = {}
    for path, env in font_path_environments(out).items():
        if isinstance(env, str):
            figures["paths"][path] = {"not_measured": env}
            continue
        figures["paths"][path] = {
            "cold": scale.cold_briefing(one_file, out, runs, env),
            "marginal": scale.marginal_briefing(largest, out, runs, env),
        }
        measured(f"cold and marginal briefing, fonts {FONT_PATHS[path]},")
    figures["deck"] = scale.deck_against_pdf(one_file, largest, out, runs)
    measured("deck against the PDF")
    figures["reading"] = scale.reading(largest, runs)
    figures["export_json"] = scale.export_json(largest, runs)
    measured("reading and export")
    return figures


SPEED_TABLE = re.compile(r"(<!-- speed table: make bench -->\n).*?(\n<!-- /speed table -->)", re.S)
"""Where the README's speed table stands: `make bench` writes it there."""


def _run_text(run: dict, total: bool = True) -> str:
    """A measured run in words: wall time, cores used, peak memory (of the largest process, and of all)."""
    text = f"{run['wall']:.1f} s · {run['cores']:.1f} cores · {run['peak_rss_mb']:.0f} MB"
    if total and run["peak_total_rss_mb"] > run["peak_rss_mb"] * 1.05:
        text += f" ({run['peak_total_rss_mb']:.0f} MB in all)"
    return text


PORTFOLIO_GOALS = {"200": "≤ 8 s", "1000": "≤ 40 s, ≤ 500 MB"}


def _both_paths(scale: dict, figure) -> list[str]:
    """A briefing figure on both font paths, "without / with": reportgen's, the stand-in's, their ratio."""
    pairs = []
    for path in FONT_PATHS:
        figures = scale["paths"].get(path) or {"not_measured": ""}
        pairs.append(None if "not_measured" in figures else figure(figures))
    ours = " / ".join("–" if pair is None else f"{pair[0]:.2f}" for pair in pairs) + " s"
    stand_ins = " / ".join("–" if pair is None else f"{pair[1]:.2f}" for pair in pairs) + " s"
    ratios = " / ".join("–" if pair is None else f"{pair[0] / pair[1]:.2f}×" for pair in pairs)
    return [ours, stand_ins, ratios]


def speed_table(r: dict) -> str:
    """The README's speed table, in Markdown, from the figures of one run."""
    scale, cores = r["scale"], r["machine"]["cores"]
    rows = [["What", "reportgen", "Stand-in", "Ratio", "Goal"], ["---"] * 5]
    for size, p in scale["portfolio"].items():
        name = f"Portfolio, {int(size):,} accounts ({p['reportgen']['pages']:.0f} pages)"
        ours, naive = _run_text(p["reportgen"]), _run_text(p["naive"], total=False)
        rows.append([name, ours, naive, f"{p['ratio']:.2f}×", PORTFOLIO_GOALS.get(size, "")])
    cold = _both_paths(scale, lambda f: (f["cold"]["briefing"]["wall"], f["cold"]["import_floor"]["wall"]))
    rows.append(["Cold briefing, fonts without / with libharfbuzz-subset0", *cold, "≤ 1.2 s"])
    naive = scale["naive_briefing"]
    marginal = _both_paths(scale, lambda f: (f["marginal"]["seconds"], naive))
    rows.append([f"One more briefing in a batch on {cores} cores, the same", *marginal, "≤ 0.20 s, ≤ 0.5×"])
    if "deck" in scale:
        deck = scale["deck"]
        cold_deck, cold_pdf = (deck["cold"][fmt]["wall"] for fmt in ("pptx", "pdf"))
        extra_deck, extra_pdf = (deck["marginal"][fmt]["seconds"] for fmt in ("pptx", "pdf"))
        rows.append(["A deck, cold / one more in a batch (stand-in: its PDF)",
                     f"{cold_deck:.2f} s / {extra_deck:.2f} s", f"PDF: {cold_pdf:.2f} s / {extra_pdf:.2f} s",
                     f"{deck['cold_ratio']:.2f}× / {deck['marginal_ratio']:.2f}×", "≤ 1×"])  # fmt: skip
    reading, export = scale["reading"], scale["export_json"]
    files = f"{reading['files']:,} workbooks"
    validate = f"`validate` from cold: {reading['validate_cold']['wall']:.1f} s"
    rows.append([f"Reading {files}", f"{reading['read_all']['median']:.1f} s ({validate})", "", "", ""])
    rows.append([f"`export --format json` of {files}", f"{export['wall']:.1f} s", "", "", ""])
    note = (
        f"Medians of {scale['runs']} runs in turns with the stand-in, on {cores} cores, made by `make "
        "bench`. Stand-ins: the same HTML laid out and written by WeasyPrint in one piece and one process; "
        "for a cold briefing, Python importing WeasyPrint and matplotlib."
    )
    return "\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n\n" + note


def write_speed_table(r: dict, readme: Path = ROOT / "README.md") -> None:
    text = readme.read_text(encoding="utf-8")
    if SPEED_TABLE.search(text):
        readme.write_text(
            SPEED_TABLE.sub(lambda m: m.group(1) + speed_table(r) + m.group(2), text), encoding="utf-8"
        )


def print_scale(r: dict) -> None:
    print()
    print(speed_table(r))
    write_speed_table(r)


def print_table(r: dict) -> None:
    def ms(entry: dict) -> str:
        return f"{entry['median'] * 1000:7.0f} ms  ({entry['min'] * 1000:.0f}–{entry['max'] * 1000:.0f})"

    def s(entry: dict) -> str:
        return f"{entry['median']:7.2f} s   ({entry['min']:.2f}–{entry['max']:.2f})"

    n = r["accounts"]
    rows = [("Per account, warm (one language)", "")]
    rows += [(f"  {name}", ms(entry)) for name, entry in r["stages"].items()]
    rows += [
        ("Floor: same HTML laid out + written, same figures saved", ms(r["floor"]["total"])),
        ("  pipeline / floor", f"{r['pipeline_over_floor']:7.2f}×   (target ≤ 1.15)"),
        (
            f"Batch, {n} briefings, 1 worker",
            f"{r['batch_1_worker']['seconds']:7.1f} s   = {r['batch_1_worker']['per_second']:.2f} accounts/s",
        ),
        (
            f"Batch, {n} briefings, {r['machine']['cores']} workers",
            f"{r['batch_all_cores']['seconds']:7.1f} s   = "
            f"{r['batch_all_cores']['per_second']:.2f} accounts/s "
            "(target ≥ 4)",
        ),
        (f"Portfolio of {n} accounts", f"{r['portfolio_seconds']:7.1f} s   (target < 15)"),
        ("Cold: reportgen briefing one.xlsx", s(r["cold_briefing"]) + "  (target < 2)"),
        ("Cold: reportgen --help", s(r["cold_help"]) + "  (target < 0.2)"),
        (f"Cold: reportgen validate, {2 * n} workbooks", s(r["cold_validate"]) + "  (target < 3)"),
        (
            "pandas loaded by reportgen --help / a cold briefing",
            " / ".join("yes" if r["pandas_loaded"][run] else "no" for run in ("help", "briefing"))
            + "  (target: no / no)",
        ),
        (f"Cold: reportgen.load, {2 * n} workbooks, accounts + factors", s(r["cold_api_load"])),
        ("make reports, nothing changed", s(r["incremental_make"]) + "  (target < 0.5)"),
        (
            f"Memory, one worker, {r['memory']['accounts']} briefings",
            f"peak {r['memory']['peak_rss_mb']:.0f} MB, growth after warm-up "
            f"{r['memory']['growth_after_warm_up_mb']:+.0f} MB (target < 50)",
        ),
    ]
    rows += font_path_rows(r["font_paths"], ms)
    width = max(len(label) for label, _ in rows)
    print()
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def font_path_rows(paths: dict, ms: Callable[[dict], str]) -> list[tuple[str, str]]:
    rows = []
    for name, label in FONT_PATHS.items():
        path = paths[name]
        rows.append((f"Fonts {label}", path.get("not_measured", "")))
        if "not_measured" in path:
            continue
        rows += [
            ("  a warm briefing, whole (charts, layout, write)", ms(path["briefing"])),
            ("    of it: layout", ms(path["layout"])),
            ("    of it: write", ms(path["write"])),
        ]
        tags, size = path["tags share"]["median"], path["pdf kb"]
        rows += [
            ("    of it: tags (paired writes)", ms(path["tags"])),
            ("  tags' share of a briefing", f"{tags * 100:7.1f} %  (target ≤ 10)"),
            ("  PDF size", f"{size['median']:7.0f} KB  (max {size['max']:.0f}; target < 200)"),
            (
                f"  batch, {path['batch']['accounts']} briefings, every core",
                f"{path['batch']['median']:7.2f} s per account",
            ),
        ]
    if all("not_measured" not in paths[name] for name in FONT_PATHS):
        without, with_ = paths["without"], paths["with"]
        rows += [
            (
                "  without / with the library: warm briefing",
                f"{without['briefing']['median'] / with_['briefing']['median']:7.2f}×   (target ≤ 1.2)",
            ),
            (
                "  without / with the library: batch",
                f"{without['batch']['median'] / with_['batch']['median']:7.2f}×   (target ≤ 1.2)",
            ),
        ]
    return rows


if __name__ == "__main__":
    main()
