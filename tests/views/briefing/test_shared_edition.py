"""The edition of a briefing handed to the key account (``--edition shared``): read back from its PDF, it
carries nothing of ours that is meant for us alone, and the default edition is the briefing as before."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from reportgen.common.i18n import Formatter
from reportgen.outputs.spreadsheets import write_xlsx
from tests.builders import VERDICT_WORDS
from tests.conftest import FACTS, REPRODUCIBLE, run, sheets_for
from tests.deck_structure import read_deck
from tests.pdf_structure import skipped_levels, structure_of

STEM = "acme-praezision-gmbh_2026-Q3"
REVENUE = 1_250_000
INTERNAL_MARKER = "ZZ-INTERNAL-7f3a"
THEIR_INTERNAL_MARKER = "ZZ-INTERNAL-ka-9c1"
SHARED_COMMENT = "Gemeinsamer Workshop im Mai ZZ-SHARED-42"
THEIR_SHARED_COMMENT = "Wir teilen die Planung ZZ-SHARED-ka-77"
OUR_RATER, THEIR_RATER = "Anja Groß", "Dana Whitfield"
HOURS, OTHER_COST, MARGIN = 1_400, 24_000, 288_000
"""What serving the account takes and returns: 1,400 h × 95 € + 24,000 € = 157,000 €, 55 % of the margin,
131,000 € left; none of it for the key account's eyes."""
INTERNAL_ACTION = "Einsatz begrenzen Vermerk Qx7i"  # short words: a table cell wraps at hyphens
SHARED_ACTION = "Gemeinsame Runde Vermerk Kp4s"


def text_of(path: Path) -> str:
    """The PDF's text as a reader's tools extract it, with its metadata and the charts' alt texts (what a
    screen reader reads in their place), on one line."""
    reader = PdfReader(path)
    pages = " ".join(page.extract_text() for page in reader.pages)
    meta = " ".join(str(value) for value in (reader.metadata or {}).values())
    alts = structure_of(path).alt_text
    return re.sub(r"\s+", " ", f"{pages} {meta} {alts}".replace("\xa0", " "))


@pytest.fixture(scope="module")
def folder(tmp_path_factory, catalog) -> Path:
    """An account in the critical frustration zone with revenue and an intended type, rated by our team and
    by the key account's contact, each with an internal comment and one to share (ours marked yes, the
    contact's blank, which shares it); our workbook lists an internal action and one to share, and gives what
    serving the account takes and returns."""
    folder = tmp_path_factory.mktemp("in")
    n = len(catalog.factors)
    ours = [*FACTS[:4], OUR_RATER, FACTS[5], REVENUE, "EUR", "", "Preferred partner", "", "", "", HOURS,
            OTHER_COST, MARGIN]  # fmt: skip
    our_sheets = sheets_for(
        catalog,
        "de",
        supplier=[5] * n,
        key_account=[2] * n,
        comments={0: f"Kostet uns viel Marge {INTERNAL_MARKER}", 1: SHARED_COMMENT},
        shared={0: "nein", 1: "ja"},
        facts=ours,
    )
    our_sheets["Maßnahmen"] = [
        ["Faktor", "Maßnahme", "Verantwortlich", "Fällig am", "Status", "Mit dem Key Account teilen"],
        [catalog.factors[0].id, INTERNAL_ACTION, OUR_RATER, "31.10.2026", "offen", "nein"],
        [catalog.factors[1].id, SHARED_ACTION, "Weber AG", "15.12.2026", "offen", "ja"],
    ]
    write_xlsx(folder / "acme.xlsx", our_sheets)
    theirs = [FACTS[0], "", FACTS[2], "", THEIR_RATER, "", "", "", "", "", "", "", "Key Account"]
    write_xlsx(
        folder / "acme_key-account.xlsx",
        sheets_for(
            catalog,
            "en",
            supplier=[4] * n,
            key_account=[3] * n,
            comments={2: THEIR_INTERNAL_MARKER, 3: THEIR_SHARED_COMMENT},
            shared={2: "no"},  # the contact's comments are shared unless marked no: 3 is blank
            facts=theirs,
        ),
    )
    return folder


@pytest.fixture(scope="module")
def shared(folder, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run("briefing", str(folder), "--edition", "shared", "--supplier", "Weber AG", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_nothing_internal_reaches_the_key_accounts_edition(folder, shared, lang):
    internal_run = run("briefing", str(folder), "--lang", lang, "--out", str(folder / "internal"))
    assert internal_run.exit_code == 0, internal_run.output
    internal = text_of(folder / "internal" / f"{STEM}_{lang}.pdf")
    text = text_of(shared / f"{STEM}_{lang}_shared.pdf")
    revenue = Formatter(lang).money(REVENUE, "EUR").replace("\xa0", " ")
    # the internal briefing holds every one of them, so their absence below is the edition's doing
    for internal_only in (
        *(INTERNAL_MARKER, THEIR_INTERNAL_MARKER, THEIR_SHARED_COMMENT),
        *(INTERNAL_ACTION, SHARED_ACTION, revenue, OUR_RATER, "Jürgen Weiß"),
    ):
        assert internal_only in internal, internal_only
    for word in (*VERDICT_WORDS, INTERNAL_MARKER, THEIR_INTERNAL_MARKER, "Qx7i", revenue, "1250000"):
        assert word not in text, word
    for name in (OUR_RATER, THEIR_RATER, "Jürgen Weiß"):
        assert name not in text, name
    assert SHARED_COMMENT in text
    assert THEIR_SHARED_COMMENT in text
    assert SHARED_ACTION in text  # the mutual action plan
    assert structure_of(shared / f"{STEM}_{lang}_shared.pdf").alt_text in text  # checked above too


@pytest.fixture(scope="module")
def decks(folder, tmp_path_factory) -> Path:
    """Both editions' decks of the account, in both languages."""
    out = tmp_path_factory.mktemp("decks")
    for edition in ("internal", "shared"):
        result = run("briefing", str(folder), "--edition", edition, "--supplier", "Weber AG", "--format", "pptx",
                     "--out", str(out))  # fmt: skip
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_nothing_internal_reaches_the_key_accounts_deck(decks, lang):
    """Every text frame, table cell, speaker note, picture description and document property of the shared
    deck; the internal deck of the same files holds the internal words it shows (its zone, our rater's and
    the key account manager's names, the internal action), so that their absence is the edition's doing."""
    internal = read_deck((decks / f"{STEM}_{lang}.pptx").read_bytes()).everything
    deck = read_deck((decks / f"{STEM}_{lang}_shared.pptx").read_bytes())
    text = deck.everything
    revenue = Formatter(lang).money(REVENUE, "EUR").replace("\xa0", " ")
    for internal_only in (INTERNAL_ACTION, OUR_RATER, "Jürgen Weiß", revenue):
        assert internal_only in internal, internal_only
    assert [word for word in VERDICT_WORDS if word in internal]
    for word in (*VERDICT_WORDS, INTERNAL_MARKER, THEIR_INTERNAL_MARKER, "Qx7i", revenue, "1250000", "1.250.000",
                 "1,250,000", OUR_RATER, THEIR_RATER, "Jürgen Weiß", *SERVICE_WORDS[lang][3:]):  # fmt: skip
        assert word not in text, word
    assert SHARED_ACTION in text  # the mutual action plan
    pictures = [description for slide in deck.slides for description, _, _ in slide.pictures]
    assert pictures and all(description for description in pictures)
    assert deck.properties["author"] == "Weber AG"


SERVICE_WORDS = {
    "de": ("Betreuung", "Deckungsbeitrag", "Stunden", "1.400", "24.000", "157.000", "288.000", "131.000", "55 %"),
    "en": ("Account service", "contribution margin", "hours", "1,400", "24,000", "157,000", "288,000", "131,000",
           "55%"),
}  # fmt: skip
"""The service facts' words and figures as the internal briefing shows them (page 1, the coaching answers,
the history), in each language."""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_hour_amount_or_share_of_serving_the_account_reaches_the_key_accounts_edition(
    folder, shared, lang
):
    internal_run = run("briefing", str(folder), "--lang", lang, "--out", str(folder / "internal"))
    assert internal_run.exit_code == 0, internal_run.output
    internal = text_of(folder / "internal" / f"{STEM}_{lang}.pdf")
    text = text_of(shared / f"{STEM}_{lang}_shared.pdf").casefold()
    for word in SERVICE_WORDS[lang]:
        assert word.casefold() in internal.casefold(), (
            word
        )  # so that its absence below is the edition's doing
    every_way = {*SERVICE_WORDS["de"], *SERVICE_WORDS["en"], "1400", "157000", "288000", "cost to serve", "account service",
                 "margin", "marge", "betreuung", "stundensatz", "hourly rate", "€"}  # fmt: skip
    for word in every_way:
        assert word.casefold() not in text, word


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_edition_is_tagged_and_its_chart_described_in_neutral_words(shared, catalog, lang):
    tagged = structure_of(shared / f"{STEM}_{lang}_shared.pdf")
    assert tagged.lang == lang and tagged.marked and tagged.shows_title
    assert "Acme Präzision GmbH" in tagged.title
    assert tagged.headings[0] == 1 and not skipped_levels(tagged.headings)
    assert tagged.kinds["TH"] >= 5
    assert tagged.row_headed_cells >= 4  # S and K, each in both companies' columns, headed by their row
    (profile,) = tagged.figure_alts
    # our team rated every factor 5 and 2: each side's score, for the first factor of the catalog
    assert re.search(re.escape(catalog.factors[0].label(lang)) + r"\W+\(\D+5, \D+2\)", profile), profile


@pytest.mark.parametrize(
    ("lang", "audience", "question"),
    [
        ("de", "Ausgabe für Acme Präzision GmbH", "Welche Art von Beziehung wollen wir beide"),
        ("en", "Edition for Acme Präzision GmbH", "What kind of relationship do we both want"),
    ],
)
def test_the_edition_says_who_it_is_for_on_every_page_and_asks_the_joint_questions(
    shared, lang, audience, question
):
    reader = PdfReader(shared / f"{STEM}_{lang}_shared.pdf")
    assert all(audience.upper() in page.extract_text().upper() for page in reader.pages)
    assert audience.casefold() in str(reader.metadata.title).casefold()
    text = text_of(shared / f"{STEM}_{lang}_shared.pdf")
    assert question in text
    assert "Weber AG" in text


def test_the_default_edition_is_the_internal_briefing_byte_for_byte(folder, tmp_path):
    default, internal = tmp_path / "default", tmp_path / "internal"
    assert (
        run("briefing", str(folder), "--lang", "en", "--out", str(default), env=REPRODUCIBLE).exit_code == 0
    )
    options = ("--lang", "en", "--edition", "internal", "--out", str(internal))
    assert run("briefing", str(folder), *options, env=REPRODUCIBLE).exit_code == 0
    assert [p.name for p in default.iterdir()] == [f"{STEM}_en.pdf"]
    for path in default.iterdir():
        assert path.read_bytes() == (internal / path.name).read_bytes()


def test_the_editions_table_of_factors_rules_off_each_factor_and_keeps_its_rows_together(workload):
    """Regression: the briefing's tables of factors got new rules, and the edition's table, which kept the
    old markup, lost the rule above each factor and the keeping of a factor's rows on one page."""
    from reportgen.rendering import Renderer
    from reportgen.views.briefing.shared_edition import SharedCharts, build_shared_briefing

    (meridian,) = [
        a
        for a in workload.analyses
        if a.assessment.account.name == "Meridian Aerotech Inc." and str(a.assessment.period) == "2026-Q3"
    ]
    renderer = Renderer()
    view = build_shared_briefing(meridian, "en", date(2026, 11, 27), SharedCharts("<svg/>"), "Weber AG")
    document = renderer.layout(renderer.shared_briefing_html(view))

    def boxes(box):
        yield box
        for child in getattr(box, "children", ()):
            yield from boxes(child)

    pages_of_factor: dict[int, set[int]] = {}
    ruled = []
    for number, page in enumerate(document.pages):
        for group in boxes(page._page_box):
            element = getattr(group, "element", None)
            if element is None or element.tag != "tbody" or element.get("class") != "factor":
                continue
            pages_of_factor.setdefault(id(element), set()).add(number)
            for row in group.children:
                if "scores" in (row.element.get("class") or "").split():
                    ruled.append(all(cell.style["border_top_width"] > 0 for cell in row.children))
    assert len(ruled) == 16 and all(ruled)
    assert all(len(pages) == 1 for pages in pages_of_factor.values())
