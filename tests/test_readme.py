"""The README is one screen that stays true: at most 250 lines, its pictures the screenshots made from the
example reports, its links and make targets ones that exist. What it no longer holds is in the user guide
(tests/test_guide.py)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAX_LINES = 250


def test_the_readme_fits_on_one_screen():
    assert len(README.splitlines()) <= MAX_LINES


def test_its_three_pictures_are_screenshots_made_from_the_examples():
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", README)
    assert len(pictures) == 3
    for picture in pictures:
        assert picture.startswith("docs/screenshots/"), picture
        assert (ROOT / picture).exists() and (ROOT / f"{picture}.json").exists(), picture


def test_its_links_and_make_targets_exist():
    links = [link for link in re.findall(r"\]\(([^)]+)\)", README) if not link.startswith("http")]
    assert links and all((ROOT / link).exists() for link in links)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z]+):.*## ", makefile, re.M))
    named = set(re.findall(r"`make ([a-z]+)", README)) | set(re.findall(r"^make ([a-z]+) ", README, re.M))
    assert {"reports", "test", "docs"} <= named <= targets


def test_the_files_it_names_in_input_are_there():
    named = set(re.findall(r"`input/([\w.-]+\.\w+)`", README)) | set(
        re.findall(r"`([\w-]+_2026-Q3[\w-]*\.xlsx)`", README)
    )
    assert named and all((ROOT / "input" / name).exists() for name in named)
