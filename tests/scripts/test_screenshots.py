"""The guide's screenshots show the pages the example reports have now (scripts/screenshots.py).

The check makes each report's HTML again, without laying it out, and compares it (with the stylesheets,
fonts and WeasyPrint version) with what the screenshot's sidecar says its page was made from: a second,
where making the PDFs again would take ten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.builders import module_at

ROOT = Path(__file__).resolve().parents[2]
screenshots = module_at(ROOT / "scripts" / "screenshots.py", "screenshots")


def test_every_screenshot_shows_the_page_its_report_has_now():
    with screenshots.examples() as data:
        now = screenshots.made_now(data)
    stale = [
        f"{shot.png.relative_to(ROOT)} (page {shot.page} of the {shot.report.describe()}): {why}"
        for shot in screenshots.SHOTS
        if (why := screenshots.out_of_date(shot, now[shot.report]))
    ]
    assert not stale, (
        "These screenshots no longer show the page they stand for:\n  "
        + "\n  ".join(stale)
        + "\nRun `make docs`, look at the new pictures, and commit them with their .json files."
    )


def test_the_screenshots_folder_holds_only_made_screenshots():
    """A picture put there by hand would never be compared with a page."""
    made = {path for shot in screenshots.SHOTS for path in (shot.png, shot.sidecar)}
    assert set(screenshots.SCREENSHOTS.iterdir()) == made


def test_a_changed_page_or_a_picture_edited_by_hand_is_out_of_date(tmp_path):
    shot = screenshots.SHOTS[0]
    copy = screenshots.Shot(shot.name, shot.report, shot.page, folder=tmp_path)
    shutil.copy(shot.png, copy.png)
    shutil.copy(shot.sidecar, copy.sidecar)
    today = screenshots.recorded(copy)["made_from"]  # as the page is made now, the test above shows
    assert screenshots.out_of_date(copy, today) is None

    reworded = {**today, "html": screenshots.digest(b"<p>Seite 1 von 4</p>")}
    assert screenshots.out_of_date(copy, reworded) == "what the page is made from changed: html"
    restyled = {**today, "assets": screenshots.digest(b"h1 { color: red }")}
    assert screenshots.out_of_date(copy, restyled) == "what the page is made from changed: assets"

    copy.png.write_bytes(copy.png.read_bytes() + b"\0")
    assert screenshots.out_of_date(copy, today) == "the picture is not the one this script made"
    copy.sidecar.unlink()
    assert screenshots.out_of_date(copy, today) == "it has not been made yet"


def test_the_sidecar_names_the_page_and_the_resolution():
    sidecar = json.loads(screenshots.SHOTS[1].sidecar.read_text(encoding="utf-8"))
    assert sidecar["page"] == 2 and sidecar["dpi"] == screenshots.DPI
    assert sidecar["report"] == "briefing of Meridian Aerotech Inc., 2026-Q3, de"
