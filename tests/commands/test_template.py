"""`reportgen template`: the command it says to run next names --criteria only where it must."""

from __future__ import annotations

import shlex

import pytest

from reportgen.common.resources import CRITERIA_DIR
from tests.conftest import run


def test_the_template_hint_adds_criteria_only_when_the_catalog_is_not_in_criteria(tmp_path, criteria_folder):
    own = criteria_folder / "efkam-partnership-v1.1.yaml"
    made = run("template", "--criteria", str(own), "--lang", "en", "-o", str(tmp_path / "a.xlsx"))
    assert made.exit_code == 0
    assert f"--criteria {own}" in made.stderr
    shipped = CRITERIA_DIR / "efkam-partnership-v0.9.yaml"
    plain = run("template", "--criteria", str(shipped), "--lang", "en", "-o", str(tmp_path / "b.xlsx"))
    assert plain.exit_code == 0
    assert plain.stderr.rstrip().endswith(f"then run: reportgen briefing {tmp_path / 'b.xlsx'}")
    assert "--criteria" not in plain.stderr


@pytest.mark.parametrize(("lang", "said"), [("de", "starten Sie dann: "), ("en", "then run: ")])
def test_the_command_a_hint_gives_works_when_pasted_with_spaces_and_umlauts(
    tmp_path, criteria_folder, lang, said
):
    """Regression: "starten Sie dann: reportgen briefing Ordner mit Ümläuten/größe.xlsx" broke when pasted:
    the shell split the path at its spaces. The paths in the command are quoted as a shell needs them."""
    folder = tmp_path / "Ordner mit Ümläuten"
    catalogs = tmp_path / "Kataloge (eigene)"
    catalogs.mkdir()
    own = catalogs / "efkam partnership.yaml"
    own.write_bytes((criteria_folder / "efkam-partnership-v1.1.yaml").read_bytes())
    workbook = folder / "größe.xlsx"
    made = run("template", "--criteria", str(own), "--lang", lang, "-o", str(workbook))
    assert made.exit_code == 0, made.stderr
    command = made.stderr.split(said)[1].strip()
    assert shlex.split(command) == ["reportgen", "briefing", str(workbook), "--criteria", str(own)]
