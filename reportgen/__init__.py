"""reportgen: partnership briefings for key account management.

The package is organised in stages, one package each, and each imports only from those listed below it
(the import contract in ``pyproject.toml`` keeps it so):

- ``cli`` and ``api``: the command line, and the figures and reports for analysts (``reportgen.load``);
- ``commands``: one module per command, and how a run goes (worker processes, time limits, the console);
- ``charts``, ``rendering`` and ``outputs``: SVG charts; HTML and PDF; exports, the fillable workbooks,
  file names and make's records;
- ``views``: what each report shows, section by section, in the report's language;
- ``analysis``: pure functions from assessments to indices, zones, plans, histories and the portfolio;
- ``reading``: workbooks and CSV files in, assessments out, one per account, period and team;
- ``model``: the typed objects passed between the stages, and the catalog;
- ``common``: languages, rounding, problems, settings, the project's files and safe writing.

Heavy libraries are imported inside the stages, so ``reportgen --help`` stays instant. For analysts,
``reportgen.load("input/")`` gives the figures as pandas DataFrames and the reports as bytes
(:mod:`reportgen.api`). It is imported when first used, so that ``import reportgen`` and the command
line never load pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.api import Dataset, InputError, load

__version__ = "0.2.0"
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
