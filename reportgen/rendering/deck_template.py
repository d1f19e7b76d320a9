"""A deck's slide template: the company's own (``--pptx-template``) or ``templates/deck/reportgen.pptx``.

A deck takes its slide master and layouts from the template, so that its fonts, colours and logo are the
deck's. Two layouts are needed, found by the kinds of placeholder they hold, never by name or position: one
with a title and a subtitle for the title slide, and one with a title and one content placeholder for every
other slide. A template is checked before anything is rendered: one that cannot be opened, or that lacks a
layout, is a problem that names the file and what it lacks.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.common.i18n import N_
from reportgen.common.problems import Message, Phrase, Place, Problem, ProblemLog
from reportgen.common.resources import TEMPLATES_DIR
from reportgen.reading.safety import check_zip

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import SlideLayout

DEFAULT_DECK_TEMPLATE = TEMPLATES_DIR / "deck" / "reportgen.pptx"
"""The deck's template where the run names none: 16:9, Arial, the reports' colours."""


TEMPLATE_SUFFIXES = (".pptx", ".potx")


TEMPLATE_UNREADABLE = Message(
    N_("The slide template cannot be opened: it is damaged, too large, or not a PowerPoint file."),
    N_("Save it again from PowerPoint or LibreOffice Impress as .pptx or .potx, and give that file."),
)


TEMPLATE_WRONG_KIND = Message(
    N_("The slide template must be a PowerPoint presentation or template (.pptx or .potx), not “{name}”."),
    N_("Give a .pptx or .potx file, saved by PowerPoint or LibreOffice Impress."),
)


TEMPLATE_LAYOUT_MISSING = Message(
    N_("The slide template has no layout with {placeholders}, which the deck needs for its {slides}."),
    N_(
        "Add such a layout to its slide master in PowerPoint (View › Slide Master), or start from "
        "reportgen's own template, templates/deck/reportgen.pptx."
    ),
)


TITLE_SLIDE = N_("title slide")


CONTENT_SLIDES = N_("other slides")


TITLE_AND_SUBTITLE = N_("a title and a subtitle placeholder")


TITLE_AND_CONTENT = N_("a title and a content placeholder")


_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"


_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


class TemplateProblem(Exception):
    """A slide template that cannot make a deck; :attr:`problem` says why, in the reader's language."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render("en"))
        self.problem = problem


class DeckTemplate:
    """A slide template, checked once and read again for every deck: the two layouts a deck needs, found
    by their placeholders (see the module's docstring)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or DEFAULT_DECK_TEMPLATE
        try:
            self._bytes = _template_bytes(self.path)
            presentation = self._open()
            self._title_layout = _layout_index(
                presentation, _is_title_layout, TITLE_AND_SUBTITLE, TITLE_SLIDE, self.path
            )
            self._content_layout = _layout_index(
                presentation, _is_content_layout, TITLE_AND_CONTENT, CONTENT_SLIDES, self.path
            )
        except TemplateProblem:
            raise
        except Exception as error:  # a part python-pptx cannot make sense of, a damaged zip entry
            raise TemplateProblem(Problem(Place(self.path), TEMPLATE_UNREADABLE)) from error

    def _open(self) -> Presentation:
        from pptx import Presentation

        try:
            return Presentation(io.BytesIO(self._bytes))
        except Exception as error:  # python-pptx raises many kinds for a file it cannot read
            raise TemplateProblem(Problem(Place(self.path), TEMPLATE_UNREADABLE)) from error

    def new(self) -> tuple[Presentation, SlideLayout, SlideLayout]:
        """A presentation of the template without its own slides, and its title and content layouts."""
        presentation = self._open()
        slides = presentation.slides._sldIdLst
        for entry in list(slides):
            presentation.part.drop_rel(entry.rId)
            slides.remove(entry)
        layouts = [layout for master in presentation.slide_masters for layout in master.slide_layouts]
        return presentation, layouts[self._title_layout], layouts[self._content_layout]


def template_problem(path: Path | None) -> Problem | None:
    """Why *path* cannot serve as the deck's template, or None: asked before anything is rendered."""
    try:
        DeckTemplate(path)
    except TemplateProblem as error:
        return error.problem
    return None


def _template_bytes(path: Path) -> bytes:
    """The template's bytes as python-pptx reads them: a .potx is a presentation under another content
    type."""
    if path.suffix.lower() not in TEMPLATE_SUFFIXES:
        raise TemplateProblem(Problem(Place(path), TEMPLATE_WRONG_KIND, {"name": path.name}))
    log = ProblemLog()
    if not path.is_file() or not zipfile.is_zipfile(path) or not check_zip(path, log):
        raise TemplateProblem(Problem(Place(path), TEMPLATE_UNREADABLE))
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in archive.namelist() else b""
        if _TEMPLATE_TYPE not in types:
            return data
        members = [(info, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as presentation:
        for info, content in members:
            if info.filename == "[Content_Types].xml":
                content = content.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
            presentation.writestr(info, content)
    return buffer.getvalue()


def _kinds(layout) -> list:
    return [shape.placeholder_format.type for shape in layout.placeholders]


def _is_title_layout(layout) -> bool:
    from pptx.enum.shapes import PP_PLACEHOLDER

    kinds = _kinds(layout)
    return PP_PLACEHOLDER.SUBTITLE in kinds and bool(
        {PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE} & set(kinds)
    )


def _content_layouts(kind):
    """Whether a layout has a title and one content placeholder of *kind*, both set horizontally, and
    nothing else but the footer's date, text and slide number."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    footer = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER}

    def fits(layout) -> bool:
        if any(shape._element.ph.get("orient") == "vert" for shape in layout.placeholders):
            return False
        kinds = [kind for kind in _kinds(layout) if kind not in footer]
        return sorted(kinds) == sorted([PP_PLACEHOLDER.TITLE, kind])

    return fits


def _is_content_layout(layout) -> bool:
    """Title and content: preferably a content placeholder (table, chart or text), else a text one."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    return _content_layouts(PP_PLACEHOLDER.OBJECT)(layout) or _content_layouts(PP_PLACEHOLDER.BODY)(layout)


def _layout_index(presentation, fits, placeholders: str, slides: str, path: Path) -> int:
    """The first of the template's layouts that *fits*, counted over all its slide masters; for the
    content layout, one with a content placeholder before one with a text placeholder (a section header
    has a title and text too)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    layouts = [layout for master in presentation.slide_masters for layout in master.slide_layouts]
    tests = [_content_layouts(PP_PLACEHOLDER.OBJECT), _content_layouts(PP_PLACEHOLDER.BODY)]
    for test in tests if fits is _is_content_layout else [fits]:
        for index, layout in enumerate(layouts):
            if test(layout):
                return index
    params = {"placeholders": Phrase(Message(placeholders)), "slides": Phrase(Message(slides))}
    raise TemplateProblem(Problem(Place(path), TEMPLATE_LAYOUT_MISSING, params))
