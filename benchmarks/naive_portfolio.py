"""The naive stand-in for a portfolio: what anyone would write with WeasyPrint and matplotlib.

The same files read, the same figures and charts, the same HTML, then WeasyPrint laying it out and
writing it in one piece, in one process, with its default options (no tags, fonts cut as WeasyPrint
cuts them), the report's own fonts loaded as WeasyPrint's documentation shows.

    .venv/bin/python benchmarks/naive_portfolio.py INPUT LANG OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from reportgen.analysis.all_accounts import prepare
    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.charts import portfolio_charts
    from reportgen.common.resources import ASSETS_DIR, DEFAULT_CATALOG, TEMPLATES_DIR
    from reportgen.common.settings import made_on
    from reportgen.model.catalog import load_catalog
    from reportgen.rendering import STYLES, Renderer
    from reportgen.views.portfolio import build_portfolio

    inputs, lang, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    catalog = load_catalog(DEFAULT_CATALOG)
    workload = prepare([inputs], catalog)
    portfolio = analyse_portfolio(workload.histories, workload.latest_period(), catalog)
    view = build_portfolio(portfolio, lang, made_on(), portfolio_charts(portfolio, lang))
    html = Renderer().portfolio_html(view)
    fonts = FontConfiguration()  # as WeasyPrint's documentation shows for @font-face
    sheets = [ASSETS_DIR / "base.css", ASSETS_DIR / f"{STYLES['portfolio.html']}.css"]
    stylesheets = [weasyprint.CSS(filename=str(sheet), font_config=fonts) for sheet in sheets]
    document = weasyprint.HTML(string=html, base_url=TEMPLATES_DIR.as_uri() + "/")
    document.write_pdf(out, stylesheets=stylesheets, font_config=fonts)


if __name__ == "__main__":
    main()
