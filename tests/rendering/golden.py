"""The golden HTML: the example reports as the templates make them, kept under tests/output/.

The golden test compares each report's HTML with its file, character for character, so that a changed
label, a lost section or a reordered table is seen, not only what survives in a PDF's extracted text.
Charts are stand-ins (matplotlib's SVG differs between versions and would bury the text) and the day a
report was made is fixed. WeasyPrint is not needed: the HTML is made before any layout.

After an intended change to a report, ``make golden`` (``python -m tests.rendering.golden``) rewrites the
files; read their diff before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "input"
GOLDEN_DIR = ROOT / "tests" / "output"
UPDATE_COMMAND = "make golden"
MADE_ON = date(2026, 11, 27)


def stand_in(chart: str) -> str:
    """A chart's place holder: it names the chart, so a chart moved or lost still shows in the HTML."""
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><title>{chart}</title></svg>'


@dataclass(frozen=True)
class Case:
    kind: str
    """"briefing" or "portfolio": the folder below tests/output/."""
    stem: str
    """The report's name, as its PDF is named."""
    lang: str
    make: Callable[[], str]

    @property
    def path(self) -> Path:
        return GOLDEN_DIR / self.kind / f"{self.stem}_{self.lang}.html"

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.path.name}"


@cache
def _workload():
    from reportgen.analysis.all_accounts import prepare
    from reportgen.common.resources import CRITERIA_DIR
    from reportgen.model.catalog import load_catalogs

    return prepare([EXAMPLES], load_catalogs(CRITERIA_DIR))


@cache
def _renderer():
    from reportgen.rendering import Renderer

    return Renderer()


def _briefing_html(account: str, period: str, lang: str) -> str:
    from reportgen.analysis.coaching import scale_back_benchmark
    from reportgen.views.briefing import BriefingCharts, build_briefing

    workload = _workload()
    (analysis,) = (
        a
        for a in workload.analyses
        if a.assessment.account.name == account and str(a.assessment.period) == period
    )
    history = workload.history_of(analysis)
    earlier = history.all_before(analysis.assessment.period)
    charts = BriefingCharts(
        diagram_svg=stand_in("partnership diagram"),
        profile_svg=stand_in("factor profile"),
        trend_svg=stand_in("trend") if earlier else None,
    )
    # measured against the quarter's accounts, as a run measures it (reportgen.commands.briefing)
    benchmark = scale_back_benchmark(analysis, workload.assessed_in(analysis.assessment.period))
    return _renderer().briefing_html(build_briefing(analysis, lang, MADE_ON, history, charts, benchmark))


def _portfolio_html(period: str, lang: str) -> str:
    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.model.assessment import Period
    from reportgen.views.portfolio import PortfolioCharts, build_portfolio

    workload = _workload()
    portfolio = analyse_portfolio(workload.histories, Period.parse(period), workload.catalogs.default)
    charts = PortfolioCharts(
        map_svg=stand_in("portfolio map"),
        diagrams=tuple(stand_in(f"diagram of {entry.name}") for entry in portfolio.entries),
        effort_svg=stand_in("effort and return"),  # the view shows them only where accounts give figures
        whale_svg=stand_in("whale curve"),
    )
    return _renderer().portfolio_html(build_portfolio(portfolio, lang, MADE_ON, charts))


def _briefing(stem: str, account: str, period: str, lang: str) -> Case:
    return Case("briefing", f"{stem}_{period}", lang, lambda: _briefing_html(account, period, lang))


def _portfolio(period: str, lang: str) -> Case:
    return Case("portfolio", f"portfolio_{period}", lang, lambda: _portfolio_html(period, lang))


CASES = (
    # Critical supplier frustration, moved there from a balanced zone; long comments shortened as drivers.
    *(_briefing("brandtner-praezisionstechnik-gmbh", "Brandtner Präzisionstechnik GmbH", "2026-Q3", lang)
      for lang in ("de", "en")),
    # Lean and balanced, a trend over a gap quarter, the first quarter assessed with catalog v0.9.
    *(_briefing("calloway-foods-ltd", "Calloway Foods Ltd", "2026-Q3", lang) for lang in ("de", "en")),
    # Its first assessment: no history, the earlier catalog's own words.
    _briefing("calloway-foods-ltd", "Calloway Foods Ltd", "2025-Q4", "en"),
    # The key account invests more; half points from the long CSV.
    _briefing("kessler-soehne-baustoffe-kg", "Kessler & Söhne Baustoffe KG", "2026-Q3", "de"),
    # Factors not rated on both sides, with comments; no revenue given. Three raters of our team and the
    # key account's own view, which puts the account in another zone: the headline then.
    *(_briefing("meridian-aerotech-inc", "Meridian Aerotech Inc.", "2026-Q3", lang) for lang in ("de", "en")),
    # A strategic partnership in balance; three raters of our team and the key account's own view agree.
    *(_briefing("nordhafen-logistik-ag", "Nordhafen Logistik AG", "2026-Q3", lang) for lang in ("de", "en")),
    *(_portfolio(period, lang) for period in ("2026-Q3", "2026-Q2") for lang in ("de", "en")),
    # One account, assessed for the first time: nothing moved, nothing to compare.
    _portfolio("2025-Q4", "de"),
)  # fmt: skip


def update() -> list[Path]:
    """Rewrite every golden file; those whose content changed are returned."""
    changed = []
    for case in CASES:
        html = case.make()
        if not case.path.exists() or case.path.read_text(encoding="utf-8") != html:
            case.path.parent.mkdir(parents=True, exist_ok=True)
            case.path.write_text(html, encoding="utf-8")
            changed.append(case.path)
    return changed


if __name__ == "__main__":
    changed = update()
    for path in changed:
        print(f"rewritten: {path.relative_to(ROOT)}")
    print(f"{len(changed)} of {len(CASES)} golden files changed.")
