"""The factor profile: every factor, the unrated one too, in the report's language."""

from __future__ import annotations

from reportgen.charts import factor_profile
from tests.charts.conftest import texts


def test_profile_shows_every_factor_and_the_unrated_one(analysis, catalog):
    words = texts(factor_profile(analysis, catalog, "de"))
    for number, factor in enumerate(catalog.factors, start=1):
        assert f"{number}  {factor.short.de}" in words
    assert words.count("nicht bewertet") == 1
    assert "Lieferant (wir)" in words and "Wir investieren mehr" in words
    assert "5 voll und ganz" in words


def _profile_marks(analysis, catalog, lang):
    """The scatter points and the texts the profile draws on its axes, and its legends' words."""
    from reportgen.charts.profile import drawn_profile

    with drawn_profile(analysis, catalog, lang) as figure:
        (axes,) = figure.axes
        points = [tuple(p) for c in axes.collections if hasattr(c, "get_offsets") for p in c.get_offsets()]
        marks = [(t.get_text(), t.get_position()[1]) for t in axes.texts]
        legend = [t.get_text() for legend in figure.legends for t in legend.get_texts()]
        return points, marks, legend


def test_each_rater_of_our_team_is_a_small_dot_of_each_side_beside_its_row(team, catalog):
    """Our investment's dots above the row, the key account's below, one per rater who rated that side,
    at that rater's score."""
    from tests.charts.conftest import team_scores

    points, _, _ = _profile_marks(team, catalog, "de")
    dots = [(x, y) for x, y in points if not float(y).is_integer()]
    scores = team_scores(catalog)
    for row in range(len(catalog.factors)):
        for side, above in ((0, True), (1, False)):
            expected = sorted(s[row][side] for s in scores.values() if s[row][side] is not None)
            drawn = sorted(round(x) for x, y in dots if round(y) == row and (y < row) == above)
            assert drawn == expected, (row, side)


def test_factors_the_team_disagrees_on_are_marked_and_the_marks_explained(team, catalog):
    assert [f.number for f in team.disagreements] == [1]  # C gave 1 where A and B gave 4
    for lang, dots, differs in (
        ("de", "Bewertung jeder Person unseres Teams", "Unser Team liegt 2 Punkte oder mehr auseinander"),
        ("en", "Score of each rater in our team", "Our team differs by 2 points or more"),
    ):
        _, marks, legend = _profile_marks(team, catalog, lang)
        assert [row for text, row in marks if text == "!"] == [0]
        assert dots in legend
        assert any(text.startswith(differs) for text in legend)


def test_with_one_rater_the_profile_draws_nothing_of_a_team(analysis, catalog, monkeypatch):
    """One rater: no dots, no marks, no second legend row; the team's drawing is never reached, and a
    team's profile drawn before does not leave its ground behind."""
    from reportgen.charts import profile
    from reportgen.charts.style import forget_grounds

    forget_grounds()
    alone = factor_profile(analysis, catalog, "de")
    points, marks, legend = _profile_marks(analysis, catalog, "de")
    assert all(float(y).is_integer() for _, y in points)
    assert "!" not in [text for text, _ in marks]
    assert "Bewertung jeder Person unseres Teams" not in legend

    def never(*args, **kwargs):
        raise AssertionError("a team's drawing for one rater")

    with monkeypatch.context() as patched:
        for name in ("_draw_raters", "_mark_disagreements", "_team_legend"):
            patched.setattr(profile, name, never)
        forget_grounds()
        assert factor_profile(analysis, catalog, "de") == alone
    forget_grounds()


def test_a_team_profile_and_a_single_raters_profile_keep_their_own_grounds(analysis, team, catalog):
    from reportgen.charts.style import forget_grounds

    forget_grounds()
    alone, together = factor_profile(analysis, catalog, "en"), factor_profile(team, catalog, "en")
    forget_grounds()
    assert factor_profile(team, catalog, "en") == together
    assert factor_profile(analysis, catalog, "en") == alone
    assert "Score of each rater in our team" in texts(together)
    assert "Score of each rater in our team" not in texts(alone)
