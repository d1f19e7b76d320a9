"""The key account's deck, for the joint meeting: made from the key account's edition alone
(:class:`~reportgen.views.briefing.shared_edition.SharedBriefingView`), so that what that edition leaves
out – our zone, verdicts, revenue, names, internal comments and actions – cannot reach its slides, notes or
properties either."""

from __future__ import annotations

from reportgen.views.briefing.deck import Chart, Column, Deck, DeckWords, Picture, Slide, Table, actions_slide
from reportgen.views.briefing.shared_edition import SharedBriefingView


def shared_deck(view: SharedBriefingView) -> Deck:
    """The key account's deck: both companies' indices, the profile as the supplier rated it, the mutual
    action plan, the questions for the joint meeting and every factor as each company rated it. Built from
    the key account's view alone (see the module's docstring)."""
    _ = DeckWords(view.lang)
    cover = view.cover
    edition = _("Edition for %(account)s", account=view.account_name)
    if cover.supplier_name:
        companies = _(
            "%(account)s and %(supplier)s", account=cover.account_name, supplier=cover.supplier_name
        )
        ours = _("As %(company)s rated it", company=cover.supplier_name)
    else:
        companies = _("%(account)s and its supplier", account=cover.account_name)
        ours = _("As the supplier rated it")
    views = [(ours, cover.ours)]
    if cover.theirs is not None:
        views.append((_("As %(company)s rated it", company=cover.account_name), cover.theirs))
    indices = Table(
        (Column("", 2.6), *(Column(heading, 1.4, figures=True) for heading, _side in views)),
        (
            (_("Supplier index S"), *(_.format.number(side.supplier_index) for _h, side in views)),
            (_("Key account index K"), *(_.format.number(side.key_account_index) for _h, side in views)),
            (
                f"{_('Factors rated')} ({_('on both sides')})",
                *(f"{side.coverage.rated_both}/{side.coverage.total}" for _h, side in views),
            ),
        ),
    )
    method = _(
        "Each factor is rated twice: how much the supplier invests, and how much the key account invests. "
        "The indices S and K map the weighted scores of the factors rated on both sides onto 0 to 100."
    )
    if cover.theirs is None:
        method += " " + _(
            "So far only the supplier has rated; the key account's own ratings are welcome before the "
            "meeting."
        )
    slides = [
        Slide(
            title=_("Both sides' investment at a glance"),
            lead=_(
                "It is no verdict of one company on the other: where the ratings differ, the meeting is the "
                "place to find out why."
            ),
            points=(method,),
            table=indices,
            notes=_(
                "Both companies rated what each side invests. Explain S and K in a sentence, then ask the "
                "key account how it reads the figures."
            ),
        ),
        Slide(
            title=_("Factor profile"),
            lead=_(
                "How much each side invests per factor, on the scale from %(low)s to %(high)s, as the "
                "supplier's team rated it.",
                low=view.profile.scale.min,
                high=view.profile.scale.max,
            ),
            picture=Picture(Chart.PROFILE, view.profile.profile_alt),
            notes=_(
                "Each row of the chart is a factor, with a dot for what each side invests in it. Where the "
                "dots lie far apart, ask the key account how it sees that factor before explaining ours."
            ),
        ),
    ]
    if view.mutual_actions is not None:
        slides.append(actions_slide(view.mutual_actions, _))
    if view.joint_questions:
        slides.append(
            Slide(
                title=_("Questions for the joint meeting"),
                points=view.joint_questions,
                numbered=True,
                notes=_(
                    "Talk these questions through together, and write down what both companies agree on. "
                    "Close with who does what by when."
                ),
            )
        )
    slides.append(_shared_factors(view, _))
    return Deck(
        lang=view.lang,
        title=view.account_name,
        subtitle=(f"{_('Partnership review for the joint meeting')} · {view.period}", companies),
        title_notes=_(
            "Welcome both teams and say what the meeting is for: to compare how each company sees what both "
            "invest in the partnership, and to agree on next steps. The slides show each company's own "
            "ratings, not a verdict of one on the other."
        ),
        author=view.supplier_name or "",
        subject=f"{edition}: {view.catalog_title}",
        keywords=f"{view.account_name}, {view.period}, {view.catalog_label}",
        slides=tuple(slides),
    )


def _shared_factors(view: SharedBriefingView, _: DeckWords) -> Slide:
    """Every factor as each company rated each side (the supplier's ratings alone until the key account
    answered)."""
    profile = view.profile
    number, factor = Column(_("No."), 0.6, figures=True), Column(_("Factor"), 4.0)
    if profile.both_views:
        by_supplier, by_account = _("rated by the supplier"), _("rated by the key account")
        table = Table(
            (
                number,
                factor,
                *(Column(h, 1.3, figures=True) for _side in range(2) for h in (by_supplier, by_account)),
            ),
            tuple(
                (
                    str(r.number),
                    r.title,
                    _.format.score(r.supplier_ours),
                    _.format.score(r.supplier_theirs),
                    _.format.score(r.key_account_ours),
                    _.format.score(r.key_account_theirs),
                )
                for r in profile.rows
            ),
            groups=(("", 2), (_("Supplier's investment"), 2), (_("Key account's investment"), 2)),
        )
        lead = _(
            "Scores from %(low)s to %(high)s, as each company rated each side; a dash means not rated.",
            low=profile.scale.min,
            high=profile.scale.max,
        )
    else:
        table = Table(
            (
                number,
                factor,
                Column(_("Supplier's investment"), 1.6, figures=True),
                Column(_("Key account's investment"), 1.6, figures=True),
            ),
            tuple(
                (str(r.number), r.title, _.format.score(r.supplier_ours), _.format.score(r.key_account_ours))
                for r in profile.rows
            ),
        )
        lead = _(
            "Scores from %(low)s to %(high)s, as the supplier's team rated each side; a dash means not "
            "rated.",
            low=profile.scale.min,
            high=profile.scale.max,
        )
    return Slide(
        title=_("All factors"),
        lead=lead,
        table=table,
        notes=_(
            "Every factor's scores as each company rated them, for questions about a single factor. Where "
            "the companies rate one side of a factor differently, that factor is worth a question."
        ),
    )
