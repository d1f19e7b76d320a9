"""The workbooks the tests of how they look and print share: our team's and the key account's questionnaire,
in both languages, with two long company names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

LONG_NAMES = ("--supplier", "Brandtner Präzisionstechnik GmbH", "--account", "Meridian Aerotech Incorporated")
WORKBOOKS = {
    "ours_de": ("--lang", "de", "--account", "Meridian Aerotech Incorporated", "--period", "2026-Q3"),
    "ours_en": ("--lang", "en", "--account", "Meridian Aerotech Incorporated", "--period", "2026-Q3"),
    "questionnaire_de": ("--lang", "de", "--view", "key-account", *LONG_NAMES, "--period", "2026-Q3"),
    "questionnaire_en": ("--lang", "en", "--view", "key-account", *LONG_NAMES, "--period", "2026-Q3"),
    "questionnaire_unnamed": ("--lang", "de", "--view", "key-account", "--supplier", "Hansen GmbH"),
}


def workbook_of(tmp_path: Path, name: str, *options: str) -> Path:
    path = tmp_path / f"{name}.xlsx"
    result = run("template", "-o", str(path), *options)
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("workbooks")
    return {name: workbook_of(folder, name, *options) for name, options in WORKBOOKS.items()}
