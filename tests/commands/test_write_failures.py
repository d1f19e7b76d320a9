"""When a file cannot be written, or a path given does not lead where it should, the message says so in the
chosen language, names the file and its folder, and says what to do: never the system's English words
("Read-only file system", "No such file or directory"), never a half-written file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from reportgen.common.problems import display_path
from tests.conftest import run

SYSTEM_WORDS = ("Read-only file system", "Permission denied", "No space left", "Disk quota", "No such file")


def said(result) -> str:
    return " ".join(result.stderr.split())


@pytest.fixture
def folder(tmp_path, make_workbook) -> Path:
    make_workbook("acme.xlsx")
    return tmp_path


def failing(code: int):
    def create(path):
        raise OSError(code, os.strerror(code))

    return create


@pytest.mark.parametrize(
    ("code", "de", "en"),
    [
        (
            errno.EROFS,
            "Das Laufwerk ist schreibgeschützt. Wählen Sie einen Ordner auf einem Laufwerk, auf das Sie "
            "schreiben können.",
            "the drive is read-only. Choose a folder on a drive you can write to.",
        ),
        (
            errno.EACCES,
            "Ihnen fehlt die Berechtigung dafür. Wählen Sie einen Ordner, in dem Sie schreiben dürfen, oder "
            "lassen Sie sich Schreibrechte für den Ordner {folder} geben.",
            "you have no permission for it. Choose a folder you can write to, or ask for write access to the "
            "folder {folder}.",
        ),
        (
            errno.ENOSPC,
            "Das Laufwerk ist voll. Es blieb nichts halb Geschriebenes zurück, und die zuvor geschriebenen "
            "Dateien sind vollständig. Schaffen Sie Platz auf dem Laufwerk des Ordners {folder} und starten Sie dann "
            "erneut.",
            "the drive is full. Nothing half-written was left, and the files written before are whole. Free "
            "some space on the drive of the folder {folder}, then run again.",
        ),
        (
            errno.EDQUOT,
            "Ihr Speicherkontingent ist aufgebraucht. Es blieb nichts halb Geschriebenes zurück, und die zuvor "
            "geschriebenen Dateien sind vollständig. Schaffen Sie Platz auf dem Laufwerk des Ordners {folder} und "
            "starten Sie dann erneut.",
            "your storage quota is used up. Nothing half-written was left, and the files written before are "
            "whole. Free some space on the drive of the folder {folder}, then run again.",
        ),
        (
            errno.ENOENT,
            "Der Ordner, in dem sie liegen soll, existiert nicht. Prüfen Sie den Pfad des Ordners {folder}.",
            "its folder does not exist. Check the path of the folder {folder}.",
        ),
        (
            errno.EISDIR,
            "Es handelt sich um einen Ordner, nicht um eine Datei. Geben Sie stattdessen den Namen einer Datei an.",
            "it is a folder, not a file. Give the name of a file instead.",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_folder_that_cannot_be_written_to_is_named_with_the_reason_in_the_chosen_language(
    folder, monkeypatch, code, de, en, lang
):
    """Regression: "Die Datei konnte nicht geschrieben werden: Read-only file system." named neither the
    file nor the folder, said the reason in English and left the user guessing what to do."""
    out = folder / "Berichte Q3"
    monkeypatch.setattr("reportgen.common.writing._create_temporary", failing(code))
    result = run("briefing", str(folder), "--lang", lang, "--out", str(out))
    assert result.exit_code == 2
    text = said(result)
    pdf = display_path(out / f"acme-praezision-gmbh_2026-Q3_{lang}.pdf")
    start = {"de": f"✗ {pdf} konnte nicht geschrieben werden: ", "en": f"✗ {pdf} could not be written: "}[
        lang
    ]
    assert text.startswith(start), text
    assert text == start + {"de": de, "en": en}[lang].format(folder=display_path(out))
    assert not [words for words in SYSTEM_WORDS if words in text]


def test_a_full_disk_leaves_no_partial_file_and_the_other_files_whole(folder, monkeypatch):
    """The disk fills up while the second PDF is written: the message says so, nothing half-written is
    left, the first PDF is whole, and the second is the one of the run before, untouched."""
    out = folder / "out"
    assert run("briefing", str(folder), "--lang", "all", "--out", str(out)).exit_code == 0
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    assert sorted(before) == ["acme-praezision-gmbh_2026-Q3_de.pdf", "acme-praezision-gmbh_2026-Q3_en.pdf"]
    synced = []
    real_fsync = os.fsync

    def fsync(descriptor):
        synced.append(descriptor)
        if len(synced) == 2:  # the second file: the English PDF
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr("reportgen.common.writing.os.fsync", fsync)
    result = run("briefing", str(folder), "--lang", "all", "--out", str(out))
    assert result.exit_code == 2
    text = said(result)
    pdf = display_path(out / "acme-praezision-gmbh_2026-Q3_en.pdf")
    assert text.startswith(f"✗ {pdf} could not be written: the drive is full."), text
    assert f"Free some space on the drive of the folder {display_path(out)}, then run again." in text
    assert "No space left" not in text
    assert sorted(path.name for path in out.iterdir()) == sorted(before)  # no .part file beside them
    assert (out / "acme-praezision-gmbh_2026-Q3_en.pdf").read_bytes() == before[
        "acme-praezision-gmbh_2026-Q3_en.pdf"
    ]
    for path in out.iterdir():
        assert len(PdfReader(path).pages) >= 4, path.name


@pytest.mark.parametrize("command", ["briefing", "export"])
@pytest.mark.parametrize("below", [False, True])
def test_an_output_folder_that_is_a_file_is_said_in_the_chosen_language_before_anything_is_made(
    folder, command, below
):
    """Regression: click said "Invalid value for '--out': Directory 'afile' is a file." in English."""
    in_the_way = folder / "Bericht.pdf"
    in_the_way.write_bytes(b"not a folder")
    out = in_the_way / "Q3" if below else in_the_way
    result = run(command, str(folder / "acme.xlsx"), "--lang", "de", "--out", str(out))
    assert result.exit_code == 2
    assert said(result) == (
        f"{display_path(in_the_way)} ist eine Datei, kein Ordner: Darin kann nichts geschrieben werden. "
        "Wählen Sie einen Ordner für die Dateien oder einen neuen Namen für einen."
    )
    assert in_the_way.read_bytes() == b"not a folder"


@pytest.mark.parametrize("below", [False, True])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_template_whose_folder_is_a_file_names_the_file_in_the_way(tmp_path, below, lang):
    """A file where the template's folder, or a folder above it, is to be made: the message names it
    (making the folder fails as "File exists" or "Not a directory", in English, naming neither)."""
    in_the_way = tmp_path / "Vorlagen.xlsx"
    in_the_way.write_bytes(b"not a folder")
    target = (in_the_way / "Q3" if below else in_the_way) / "zeppelin.xlsx"
    result = run(
        "template", "--lang", lang, "--account", "Zeppelin Süd", "--period", "2026-Q3", "-o", str(target)
    )
    assert result.exit_code == 2
    expected = {
        "de": "✗ {file} konnte nicht geschrieben werden: Ein Teil ihres Pfads ist eine Datei, kein Ordner. Im "
        "Weg steht die Datei {folder}: Wählen Sie einen anderen Ordner, oder verschieben Sie diese Datei.",
        "en": "✗ {file} could not be written: a part of its path is a file, not a folder. The file in the way "
        "is {folder}: choose another folder, or move that file elsewhere.",
    }[lang]
    assert said(result) == expected.format(file=display_path(target), folder=display_path(in_the_way))
    assert in_the_way.read_bytes() == b"not a folder"


def test_a_catalog_that_cannot_be_read_says_why_in_the_chosen_language(folder, monkeypatch):
    """The reason follows a colon as a sentence of its own, which German begins with a capital."""
    catalog = folder / "katalog.yaml"
    catalog.write_text("id: x\n", encoding="utf-8")

    real_read_text = Path.read_text

    def read_text(path, *args, **kwargs):
        if path == catalog:  # gone between being found and being read
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        return real_read_text(path, *args, **kwargs)

    monkeypatch.setattr("reportgen.model.catalog.Path.read_text", read_text)
    result = run("template", "--criteria", str(catalog), "--lang", "de", "-o", str(folder / "t.xlsx"))
    assert result.exit_code == 2
    assert said(result).startswith(
        f"✗ {display_path(catalog)}: Der Katalog kann nicht gelesen werden: Die Datei existiert nicht."
    ), said(result)


def test_a_template_written_to_a_folder_is_told_to_give_a_file_name(tmp_path):
    """Regression: click said "Invalid value for '-o' / '--output': File 'x' is a directory." in English."""
    target = tmp_path / "Vorlagen Q3"
    target.mkdir()
    result = run(
        "template", "--lang", "de", "--account", "Zeppelin Süd", "--period", "2026-Q3", "-o", str(target)
    )
    assert result.exit_code == 2
    example = f"'{display_path(target / 'zeppelin-sued_2026-Q3.xlsx')}'"
    assert said(result) == (
        f"{display_path(target)} ist ein Ordner: Die Arbeitsmappe braucht einen Dateinamen. "
        f"Geben Sie ihn mit -o an, etwa -o {example}."
    )
    assert list(target.iterdir()) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", "Es gibt keine Katalogdatei und keinen Ordner dieses Namens. Geben Sie eine Katalogdatei an"),
        (
            "en",
            "There is no catalog file or folder of this name. Give a catalog file, or a folder that holds one.",
        ),
    ],
)
def test_a_missing_criteria_folder_is_named_in_the_chosen_language(folder, lang, words):
    """Regression: "Der Katalog kann nicht gelesen werden: No such file or directory." """
    missing = folder / "kriterien"
    for command in (
        ("briefing", str(folder), "--out", str(folder / "out")),
        ("template", "-o", str(folder / "t.xlsx")),
    ):
        result = run(*command, "--criteria", str(missing), "--lang", lang)
        assert result.exit_code == 2
        assert said(result).startswith(f"✗ {display_path(missing)}: {words}"), said(result)


@pytest.mark.parametrize(
    ("name", "lang", "words"),
    [
        (
            "eingang",
            "de",
            "✗ Der Ordner {path} wurde nicht gefunden. Prüfen Sie den Pfad des Ordners mit den Arbeitsmappen.",
        ),
        (
            "eingang",
            "en",
            "✗ The folder {path} was not found. Check the path of the folder with the workbooks.",
        ),
        ("acme.xlsx", "en", "✗ The file {path} was not found. Check the path and the file name."),
    ],
)
def test_a_missing_input_folder_is_not_found_not_a_file_with_problems(tmp_path, name, lang, words):
    """Regression: a mistyped INPUT folder was "1 file had problems: … The file does not exist"."""
    missing = tmp_path / name
    result = run("briefing", str(missing), "--lang", lang, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    first, nothing = result.stderr.strip().splitlines()
    assert first == words.format(path=display_path(missing))
    assert nothing in ("Es wurde keine Datei erstellt.", "No file was made.")
    assert not (tmp_path / "out").exists()
    checked = run("validate", str(missing), "--lang", lang)
    assert checked.exit_code == 2
    assert checked.stderr.strip() == words.format(path=display_path(missing))


def test_every_common_system_reason_and_what_to_do_is_worded_in_german():
    from reportgen.commands.run import WRITE_HINTS
    from reportgen.common.i18n import gettext_for
    from reportgen.common.problems import OS_REASONS, WRITE_REASONS

    _ = gettext_for("de")
    for code in (
        errno.EROFS,
        errno.EACCES,
        errno.ENOSPC,
        errno.EDQUOT,
        errno.ENOTDIR,
        errno.EISDIR,
        errno.ENOENT,
    ):
        for reasons in (OS_REASONS, WRITE_REASONS):
            english = reasons[code].text
            assert _(english) != english, english
            assert _(english)[:1].isupper(), _(english)  # after a colon, as a sentence of its own
    for reason in set(WRITE_REASONS.values()):
        assert reason in WRITE_HINTS, reason.text
    for hint in WRITE_HINTS.values():
        assert _(hint) != hint, hint
