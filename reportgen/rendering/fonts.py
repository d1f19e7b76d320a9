"""Whether a PDF embeds its fonts whole or cut to the glyphs it uses: the one choice that decides how
fast a PDF is written on a machine without HarfBuzz's subsetter.

WeasyPrint cuts every font it embeds down to the glyphs a document uses. With libharfbuzz-subset0 this
is quick and gives the smallest file. Without it, as on a fresh Debian or Ubuntu machine, WeasyPrint
cuts with fontTools, which cost most of a briefing's writing. The bundled faces are already cut to the
Latin scripts of Europe (scripts/subset_fonts.py), small enough to embed whole, so on such a machine a
document whose every character they hold is written with ``full_fonts`` and skips the step.

A character they lack (Cyrillic, Greek, an emoji) comes from a system font through Pango. Whole, such a
font would add hundreds of kilobytes, so a document with one is still cut, the slow way but small.
"""

from __future__ import annotations

import base64
import html
import re
from functools import cache

from reportgen.common.resources import FONTS_DIR

_EMBEDDED_SVG = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")


@cache
def bundled_characters() -> frozenset[str]:
    """The characters every bundled face holds: a character only some faces have (the italic lacks
    what the upright faces hold, in a fuller cut) would still reach a system font in those faces."""
    from fontTools.ttLib import TTFont

    covered: frozenset[str] | None = None
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font = TTFont(path, lazy=True)
        characters = frozenset(chr(code) for code in font.getBestCmap())
        covered = characters if covered is None else covered & characters
        font.close()
    return covered or frozenset()


def document_characters(markup: str, stylesheets: tuple[str, ...] = ()) -> set[str]:
    """Every character the document can show: its text, attributes and the text of its SVG charts.

    Markup and attributes count too; they are Basic Latin or text (alt texts) and only ever make the
    answer more careful, never wrong."""
    characters = set(html.unescape(markup))
    for encoded in _EMBEDDED_SVG.findall(markup):
        characters.update(html.unescape(base64.b64decode(encoded).decode("utf-8")))
    for sheet in stylesheets:
        characters.update(sheet)
    return characters


def harfbuzz_subsets() -> bool:
    """Whether WeasyPrint cuts fonts with HarfBuzz, the fast way: libharfbuzz-subset0 is found and
    HarfBuzz is 4.1 or newer (WeasyPrint's own condition; older releases fall back to fontTools)."""
    from weasyprint.pdf import fonts

    if getattr(fonts, "harfbuzz_subset", None) is None:
        return False
    return bool(fonts.harfbuzz.hb_version_atleast(4, 1, 0))


def embed_whole_fonts(markup: str, stylesheets: tuple[str, ...] = ()) -> bool:
    """Embed the fonts whole (no cutting) when cutting would be slow and the bundled faces hold every
    character, so that no system font is embedded whole."""
    if harfbuzz_subsets():
        return False
    return document_characters(markup, stylesheets) <= bundled_characters() | {"\n", "\r", "\t"}
