"""The archive's parts on their own: attachment names, the files gathered, their media types, and each rule
of the mend step on a small PDF that has the defect WeasyPrint 70 writes."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime

import pikepdf
import pytest

from reportgen.rendering import Renderer
from reportgen.rendering.archive import (
    DATA,
    MEDIA_TYPES,
    SOURCE,
    UnreadableSource,
    attachment_names,
    gather,
    mend,
)

EPOCH = 1795737600


def test_attachment_names_are_unique_and_safe_to_save():
    names = ["acme.xlsx", "acme.xlsx", "Acme.xlsx", "../a b\x07.csv", ".hidden.ods", "Figures.json", "README"]
    assert attachment_names(names, reserved={"figures.json"}) == [
        "acme.xlsx",
        "acme-2.xlsx",
        "Acme-3.xlsx",  # saved on Windows or macOS, "Acme.xlsx" would overwrite "acme.xlsx"
        "_a_b_.csv",
        "hidden.ods",
        "Figures-2.json",
        "README",
    ]


def test_gather_reads_each_file_once_in_order_and_adds_the_figures(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first, second = tmp_path / "b.xlsx", tmp_path / "a.ods"
    first.write_bytes(b"first")
    second.write_bytes(b"second")
    os.utime(second, (EPOCH - 86400, EPOCH - 86400))  # older than SOURCE_DATE_EPOCH: its own date stays
    archive = gather([first, second, first], b"{}", "x_figures.json")
    assert [(f.name, f.data, f.relationship) for f in archive.files] == [
        ("b.xlsx", b"first", SOURCE),
        ("a.ods", b"second", SOURCE),
        ("x_figures.json", b"{}", DATA),
    ]
    epoch = datetime.fromtimestamp(EPOCH, UTC)
    assert [f.modified for f in archive.files] == [epoch, datetime.fromtimestamp(EPOCH - 86400, UTC), epoch]


def test_gather_says_which_file_cannot_be_read(tmp_path):
    missing = tmp_path / "gone.xlsx"
    with pytest.raises(UnreadableSource) as raised:
        gather([missing], b"{}", "x_figures.json")
    assert raised.value.path == missing and isinstance(raised.value.error, FileNotFoundError)


def test_an_input_file_is_read_only_when_its_pdf_is_written(tmp_path):
    """A batch's jobs carry paths, not every account's bytes; a file changed in between is embedded as
    it is when the PDF is written."""
    source = tmp_path / "acme.xlsx"
    source.write_bytes(b"first")
    archive = gather([source], b"{}", "x_figures.json")
    source.write_bytes(b"second")
    assert archive.files[0].data == b"second"
    source.unlink()
    with pytest.raises(UnreadableSource):
        archive.pdf_options()


def test_every_kind_of_input_is_embedded_with_its_media_type(tmp_path):
    files = []
    for suffix in MEDIA_TYPES:
        files.append(tmp_path / f"input{suffix}")
        files[-1].write_bytes(suffix.encode())
    archive = gather(files[:-1], b"{}", "figures.json")
    renderer = Renderer()
    html = '<html lang="en"><title>t</title><p>x</p></html>'
    pdf = renderer.write(renderer.layout(html), html, archive)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        types = {name: spec.get_file().mime_type for name, spec in document.attachments.items()}
    assert types == {
        f"input{suffix}": media for suffix, media in MEDIA_TYPES.items() if suffix != ".json"
    } | {"figures.json": "application/json"}


def a_pdf() -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    return pdf


def mended(pdf: pikepdf.Pdf) -> pikepdf.Pdf:
    buffer = io.BytesIO()
    pdf.save(buffer)
    return pikepdf.open(io.BytesIO(mend(buffer.getvalue())))


def test_mend_drops_empty_pattern_and_shading_dictionaries_and_keeps_the_rest():
    pdf = a_pdf()
    pattern = pdf.make_indirect(pikepdf.Dictionary(PatternType=2, Shading=pikepdf.Dictionary(ShadingType=2)))
    form = pdf.make_stream(b"", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 1, 1])
    form.Resources = pikepdf.Dictionary(Pattern=pikepdf.Dictionary(), Shading=pikepdf.Dictionary())
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(
        Pattern=pikepdf.Dictionary(P0=pattern),
        Shading=pikepdf.Dictionary(),
        XObject=pikepdf.Dictionary(F0=form),
    )
    result = mended(pdf)
    page = result.pages[0].obj
    assert set(page.Resources.keys()) == {"/Pattern", "/XObject"}
    assert "/P0" in page.Resources.Pattern
    assert set(page.Resources.XObject.F0.Resources.keys()) == set()


def attach(pdf: pikepdf.Pdf, name: str) -> pikepdf.Object:
    stream = pdf.make_stream(name.encode(), Type=pikepdf.Name.EmbeddedFile)
    return pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=name, UF=name, EF=pikepdf.Dictionary(F=stream))
    )


def test_mend_lists_each_associated_file_once():
    pdf = a_pdf()
    first, second = attach(pdf, "a.xlsx"), attach(pdf, "b.json")
    pdf.Root.AF = pikepdf.Array([first, second, first, second])
    result = mended(pdf)
    assert [str(spec.F) for spec in result.Root.AF] == ["a.xlsx", "b.json"]


def test_mend_sorts_the_embedded_files_by_name():
    pdf = a_pdf()
    names = ["zz-source.xlsx", "aa-data.json", "mm.ods"]
    flat = [item for name in names for item in (pikepdf.String(name), attach(pdf, name))]
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array(flat)))
    result = mended(pdf)
    tree = result.Root.Names.EmbeddedFiles.Names
    assert [str(tree[i]) for i in range(0, len(tree), 2)] == sorted(names)
    assert [str(tree[i + 1].F) for i in range(0, len(tree), 2)] == sorted(names)


def test_markup_that_would_attach_files_gets_nothing_past_the_fetcher_in_an_archive(tmp_path, server):
    """Were a template ever to carry attachment markup, the archive's PDF would still hold only the files
    given: the fetcher refuses files outside the templates and every network address."""
    base, hits = server
    source = tmp_path / "acme.xlsx"
    source.write_bytes(b"workbook")
    html = (
        '<html lang="en"><head><title>t</title>'
        f'<link rel="attachment" href="file:///etc/hostname"><link rel="attachment" href="{base}/a.xlsx">'
        f'</head><body><a rel="attachment" href="{base}/b.xlsx">b</a><p>x</p></body></html>'
    )
    renderer = Renderer()
    pdf = renderer.write(renderer.layout(html), html, gather([source], b"{}", "figures.json"))
    assert hits == []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert sorted(document.attachments) == ["acme.xlsx", "figures.json"]
        annotations = [a for page in document.pages for a in page.obj.get("/Annots", [])]
        assert all(a.get("/Subtype") != "/FileAttachment" for a in annotations)
