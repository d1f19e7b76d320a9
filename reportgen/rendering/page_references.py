"""Page references listed once per page count, not once per question.

pydyf lists every page's reference anew each time ``PDF.page_references`` is read, and WeasyPrint's
structure tree reads it for each tagged element. A tagged PDF therefore took pages × elements steps to
write: for a portfolio of 1,000 accounts (about 550 pages, over 100,000 elements) that is more than the
whole layout. The list is kept with the number of pages it was made from and made again when a page has
been added, so every reader sees exactly what pydyf would give.
"""

from __future__ import annotations

from typing import Any

LISTED = "_reportgen_page_references"


def remember_page_references(pdf_class: Any) -> None:
    """Make *pdf_class* (``pydyf.PDF``) keep its list of page references while its pages stay the same."""
    if isinstance(pdf_class.__dict__.get("page_references"), _Remembered):
        return
    pdf_class.page_references = _Remembered(pdf_class.__dict__["page_references"])


class _Remembered:
    """A property that gives what *listed* gives, made once per count of pages."""

    def __init__(self, listed: property) -> None:
        self.listed = listed

    def __get__(self, pdf: Any, owner: type | None = None) -> Any:
        if pdf is None:
            return self
        kids = pdf.pages["Kids"]
        key = (id(kids), len(kids))
        kept = pdf.__dict__.get(LISTED)
        if kept is None or kept[0] != key:
            kept = (key, self.listed.__get__(pdf, owner))
            pdf.__dict__[LISTED] = kept
        return kept[1]
