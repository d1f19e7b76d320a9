"""The trend chart: S and K quarter by quarter, both visible where they are the same."""

from __future__ import annotations

import numpy as np

from reportgen.analysis.history import past_of
from reportgen.charts.style import KEY_ACCOUNT_COLOUR, SUPPLIER_COLOUR
from reportgen.charts.trend import trend_figure


def _pixels_near(figure, axes, x: float, y: float, colour: str, reach: int = 7) -> int:
    """How many pixels within *reach* of the data point (x, y) are drawn in *colour* (or near it)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_rgb

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    image = np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)
    px, py = axes.transData.transform((x, y))
    row, column = round(float(image.shape[0] - py)), round(float(px))
    window = image[row - reach : row + reach + 1, column - reach : column + reach + 1]
    target = np.array([round(c * 255) for c in to_rgb(colour)])
    return int((np.abs(window - target).sum(axis=2) < 40).sum())


def test_s_and_k_on_the_same_value_both_stay_visible(workload):
    """Nordhafen Logistik 2026-Q2: S 88 and K 88. K's marker used to hide S's whole; now S's ring shows
    around it, in every quarter where the two are the same."""
    (nordhafen,) = [
        a
        for a in workload.analyses
        if a.assessment.account.name == "Nordhafen Logistik AG" and str(a.assessment.period) == "2026-Q3"
    ]
    timeline = past_of(nordhafen, workload.history_of(nordhafen)).timeline
    same = [
        i
        for i, p in enumerate(timeline)
        if p.analysis and p.analysis.supplier_index == p.analysis.key_account_index
    ]
    assert same  # 2026-Q2
    figure = trend_figure(timeline, "en")
    (axes,) = figure.axes
    for index in same:
        value = timeline[index].analysis.supplier_index
        assert _pixels_near(figure, axes, index, value, SUPPLIER_COLOUR) >= 12
        assert _pixels_near(figure, axes, index, value, KEY_ACCOUNT_COLOUR) >= 12
