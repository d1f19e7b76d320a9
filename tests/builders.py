"""Builders that the tests of several modules share: quarters, catalogs and accounts made by hand, and the
checks of a report's words. They live here, not in the test module that first needed them, so that a test
imports from one place it can find and no test module depends on another (a test module's helpers may
change with its tests; these are kept for all of them).

Plain functions and constants only; fixtures stay in conftest.py, the one nearest to the tests that use
them (tests/conftest.py for the default catalog, the workbooks users fill and running reportgen).

- Quarters: :data:`Q1`, :data:`Q2`, :data:`Q3`, the quarters of 2026 most tests assess in.
- Catalogs: :func:`small_catalog` (three factors), :func:`custom_catalog` (factors f1, f2, … of given
  weights), :func:`variant` (the catalog as an edit leaves it), :func:`ids` (its factor ids).
- Accounts, each an analysed :class:`~reportgen.model.findings.AccountAnalysis`:
  :func:`make` (every factor rated alike, in any quarter), :func:`rated` (factor by factor, in Q3),
  :func:`account` (rated alike but the first factor, in Q3), :func:`custom_account` (factor by factor on
  a :func:`custom_catalog`), :func:`two_views` (our team's view and the key account's own,
  :data:`KEY_ACCOUNT_RATER`'s), :func:`analysis_with_actions` and :func:`quarters` (actions listed over
  quarters), :func:`served` (as :func:`account`) and :func:`costed` (as :func:`make`), each with what
  serving it costs and returns.
- Views: :func:`portfolio_view` (the portfolio's view, charts stood in for).
- Words: :data:`VERDICT_WORDS` (what the shared edition must never say), :func:`flat` and
  :func:`interface_words` (finding our own sentences in a PDF's text, and those of the other language).
"""

from __future__ import annotations

import functools
import importlib.util
import random
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from reportgen.analysis.history import build_histories
from reportgen.analysis.indices import analyse
from reportgen.common.i18n import translations
from reportgen.model.assessment import (
    AccountFacts,
    Action,
    Assessment,
    FactorRating,
    Period,
    Rater,
    ServiceFacts,
    View,
)
from reportgen.model.catalog import Catalog

# --- quarters -------------------------------------------------------------------------------------------

Q1, Q2, Q3 = Period(2026, 1), Period(2026, 2), Period(2026, 3)

# --- catalogs -------------------------------------------------------------------------------------------

MADE_ON = date(2026, 11, 27)
"""The day the tests' reports are made on: late enough in 2026 for Q3 to be the quarter just assessed."""


def small_catalog(catalog: Catalog) -> Catalog:
    """Three factors weighted 1, 2, 1, with the default scale and zones."""
    data = catalog.model_dump()
    data["factors"] = data["factors"][:3]
    data["factors"][1]["weight"] = 2
    return Catalog.model_validate(data)


def custom_catalog(catalog: Catalog, weights: list[float], max_moves: int | None = None) -> Catalog:
    """The default catalog with factors f1, f2, … of these weights (texts borrowed from its first)."""
    data = catalog.model_dump()
    model = data["factors"][0]
    data["factors"] = [{**model, "id": f"f{n}", "weight": w} for n, w in enumerate(weights, start=1)]
    if max_moves is not None:
        data["rebalancing"] = {"max_moves": max_moves}
    return Catalog.model_validate(data)


def variant(catalog, edit):
    """A copy of *catalog* that *edit* changed (it gets the catalog's data as a dict)."""
    data = catalog.model_dump()
    edit(data)
    return Catalog.model_validate(data)


def ids(catalog):
    """The catalog's factor ids, in its order."""
    return [f.id for f in catalog.factors]


# --- accounts -------------------------------------------------------------------------------------------


def make(catalog, name, period, supplier, key_account, intended=None, ref=None, comment_on=None):
    """The account *name* (its id the name's first three letters) in *period*, every factor rated
    *supplier* : *key_account*; the factor numbered *comment_on* (from 0) commented "why"; *ref* the
    catalog its workbook names."""
    ratings = tuple(
        FactorRating(f.id, supplier, key_account, "why" if i == comment_on else "")
        for i, f in enumerate(catalog.factors)
    )
    facts = AccountFacts(name, account_id=name[:3], intended_type=intended)
    return analyse(Assessment(facts, period, ratings, catalog_ref=ref), catalog)


def rated(catalog, name, pairs, intended=None, comments=None):
    """An account rated factor by factor: *pairs* holds (we, they) in catalog order, the rest 3 : 3."""
    comments = comments or {}
    ratings = [
        FactorRating(f.id, *(pairs[i] if i < len(pairs) else (3, 3)), comment=comments.get(i, ""))
        for i, f in enumerate(catalog.factors)
    ]
    return analyse(Assessment(AccountFacts(name, intended_type=intended), Q3, tuple(ratings)), catalog)


def account(catalog, name, supplier, key_account, intended=None):
    """Every factor rated alike, except the first, which is set apart (5 : 1) so answers can name it."""
    ratings = [FactorRating(f.id, supplier, key_account) for f in catalog.factors]
    ratings[0] = FactorRating(catalog.factors[0].id, 5, 1)
    facts = AccountFacts(name, intended_type=intended)
    return analyse(Assessment(facts, Q3, tuple(ratings)), catalog)


def served(catalog, name, supplier, key_account, intended=None, revenue=None, currency="EUR", period=Q3,
           **service):  # fmt: skip
    """As :func:`account`, with the facts of what serving it costs and returns (*service*: effort_hours,
    other_cost, contribution_margin, margin_share, hourly_rate), the catalog's hourly rate counting."""
    ratings = [FactorRating(f.id, supplier, key_account) for f in catalog.factors]
    ratings[0] = FactorRating(catalog.factors[0].id, 5, 1)
    facts = AccountFacts(name, annual_revenue=revenue, currency=currency, intended_type=intended,
                         service=ServiceFacts(**service))  # fmt: skip
    return analyse(Assessment(facts, period, tuple(ratings)), catalog)


def custom_account(catalog, ours, theirs, intended=None, order=None):
    """An account scored factor by factor (None: not rated); *order* shuffles the ratings as read."""
    ratings = [
        FactorRating(f"f{n}", s, k) for n, (s, k) in enumerate(zip(ours, theirs, strict=True), start=1)
    ]
    if order is not None:
        random.Random(order).shuffle(ratings)
    facts = AccountFacts("Acme", intended_type=intended)
    return analyse(Assessment(facts, Period(2026, 3), tuple(ratings)), catalog)


KEY_ACCOUNT_RATER = Rater("Contact at the key account", view=View.KEY_ACCOUNT)
"""The key account's contact who answered its own questionnaire."""


def two_views(catalog, name, ours, theirs, intended=None, differing=()):
    """Every factor rated *ours* by our team and *theirs* by the key account; the factors numbered in
    *differing* the key account rates as we do but one point lower on our side."""
    ratings = []
    for number, factor in enumerate(catalog.factors, start=1):
        ratings.append(FactorRating(factor.id, *ours))
        supplier, key_account = ours if number in differing else theirs
        if number in differing:
            supplier -= 1
        ratings.append(FactorRating(factor.id, supplier, key_account, rater=KEY_ACCOUNT_RATER))
    facts = AccountFacts(name, account_id=name[:3], intended_type=intended)
    return analyse(Assessment(facts, Q3, tuple(ratings), raters=(Rater(), KEY_ACCOUNT_RATER)), catalog)


def costed(catalog, name, supplier, key_account, revenue=None, currency="EUR", **service):
    """The account *name* of :func:`make` in Q3, its team's workbook giving *service* (the fields of
    :class:`ServiceFacts`: effort_hours, other_cost, contribution_margin, margin_share, hourly_rate), its
    revenue and currency; analysed again, so that its cost to serve follows from them."""
    made = make(catalog, name, Q3, supplier, key_account)
    facts = replace(
        made.assessment.account, annual_revenue=revenue, currency=currency, service=ServiceFacts(**service)
    )
    return analyse(replace(made.assessment, account=facts), catalog)


def analysis_with_actions(analysis, *actions: Action):
    """The analysis as if its workbook listed these actions."""
    return replace(analysis, assessment=replace(analysis.assessment, actions=actions))


def quarters(catalog, *listed: tuple[Period, tuple[Action, ...]]):
    """The account "Alpha" assessed in each quarter given, each workbook listing the actions given; its
    latest analysis and its history."""
    analyses = [
        analysis_with_actions(make(catalog, "Alpha", period, 4, 3), *actions) for period, actions in listed
    ]
    (history,) = build_histories(analyses).values()
    return analyses[-1], history


# --- views ----------------------------------------------------------------------------------------------


def portfolio_view(analyses, catalog, lang="en"):
    """The portfolio's view of these analyses in Q3, made on MADE_ON, its charts stood in for."""
    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.views.portfolio import PortfolioCharts, build_portfolio

    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    stand_ins = PortfolioCharts("<svg/>", tuple("<svg/>" for _ in portfolio.entries))
    return build_portfolio(portfolio, lang, MADE_ON, stand_ins)


# --- words ----------------------------------------------------------------------------------------------

VERDICT_WORDS = (
    # our zone, its meaning and the coaching questions, in both languages
    "Lieferantenfrustrationszone",
    "Frustration",
    "frustration",
    "Marge",
    "margin",
    "zurückfahren",
    "zurückzufahren",
    "herunterfahren",
    "scale back",
    "scale it back",
    "kritisch",
    "critical",
    "Coaching",
    "Vertraulich",
    "Confidential",
    # the intended relationship's verdict
    "Angestrebte Beziehung",
    "Intended relationship",
    "überinvestiert",
    "over-invested",
)
"""Our verdict on the partnership, in both languages: words the shared edition, which the key account
reads, and the charts' alt texts in it must never contain."""


def flat(text: str) -> str:
    """Text without white space and hyphens, so line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad]", "", text)


def interface_words(lang: str) -> set[str]:
    """Our own sentences in the other language: none of them may appear in a briefing in *lang*."""
    german = translations("de")
    from babel.messages.pofile import read_po

    from reportgen.common.resources import LOCALES_DIR

    with (LOCALES_DIR / "de/LC_MESSAGES/messages.po").open("rb") as po:
        ids = [m.id for m in read_po(po) if isinstance(m.id, str) and m.id]
    pairs = [(m, german.gettext(m)) for m in ids]
    words = {en if lang == "de" else de for en, de in pairs if en != de}
    # Phrases, and single words that exist in one language only ("Account" is German business usage too).
    single = (
        {"Confidential", "Supplier", "Comment", "Factor"}
        if lang == "de"
        else {"Vertraulich", "Lieferant", "Kommentar", "Faktor", "Skala", "Seite"}
    )
    return {w for w in words if "{" not in w and "%(" not in w and " " in w} | single


@functools.cache
def module_at(path: Path, name: str):
    """A script or a guide hook that is no package module (scripts/, docs/hooks/), loaded once, as *name*,
    and registered, so that its dataclasses and caches work as when it runs."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


COMPANY_COLOUR = "2E6B30"
"""The accent of :func:`company_template`: a green none of reportgen's own colours is."""
COMPANY_LAYOUT_NAMES = {"Title Slide": "Titelfolie Firma", "Title and Content": "Inhalt Firma"}
COMPANY_TABLE_STYLE = "{073A0DAA-6AF3-43AB-8588-CEC1D06C72B9}"
"""The default table style of :func:`company_template` (PowerPoint's Medium Style 2): not python-pptx's own."""
COMPANY_SECRET = "GRÜNWERK Holding – streng vertraulich"
"""What :func:`company_template`'s own properties say (its company): no deck may carry it on."""


def company_template(path: Path, potx: bool = False, without: str | None = None) -> Path:
    """A company's slide template as its designers might leave it, written to *path*: 16:9, its own
    accent colour and font, a logo on the master, layouts named in its own words and in another order (the
    content layout last, a section header – title and text – before it), an example slide left in. *potx*
    saves it as a template (.potx); *without* ``"title"`` or ``"content"`` drops the layout the deck needs
    for its title slide or its other slides."""
    import io
    import zipfile

    from lxml import etree
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    presentation = Presentation()
    scale = Inches(13.333) / presentation.slide_width
    for layout in presentation.slide_layouts:
        for shape in layout.placeholders:
            if (
                shape._element.spPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")
                is not None
            ):
                shape.left, shape.width = int(shape.left * scale), int(shape.width * scale)
    for shape in presentation.slide_master.placeholders:
        shape.left, shape.width = int(shape.left * scale), int(shape.width * scale)
    presentation.slide_width = Inches(13.333)
    master = presentation.slide_master
    theme_part = next(rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme"))
    drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
    theme = etree.fromstring(theme_part.blob)
    accent = theme.find(f".//{{{drawing}}}clrScheme/{{{drawing}}}accent1")
    accent[0].getparent().replace(accent[0], etree.Element(f"{{{drawing}}}srgbClr", val=COMPANY_COLOUR))
    for kind in ("majorFont", "minorFont"):
        theme.find(f".//{{{drawing}}}{kind}/{{{drawing}}}latin").set("typeface", "DejaVu Serif")
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
    example = presentation.slides.add_slide(presentation.slide_layouts[6])
    logo = example.shapes.add_textbox(Inches(11.2), Inches(6.85), Inches(1.9), Inches(0.5))
    logo.text_frame.text = "GRÜNWERK"
    logo.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    logo.text_frame.paragraphs[0].runs[0].font.bold = True
    logo.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(COMPANY_COLOUR)
    master.shapes._spTree.append(logo._element)  # the logo moves to the master; the example slide stays
    example.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1)).text_frame.text = "Beispielfolie"
    layouts = presentation.slide_layouts
    for english, own in COMPANY_LAYOUT_NAMES.items():
        layouts.get_by_name(english).name = own
    content = layouts.get_by_name(COMPANY_LAYOUT_NAMES["Title and Content"])
    listing = layouts._sldLayoutIdLst
    entry = next(e for e in listing if presentation.slide_master.part.related_slide_layout(e.rId) is content)
    listing.remove(entry)
    listing.append(entry)
    if without is not None:
        name = COMPANY_LAYOUT_NAMES["Title Slide" if without == "title" else "Title and Content"]
        doomed = [layouts.get_by_name(name)]
        if without == "content":  # the other layout of a title and one text placeholder too
            doomed.append(layouts.get_by_name("Section Header"))
        for layout in doomed:
            layouts.remove(layout)
    buffer = io.BytesIO()
    presentation.save(buffer)
    rewritten = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml" and potx:
                content = content.replace(b"presentation.main+xml", b"template.main+xml")
            if info.filename == "docProps/app.xml":
                content = content.replace(
                    b"</Properties>", f"<Company>{COMPANY_SECRET}</Company></Properties>".encode()
                )
            if info.filename == "ppt/tableStyles.xml":
                content = re.sub(rb'def="[^"]*"', f'def="{COMPANY_TABLE_STYLE}"'.encode(), content)
            out.writestr(info, content)
    data = rewritten.getvalue()
    path.write_bytes(data)
    return path
