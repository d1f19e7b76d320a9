"""What each report shows, in the report's language, as small typed objects the templates only lay out:
the briefing section by section, the key account's edition, the portfolio, and the words they share.
"""
