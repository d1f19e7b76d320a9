"""reportgen: partnership briefings for key account management.

The package is organised in stages, each a module: ``reading`` (workbooks → assessments),
``analysis`` (assessments → indices, zones, gaps), ``charts`` (matplotlib figures as SVG),
``briefing`` (the presentation-neutral view of one report), ``rendering`` (Jinja2 → HTML → PDF)
and ``cli``. Heavy libraries are imported inside the stages so ``reportgen --help`` stays instant.

For analysts, ``reportgen.load("input/")`` gives the figures as pandas DataFrames and the reports as
bytes (:mod:`reportgen.api`). It is imported when first used, so that ``import reportgen`` and the
command line never load pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.api import Dataset, InputError, load

__version__ = "0.1.0"
__all__ = ["Dataset", "InputError", "__version__", "load"]
_API = ("Dataset", "InputError", "load")


def __getattr__(name: str):
    if name in _API:
        from reportgen import api

        return getattr(api, name)
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The API's names too, so that a notebook completes ``reportgen.lo…`` before the API is loaded."""
    return sorted({*globals(), *_API})
