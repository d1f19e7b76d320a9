"""The portfolio's view as a whole: the sections built from one portfolio share its rows, each section
showing them with the figures it is about."""

from __future__ import annotations

from tests.builders import Q3, make, portfolio_view, two_views


def test_without_a_key_account_view_the_portfolio_has_no_voices_and_marks_nothing(catalog):
    view = portfolio_view([make(catalog, "Alpha", Q3, 4, 2), make(catalog, "Beta", Q3, 5, 5)], catalog)
    assert view.voices is None
    assert view.cover.key_account_view_count == 0 and not view.questions.key_account_answers
    assert all(row.seen_as is None for row in view.questions.over_investing + view.questions.strategic)


def test_the_voices_name_both_zones_and_the_largest_gaps_and_the_answers_say_whose_view(catalog):
    from reportgen.model.findings import GapClass
    from reportgen.views.labels import gap_class_name, zone_name
    from reportgen.views.portfolio.voices import PERCEPTION_GAPS_SHOWN

    mirror = two_views(catalog, "Mirror", (4, 2), (2, 4))
    for lang in ("de", "en"):
        view = portfolio_view(
            [mirror, two_views(catalog, "Even", (5, 5), (5, 5)), make(catalog, "Alone", Q3, 3, 3)],
            catalog,
            lang,
        )
        voices = view.voices
        assert (voices.with_view, voices.account_count) == (("Mirror", "Even"), 3)
        assert view.cover.key_account_view_count == 2
        another_zone = {
            "de": "bei 1 davon ordnet sie den Account einer anderen Zone zu",
            "en": "in 1 of them it puts the account in another zone",
        }
        assert another_zone[lang] in view.cover.changes[-1]
        (item,) = voices.disagreements
        assert item.row.name == "Mirror"
        assert item.ours.zone_name == zone_name(mirror.zone, catalog, lang)
        assert item.theirs.zone_name == zone_name(mirror.key_account_view.zone, catalog, lang)
        assert (item.theirs.supplier_index, item.theirs.key_account_index) == (25, 75)
        assert len(voices.gaps) == PERCEPTION_GAPS_SHOWN and voices.gap_count == 32
        assert {gap.class_name for gap in voices.gaps} <= {
            gap_class_name(GapClass.UNSEEN_BY_ACCOUNT, lang),
            gap_class_name(GapClass.UNSEEN_BY_US, lang),
        }
        assert voices.gaps[0].difference == 2 and voices.gaps[0].number == 1
        assert voices.gaps[0].side_name == {"de": "Lieferant", "en": "Supplier"}[lang]
        questions = view.questions
        assert questions.key_account_answers
        assert [row.name for row in questions.over_investing] == []
        assert [d.row.name for d in questions.over_investing_in_our_view_only] == ["Mirror"]
        (even,) = questions.strategic
        marker = {"de": "aus Sicht des Key Accounts", "en": "as the key account sees it"}[lang]
        assert even.name == "Even" and even.seen_as == marker
        # the ranking stays our view, unmarked
        first = view.ranking.rows[0]
        assert (first.name, first.balance, first.seen_as) == ("Mirror", 50, None)
