from __future__ import annotations

import pytest

from reportgen.model import AccountFacts, Assessment, Period
from reportgen.pipeline import StemRegistry
from reportgen.writing import atomic_write, safe_stem, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Kessler & Söhne Baustoffe KG", "kessler-soehne-baustoffe-kg"),
        ("Straße 5", "strasse-5"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\x00b\nc/d\\e", "a-b-c-d-e"),
        ("東京", "account"),
        ("Ünïcödé Çø", "uenicoede-co"),
    ],
)
def test_slugs_are_safe_file_names(name, slug):
    assert slugify(name) == slug


def test_stems_are_bounded():
    stem = safe_stem("x" * 500, "2026-Q3")
    assert stem == "x" * 60 + "_2026-Q3"


def test_two_accounts_with_the_same_slug_get_different_names():
    registry = StemRegistry()

    def assessment(name, account_id):
        return Assessment(AccountFacts(name, account_id), Period(2026, 3), ())

    assert registry.stem(assessment("Müller AG", "1"), "mueller-ag_2026-Q3") == "mueller-ag_2026-Q3"
    assert registry.stem(assessment("Mueller AG", "2"), "mueller-ag_2026-Q3") == "mueller-ag_2026-Q3-2"
    assert registry.stem(assessment("Müller AG", "1"), "mueller-ag_2026-Q3") == "mueller-ag_2026-Q3"


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

    monkeypatch.setattr("reportgen.writing.os.replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
