"""The briefing as a whole: which sections a briefing has, where its proposal stands, and that its sections
stand on their own."""

from __future__ import annotations

from reportgen.rendering import Renderer
from tests.views.briefing.conftest import ANNA, DORA, view_of, voices


def test_one_rater_gets_the_briefing_of_before(three):
    analysis = voices(three, {ANNA: [(4, 3)] * 3})
    view = view_of(analysis)
    assert view.summary.questionnaire_command is None
    assert view.summary.key_account_view is None
    assert view.perception is None and view.team is None
    assert not view.profile.team_dots


def test_the_proposal_follows_the_team_with_several_voices_and_precedes_the_questions_without(three):
    """With several voices the last page is full and the team's page has room; a single rater's briefing
    has room before its coaching questions, so it keeps four pages where it can."""
    team = Renderer().briefing_html(view_of(voices(three, {ANNA: [(4, 2)] * 3, DORA: [(2, 4)] * 3})))
    assert team.index('class="team"') < team.index('class="proposal"') < team.index('class="factors"')
    alone = Renderer().briefing_html(view_of(voices(three, {ANNA: [(4, 2)] * 3})))
    assert alone.index('class="factors"') < alone.index('class="proposal"') < alone.index('class="coaching"')
