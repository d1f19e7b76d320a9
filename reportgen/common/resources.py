"""Where the project's own data lives: templates, assets, message catalogs and the default criteria.

In a source checkout (the way ``make`` installs the package, editable) they sit at the top of the
project; a built wheel carries copies under ``reportgen/_data``. Rendering reads files from these
folders only.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_BUNDLED = _PACKAGE_DIR / "_data"
_CHECKOUT = _PACKAGE_DIR.parent


def _data_dir(name: str) -> Path:
    bundled = _BUNDLED / name
    return bundled if bundled.is_dir() else _CHECKOUT / name


TEMPLATES_DIR = _data_dir("templates")
ASSETS_DIR = TEMPLATES_DIR / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
LOCALES_DIR = _data_dir("locales")
CRITERIA_DIR = _data_dir("criteria")
DEFAULT_CATALOG = CRITERIA_DIR / "efkam-partnership.yaml"
