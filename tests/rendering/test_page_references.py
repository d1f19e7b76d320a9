"""The page references pydyf lists are kept while the pages stay the same, and follow every page added."""

from __future__ import annotations

import pydyf

from reportgen.rendering.page_references import remember_page_references


def test_the_references_are_kept_until_a_page_is_added():
    remember_page_references(pydyf.PDF)
    remember_page_references(pydyf.PDF)  # a second renderer in the same process changes nothing
    pdf = pydyf.PDF()
    assert pdf.page_references == ()
    first = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(first)
    listed = pdf.page_references
    assert listed == (f"{first.number} 0 R".encode(),)
    assert pdf.page_references is listed  # not listed anew for the next tagged element
    second = pydyf.Dictionary({"Type": "/Page"})
    pdf.add_page(second)
    assert pdf.page_references == (f"{first.number} 0 R".encode(), f"{second.number} 0 R".encode())


def test_each_document_has_its_own_references():
    remember_page_references(pydyf.PDF)
    one, other = pydyf.PDF(), pydyf.PDF()
    one.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(one.page_references) == 1
    assert other.page_references == ()
