"""`reportgen briefing|portfolio --archive`: PDF/A-3b that passes the validator, with exactly the account's
input files (byte for byte) and its figures embedded; nothing else can get in, and nothing half-made comes out."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pikepdf import pdfa

from reportgen.analysis.all_accounts import prepare
from reportgen.outputs.export.schema import SCHEMA
from reportgen.outputs.spreadsheets import write_ods, write_xlsx
from tests.conftest import FACTS, REPRODUCIBLE, counting_server, run, sheets_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ACCOUNT = 'Acme <link rel="attachment" href="file:///etc/hostname"> GmbH'
"""An account name that would attach a file to the PDF, were it markup."""
COMMENT = '<a rel="attachment" href="{url}">evidence</a>'
"""A comment that would attach what the URL gives, were it markup."""
STEM = "acme-link-rel-attachment-href-file-etc-hostname-gmbh_2026-Q3"


def facts(rater: str, period: str = "2026-Q3") -> list:
    return [ACCOUNT, "KA-1", period, "Jürgen Weiß", rater, date(2026, 9, 15), 1_250_000]


@pytest.fixture(scope="module")
def server_url():
    """A web server that counts requests: an attachment must never be fetched from it."""
    with counting_server(b"secret") as (address, hits):
        yield f"{address}/evidence.xlsx", hits


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, catalog, server_url) -> Path:
    """Acme in 2026-Q3 by two raters whose files have the same name in two folders, and in 2026-Q2 (an
    .ods: its history); another account beside it. A comment and the account's name carry markup that
    would attach files."""
    folder = tmp_path_factory.mktemp("archive") / "in"
    url, _ = server_url
    for sub, rater in (("north", "Anja Groß"), ("south", "Tom Berg")):
        (folder / sub).mkdir(parents=True)
        sheets = sheets_for(catalog, facts=facts(rater), comments={0: COMMENT.format(url=url)})
        write_xlsx(folder / sub / "acme_2026-Q3.xlsx", sheets)
    write_ods(folder / "acme_2026-Q2.ods", sheets_for(catalog, facts=facts("Anja Groß", "2026-Q2")))
    other = ["Other Ltd", "KA-2", *FACTS[2:]]
    write_xlsx(folder / "other_2026-Q3.xlsx", sheets_for(catalog, facts=other))
    return folder


ACME_FILES = ("north/acme_2026-Q3.xlsx", "south/acme_2026-Q3.xlsx", "acme_2026-Q2.ods")


def folders(inputs: Path) -> list[str]:
    """The folders to read: the raters' files lie in two of their own (folders are not searched)."""
    return [str(inputs), str(inputs / "north"), str(inputs / "south")]


@pytest.fixture(scope="module")
def briefing(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("briefing", *folders(inputs), "--archive", "--lang", "en", "--account", "KA-1", "--period",
                 "2026-Q3", "--out", str(out), env=REPRODUCIBLE)  # fmt: skip
    assert result.exit_code == 0, result.output
    return out / f"{STEM}_en_archive.pdf"


@pytest.fixture(scope="module")
def portfolio(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("portfolio", *folders(inputs), "--archive", "--lang", "de", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out / "portfolio_2026-Q3_de_archive.pdf"


def attachments(path: Path) -> dict[str, tuple[str, str, bytes]]:
    """Each embedded file by name: its media type, relationship and contents."""
    with pikepdf.open(path) as pdf:
        found = {}
        for name, spec in pdf.attachments.items():
            file = spec.get_file()
            found[name] = (file.mime_type, str(spec.obj.AFRelationship), file.read_bytes())
        return found


def assert_valid_pdfa(path: Path) -> None:
    report = pdfa.validate_written(path, "3b")
    assert (report.verdict, report.findings) == ("pass", [])
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert pdf.pdf_version == "1.7"
        assert pdf.Root.MarkInfo.Marked and str(pdf.Root.Lang)  # tagged, as every report is meant to be


def test_an_archived_briefing_is_valid_pdfa_3b(briefing):
    assert_valid_pdfa(briefing)


def test_an_archived_portfolio_is_valid_pdfa_3b(portfolio):
    assert_valid_pdfa(portfolio)


def test_the_archive_has_its_own_name_and_no_plain_briefing_is_written(briefing):
    assert sorted(p.name for p in briefing.parent.iterdir()) == [briefing.name]


def test_a_briefing_embeds_exactly_the_accounts_files_byte_for_byte_and_its_figures(briefing, inputs):
    embedded = attachments(briefing)
    assert sorted(embedded) == sorted(
        ["acme_2026-Q3.xlsx", "acme_2026-Q3-2.xlsx", "acme_2026-Q2.ods", f"{STEM}_figures.json"]
    )
    raters = {embedded[name] for name in ("acme_2026-Q3.xlsx", "acme_2026-Q3-2.xlsx")}
    assert raters == {(XLSX, "/Source", (inputs / name).read_bytes()) for name in ACME_FILES[:2]}
    assert embedded["acme_2026-Q2.ods"] == (ODS, "/Source", (inputs / ACME_FILES[2]).read_bytes())
    mime, relationship, _ = embedded[f"{STEM}_figures.json"]
    assert (mime, relationship) == ("application/json", "/Data")


def test_the_figures_are_the_exports_json_of_the_account_up_to_its_period(briefing, inputs, catalog):
    *_, data = attachments(briefing)[f"{STEM}_figures.json"]
    figures = json.loads(data)
    assert figures["schema"] == SCHEMA
    assert [(a["account_id"], a["period"]) for a in figures["accounts"]] == [
        ("KA-1", "2026-Q2"),
        ("KA-1", "2026-Q3"),
    ]
    analysis = next(
        a for a in prepare([Path(f) for f in folders(inputs)], catalog).analyses
        if a.assessment.account.account_id == "KA-1" and str(a.assessment.period) == "2026-Q3"
    )  # fmt: skip
    q3 = figures["accounts"][1]
    assert (q3["supplier_index"], q3["key_account_index"], q3["zone"]) == (
        analysis.supplier_index, analysis.key_account_index, analysis.zone.id
    )  # fmt: skip
    assert {r["rater"] for r in q3["ratings"]} == {"Anja Groß", "Tom Berg"}


def test_a_portfolio_embeds_every_file_of_its_accounts_and_their_figures(portfolio, inputs):
    embedded = attachments(portfolio)
    assert sorted(embedded) == sorted(
        ["acme_2026-Q3.xlsx", "acme_2026-Q3-2.xlsx", "acme_2026-Q2.ods", "other_2026-Q3.xlsx",
         "portfolio_2026-Q3_figures.json"]
    )  # fmt: skip
    contents = {data for *_, data in embedded.values()}
    for name in (*ACME_FILES, "other_2026-Q3.xlsx"):
        assert (inputs / name).read_bytes() in contents
    *_, data = embedded["portfolio_2026-Q3_figures.json"]
    assert {(a["account_id"], a["period"]) for a in json.loads(data)["accounts"]} == {
        ("KA-1", "2026-Q2"), ("KA-1", "2026-Q3"), ("KA-2", "2026-Q3")
    }  # fmt: skip


def test_attachment_markup_in_the_workbook_stays_text_and_fetches_nothing(briefing, server_url):
    _, hits = server_url
    assert hits == []
    with pikepdf.open(briefing) as pdf:
        annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert all(a.get("/Subtype") != "/FileAttachment" for a in annotations)
    text = subprocess.run(
        ["pdftotext", str(briefing), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert '<link rel="attachment" href="file:///etc/hostname">' in flat
    assert '<a rel="attachment"' in flat


def test_an_archive_is_the_same_byte_for_byte_under_source_date_epoch(briefing, inputs, tmp_path):
    os.utime(inputs / ACME_FILES[0])  # a checkout gives files the moment it was made
    result = run("briefing", *folders(inputs), "--archive", "--lang", "en", "--account", "KA-1", "--period",
                 "2026-Q3", "--out", str(tmp_path), env=REPRODUCIBLE)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (tmp_path / briefing.name).read_bytes() == briefing.read_bytes()


def test_the_shared_edition_is_not_archived(inputs, tmp_path):
    for lang, said in (
        ("en", "The edition for the key account cannot be archived"),
        ("de", "Die Ausgabe für den Key Account lässt sich nicht archivieren"),
    ):
        result = run("briefing", *folders(inputs), "--archive", "--edition", "shared", "--lang", lang, "--out",
                     str(tmp_path / "out"))  # fmt: skip
        assert result.exit_code == 2
        assert said in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture
def gone_after_reading(monkeypatch):
    """Make a file vanish after it was read and before the archive is made: as if removed meanwhile."""
    from reportgen.commands import run as flow

    def vanish(path: Path) -> None:
        def prepare_then_remove(*args, **kwargs):
            workload = prepare(*args, **kwargs)
            path.unlink()
            return workload

        monkeypatch.setattr(flow, "prepare", prepare_then_remove)

    return vanish


def copy_of(inputs: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(inputs, tmp_path / "in"))


def test_a_source_gone_at_archive_time_is_said_and_only_that_account_is_left_out(
    inputs, tmp_path, gone_after_reading
):
    folder = copy_of(inputs, tmp_path)
    gone_after_reading(folder / "acme_2026-Q2.ods")
    out = tmp_path / "out"
    result = run(
        "briefing", *folders(folder), "--archive", "--lang", "de", "--period", "2026-Q3", "--out", str(out)
    )
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "acme_2026-Q2.ods:" in line]
    assert len(lines) == 1, result.stderr  # one briefing is not made: one line
    assert (
        f"Das Archiv des Briefings für {ACCOUNT} (2026-Q3) kann nicht erstellt werden, da die Datei nicht "
        "erneut gelesen werden konnte: Die Datei existiert nicht." in lines[0]
    )
    assert "Prüfen Sie, ob die Datei noch vorhanden ist" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["other-ltd_2026-Q3_de_archive.pdf"]


def test_a_portfolio_whose_source_is_gone_is_not_written(inputs, tmp_path, gone_after_reading):
    folder = copy_of(inputs, tmp_path)
    gone_after_reading(folder / "other_2026-Q3.xlsx")
    out = tmp_path / "out"
    result = run("portfolio", *folders(folder), "--archive", "--lang", "en", "--out", str(out))
    assert result.exit_code == 2
    assert (
        "other_2026-Q3.xlsx: The archive of the portfolio report 2026-Q3 cannot be made, as the file could "
        "not be read again: the file does not exist." in result.stderr
    )
    assert not out.exists() or not any(out.iterdir())
