"""Fonts: embedded whole where cutting them would be slow, cut where a system font fills in; no PDF
balloons either way, and every name and comment still reads back from the PDF."""

from __future__ import annotations

import base64
import io
import re
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from reportgen.analysis.indices import analyse
from reportgen.common.resources import FONTS_DIR
from reportgen.outputs.spreadsheets import write_xlsx
from reportgen.reading import read_file
from reportgen.rendering import Renderer
from reportgen.rendering.filters import svg_data_uri
from reportgen.rendering.fonts import bundled_characters, document_characters, embed_whole_fonts
from tests.conftest import FACTS, briefing_view, sheets_for
from tests.rendering.golden import CASES

MAX_BRIEFING_BYTES = 200_000
"""The issue's bound for a briefing; whole bundled faces take about 140 KB of it."""
POLISH, CZECH, TURKISH = "Zakłady Łódź Źródło", "Čížek a Řezníček", "Ağır Sanayi İşletmeleri"
CYRILLIC, EMOJI = "Завод Северный", "Top-Kunde 😀"
LIGATURES = "Baustoffe, Einfluss, Pflichtenheft"
"""Regression: embedded whole, a face's "ff", "fi" and "fl" glyphs had no letters in the PDF's text
("Bausto e"), so the faces carry no ligatures."""


@pytest.fixture
def without_harfbuzz_subset(monkeypatch):
    """WeasyPrint as on a fresh machine: no libharfbuzz-subset0, so it would cut fonts with fontTools."""
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)


@pytest.fixture
def with_harfbuzz_subset(monkeypatch):
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", object())
    monkeypatch.setattr(fonts, "harfbuzz", SimpleNamespace(hb_version_atleast=lambda *version: 1))


def test_bundled_faces_hold_the_latin_scripts_of_europe():
    held = bundled_characters()
    for text in (POLISH, CZECH, TURKISH, "Șerban Țăranu", "„Äußerst“ – 12,5 € · −3 ≤ 4 → ±"):
        assert set(text) <= held, set(text) - held
    assert not set(CYRILLIC.replace(" ", "")) & held
    assert "😀" not in held


def test_the_bundled_faces_are_what_the_script_cuts_from_the_originals():
    """The list of characters in scripts/subset_fonts.py is the one statement of what the faces hold."""
    from fontTools.ttLib import TTFont

    from scripts.subset_fonts import FACES, SOURCE_DIR, TARGET_DIR, unicodes

    for source, target in FACES.items():
        original = set(TTFont(SOURCE_DIR / source, lazy=True).getBestCmap())
        assert set(TTFont(TARGET_DIR / target, lazy=True).getBestCmap()) == original & set(unicodes())


def test_every_glyph_the_faces_draw_is_one_a_character_maps_to():
    """Without glyph substitutions, the whole-face text map (character → glyph, reversed) is complete."""
    from fontTools.ttLib import TTFont

    for path in sorted(FONTS_DIR.glob("*.ttf")):
        assert "GSUB" not in TTFont(path, lazy=True), path.name


def test_document_characters_include_the_text_of_svg_charts_and_entities():
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Ж</text></svg>'
    markup = f'<p>Caf&#233; &amp; more</p><img src="{svg_data_uri(svg)}">'
    characters = document_characters(markup, ("h1::after { content: '→' }",))
    assert {"é", "&", "Ж", "→"} <= characters
    assert base64.b64encode(svg.encode()).decode() in markup  # the chart's text is hidden in base64


def test_whole_fonts_only_without_harfbuzz_and_when_the_bundled_faces_hold_every_character(
    without_harfbuzz_subset,
):
    assert embed_whole_fonts(f"<p>{POLISH} {CZECH} {TURKISH}</p>")
    assert not embed_whole_fonts(f"<p>{CYRILLIC}</p>")
    assert not embed_whole_fonts(f"<p>{EMOJI}</p>")
    chart = svg_data_uri(f'<svg xmlns="http://www.w3.org/2000/svg"><text>{CYRILLIC}</text></svg>')
    assert not embed_whole_fonts(f'<img src="{chart}">')
    assert not embed_whole_fonts("<p>Zone</p>", ("p::before { content: 'Ж' }",))


def test_with_harfbuzz_fonts_are_always_cut(with_harfbuzz_subset):
    """HarfBuzz cuts in milliseconds and gives the smallest file."""
    assert not embed_whole_fonts(f"<p>{POLISH}</p>")


def test_with_a_harfbuzz_too_old_to_cut_fonts_are_embedded_whole(with_harfbuzz_subset, monkeypatch):
    """Below HarfBuzz 4.1 WeasyPrint cuts with fontTools even where the subset library is found."""
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz", SimpleNamespace(hb_version_atleast=lambda *version: 0))
    assert embed_whole_fonts(f"<p>{POLISH}</p>")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_bundled_faces_hold_every_character_of_the_example_reports(case):
    missing = set(case.path.read_text(encoding="utf-8")) - bundled_characters() - {"\n"}
    assert not missing, f"{case.name} needs {sorted(missing)} from a system font"


def _briefing(tmp_path, catalog, name: str, comments: dict[int, str]) -> bytes:
    path = tmp_path / "account.xlsx"
    facts = [name, *FACTS[1:3], "Łukasz Wójcik", "Gökhan Şahin", *FACTS[5:]]
    write_xlsx(path, sheets_for(catalog, "de", facts=facts, comments=comments))
    analysis = analyse(read_file(path, catalog).assessments[0], catalog)
    return Renderer().briefing_pdf(briefing_view(analysis, "de"))


def _text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def _system_fonts(pdf: bytes) -> set[str]:
    """The fonts embedded besides the bundled faces (WeasyPrint names those Reportgen-Sans-…)."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return {name for name in names if not name.startswith("Reportgen-Sans")}


def _embedded_font_files(pdf: bytes) -> set[bytes]:
    """The font programs embedded: the bundled files themselves when the faces are embedded whole."""
    files = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            files.add(descriptor["/FontFile2"].get_object().get_data())
    return files


def test_a_fresh_machine_writes_central_european_names_with_the_bundled_faces_only(
    tmp_path, catalog, without_harfbuzz_subset
):
    pdf = _briefing(tmp_path, catalog, f"{POLISH} / {CZECH}", {0: TURKISH, 3: f"{LIGATURES} w piątek."})
    assert len(pdf) < MAX_BRIEFING_BYTES
    assert not _system_fonts(pdf)
    assert _embedded_font_files(pdf) <= {path.read_bytes() for path in FONTS_DIR.glob("*.ttf")}
    text = _text(pdf)
    for name in (POLISH, CZECH, TURKISH, "Łukasz Wójcik", LIGATURES):
        assert name in text


def test_text_the_bundled_faces_lack_comes_from_a_system_font_without_ballooning(
    tmp_path, catalog, without_harfbuzz_subset
):
    """Cyrillic and an emoji: Pango takes them from a system font, which is then cut, not embedded whole
    (a whole DejaVu Sans alone is some 700 KB)."""
    pdf = _briefing(tmp_path, catalog, f"{CYRILLIC} {POLISH}", {0: f"{EMOJI} {CZECH}", 5: TURKISH})
    assert len(pdf) < MAX_BRIEFING_BYTES
    assert _system_fonts(pdf)
    text = _text(pdf)
    for name in (CYRILLIC, POLISH, CZECH, TURKISH):
        assert name in text


def test_the_largest_example_briefing_stays_under_the_bound_on_a_fresh_machine(without_harfbuzz_subset):
    """Meridian Aerotech 2026-Q3: five pages, several voices, every chart; the faces embedded whole."""
    from reportgen.charts import briefing_charts
    from reportgen.views.briefing import build_briefing
    from tests.rendering.golden import MADE_ON, _workload

    workload = _workload()
    (analysis,) = (
        a
        for a in workload.analyses
        if a.assessment.account.name == "Meridian Aerotech Inc." and str(a.assessment.period) == "2026-Q3"
    )
    history = workload.history_of(analysis)
    view = build_briefing(analysis, "de", MADE_ON, history, briefing_charts(analysis, "de", history))
    renderer = Renderer()
    assert embed_whole_fonts(renderer.briefing_html(view))
    pdf = renderer.briefing_pdf(view)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 5
    assert len(pdf) < MAX_BRIEFING_BYTES
