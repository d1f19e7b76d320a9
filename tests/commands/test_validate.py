"""`reportgen validate`: errors apart from warnings, a one-line summary, exit codes as for batch runs."""

from __future__ import annotations

from tests.conftest import run


def test_a_folder_with_good_broken_and_duplicate_workbooks(tmp_path, make_workbook, catalog):
    make_workbook("good.xlsx", lang="de")
    make_workbook("copy.xlsx", lang="de")  # the same account and period again
    n = len(catalog.factors)
    make_workbook("broken.xlsx", lang="de", supplier=["viel"] + [4] * (n - 1))
    make_workbook("future.xlsx", lang="de", facts=["Beta AG", "KA-2", "2031-Q1"])
    make_workbook(
        "sparse.xlsx", lang="de", facts=["Gamma AG", "KA-3", "2026-Q3"], supplier=[4] * 5 + [None] * (n - 5)
    )
    result = run("validate", str(tmp_path), "--lang", "de")
    lines = result.stderr.replace(str(tmp_path) + "/", "").splitlines()
    assert result.exit_code == 1
    assert lines[-1] == "5 Dateien geprüft: 1 in Ordnung, 3 nur mit Warnungen, 1 mit Fehlern."
    assert "✗ broken.xlsx › Bewertung › C2: „viel“ ist keine Zahl." in result.stderr.replace(
        str(tmp_path) + "/", ""
    )
    text = "\n".join(lines)
    assert "! good.xlsx: Acme Präzision GmbH für 2026-Q3 steht auch in copy.xlsx" in text
    assert "! future.xlsx: Beta AG: Die Periode 2031-Q1 hat noch nicht begonnen." in text
    assert "! sparse.xlsx › Bewertung: Nur 5 von 16 Faktoren sind auf beiden Seiten bewertet" in text


def test_all_fine_exits_0_and_all_broken_exits_2(tmp_path, make_workbook):
    make_workbook("good.xlsx")
    fine = run("validate", str(tmp_path), "--lang", "en")
    assert fine.exit_code == 0
    assert fine.stderr.strip() == "1 file checked: 1 fine, 0 with warnings only, 0 with errors."
    (tmp_path / "good.xlsx").write_bytes(b"not a workbook")
    assert run("validate", str(tmp_path), "--lang", "en").exit_code == 2
    assert run("validate", str(tmp_path / "nothing-here"), "--lang", "en").exit_code == 2
