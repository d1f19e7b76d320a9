"""Write templates/deck/reportgen.pptx, the decks' default slide template.

It is python-pptx's own template made 16:9, its placeholders laid out again for the wider slide, its theme
set in Arial (PowerPoint has it everywhere, LibreOffice sets it in the metric-equal Liberation Sans) and in
the reports' colours, its titles flush left over a thin rule. A company's template replaces it with
``--pptx-template``; this one is only what a deck looks like without. Run it again after a change here:

    .venv/bin/python scripts/make_deck_template.py

The same script writes the same bytes.
"""

from __future__ import annotations

import copy
import io
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.util import Emu, Inches, Pt

from reportgen.rendering.deck import reproducible_zip

TARGET = Path(__file__).resolve().parent.parent / "templates" / "deck" / "reportgen.pptx"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 13.333 × 7.5 inches: PowerPoint's own 16:9
MARGIN = Inches(0.6)
INK, ACCENT = "1D2733", "1F4E79"
COLOURS = {
    "dk2": INK,
    "lt2": "EEF2F7",
    "accent1": ACCENT,
    "accent2": "C55A11",
    "accent3": "2E7D4F",
    "accent4": "A86200",
    "accent5": "5B2A86",
    "accent6": "6B7785",
}
FONT = "Arial"
TITLE_AREA = (MARGIN, Inches(0.35), WIDTH - 2 * MARGIN, Inches(0.95))
BODY_AREA = (MARGIN, Inches(1.55), WIDTH - 2 * MARGIN, Inches(5.3))
FOOTER_TOP, FOOTER_HEIGHT = Inches(7.0), Inches(0.3)


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = Emu(left), Emu(top), Emu(width), Emu(height)


def _theme(presentation) -> None:
    master = presentation.slide_master
    theme_part = next(rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme"))
    theme = etree.fromstring(theme_part.blob)
    theme.set("name", "reportgen")
    for name, colour in COLOURS.items():
        slot = theme.find(f".//{{{A}}}clrScheme/{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=colour)
    for kind in ("majorFont", "minorFont"):
        theme.find(f".//{{{A}}}fontScheme/{{{A}}}{kind}/{{{A}}}latin").set("typeface", FONT)
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _master(presentation) -> None:
    """Titles flush left in the accent's dark ink, body text at a slide's reading size, a thin rule under
    the title."""
    master = presentation.slide_master
    for shape in master.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(shape, *TITLE_AREA)
        elif kind == PP_PLACEHOLDER.BODY:
            _place(shape, *BODY_AREA)
        elif kind == PP_PLACEHOLDER.DATE:
            _place(shape, MARGIN, FOOTER_TOP, Inches(2.5), FOOTER_HEIGHT)
        elif kind == PP_PLACEHOLDER.FOOTER:
            _place(shape, (WIDTH - Inches(5)) // 2, FOOTER_TOP, Inches(5), FOOTER_HEIGHT)
        elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
            _place(shape, WIDTH - MARGIN - Inches(2.5), FOOTER_TOP, Inches(2.5), FOOTER_HEIGHT)
    styles = master._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}txStyles")
    title = styles[0].find(f"{{{A}}}lvl1pPr")
    title.set("algn", "l")
    title_run = title.find(f"{{{A}}}defRPr")
    title_run.set("sz", "3000")
    title_run.set("b", "1")
    for fill in title_run.findall(f"{{{A}}}solidFill"):
        title_run.remove(fill)
    fill = etree.Element(f"{{{A}}}solidFill")
    etree.SubElement(fill, f"{{{A}}}schemeClr", val="tx2")
    title_run.insert(0, fill)
    for level, size in enumerate((2000, 1800, 1600, 1400, 1400), start=1):
        body = styles[1].find(f"{{{A}}}lvl{level}pPr/{{{A}}}defRPr")
        body.set("sz", str(size))
    # a master has no add_shape: the rule is drawn on a scratch slide and moved to the master
    scratch = presentation.slides.add_slide(presentation.slide_layouts[6])
    rule = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.32), WIDTH - 2 * MARGIN, Pt(2))
    rule.fill.solid()
    rule.fill.fore_color.rgb = RGBColor.from_string(ACCENT)
    rule.line.fill.background()
    rule.name = "Rule under the title"
    master.shapes._spTree.append(copy.deepcopy(rule._element))
    slides = presentation.slides._sldIdLst
    presentation.part.drop_rel(slides[0].rId)
    slides.remove(slides[0])


def _layouts(presentation) -> None:
    """Every layout's placeholders spread over the wider slide; the title slide's and the content
    layout's placed anew."""
    scale = WIDTH / presentation.slide_width
    for layout in presentation.slide_layouts:
        for shape in layout.placeholders:
            if shape._element.spPr.find(f"{{{A}}}xfrm") is None:
                continue  # it takes the master's place
            _place(shape, int(shape.left * scale), shape.top, int(shape.width * scale), shape.height)
    title_slide, content = presentation.slide_layouts[0], presentation.slide_layouts[1]
    for shape in title_slide.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.CENTER_TITLE:
            _place(shape, Inches(1.0), Inches(2.2), WIDTH - Inches(2.0), Inches(1.6))
            shape.text_frame.paragraphs[0].alignment = 1  # left
        elif kind == PP_PLACEHOLDER.SUBTITLE:
            _place(shape, Inches(1.0), Inches(3.95), WIDTH - Inches(2.0), Inches(1.5))
    for shape in content.placeholders:
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.TITLE:
            _place(shape, *TITLE_AREA)
        elif kind == PP_PLACEHOLDER.OBJECT:
            _place(shape, *BODY_AREA)


def _title_slide_style(presentation) -> None:
    """The title slide's title and subtitle flush left, the subtitle in the muted accent, and the rule that
    underlines other slides' titles left off."""
    presentation.slide_layouts[0]._element.set("showMasterSp", "0")
    for shape in presentation.slide_layouts[0].placeholders:
        list_style = shape._element.txBody.find(f"{{{A}}}lstStyle")
        for child in list(list_style):
            list_style.remove(child)
        level = etree.SubElement(list_style, f"{{{A}}}lvl1pPr", algn="l", marL="0", indent="0")
        etree.SubElement(level, f"{{{A}}}buNone")
        run = etree.SubElement(
            level,
            f"{{{A}}}defRPr",
            sz="4000" if shape.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE else "2000",
        )
        fill = etree.SubElement(run, f"{{{A}}}solidFill")
        etree.SubElement(
            fill,
            f"{{{A}}}schemeClr",
            val="tx2" if shape.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE else "accent6",
        )


def main() -> None:
    presentation = Presentation()
    _layouts(presentation)
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    _theme(presentation)
    _master(presentation)
    _title_slide_style(presentation)
    properties = presentation.core_properties
    moment = datetime(2026, 1, 1)
    properties.title, properties.author, properties.last_modified_by = "reportgen", "reportgen", "reportgen"
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    buffer = io.BytesIO()
    presentation.save(buffer)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(reproducible_zip(buffer.getvalue(), moment.replace(tzinfo=UTC)))
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
