"""The briefing as a deck: its slides, native tables, pictures and notes read back from the .pptx; the
company's template; what a template must hold; the same bytes; and the decks as LibreOffice Impress opens
them."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

import reportgen
from reportgen.common.i18n import Formatter
from reportgen.rendering.deck import deck_pptx, xml_safe
from reportgen.rendering.deck_template import DeckTemplate
from reportgen.views.briefing.deck import Column, Deck, Slide, SlidePictures, Table
from tests.builders import (
    COMPANY_COLOUR,
    COMPANY_LAYOUT_NAMES,
    COMPANY_SECRET,
    COMPANY_TABLE_STYLE,
    company_template,
    flat,
    interface_words,
)
from tests.conftest import EXAMPLES, REPRODUCIBLE, run
from tests.deck_structure import read_deck
from tests.pdf_structure import structure_of

MERIDIAN, BRANDTNER = "Meridian Aerotech Inc.", "Brandtner Präzisionstechnik GmbH"
LAYOUTS = {"Title Slide", "Title and Content"}


@pytest.fixture(scope="module")
def examples() -> reportgen.Dataset:
    return reportgen.load(EXAMPLES, period="2026-Q3")


@pytest.fixture(scope="module")
def decks(examples) -> dict[tuple[str, str, str], bytes]:
    """Meridian's and Brandtner's decks of 2026-Q3, by account, language and edition."""
    return {
        (account, lang, edition): examples.briefing_pptx(
            account, lang=lang, edition=edition, supplier="Weber AG"
        )
        for account in (MERIDIAN, BRANDTNER)
        for lang in ("de", "en")
        for edition in ("internal", "shared")
    }


def unnumbered(titles: list[str]) -> list[str]:
    """The titles with a table's slides counted once: "All factors (1/2)", "All factors (2/2)" → "All factors"."""
    return list(dict.fromkeys(re.sub(r" \(\d+/\d+\)$", "", title) for title in titles))


def test_the_deck_has_the_slides_of_the_briefing_in_order(decks):
    deck = read_deck(decks[MERIDIAN, "en", "internal"])
    titles = [slide.title for slide in deck.slides]
    assert unnumbered(titles) == [MERIDIAN, "Where we stand", "Factor profile", "How the key account sees it",
                                  "Rebalancing proposal (what-if)", "Questions to take into the meeting",
                                  "All factors"]  # fmt: skip
    assert [f"Questions to take into the meeting ({n}/3)" for n in (1, 2, 3)] == [
        t for t in titles if "Questions" in t
    ]
    assert "Actions" not in titles  # Meridian lists none
    assert "Actions" in [slide.title for slide in read_deck(decks[BRANDTNER, "en", "internal"]).slides]
    assert (deck.width, deck.height) == (12192000, 6858000)  # 16:9, 13.33 × 7.5 inches


def test_every_slide_is_made_from_the_templates_two_layouts_with_no_placeholder_left_empty(decks):
    for data in decks.values():
        deck = read_deck(data)
        assert deck.slides[0].layout == "Title Slide"
        assert {slide.layout for slide in deck.slides} == LAYOUTS
        presentation = __import__("pptx").Presentation(io.BytesIO(data))
        for slide in presentation.slides:
            for shape in slide.placeholders:
                assert shape.text_frame.text.strip(), (slide.shapes.title.text, shape.placeholder_format.type)


def test_the_mirror_is_a_native_table_with_both_views_figures(decks, examples):
    accounts = examples.accounts.set_index("account")
    row = accounts.loc[MERIDIAN]
    where = read_deck(decks[MERIDIAN, "de", "internal"]).slides[1]
    (table,) = where.tables
    fmt = Formatter("de")
    assert table[0] == ("", "Aus unserer Sicht", "Aus Sicht des Key Accounts")
    assert table[1][1:] == (fmt.number(row.supplier_index), fmt.number(row.ka_view_supplier_index))
    assert table[2][1:] == (fmt.number(row.key_account_index), fmt.number(row.ka_view_key_account_index))
    assert table[3][1:] == (fmt.signed(row.balance), fmt.signed(row.ka_view_balance))
    assert table[4][1] == f"{row.rated_both}/{row.factors_total}"


def test_every_factor_is_in_the_appendix_once_in_order_under_the_tables_header(decks, catalog):
    deck = read_deck(decks[BRANDTNER, "en", "internal"])
    appendix = [slide for slide in deck.slides if slide.title.startswith("All factors")]
    rows = []
    for slide in appendix:
        (table,) = slide.tables
        assert table[0] == ("No.", "Factor", "Supplier", "Key account", "Gap")
        rows += table[1:]
    assert [row[1] for row in rows] == [factor.title.get("en") for factor in catalog.factors]
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(catalog.factors) + 1)]


def test_the_charts_are_pictures_at_print_resolution_described_as_in_the_pdf(decks, tmp_path, examples):
    pdf = tmp_path / "meridian.pdf"
    pdf.write_bytes(examples.briefing_pdf(MERIDIAN, lang="en"))
    alts = set(structure_of(pdf).figure_alts)
    pictures = [
        picture for slide in read_deck(decks[MERIDIAN, "en", "internal"]).slides for picture in slide.pictures
    ]
    assert len(pictures) == 2  # the diagram and the profile; every table is a table
    for description, pixels, width in pictures:
        assert description in alts
        assert pixels / (width / 914400) >= 250  # dots per inch as the slide shows it


def sentences(text: str) -> int:
    """Sentences in *text*: a full stop, question or exclamation mark before a capital or the end, not in a
    German date ("6. Dezember 2026") nor inside a name ("Inc. in")."""
    text = re.sub(r"\b\d{1,2}\. (?=[A-ZÄÖÜ][a-zäöü]+ \d{4})", "", text)
    return len(re.findall(r"[.!?](?=\s+[A-ZÄÖÜ„“\"]|\s*$)", text))


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("edition", ["internal", "shared"])
def test_every_slide_has_notes_of_two_or_three_sentences_in_the_decks_language(decks, lang, edition):
    other = interface_words(lang)
    for account in (MERIDIAN, BRANDTNER):
        for slide in read_deck(decks[account, lang, edition]).slides:
            assert 2 <= sentences(slide.notes) <= 3, (slide.title, slide.notes)
            assert not [word for word in other if flat(word) in flat(slide.notes)], slide.notes


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_word_of_the_other_language(decks, lang):
    other = interface_words(lang)
    for (account, deck_lang, edition), data in decks.items():
        if deck_lang == lang:
            text = flat(read_deck(data).everything)
            assert not sorted(word for word in other if flat(word) in text), (account, edition)


def test_the_files_properties_are_the_decks(decks):
    properties = read_deck(decks[MERIDIAN, "de", "internal"]).properties
    assert properties["title"] == "Meridian Aerotech Inc. – Partnerschafts-Briefing · 2026-Q3"
    assert properties["language"] == "de-DE"
    assert "2026-Q3" in properties["keywords"]
    shared = read_deck(decks[MERIDIAN, "en", "shared"]).properties
    assert shared["author"] == "Weber AG"
    assert shared["subject"].startswith("Edition for Meridian Aerotech Inc.")


def test_the_same_input_gives_the_same_bytes_dated_by_source_date_epoch(tmp_path):
    source = EXAMPLES / "calloway-foods_2026-Q3.xlsx"
    made = []
    for name in ("one", "two"):
        result = run("briefing", str(source), "--format", "pptx", "--lang", "en", "--out", str(tmp_path / name),
                     env=REPRODUCIBLE)  # fmt: skip
        assert result.exit_code == 0, result.output
        made.append((tmp_path / name / "calloway-foods-ltd_2026-Q3_en.pptx").read_bytes())
    assert made[0] == made[1]
    moment = datetime.fromtimestamp(int(REPRODUCIBLE["SOURCE_DATE_EPOCH"]), UTC)
    with zipfile.ZipFile(io.BytesIO(made[0])) as archive:
        assert {info.date_time for info in archive.infolist()} == {moment.timetuple()[:6]}
    core = __import__("pptx").Presentation(io.BytesIO(made[0])).core_properties
    assert core.created == core.modified == moment.replace(tzinfo=None)
    assert core.revision == 1


@pytest.mark.parametrize("potx", [False, True], ids=["pptx", "potx"])
def test_a_company_template_gives_the_slides_its_master_and_layouts(tmp_path, examples, potx):
    template = company_template(tmp_path / ("ours.potx" if potx else "ours.pptx"), potx=potx)
    data = examples.briefing_pptx(MERIDIAN, lang="de", template=template)
    deck = read_deck(data)
    assert deck.slides[0].layout == COMPANY_LAYOUT_NAMES["Title Slide"]
    assert {slide.layout for slide in deck.slides} == set(COMPANY_LAYOUT_NAMES.values())
    assert "Beispielfolie" not in deck.everything  # the template's own example slide is left out
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        theme = archive.read("ppt/theme/theme1.xml").decode()
        master = archive.read("ppt/slideMasters/slideMaster1.xml").decode()
        content_type = archive.read("[Content_Types].xml").decode()
    assert COMPANY_COLOUR in theme and "DejaVu Serif" in theme
    assert "GRÜNWERK" in master  # the logo
    assert "presentation.main+xml" in content_type  # a deck, even from a .potx
    slides = [
        archive_name
        for archive_name in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if "/slides/slide" in archive_name
    ]
    styles = {
        re.search(r"tableStyleId>([^<]+)<", zipfile.ZipFile(io.BytesIO(data)).read(name).decode())
        for name in slides
    }
    assert {found.group(1) for found in styles if found} == {
        COMPANY_TABLE_STYLE
    }  # the template's own table style


def test_the_templates_own_properties_thumbnail_and_company_stay_behind(tmp_path, examples):
    """A company's template says what it is (its company, a label, its slides' titles): a deck, and above
    all the key account's, carries none of it on."""
    template = company_template(tmp_path / "ours.pptx")
    with zipfile.ZipFile(template) as archive:
        assert COMPANY_SECRET in archive.read("docProps/app.xml").decode()  # so that its absence below counts
    for edition in ("internal", "shared"):
        data = examples.briefing_pptx(MERIDIAN, lang="de", edition=edition, template=template)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            assert not [
                name for name in names if name.startswith("docProps/") and name != "docProps/core.xml"
            ]
            assert not any(COMPANY_SECRET.encode() in archive.read(name) for name in names)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_run_of_text_is_marked_in_the_decks_language(decks, lang):
    tag = {"de": "de-DE", "en": "en-US"}[lang]
    with zipfile.ZipFile(io.BytesIO(decks[MERIDIAN, lang, "internal"])) as archive:
        parts = [
            name for name in archive.namelist() if re.fullmatch(r"ppt/(slides|notesSlides)/\w+\.xml", name)
        ]
        for name in parts:
            xml = archive.read(name).decode()
            runs = re.findall(r"<a:r>(.*?)</a:r>", xml)
            assert runs, name
            assert all(f'lang="{tag}"' in run for run in runs), name


@pytest.mark.parametrize(
    ("without", "lacking"),
    [("title", "einem Platzhalter für den Titel und einem für den Untertitel"),
     ("content", "einem Platzhalter für den Titel und einem für Inhalt")],
)  # fmt: skip
def test_a_template_without_a_needed_layout_is_refused_before_anything_is_made(tmp_path, without, lacking):
    template = company_template(tmp_path / "ours.pptx", without=without)
    out = tmp_path / "out"
    result = run("briefing", str(EXAMPLES / "calloway-foods_2026-Q3.xlsx"), "--format", "pdf", "--format", "pptx",
                 "--pptx-template", str(template), "--lang", "de", "--out", str(out))  # fmt: skip
    assert result.exit_code == 2
    assert f"hat kein Layout mit {lacking}" in result.output
    assert "ours.pptx" in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [("ours.pptx", b"not a zip at all", "cannot be opened"),
     ("ours.docx", b"PK", "not “ours.docx”")],
)  # fmt: skip
def test_a_file_that_is_no_presentation_is_named_and_refused(tmp_path, name, content, says):
    template = tmp_path / name
    template.write_bytes(content)
    result = run("briefing", str(EXAMPLES / "calloway-foods_2026-Q3.xlsx"), "--format", "pptx",
                 "--pptx-template", str(template), "--lang", "en", "--out", str(tmp_path / "out"))  # fmt: skip
    assert result.exit_code == 2
    assert says in result.output and name in result.output


def test_a_template_for_a_run_without_decks_is_a_warning_and_the_pdfs_are_made(tmp_path):
    template = company_template(tmp_path / "ours.pptx")
    result = run("briefing", str(EXAMPLES / "calloway-foods_2026-Q3.xlsx"), "--pptx-template", str(template),
                 "--lang", "en", "--out", str(tmp_path / "out"))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "! " in result.output and "A slide template is for decks, and this run makes none" in result.output
    assert [path.suffix for path in (tmp_path / "out").iterdir()] == [".pdf"]


def test_a_deck_that_fails_costs_the_account_neither_its_pdfs_nor_the_others_their_decks(
    tmp_path, monkeypatch
):
    """A deck fails for Calloway alone (say a bug in a rare layout): its PDFs are still written, the other
    accounts' decks too, and the run names the failure, exits 1 and leaves make's step to be tried again."""
    from reportgen.commands import jobs

    real = jobs.Worker._deck

    def failing(self, job, view, pictures):
        if job.analysis.assessment.account.name == "Calloway Foods Ltd":
            raise RuntimeError("no deck today")
        return real(self, job, view, pictures)

    monkeypatch.setattr(jobs.Worker, "_deck", failing)
    files = [EXAMPLES / "calloway-foods_2026-Q3.xlsx", EXAMPLES / "nordhafen-logistik_2026-Q3.xlsx"]
    out = tmp_path / "out"
    result = run("briefing", *map(str, files), "--format", "pdf", "--format", "pptx", "--lang", "en",
                 "--jobs", "1", "--out", str(out))  # fmt: skip
    assert result.exit_code == 1
    assert (
        "The deck of the briefing for Calloway Foods Ltd (2026-Q3) could not be made: no deck today"
        in result.output
    )
    assert sorted(path.name for path in out.iterdir()) == [
        "calloway-foods-ltd_2026-Q3_en.pdf", "nordhafen-logistik-ag_2026-Q3_en.pdf",
        "nordhafen-logistik-ag_2026-Q3_en.pptx",
    ]  # fmt: skip


def test_an_archive_is_no_deck(tmp_path):
    result = run("briefing", str(EXAMPLES / "calloway-foods_2026-Q3.xlsx"), "--archive", "--format", "pptx",
                 "--lang", "en", "--out", str(tmp_path))  # fmt: skip
    assert result.exit_code == 2
    assert "An archive is a PDF" in result.output
    assert not list(tmp_path.iterdir())


def test_both_formats_are_written_named_as_the_pdf(tmp_path):
    result = run("briefing", str(EXAMPLES / "calloway-foods_2026-Q3.xlsx"), "--format", "pdf", "--format", "pptx",
                 "--format", "pptx", "--out", str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "calloway-foods-ltd_2026-Q3_de.pdf", "calloway-foods-ltd_2026-Q3_de.pptx",
        "calloway-foods-ltd_2026-Q3_en.pdf", "calloway-foods-ltd_2026-Q3_en.pptx",
    ]  # fmt: skip
    assert "4 files" in result.output


PICTURE = SlidePictures(profile=b"")


def synthetic(slide: Slide) -> Deck:
    return Deck("en", "Title", ("Subtitle",), "Open. Then go on.", "", "", "", (slide,))


def test_a_long_table_goes_on_over_slides_each_under_its_header_rows():
    columns = (Column("No.", 0.5, figures=True), Column("Factor", 4), Column("Score", 1, figures=True))
    rows = tuple((str(n), f"Factor number {n} with a title of some length", str(n % 5)) for n in range(1, 61))
    table = Table(columns, rows, groups=(("", 2), ("Scores", 1)))
    data = deck_pptx(synthetic(Slide("Every factor", "Say it. Then more.", lead="A lead.", table=table)),
                     PICTURE, DeckTemplate(), datetime(2026, 1, 1).date())  # fmt: skip
    slides = read_deck(data).slides[1:]
    # the default template's content area is 5.3″ (381.6 pt) high; a row of one line at 12 pt is 12 × 1.2 +
    # 2 × 2.16 = 18.72 pt, the two header rows twice that: 18 rows fit under them, 16 under the lead and its
    # gap (47.6 pt): 16 + 3 × 18 = 70 rows on 4 slides, 52 on 3
    assert len(slides) == 4
    assert [slide.title for slide in slides] == [
        f"Every factor ({n}/{len(slides)})" for n in range(1, len(slides) + 1)
    ]
    listed = []
    for slide in slides:
        (cells,) = slide.tables
        assert cells[0] == ("", "", "Scores") and cells[1] == ("No.", "Factor", "Score")
        listed += cells[2:]
        assert slide.notes == "Say it. Then more."
    assert tuple(listed) == rows
    sizes = [len(slide.tables[0]) - 2 for slide in slides]
    assert max(sizes) - min(sizes) <= 1  # as even as the slides allow: no slide holds a last row or two
    assert max(sizes) <= 18
    assert "A lead." in slides[0].texts and "A lead." not in slides[1].texts


def test_a_short_table_is_no_wider_than_its_texts_and_no_column_breaks_a_word():
    from reportgen.rendering.deck_fitting import WORD_CHAR_WIDTH, column_widths

    table = Table((Column("", 2.6), Column("Lieferantenfrustrationszone", 1.2, figures=True)), (("S", "65"),))
    widths = column_widths(table, 12_000_000)
    assert sum(widths) < 12_000_000 / 2
    assert widths[1] >= len("Lieferantenfrustrationszone") * 11 * WORD_CHAR_WIDTH * 12_700


def test_columns_too_narrow_for_their_words_are_widened_at_the_cost_of_the_others():
    from reportgen.rendering.deck_fitting import WORD_CHAR_WIDTH, column_widths, narrowest

    columns = (
        Column("No.", 0.5, figures=True),
        Column("Factor", 4),
        Column("Investition", 0.5, figures=True),
    )
    rows = tuple((str(n), "A factor with a long title that has to wrap " * 3, "3,5") for n in range(5))
    table = Table(columns, rows)
    width = 4_000_000
    widths = column_widths(table, width)
    assert sum(widths) == width
    assert widths[2] >= len("Investition") * 12 * WORD_CHAR_WIDTH * 12_700  # its heading's word whole
    assert widths[2] == int(narrowest(table, 2))  # no wider than that: the Factor column takes the rest
    assert widths[1] == width - widths[0] - widths[2]


def test_control_characters_a_workbook_may_hold_do_not_stop_the_deck():
    """In a cell, a title, the notes and the file's properties (the account's and the assessor's names)."""
    text = "Kommentar\x01 mit\x0b Steuerzeichen\x1f"
    table = Table((Column("Factor", 1),), ((text,),))
    slide = Slide(text, text + ". Say it.", points=(text,), table=table)
    deck = Deck("de", text, (text,), text, text, text, text, (slide,))
    read = read_deck(deck_pptx(deck, PICTURE, DeckTemplate(), datetime(2026, 1, 1).date()))
    clean = xml_safe(text)
    assert clean == "Kommentar mit Steuerzeichen"
    assert read.slides[1].title == read.slides[1].tables[0][1][0] == clean
    assert read.properties["author"] == read.properties["subject"] == clean


def test_the_key_accounts_deck_shows_the_profile_as_its_edition_draws_it(examples, decks):
    """Meridian is rated by three of our team: our profile shows each one's dots, the key account's none."""
    from reportgen.charts.profile import drawn_profile
    from reportgen.charts.style import render_png

    (analysis,) = [a for a in examples._workload.analyses if a.assessment.account.name == MERIDIAN
                   and str(a.assessment.period) == "2026-Q3"]  # fmt: skip
    with drawn_profile(analysis, analysis.catalog, "en", shared=True) as figure:
        shared_profile = render_png(figure)
    presentation = __import__("pptx").Presentation
    pictures = {}
    for edition in ("internal", "shared"):
        deck = presentation(io.BytesIO(decks[MERIDIAN, "en", edition]))
        pictures[edition] = [shape.image.blob for slide in deck.slides for shape in slide.shapes
                             if shape.shape_type == 13]  # fmt: skip
    assert pictures["shared"] == [shared_profile]
    assert shared_profile not in pictures["internal"]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="extra: runs where LibreOffice (soffice) is installed"
)
def test_libreoffice_impress_opens_the_example_decks_of_the_latest_quarter(tmp_path):
    """The decks `make reports FORMATS="pdf pptx"` makes of 2026-Q3, converted to PDF by LibreOffice Impress:
    a page per slide, each with its title, and the account's name on the first. Our decks in German, whose
    texts are the longer, the key account's in both languages. (The English and the earlier quarters' decks
    are made the same way; converting all 30 cost the suite half a minute.)"""
    out = tmp_path / "decks"
    shared = [
        *EXAMPLES.glob("meridian-aerotech_2026-Q3*.xlsx"),
        *EXAMPLES.glob("brandtner-praezisionstechnik_*.xlsx"),
    ]
    for files, options in (([EXAMPLES], ("--lang", "de")), (shared, ("--edition", "shared"))):
        result = run("briefing", *map(str, files), "--format", "pptx", "--period", "2026-Q3", *options,
                     "--out", str(out))  # fmt: skip
        assert result.exit_code == 0, result.output
    decks = sorted(out.glob("*.pptx"))
    assert len(decks) == 10  # 6 accounts in German, and the 2 shared examples in both languages
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, decks)],
                   check=True, capture_output=True, timeout=600)  # fmt: skip
    for deck in decks:
        slides = read_deck(deck.read_bytes()).slides
        pages = [page.extract_text() for page in PdfReader(tmp_path / "pdf" / f"{deck.stem}.pdf").pages]
        assert len(pages) == len(slides), deck.name
        for slide, page in zip(slides, pages, strict=True):
            assert flat(slide.title) in flat(page), (deck.name, slide.title)
        assert flat(slides[0].title) in flat(pages[0])
