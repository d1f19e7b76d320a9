"""How full each page of a laid-out report is: the lowest text or image on it, as a share of the page's
content area (between the margins, header and footer aside)."""

from __future__ import annotations


def _lowest(box, lowest: float) -> float:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox):
        return lowest  # the running header and footer are on every page
    if isinstance(box, (boxes.TextBox, boxes.ReplacedBox)) and box.height:
        lowest = max(lowest, box.position_y + box.margin_height())
    for child in getattr(box, "children", ()):
        lowest = _lowest(child, lowest)
    return lowest


def page_fills(document) -> list[float]:
    """Each page's fill, 0 (empty) to 1 (text down to the bottom margin), of a WeasyPrint document as
    :meth:`reportgen.rendering.Renderer.layout` returns it."""
    fills = []
    for page in document.pages:
        box = page._page_box
        top = box.content_box_y()
        bottom = top + box.height
        fills.append(max(0.0, (_lowest(box, top) - top) / (bottom - top)))
    return fills
