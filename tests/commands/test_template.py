"""`reportgen template`: the command it says to run next names --criteria only where it must."""

from __future__ import annotations

from reportgen.resources import CRITERIA_DIR
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
