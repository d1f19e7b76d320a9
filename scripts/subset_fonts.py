"""Make the report fonts in templates/assets/fonts/ from Source Sans Pro in fonts/ (run:
.venv/bin/python scripts/subset_fonts.py).

Why: WeasyPrint cuts every embedded font down to the glyphs a document uses. With HarfBuzz's subsetter
(libharfbuzz-subset0) that takes milliseconds; without it, as on a fresh Debian or Ubuntu machine,
WeasyPrint falls back to fontTools, which spent about a second of every briefing on the four faces of
1,942 glyphs each. Cut once, here, to the Latin scripts of Europe (about 390 glyphs and 32 KB a face),
the faces can be embedded whole without that step and a briefing stays small; see
reportgen/rendering/fonts.py for when that is done. Hinting goes (PDF viewers do not use it), and so do
glyph substitutions: a ligature such as "ff" is a glyph of its own that no character maps to, and a PDF
embedding the face whole could not say which letters it stands for, so "Baustoffe" would be found,
copied and read aloud as "Bausto e". Kerning stays.

The SIL Open Font License reserves the name "Source" for the original, so the cut faces are called
Reportgen Sans. Their glyphs, metrics and kerning are the original's: pages look the same, but for
"ff", "fi" and "fl", now set as two letters.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "fonts"
TARGET_DIR = ROOT / "templates" / "assets" / "fonts"
FACES = {
    "SourceSansPro-Regular.ttf": "ReportgenSans-Regular.ttf",
    "SourceSansPro-Semibold.ttf": "ReportgenSans-Semibold.ttf",
    "SourceSansPro-Bold.ttf": "ReportgenSans-Bold.ttf",
    "SourceSansPro-It.ttf": "ReportgenSans-Italic.ttf",
}
CHARACTERS = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1: Western European letters, no-break space, §, °, ±, ·, «»
    (0x0100, 0x017F),  # Latin Extended-A: Polish, Czech, Slovak, Hungarian, Turkish, Baltic, Croatian …
    (0x0218, 0x021B),  # Romanian ș ț
    (0x2009, 0x2009),  # thin space (not in Source Sans; listed so a future face with it keeps it)
    (0x2010, 0x2015),  # hyphens and dashes
    (0x2018, 0x201E),  # quotes ‚ ‘ ’ “ ” „
    (0x2020, 0x2022),  # † ‡ •
    (0x2026, 0x2026),  # …
    (0x202F, 0x2030),  # narrow no-break space, ‰
    (0x2039, 0x203A),  # ‹ ›
    (0x20AC, 0x20AC),  # €
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),  # minus
    (0x2264, 0x2265),  # ≤ ≥
)
NAMES = {"Source Sans Pro": "Reportgen Sans", "SourceSansPro": "ReportgenSans", "-It": "-Italic"}
NOTE = (
    "Reportgen Sans: Source Sans Pro by Adobe, cut to the Latin scripts of Europe and renamed, as the "
    "SIL Open Font License asks of a modified version. Made by scripts/subset_fonts.py."
)
DESCRIPTION_ID = 10


def unicodes() -> list[int]:
    return [code for first, last in CHARACTERS for code in range(first, last + 1)]


def renamed(text: str) -> str:
    for old, new in NAMES.items():
        text = text.replace(old, new)
    return text


def cut(source: Path, target: Path) -> None:
    options = subset.Options()
    options.hinting = False
    options.drop_tables += ["DSIG", "BASE", "GSUB"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 3, 4, 6, 16):
            record.string = renamed(record.toUnicode())
    names.setName(NOTE, DESCRIPTION_ID, 3, 1, 0x409)
    names.setName(NOTE, DESCRIPTION_ID, 1, 0, 0)
    font.save(target)


def main() -> None:
    for source, target in FACES.items():
        cut(SOURCE_DIR / source, TARGET_DIR / target)
        print(f"{TARGET_DIR / target}: {(TARGET_DIR / target).stat().st_size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
