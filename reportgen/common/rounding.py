"""How figures are rounded: once, where they are computed, to what a report shows.

A reader checks the sums. If S 69.6 and K 48.4 were kept exact and rounded only when printed, the
report would show "S 70 · K 48 · S − K +21", and a balance of 10.4 would read "+10" while sitting in
the frustration zone of a report that says "within ±10 is balanced". So the analysis rounds once:

- a factor's score (the mean of its raters) to one decimal, as reports print it;
- the indices S and K to whole points, halves up (62.5 → 63);

and everything else is computed from those figures: the balance S − K, the zone (so a shown +10 is
balanced and a shown +11 is not), a factor's gap, every change since an earlier quarter. Only the
unrounded indices are kept beside them, for exports that average many accounts.
"""

from __future__ import annotations

import math

SCORE_DIGITS = 1
"""Decimals of a factor's score and its gap."""

NOISE_DIGITS = 6
"""Decimals kept, counted from the last digit shown, when a figure is cleaned of binary noise before it is
rounded or compared: far finer than any difference a report shows, far coarser than the noise of computing
a mean (about 10⁻¹⁴). So an index of 62.4999996 is the half 62.5 and shows 63, one of 62.499999 shows 62."""


def half_up(value: float, digits: int = 0) -> float:
    """*value* rounded to *digits* decimals, halves away from zero (Python's round() goes to even).

    The value is first cleaned of binary noise, so a true 62.5 computed as 62.49999999999 still
    rounds up.
    """
    scale = 10**digits
    cleaned = round(abs(value) * scale, NOISE_DIGITS)
    return math.copysign(math.floor(cleaned + 0.5), value) / scale


def whole_points(index: float) -> int:
    """An index (0–100) as reports show it."""
    return int(half_up(index))


def shown_score(score: float) -> float:
    """A factor's score as reports show it."""
    return half_up(score, SCORE_DIGITS)


def reaches(value: float, threshold: float) -> bool:
    """Whether *value* is at least *threshold*, free of binary noise: scores of 1.3 and 3.3 are 2 points
    apart, though 3.3 − 1.3 computes as 1.9999999999999998."""
    return round(value - threshold, NOISE_DIGITS) >= 0


def as_written(value: float) -> float | int:
    """A number as a person writes it: a whole amount without decimals (``4800000``, where a float reads
    ``4800000.0``), a fractional one as it is."""
    return int(value) if value.is_integer() else value
