"""A report laid out in parts, joined into one PDF that reads as if laid out in one.

The first part, the *front*, is laid out with a blank page holding the anchors of the other parts (see
:mod:`reportgen.views.portfolio.parts`), so that its links to them are made. No part waits for another:
each is laid out with its running footer's page number hidden, and the numbers ("page x of y") are laid
out apart, alone on pages of their own, once the parts' pages are counted. Joining replaces the front's
blank page by the parts' pages, sets each page of numbers over its page, and carries over what makes
the document whole:

- the structure tree (PDF/UA): each part's elements become children of the report's document element,
  and the parent tree that ties marked content and links to them is numbered on. The page numbers are
  marked as artifacts, as pagination is;
- the named destinations, so that a link in the front leads to its account's page in a part;
- the bookmarks, nested under the bookmark the parts' headings belong to.

The front keeps its metadata, its language and, for an archive, its attached files and PDF/A's output
intent. Saved with a deterministic ID, the same parts give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageNumbers:
    """Where a part of a report begins and how many pages the whole report has: what its running footer
    says instead of its own page numbers and count."""

    first: int
    total: int

    def stylesheet(self) -> str:
        """The page counter reset on the part's first page, and the count written out. A reset takes the
        page's own increment away, so the first page shows *first* itself."""
        return (
            f"@page :first {{ counter-reset: page {self.first}; }}\n"
            f'.page-count::after {{ content: "{self.total}"; }}\n'
        )


PAGE_NUMBER = "/PageNumber{}"
"""The name of the form that draws a page's number over it, in the page's resources: each page its own,
since WeasyPrint gives every page of a document the same resources."""


class JoinFailed(Exception):
    """The parts do not fit the pages the front kept for them."""


def join_parts(front: bytes, parts: Sequence[bytes], numbers: Sequence[bytes]) -> bytes:
    """*front* with its last page, kept blank, replaced by the pages of *parts*, in order, and every page
    numbered by the pages of *numbers*, in order.

    The bookmarks of the first part are put under the front's last top-level bookmark (the report's title);
    those of the later parts under the last bookmark the first put there (the appendix's heading, which
    only the first part has).
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(front)) as joined:
        opened = [pikepdf.open(io.BytesIO(part)) for part in parts]
        numbered = [pikepdf.open(io.BytesIO(pages)) for pages in numbers]
        try:
            kept = len(joined.pages) - 1
            if kept < 1:
                raise JoinFailed("the front has no page but the one kept blank")
            tree = joined.Root.StructTreeRoot
            document = _document_element(tree)
            parent_tree = pikepdf.NumberTree(tree.ParentTree)
            _drop_pages(joined, kept, document, parent_tree)
            dests = _named_destinations(joined)
            outlines = [_graft(joined, part, document, parent_tree, dests) for part in opened]
            _number_pages(joined, [(pdf, page) for pdf in numbered for page in pdf.pages])
        finally:
            for pdf in (*opened, *numbered):
                pdf.close()
        _write_destinations(joined, dests)
        _nest_outlines(joined, outlines)
        _share_identical_font_files(joined)
        out = io.BytesIO()
        joined.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return out.getvalue()


def _number_pages(joined, numbers: list[tuple[Any, Any]]) -> None:
    """Each page of *joined* with its page of *numbers* (each with its document) set over it, as an
    artifact: the numbers were laid out as text of their own document, whose marked content means nothing
    in this one's structure."""
    import pikepdf

    if len(numbers) != len(joined.pages):
        raise JoinFailed(f"{len(numbers)} pages of numbers for {len(joined.pages)} pages")
    for index, (page, (owner, number)) in enumerate(zip(joined.pages, numbers, strict=True), start=1):
        marked = pikepdf.parse_content_stream(number)
        artifacts = [
            ([pikepdf.Name.Artifact], pikepdf.Operator("BMC"))
            if str(operator) == "BDC"
            else (operands, operator)
            for operands, operator in marked
        ]
        number.obj.Contents = owner.make_stream(pikepdf.unparse_content_stream(artifacts))
        # Placed by hand rather than with Page.add_overlay, which names the form at random: the same report
        # must give the same bytes.
        form = number.as_form_xobject()
        name = page.add_resource(
            form, pikepdf.Name.XObject, pikepdf.Name(PAGE_NUMBER.format(index)), replace_existing=False
        )
        placed = page.calc_form_xobject_placement(form, name, pikepdf.Rectangle(page.trimbox))
        page.contents_add(b"q\n", prepend=True)
        page.contents_add(b"Q\n/Artifact BMC\n" + placed + b"EMC\n")


def _document_element(tree) -> Any:
    """The structure tree's single document element, which every other element descends from."""
    import pikepdf

    kids = tree.K
    return kids[0] if isinstance(kids, pikepdf.Array) else kids


def _kids(element) -> list:
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _drop_pages(joined, kept: int, document, parent_tree) -> None:
    """Remove the pages from *kept* on, with the structure elements and parent tree entries of theirs."""
    import pikepdf

    removed = {joined.pages[i].obj.objgen for i in range(kept, len(joined.pages))}
    for page in joined.pages[kept:]:
        keys = [page.obj.get("/StructParents")]
        keys += [annotation.get("/StructParent") for annotation in page.obj.get("/Annots", [])]
        for key in keys:
            if key is not None and int(key) in parent_tree:
                del parent_tree[int(key)]
    del joined.pages[kept:]

    def on_removed_page(node) -> bool:
        page = node.get("/Pg") if isinstance(node, pikepdf.Dictionary) else None
        return page is not None and page.objgen in removed

    def prune(element) -> bool:
        """Drop *element*'s kids on the removed pages; whether that left it without any."""
        kids = _kids(element)
        if not kids:
            return False
        left = [kid for kid in kids if not on_removed_page(kid)]
        left = [
            kid for kid in left if not (isinstance(kid, pikepdf.Dictionary) and "/S" in kid and prune(kid))
        ]
        element.K = pikepdf.Array(left)
        return not left

    prune(document)


def _named_destinations(pdf) -> dict[bytes, Any]:
    """The named destinations of *pdf*, which WeasyPrint writes as one flat name tree."""
    import pikepdf

    names = pdf.Root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, pikepdf.Dictionary) else None
    flat = tree.get("/Names") if isinstance(tree, pikepdf.Dictionary) else None
    if flat is None:
        return {}
    return {bytes(flat[i]): flat[i + 1] for i in range(0, len(flat), 2)}


def _copied(joined, destination) -> Any:
    """A destination of a part, [page, /XYZ, x, y, zoom], with its page as copied into *joined*."""
    import pikepdf

    page, *spot = list(destination)
    return pikepdf.Array([joined.copy_foreign(page), *spot])


def _write_destinations(joined, dests: dict[bytes, Any]) -> None:
    """*dests* as the document's flat name tree, sorted by name as the PDF specification requires."""
    import pikepdf

    if not dests:
        return
    if "/Names" not in joined.Root:
        joined.Root.Names = pikepdf.Dictionary()
    flat = [item for name in sorted(dests) for item in (pikepdf.String(name), dests[name])]
    joined.Root.Names.Dests = pikepdf.Dictionary(Names=pikepdf.Array(flat))


def _graft(joined, part, document, parent_tree, dests: dict[bytes, Any]) -> list:
    """The pages of *part* appended to *joined*, with their structure elements, parent tree entries and
    named destinations; returns the part's bookmarks, made for *joined*."""
    import pikepdf

    offset = max((int(key) for key, _ in parent_tree.items()), default=-1) + 1
    first = len(joined.pages)
    joined.pages.extend(part.pages)
    for page in joined.pages[first:]:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    tree = part.Root.StructTreeRoot
    copied = joined.copy_foreign(_document_element(tree))
    for key, value in pikepdf.NumberTree(tree.ParentTree).items():
        if isinstance(value, pikepdf.Array):  # a page's marked content, an element for each
            elements = [joined.copy_foreign(e) if isinstance(e, pikepdf.Dictionary) else e for e in value]
            entry = pikepdf.Array(elements)
        else:  # a link annotation's element
            entry = joined.copy_foreign(value)
            elements = [entry]
        for element in elements:
            _adopt(element, copied, document)
        parent_tree[int(key) + offset] = entry
    kids = _kids(document)
    for kid in _kids(copied):
        kid.P = document
        kids.append(kid)
    document.K = pikepdf.Array(kids)
    dests.update(
        (name, _copied(joined, destination)) for name, destination in _named_destinations(part).items()
    )
    with part.open_outline() as outline:
        return [_bookmark(joined, item) for item in outline.root]


def _adopt(element, copied, document) -> None:
    """*element*'s line of parents ended at the report's *document* element instead of the part's, *copied*.
    WeasyPrint gives the running header and footer elements that parent without listing them among its
    kids: left pointing to the copy, they would bring the part's whole structure tree into the file again."""
    import pikepdf

    node = element
    while isinstance(node, pikepdf.Dictionary) and (parent := node.get("/P")) is not None:
        if parent.objgen == copied.objgen:
            node.P = document
            return
        if parent.objgen == document.objgen:
            return
        node = parent


def _bookmark(joined, item) -> Any:
    """A bookmark of a part, with its children, made anew for *joined*."""
    from pikepdf import OutlineItem

    made = OutlineItem(item.title, destination=_copied(joined, item.destination))
    made.is_closed = item.is_closed
    made.children.extend(_bookmark(joined, child) for child in item.children)
    return made


def _nest_outlines(joined, outlines: list[list]) -> None:
    """The parts' bookmarks put in the front's outline (see :func:`join_parts`)."""
    with joined.open_outline() as outline:
        roots = outline.root
        under = roots[-1].children if roots else roots
        for index, bookmarks in enumerate(outlines):
            target = under if index == 0 or not under else under[-1].children
            target.extend(bookmarks)


FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _share_identical_font_files(joined) -> None:
    """One copy of each font file the parts embed alike: where fonts are embedded whole, every part
    carries the same files, which would otherwise be written once a part."""
    import hashlib

    import pikepdf

    first: dict[tuple[str, bytes], Any] = {}
    for obj in joined.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.FontDescriptor:
            continue
        for key in FONT_FILES:
            stream = obj.get(key)
            if not isinstance(stream, pikepdf.Stream):
                continue
            described = repr(sorted(stream.stream_dict.items())).encode()
            digest = hashlib.sha256(stream.read_raw_bytes() + described).digest()
            obj[key] = first.setdefault((key, digest), stream)
