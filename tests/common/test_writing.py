"""Safe file names and atomic writes: slugs, bounded stems, whole files only, permissions as the umask
gives."""

from __future__ import annotations

import os
import stat

import pytest

from reportgen.common.writing import atomic_write, safe_stem, slugify
from tests.conftest import EXAMPLES, run_process


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kessler & Söhne Baustoffe KG", "kessler-soehne-baustoffe-kg"),
        ("Straße 5", "strasse-5"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\x00b\nc/d\\e", "a-b-c-d-e"),
        ("東京", "account"),
        ("Ünïcödé Çø", "uenicoede-co"),
        ("Selin Aydın, İzmir", "selin-aydin-izmir"),  # the Turkish dotless and dotted i
    ],
)
def test_slugs_are_safe_file_names(name, slug):
    assert slugify(name) == slug


def test_stems_are_bounded():
    stem = safe_stem("x" * 500, "2026-Q3")
    assert stem == "x" * 60 + "_2026-Q3"


def test_atomic_write_replaces_whole_files_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "a.pdf"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("reportgen.common.writing.os.replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_a_written_file_takes_the_permissions_the_umask_gives(tmp_path):
    for mask, mode in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        target = tmp_path / f"a-{mask:o}.pdf"
        previous = os.umask(mask)
        try:
            atomic_write(target, b"first")
            atomic_write(target, b"second")
        finally:
            os.umask(previous)
        assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_replaced_file_does_not_keep_permissions_an_earlier_run_narrowed(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    previous = os.umask(0o022)
    try:
        atomic_write(target, b"new")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600)], ids=["umask-022", "umask-077"])
def test_briefings_exports_and_templates_are_shared_as_the_umask_says(tmp_path, mask, mode):
    """What a user's shell gives: the umask set before reportgen starts, as on a shared drive."""

    def reportgen(*args: str) -> None:
        result = run_process(*args, umask=mask)
        assert result.returncode == 0, result.stderr

    out = tmp_path / "out"
    workbook = str(EXAMPLES / "nordhafen-logistik_2026-Q3.xlsx")
    reportgen("briefing", workbook, "--lang", "de", "--out", str(out))
    reportgen("export", workbook, "--format", "xlsx", "--out", str(out))
    reportgen("template", "--lang", "de", "-o", str(out / "neu.xlsx"))
    made = sorted(out.iterdir())
    assert [p.suffix for p in made] == [".xlsx", ".pdf", ".xlsx"]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in made} == {p.name: mode for p in made}
