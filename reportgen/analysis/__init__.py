"""From assessments to figures, pure functions only: indices, balance and zones per view; rebalancing
proposals; accounts over time and their actions; the portfolio of a quarter; which accounts a run shows.
"""
