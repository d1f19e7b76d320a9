"""The Renderer: a briefing read back from its PDF as a reader's tools would read it; text from spreadsheets
stays text (escaped, never a template, never a reason to fetch anything)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from reportgen.analysis.indices import analyse
from reportgen.common.i18n import Formatter, translations
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period
from reportgen.model.catalog import Catalog
from reportgen.outputs.spreadsheets import write_xlsx
from reportgen.reading import read_file
from reportgen.rendering import Renderer
from tests.builders import flat, interface_words
from tests.conftest import MADE_ON, briefing_view, sheets_for
from tests.pdf_structure import skipped_levels, structure_of

SUPPLIER = [5, 4, 5, 4, 5, 4, 5, 3, 4, 3, 5, 5, 5, 3, 4, 4]
KEY_ACCOUNT = [2, 2, 2, 1, 2, 2, 2, 1, 3, 1, 3, 2, 1, 2, 3, None]
COMMENTS = {
    0: "Wir binden den Kunden früh ein – er uns erst bei der Ausschreibung.",
    12: "Exklusive Slots für Größe 4",
}


def letters(text: str) -> str:
    """Only the letters: a table cell's text stays findable when the numbers beside it interleave."""
    return "".join(ch for ch in text if ch.isalpha())


@pytest.fixture(scope="module")
def analysis(tmp_path_factory, catalog):
    path = tmp_path_factory.mktemp("in") / "acme.xlsx"
    write_xlsx(path, sheets_for(catalog, "de", supplier=SUPPLIER, key_account=KEY_ACCOUNT, comments=COMMENTS))
    return analyse(read_file(path, catalog).assessments[0], catalog)


@pytest.fixture(scope="module")
def pdfs(analysis):
    renderer = Renderer()
    return {lang: renderer.briefing_pdf(briefing_view(analysis, lang)) for lang in ("de", "en")}


def reader(pdfs, lang) -> PdfReader:
    return PdfReader(io.BytesIO(pdfs[lang]))


def text_of(pdfs, lang) -> str:
    return "\n".join(page.extract_text() for page in reader(pdfs, lang).pages).replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_at_most_four_a4_pages(pdfs, lang):
    pages = reader(pdfs, lang).pages
    assert 2 <= len(pages) <= 4
    width, height = (float(v) for v in pages[0].mediabox.upper_right)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


@pytest.mark.parametrize(
    ("lang", "zone", "confidential", "page_label"),
    [
        ("de", "Lieferantenfrustrationszone", "VERTRAULICH", "Seite 1 von"),
        ("en", "Supplier frustration zone", "CONFIDENTIAL", "Page 1 of"),
    ],
)
def test_the_briefing_says_where_we_stand(pdfs, catalog, lang, zone, confidential, page_label):
    text = text_of(pdfs, lang)
    assert "Acme Präzision GmbH" in text
    assert zone in text
    assert confidential in text.upper()
    assert page_label in text
    assert "efkam-partnership v1.0" in text
    only_letters = letters(text)
    for factor in catalog.factors:
        assert letters(factor.title.get(lang)) in only_letters, factor.id
    for question in catalog.coaching_questions:
        assert letters(question.get(lang)) in only_letters
    assert letters(COMMENTS[0]) in only_letters


def test_numbers_and_dates_are_localised(pdfs):
    german, english = text_of(pdfs, "de"), text_of(pdfs, "en")
    assert "27. November 2026" in german and "November 27, 2026" in english
    assert "1.250.000 €" in german and "€1,250,000" in english
    assert "15. September 2026" in german and "September 15, 2026" in english


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_word_of_the_other_language(pdfs, lang):
    text = flat(text_of(pdfs, lang))
    leaked = sorted(w for w in interface_words(lang) if flat(w) in text)
    assert not leaked


def test_pdf_metadata(pdfs):
    meta = reader(pdfs, "de").metadata
    assert meta.title == "Partnerschafts-Briefing: Acme Präzision GmbH – 2026-Q3"
    assert meta.author == "Anja Groß"
    assert meta.subject == "efkam KAM-Partnerschaft: Lieferantenfrustrationszone"
    assert "2026-Q3" in meta["/Keywords"]
    assert reader(pdfs, "de").trailer["/Root"]["/Lang"] == "de"
    assert reader(pdfs, "en").trailer["/Root"]["/Lang"] == "en"


def titles(outline) -> list[str]:
    found = []
    for item in outline:
        found.extend(titles(item) if isinstance(item, list) else [item.title])
    return found


def test_bookmarks_from_headings(pdfs):
    outline = titles(reader(pdfs, "de").outline)
    assert outline[0] == "Acme Präzision GmbH"
    assert {"Faktorprofil", "Alle Faktoren", "Fragen für das nächste Gespräch"} <= set(outline)


def test_the_font_is_embedded_and_nothing_falls_back(pdfs):
    """Regression: hyphenation's default U+2010 is not in the font and pulled in DejaVu Sans."""
    fonts = set()
    for page in reader(pdfs, "de").pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all(name.split("+")[1].startswith("Reportgen-Sans") for name in fonts), fonts


def catalog_of(catalog: Catalog, count: int) -> Catalog:
    """The default catalog cut or extended (with copies of its factors under new ids) to *count* factors."""
    data = catalog.model_dump(exclude_none=True)
    copies = [dict(factor, id=f"{factor['id']}-copy") for factor in data["factors"]]
    data["factors"] = (data["factors"] + copies)[:count]
    return Catalog.model_validate(data)


@pytest.mark.parametrize("count", [16, 17, 24])
def test_four_pages_up_to_24_factors(catalog, tmp_path, count):
    """Regression: with 17 factors the German page 3 held a single driver, and 20 made five pages."""
    longer = catalog_of(catalog, count)
    repeat = [SUPPLIER[i % 16] for i in range(count)], [KEY_ACCOUNT[i % 16] for i in range(count)]
    path = tmp_path / "acme.xlsx"
    write_xlsx(path, sheets_for(longer, "de", supplier=repeat[0], key_account=repeat[1], comments=COMMENTS))
    analysis = analyse(read_file(path, longer).assessments[0], longer)
    renderer = Renderer()
    for lang in ("de", "en"):
        pdf = PdfReader(io.BytesIO(renderer.briefing_pdf(briefing_view(analysis, lang))))
        assert len(pdf.pages) == 4, (count, lang)
        # page 2 holds every driver, page 3 opens with the table of all factors
        driver_titles = [letters(d.factor.title.get(lang)) for d in analysis.drivers]
        assert all(title in letters(pdf.pages[1].extract_text()) for title in driver_titles), (count, lang)
        heading = translations(lang).gettext("All factors")
        assert heading in pdf.pages[2].extract_text()[:200], (count, lang)  # after the running header


@pytest.fixture(scope="module")
def calloway(tmp_path_factory) -> dict[str, str]:
    """Page 1 of the example Calloway Foods 2026-Q3 (S 14, K 13, moved by −4), in both languages."""
    from pathlib import Path

    from reportgen.analysis.all_accounts import prepare
    from reportgen.common.resources import CRITERIA_DIR
    from reportgen.model.catalog import load_catalogs

    examples = Path(__file__).parents[2] / "input"
    workload = prepare(sorted(examples.glob("calloway-foods_*.xlsx")), load_catalogs(CRITERIA_DIR))
    (latest,) = [a for a in workload.analyses if str(a.assessment.period) == "2026-Q3"]
    renderer = Renderer()
    pages = {}
    for lang in ("de", "en"):
        view = briefing_view(latest, lang, workload.history_of(latest))
        pages[lang] = PdfReader(io.BytesIO(renderer.briefing_pdf(view))).pages[0].extract_text()
    return pages


def test_one_point_is_singular(calloway):
    """Regression: "the indices differ by 1 points" / "liegen 1 Punkte auseinander"."""
    assert "the indices differ by 1 point, on a scale" in calloway["en"]
    assert "Die Indizes liegen 1 Punkt auseinander" in calloway["de"]
    assert "balance moved by −4 points" in calloway["en"]


def test_the_summary_keeps_whole_lines(calloway):
    """Regression: a paragraph with a signed figure (−4) was broken after a single word by WeasyPrint
    ("Respectful / cooperation, / Promises kept"); the figure is now set as a unit."""
    assert "The largest gaps: Respectful\ncooperation, Promises kept, Early involvement." in calloway["en"]


def test_hostile_names_and_comments_are_printed_literally_and_fetch_nothing(server, catalog):
    base, hits = server
    name = f'<img src="{base}/name.png">' + "{{ 'evalu' ~ 'ated' }} & Söhne"
    comments = [
        f'<link rel="attachment" href="file:///etc/passwd"><style>@import url("{base}/x.css");</style>',
        f'<svg><image href="{base}/svg.png"/></svg>{{% include "base.html" %}}',
        "file:///etc/passwd",
    ]
    ratings = [
        FactorRating(f.id, 5, 2, comments[i] if i < len(comments) else "")
        for i, f in enumerate(catalog.factors)
    ]
    assessment = Assessment(
        AccountFacts(name, key_account_manager=f'<a href="{base}/kam">KAM</a>'),
        Period(2026, 3),
        tuple(ratings),
        assessed_by="<script>alert(1)</script>",
    )
    view = briefing_view(analyse(assessment, catalog), "en")
    pdf = Renderer().briefing_pdf(view)

    assert hits == []
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    # Evaluated, the expression would print "evaluated", a word that appears nowhere else (a number
    # such as 7*7 could: the test server's random port may contain "49").
    assert "{{ 'evalu' ~ 'ated' }} & Söhne" in text and "evaluated" not in text
    assert "@import url(" in text
    assert '{% include "base.html" %}' in text
    assert "<script>alert(1)</script>" in text
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"])


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("de", "Partnerschafts-Briefing: Acme Präzision GmbH – 2026-Q3"),
        ("en", "Partnership briefing: Acme Präzision GmbH – 2026-Q3"),
    ],
)
def test_the_briefing_is_tagged_for_screen_readers(pdfs, lang, title):
    """PDF/UA: the language, the title as the window's, headings in order and tables with header cells."""
    tagged = structure_of(pdfs[lang])
    assert tagged.lang == lang
    assert tagged.marked
    assert tagged.shows_title and tagged.title == title
    assert tagged.headings[0] == 1 and tagged.headings.count(1) == 1
    assert not skipped_levels(tagged.headings)
    assert tagged.kinds["Table"] >= 1
    assert tagged.kinds["TH"] >= 5 * tagged.kinds["Table"]
    assert 'pdfuaid:part="1"' in tagged.xmp
    # the metadata's only date is the day the report is made on: no clock time, so the bytes reproduce
    assert set(re.findall(r"\d{4}-\d\d-\d\d[T\d:.+Z-]*", tagged.xmp)) == {MADE_ON.isoformat()}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_chart_says_in_words_where_the_account_stands(pdfs, analysis, lang):
    """A screen reader reads the diagram's alt text: the account's S and K as page 1 prints them, its zone
    and the largest gaps with both sides' scores; the profile names the factors furthest apart."""
    figures = structure_of(pdfs[lang]).figure_alts
    assert len(figures) == 2  # the diagram and the profile; no trend before a second assessment
    assert all(figures)
    diagram, profile = figures
    number, score = Formatter(lang).number, Formatter(lang).score
    assert f"S {number(analysis.supplier_index)}, K {number(analysis.key_account_index)}" in diagram
    zone = {"de": "Lieferantenfrustrationszone", "en": "Supplier frustration zone"}[lang]
    assert zone in diagram
    largest = analysis.drivers[0]
    named = re.escape(largest.factor.label(lang)) + r"\W+\((\D+)" + re.escape(score(largest.supplier))
    named += r", (\D+)" + re.escape(score(largest.key_account)) + r"\)"
    for text in (diagram, profile):
        assert re.search(named, text), text
