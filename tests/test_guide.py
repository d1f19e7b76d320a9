"""The user guide (docs/, mkdocs.yml) builds with --strict, its generated pages hold what the program has,
and its worked example for analysts runs as written and prints what the guide says it prints."""

from __future__ import annotations

import html
import os
import re
import struct
import subprocess
import sys
import time

from tests.builders import module_at
from tests.conftest import EXAMPLES, ROOT

DOCS = ROOT / "docs"
ANALYSTS = DOCS / "analysts" / "load.md"
EXAMPLE = "<!-- worked example: tests/test_guide.py runs this block from a folder with input/ and output/ -->"
ITS_OUTPUT = "<!-- worked example: its output -->"
BUILD_SECONDS = 30
"""The build takes about 5 s on a 2-core machine; far beyond that, make test would feel it."""


def hook(name: str):
    """A hook of the guide (docs/hooks/), loaded as mkdocs loads it."""
    return module_at(DOCS / "hooks" / f"{name}.py", f"guide_{name}")


def text(page) -> str:
    """A built page's words, without its markup."""
    source = page.read_text(encoding="utf-8")
    article = source[source.index("<article") : source.index("</article>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


def test_the_guide_builds_with_strict_and_its_made_pages_hold_what_the_program_has(tmp_path):
    """The guide as `make docs` builds it, with --strict: a broken link, a page missing from the
    navigation, a message the guide does not list or a catalog key it does not explain fails it. One
    build for every check, so that the test suite pays for it once."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-3000:]
    assert seconds < BUILD_SECONDS, f"the guide took {seconds:.1f} s to build"
    the_command_line_reference_shows_every_command_and_option(tmp_path)
    the_api_reference_documents_load_dataset_and_input_error(tmp_path)
    the_list_of_messages_holds_every_message_in_english_and_german(tmp_path)
    the_catalog_reference_adds_what_each_key_holds(tmp_path)
    every_page_is_in_the_guide_and_shows_only_made_screenshots(tmp_path)


def the_command_line_reference_shows_every_command_and_option(site):
    from reportgen.cli import cli

    page = text(site / "reference" / "cli.html")
    for name, command in cli.commands.items():
        if command.hidden:
            continue
        assert f"reportgen {name}" in page
        for option in command.params:
            if not getattr(option, "hidden", False) and option.opts[0].startswith("-"):
                assert option.opts[-1] in page, f"{name} {option.opts[-1]}"
    # the help's own text, not read as markup: file names in angle brackets and underscores stay
    assert "Files are named <account>_<period>_<lang>.pdf" in page


def the_api_reference_documents_load_dataset_and_input_error(site):
    page = text(site / "reference" / "api.html")
    for name in (
        "reportgen.load",
        "reportgen.Dataset",
        "reportgen.InputError",
        "briefing_pdf",
        "portfolio_pdf",
    ):
        assert name in page
    assert "Read and analyse every assessment in paths" in page
    assert ":class:" not in page and ":attr:" not in page


def the_list_of_messages_holds_every_message_in_english_and_german(site):
    page = text(site / "operations" / "messages.html")
    # as the reports' own catalog words it, the placeholders set apart (the stylesheet brackets them)
    assert '" value " lies outside the scale min – max . Enter a number from min to max' in page
    assert "„ value “ liegt außerhalb der Skala min – max . Tragen Sie eine Zahl von min bis max" in page
    entries = hook("messages").entries()
    rows = (site / "operations" / "messages.html").read_text(encoding="utf-8").count("<tr data-names=")
    assert rows == len(entries) > 100
    assert "Not yet sorted" not in page


def the_catalog_reference_adds_what_each_key_holds(site):
    page = text(site / "operations" / "catalog-reference.html")
    assert (
        "zones.balance_tolerance a number (at least 0; at most 100); default: 10 |S − K| up to this" in page
    )


def every_page_is_in_the_guide_and_shows_only_made_screenshots(site):
    pages = {p.relative_to(DOCS).with_suffix(".html") for p in DOCS.rglob("*.md")}
    assert all((site / page).exists() for page in pages)
    shown = {
        name
        for page in DOCS.rglob("*.md")
        for name in re.findall(r"\]\((?:\.\./)*screenshots/([\w-]+\.png)\)", page.read_text(encoding="utf-8"))
    }
    assert shown and shown <= {path.name for path in (DOCS / "screenshots").glob("*.png")}


def test_a_message_the_guide_does_not_place_or_a_name_of_none_is_reported():
    messages = hook("messages")
    known = messages.entries()
    every = " ".join(name for entry in known for name in entry.names)
    _, unknown, left_out = messages.place(f"<!-- messages: {every} -->", known)
    assert (unknown, left_out) == ([], [])
    lone = next(entry for entry in known if len(entry.names) == 1)
    renamed = every.replace(lone.names[0], "NO_SUCH_MESSAGE")
    _, unknown, left_out = messages.place(f"<!-- messages: {renamed} -->", known)
    assert unknown == ["NO_SUCH_MESSAGE"] and left_out == [lone]


def test_a_catalog_key_the_reference_leaves_out_or_a_row_of_no_key_is_reported():
    catalog = hook("catalog_keys")
    known = catalog.keys()
    assert {"factors[].weight", "voices.perception_gap_points", "rebalancing.max_moves"} <= set(known)
    table = "| key | meaning |\n|---|---|\n" + "".join(f"| `{key}` | x |\n" for key in known if key != "id")
    table += "| `zones.tolerance` | x |\n"
    _, unknown, missing = catalog.enrich(table, known)
    assert (unknown, missing) == (["zones.tolerance"], ["id"])


def block_after(marker: str) -> str:
    """The fenced block that follows *marker* on the analysts' page."""
    page = ANALYSTS.read_text(encoding="utf-8")
    match = re.search(re.escape(marker) + r"\n```[a-z]*\n(.*?)```\n", page, re.S)
    assert match, f"the analysts' page has no block after {marker}"
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


def test_the_code_map_lists_every_module_of_the_package_at_any_depth():
    code_map = hook("code_map").code_map()
    for path in (ROOT / "reportgen").rglob("*.py"):
        dotted = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if dotted == "reportgen":
            continue  # the page itself says what the package is
        name = path.parent.name + "/" if path.name == "__init__.py" else path.name
        assert f"`{name}`" in code_map or f"`{dotted}`" in code_map or f"`{dotted}/`" in code_map, dotted
    assert "        - `summary.py`:" in code_map  # views/briefing/summary.py, two packages down
