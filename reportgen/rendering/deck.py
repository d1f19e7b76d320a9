"""The rendering of a deck: a :class:`~reportgen.views.briefing.deck.Deck` laid out as a PowerPoint file.

The slides are made from the template's layouts (:mod:`.deck_template`), placeholders filled by their
kind; the text, table and chart of a slide placed as :mod:`.deck_fitting` reckons. Tables are native
tables in the template's own table style, pictures carry the PDF's alt text as their description.

The same deck gives the same bytes: zip entries are written in one order with the time of
``SOURCE_DATE_EPOCH`` (or of the day the deck is made), and so are the document's dates.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime, time

from reportgen.common.settings import source_date
from reportgen.rendering.deck_fitting import (
    CELL_MARGIN,
    CELL_MARGIN_ABOVE,
    EMU_PER_POINT,
    LINE_HEIGHT,
    Area,
    Placement,
    column_widths,
    header_rows,
    placement,
    table_size,
)
from reportgen.rendering.deck_template import DeckTemplate
from reportgen.views.briefing.deck import Deck, Slide, SlidePictures, Table


def deck_pptx(deck: Deck, pictures: SlidePictures, template: DeckTemplate, made_on: date) -> bytes:
    """The deck as a .pptx file's bytes, made from *template*'s layouts (see the module's docstring)."""
    presentation, title_layout, content_layout = template.new()
    _title_slide(presentation, title_layout, deck)
    area = _content_area(content_layout)
    shown = [pictures.of(slide.picture.chart) if slide.picture else None for slide in deck.slides]
    placed = [placement(slide, area, picture) for slide, picture in zip(deck.slides, shown, strict=True)]
    for series in {slide.series for slide in deck.slides if slide.series}:
        members = [index for index, slide in enumerate(deck.slides) if slide.series == series]
        smallest = min(placed[index].size for index in members)
        for index in members:
            placed[index] = placement(deck.slides[index], area, shown[index], smallest)
    for slide, picture, where in zip(deck.slides, shown, placed, strict=True):
        _content_slides(presentation, content_layout, slide, picture, where, area)
    _table_style(presentation)
    _language(presentation, deck.lang)
    moment = source_date() or datetime.combine(made_on, time(), UTC)
    _properties(presentation, deck, moment)
    _without_the_templates_own_parts(presentation)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return reproducible_zip(buffer.getvalue(), moment)


def reproducible_zip(data: bytes, moment: datetime) -> bytes:
    """The zip file *data* with every entry dated *moment*, in the order written, so that the same
    content gives the same bytes (a zip records each entry's time, which python-pptx takes from the clock)."""
    stamp = max(moment.astimezone(UTC).timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return buffer.getvalue()


LANGUAGE_TAGS = {"de": "de-DE", "en": "en-US"}
"""What a deck's text is marked as, so that spell checking and screen readers take it in its language."""


def _language(presentation, lang: str) -> None:
    """Every run of text on the slides and in the notes marked as the deck's language: unmarked, it would be
    taken for the template's (python-pptx's own says en-US)."""
    from pptx.oxml.ns import qn

    tag = LANGUAGE_TAGS[lang]
    for slide in presentation.slides:
        for element in (slide._element, slide.notes_slide._element):
            for run in element.iter(qn("a:r")):
                run.get_or_add_rPr().set("lang", tag)
            for end in element.iter(qn("a:endParaRPr")):
                end.set("lang", tag)


def _table_style(presentation) -> None:
    """Every table in the template's own default table style, where it names one (python-pptx writes
    PowerPoint's Medium Style 2 – Accent 1 whatever the template says)."""
    import re

    from pptx.opc.constants import RELATIONSHIP_TYPE
    from pptx.oxml.ns import qn

    styles = next(
        (
            rel.target_part
            for rel in presentation.part.rels.values()
            if rel.reltype == RELATIONSHIP_TYPE.TABLE_STYLES
        ),
        None,
    )
    found = re.search(rb'\bdef="(\{[0-9A-Fa-f-]+\})"', styles.blob) if styles is not None else None
    if found is None:
        return
    for slide in presentation.slides:
        for style in slide._element.iter(qn("a:tableStyleId")):
            style.text = found.group(1).decode()


def _without_the_templates_own_parts(presentation) -> None:
    """The template's own extended and custom properties (its company, manager, slide titles, a sensitivity
    label), its thumbnail and its comment authors left out: they describe the template, and a company's
    may say what the key account must not read."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    dropped = {RT.EXTENDED_PROPERTIES, RT.CUSTOM_PROPERTIES, RT.THUMBNAIL, RT.COMMENT_AUTHORS}
    for rels in (presentation.part.package._rels, presentation.part.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype in dropped:
                rels.pop(rel_id)


def _properties(presentation, deck: Deck, moment: datetime) -> None:
    """The document's properties, all of them set: a template's own (its author, its dates, a revision)
    must not pass for the deck's. Text a workbook gave (the account's name, the assessor's) made safe."""
    properties = presentation.core_properties
    properties.title = xml_safe(deck.title + (f" – {deck.subtitle[0]}" if deck.subtitle else ""))
    properties.author = xml_safe(deck.author)
    properties.last_modified_by = xml_safe(deck.author)
    properties.subject = xml_safe(deck.subject)
    properties.keywords = xml_safe(deck.keywords)
    properties.language = LANGUAGE_TAGS[deck.lang]
    properties.comments = ""
    properties.category = ""
    properties.content_status = ""
    properties.identifier = ""
    properties.version = ""
    properties.revision = 1
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    properties.created = naive
    properties.modified = naive


def _placeholders(slide) -> dict:
    """The slide's placeholders by kind (a title, a subtitle, a body), the first of each."""
    found: dict = {}
    for shape in slide.placeholders:
        found.setdefault(shape.placeholder_format.type, shape)
    return found


def _title_slide(presentation, layout, deck: Deck) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    slide = presentation.slides.add_slide(layout)
    found = _placeholders(slide)
    title = found.get(PP_PLACEHOLDER.CENTER_TITLE) or found[PP_PLACEHOLDER.TITLE]
    title.text_frame.text = xml_safe(deck.title)
    subtitle = found[PP_PLACEHOLDER.SUBTITLE].text_frame
    subtitle.text = xml_safe(deck.subtitle[0]) if deck.subtitle else ""
    for line in deck.subtitle[1:]:
        subtitle.add_paragraph().text = xml_safe(line)
    _remove_others(slide, (title, found[PP_PLACEHOLDER.SUBTITLE]))
    slide.notes_slide.notes_text_frame.text = xml_safe(deck.title_notes)


def _remove_others(slide, kept) -> None:
    """Placeholders the deck leaves empty are taken away: an empty one shows "Click to add text"."""
    ids = {shape.shape_id for shape in kept}
    for shape in list(slide.placeholders):
        if shape.shape_id not in ids:
            shape._element.getparent().remove(shape._element)


def _content(placeholders):
    """The one content (or text) placeholder among a content layout's or slide's *placeholders*: the
    template was chosen for having exactly one (see :mod:`.deck_template`)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    kinds = (PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY)
    return next(shape for shape in placeholders if shape.placeholder_format.type in kinds)


def _content_area(layout) -> Area:
    """The content placeholder's place on the layout (or on its master, where the layout takes that)."""
    shape = _content(layout.placeholders)
    return Area(shape.left, shape.top, shape.width, shape.height)


def _content_slides(
    presentation, layout, slide: Slide, picture: bytes | None, where: Placement, area: Area
) -> None:
    """*slide* on as many slides as its table needs, placed *where* in the content *area*: the text and
    chart on the first, the table's rows over all of them, each under its header rows."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    chunks, text_area, paragraphs = where.chunks, where.text, slide.paragraphs
    for number, rows in enumerate(chunks):
        page = presentation.slides.add_slide(layout)
        found = _placeholders(page)
        title = found[PP_PLACEHOLDER.TITLE]
        title.text_frame.text = xml_safe(slide.title) + (
            f" ({number + 1}/{len(chunks)})" if len(chunks) > 1 else ""
        )
        content = _content(page.placeholders)
        kept = [title]
        if number == 0 and paragraphs:
            _write_text(
                content,
                paragraphs,
                slide.lead is not None,
                slide.numbered,
                where.size,
                Area(text_area.left, text_area.top, text_area.width, int(where.text_height * EMU_PER_POINT)),
            )
            kept.append(content)
        if slide.table is not None:
            top = where.table_top if number == 0 else area.top
            width = text_area.width if number == 0 else area.width
            _add_table(
                page, slide.table, rows, Area(text_area.left, top, width, area.top + area.height - top)
            )
        if number == 0 and slide.picture is not None and picture is not None:
            shape = page.shapes.add_picture(
                io.BytesIO(picture),
                where.picture.left,
                where.picture.top,
                where.picture.width,
                where.picture.height,
            )
            shape._element.nvPicPr.cNvPr.set("descr", xml_safe(slide.picture.description))
        _remove_others(page, kept)
        page.notes_slide.notes_text_frame.text = xml_safe(slide.notes)


_NOT_IN_XML = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def xml_safe(text: str) -> str:
    """*text* without the control characters XML cannot hold (a workbook's cell may carry one), which would
    stop the whole deck; a line break and a tab stay."""
    return text.translate(_NOT_IN_XML)


def _write_text(
    placeholder, paragraphs: tuple[str, ...], lead: bool, numbered: bool, size: float, area: Area
) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
        area.left,
        area.top,
        area.width,
        area.height,
    )
    frame = placeholder.text_frame
    frame.word_wrap = True
    for index, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = xml_safe(text)
        run.font.size = Pt(size)
        if index == 0 and lead:  # a headline, set apart by weight, not a point of a list
            run.font.bold = True
            properties = paragraph._p.get_or_add_pPr()
            properties.set("marL", "0")
            properties.set("indent", "0")
            properties.insert(0, properties.makeelement(qn("a:buNone"), {}))
        elif numbered:  # PowerPoint's own numbering, which a user can restyle as the template's bullets
            properties = paragraph._p.get_or_add_pPr()
            properties.insert(0, properties.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"}))
    # should the estimate fall short in a wider font, Impress shrinks the text to its box, and PowerPoint
    # once the text is edited; until then it may run on
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE


def _add_table(page, table: Table, rows: tuple[int, ...], area: Area) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    size = table_size(table)
    widths = column_widths(table, area.width)
    width = sum(widths)
    header = header_rows(table)
    body = [table.rows[index] for index in rows]
    # a row as high as one line: PowerPoint and Impress grow it to the lines its text takes there
    line = int((size * LINE_HEIGHT + 2 * CELL_MARGIN_ABOVE) * EMU_PER_POINT)
    rows_made = len(header) + len(body)
    frame = page.shapes.add_table(rows_made, len(table.columns), area.left, area.top, width, line * rows_made)
    grid = frame.table
    for index, width in enumerate(widths):
        grid.columns[index].width = width
    for index in range(rows_made):
        grid.rows[index].height = line
    bold = {len(header) + position for position, index in enumerate(rows) if index in table.bold_rows}
    for row_index, cells in enumerate((*header, *body)):
        for column_index, text in enumerate(cells):
            cell = grid.cell(row_index, column_index)
            cell.margin_left = cell.margin_right = Pt(CELL_MARGIN)
            cell.margin_top = cell.margin_bottom = Pt(CELL_MARGIN_ABOVE)
            paragraph = cell.text_frame.paragraphs[0]
            run = paragraph.add_run()
            run.text = xml_safe(text)
            run.font.size = Pt(size)
            if row_index < len(header) or row_index in bold:
                run.font.bold = True
            if table.columns[column_index].figures:
                paragraph.alignment = PP_ALIGN.CENTER
    if table.groups:
        start = 0
        for _label, span in table.groups:
            if span > 1:
                grid.cell(0, start).merge(grid.cell(0, start + span - 1))
                for column in range(start, start + span):
                    grid.cell(0, column).text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
            start += span
