"""Our own deck of a briefing: where the account stands, its profile and drivers, the key account's view,
the rebalancing proposal, the actions, the three questions with their answers, and every factor."""

from __future__ import annotations

from reportgen.views.briefing import BriefingView
from reportgen.views.briefing.deck import Chart, Column, Deck, DeckWords, Picture, Slide, Table, actions_slide
from reportgen.views.briefing.factors import FactorRow
from reportgen.views.briefing.proposal import PlanPoint
from reportgen.views.briefing.summary import ViewIndices


def briefing_deck(view: BriefingView) -> Deck:
    """The internal briefing's deck: where the account stands, its profile and drivers, the key account's
    view, the rebalancing proposal, the actions, the three questions with their answers, and every factor."""
    _ = DeckWords(view.lang)
    summary = view.summary
    slides = [_where_we_stand(view, _), _profile(view, _)]
    if view.perception is not None:
        slides.append(_perception(view, _))
    if view.proposal is not None:
        slides.append(_proposal(view, _))
    if view.actions is not None:
        slides.append(actions_slide(view.actions, _))
    slides += _questions(view, _)
    slides.append(
        Slide(
            title=_("All factors"),
            lead=_(
                "Scores from %(low)s to %(high)s; the gap is supplier minus key account. A dash means not "
                "rated.",
                low=view.factors.scale.min,
                high=view.factors.scale.max,
            ),
            table=_gap_table(view.factors.rows, _),
            notes=_(
                "Every factor's scores, for questions about a single factor. The gap is what we invest minus "
                "what the key account invests."
            ),
        )
    )
    return Deck(
        lang=view.lang,
        title=summary.account.name,
        subtitle=(
            f"{_('Partnership briefing')} · {view.period}",
            *_facts(view, _),
            f"{_('Catalog')} {view.catalog_label} · {_('made on')} {_.format.date(view.made_on)}",
        ),
        title_notes=_(
            "Open with the account and the quarter, %(account)s in %(period)s. Every figure in this deck is "
            "the briefing's of %(day)s.",
            account=summary.account.name,
            period=view.period,
            day=_.format.date(view.made_on),
        ),
        author=view.author,
        subject=f"{view.catalog_title}: {view.zone_name}",
        keywords=f"{view.account_name}, {view.period}, {view.zone_name}, {view.catalog_label}",
        slides=tuple(slides),
    )


def _facts(view: BriefingView, _: DeckWords) -> tuple[str, ...]:
    """Page 1's facts of the account, on one line of the title slide: who looks after it, who assessed it
    and its revenue, those the workbook gives."""
    summary = view.summary
    account = summary.account
    facts = [
        (_("Key account manager"), account.key_account_manager),
        (_("Assessed by"), summary.assessed_by),
        (_("Annual revenue"), _.format.money(account.annual_revenue, account.currency)
         if account.annual_revenue is not None else None),
    ]  # fmt: skip
    # a fact is kept whole on its line ("Annual revenue: €1,250,000"): a line breaks only between facts
    line = " · ".join(f"{label}: {value}".replace(" ", "\u00a0") for label, value in facts if value)
    return (line,) if line else ()


def _questions(view: BriefingView, _: DeckWords) -> list[Slide]:
    """The catalog's questions with this account's answers: a slide each, for an answer takes a paragraph
    and each question is a point of the meeting's agenda."""
    questions = view.coaching.questions
    title = _("Questions to take into the meeting")
    return [
        Slide(
            title=f"{title} ({number}/{len(questions)})" if len(questions) > 1 else title,
            lead=question.text,
            series="questions",
            points=(f"{question.answer.verdict}. {' '.join(question.answer.sentences)}",)
            if question.answer
            else (),
            notes=_(
                "Take this question into the meeting: the answer comes from this quarter's figures. Decide "
                "beforehand what the key account would have to say to change our plan."
            ),
        )
        for number, question in enumerate(questions, start=1)
    ]


def _where_we_stand(view: BriefingView, _: DeckWords) -> Slide:
    """Zone(s) and their meaning, the intended relationship, the reading, S, K and the balance (in both
    views where the key account answered), and the diagram."""
    summary = view.summary
    theirs = summary.key_account_view
    zone = summary.zone_name + (f", {_('critical')}" if summary.critical else "")
    points: list[str] = []
    if theirs is not None and theirs.zones_disagree:
        lead = _(
            "The views disagree: we see “%(ours)s”, the key account sees “%(theirs)s”.",
            ours=theirs.our_zone_name,
            theirs=theirs.their_zone_name,
        )
        notes = _(
            "The key account puts the relationship in another zone than we do. Ask what leads it there "
            "before explaining our view."
        )
    else:
        lead = f"{_('Where we stand')}: {zone}"
        if theirs is not None:
            lead = f"{_('Where we stand – the key account’s own view agrees')}: {zone}"
        points.append(summary.zone_meaning)
        notes = _(
            "Say first what the zone means for both companies; then show the figures that put it there."
        )
    if summary.intended is not None:
        points.append(
            f"{_('Intended relationship')}: {summary.intended.type_name} – {summary.intended.verdict}"
        )
    reading = summary.balance_reading
    points.append(reading)
    tolerance = _("balanced within ±%(tolerance)s", tolerance=_.format.number(summary.balance_tolerance))
    ours = ViewIndices(summary.supplier_index, summary.key_account_index, summary.balance, summary.coverage)
    views = {_("As we see it"): ours}
    if theirs is not None:
        views[_("As the key account sees it")] = theirs.theirs
    figures = views.values()
    rows = (
        (_("Supplier index S"), *(_.format.number(view.supplier_index) for view in figures)),
        (_("Key account index K"), *(_.format.number(view.key_account_index) for view in figures)),
        (f"{_('Balance S − K')} ({tolerance})", *(_.format.signed(view.balance) for view in figures)),
        (
            f"{_('Factors rated')} ({_('on both sides')})",
            *(f"{view.coverage.rated_both}/{view.coverage.total}" for view in figures),
        ),
    )
    columns = (Column("", 2.6), *(Column(heading, 1.2, figures=True) for heading in views))
    return Slide(
        title=_("Where we stand"),
        lead=lead,
        points=tuple(points),
        table=Table(columns, rows),
        picture=Picture(Chart.DIAGRAM, summary.diagram_alt),
        notes=f"{reading} {notes}",
    )


def _profile(view: BriefingView, _: DeckWords) -> Slide:
    """The profile, and the drivers (or, in balance, the largest gaps) as a table."""
    profile = view.profile
    heading = _("The largest gaps") if profile.balanced else _("What drives the imbalance")
    drivers = profile.drivers
    first = drivers[0].title if drivers else None
    return Slide(
        title=_("Factor profile"),
        lead=heading,
        points=() if drivers else (_("Both sides rate every factor alike."),),
        table=_gap_table(drivers, _) if drivers else None,
        picture=Picture(Chart.PROFILE, profile.profile_alt),
        notes=(
            _("Each row of the chart is a factor, with a dot for what each side invests in it.")
            + " "
            + (
                _(
                    "Begin with the factor furthest apart, %(factor)s, and ask what it would take to close "
                    "the gap.",
                    factor=first,
                )
                if first
                else _("Both sides rate every factor alike.")
            )
        ),
    )


def _gap_table(rows: tuple[FactorRow, ...], _: DeckWords) -> Table:
    return Table(
        (
            Column(_("No."), 0.45, figures=True),
            Column(_("Factor"), 4.2),
            Column(_("Supplier"), 1.0, figures=True),
            Column(_("Key account"), 1.1, figures=True),
            Column(_("Gap"), 0.7, figures=True),
        ),
        tuple(
            (
                str(row.number),
                row.title,
                _.format.score(row.supplier),
                _.format.score(row.key_account),
                _.format.signed(row.gap, None) if row.rated_both else "–",
            )
            for row in rows
        ),
    )


def _perception(view: BriefingView, _: DeckWords) -> Slide:
    perception = view.perception
    assert perception is not None
    columns = (
        Column(_("No."), 0.45, figures=True),
        Column(_("Factor"), 3.0),
        *(
            column
            for _side in range(2)
            for column in (
                Column(_("we"), 0.55, figures=True),
                Column(_("KA"), 0.55, figures=True),
                Column(_("Seen as"), 1.9),
            )
        ),
    )
    rows = tuple(
        (
            str(row.number),
            row.label,
            *(
                cell
                for side in (row.supplier, row.key_account)
                for cell in (
                    _.format.score(side.ours),
                    _.format.score(side.theirs),
                    side.gap_class_name or "–",
                )
            ),
        )
        for row in perception.rows
    )
    first = perception.rows[0].label if perception.rows else None
    return Slide(
        title=_("How the key account sees it"),
        lead=_(
            "Each factor as we see it and as the key account's contacts see it, on the scale from %(low)s to "
            "%(high)s; the largest differences first. Views less than %(points)s apart on the scale count as "
            "aligned.",
            low=perception.scale.min,
            high=perception.scale.max,
            points=_.format.number(perception.gap_points),
        ),
        table=Table(
            columns,
            rows,
            groups=(("", 2), (_("Supplier's investment"), 3), (_("Key account's investment"), 3)),
        ),
        notes=_(
            "Every factor both views rated, the largest difference between them first: where the key "
            "account's contacts see a side otherwise than we do, ask why."
        )
        + (" " + _("Begin with %(factor)s.", factor=first) if first else ""),
    )


def _point_row(label: str, point: PlanPoint, _: DeckWords) -> tuple[str, ...]:
    """Where the account stands today, or would stand after the moves: a row of the proposal's table."""
    return ("", f"{label}: {point.zone_name}", "", "", _.format.number(point.supplier_index),
            _.format.number(point.key_account_index), _.format.signed(point.balance))  # fmt: skip


def _proposal(view: BriefingView, _: DeckWords) -> Slide:
    proposal = view.proposal
    assert proposal is not None
    target, outcome = proposal.target_sentence, proposal.outcome
    points = (outcome, _("The proposal is made on our view.")) if proposal.views_disagree else (outcome,)
    table = None
    if proposal.moves:
        ended = _("After the moves") if proposal.reached else _("Best reachable")
        table = Table(
            (
                Column(_("No."), 0.6, figures=True),
                Column(_("Factor"), 3.0),
                Column(_("Move"), 2.2),
                Column(_("Score"), 1.1, figures=True),
                Column("S", 0.8, figures=True),
                Column("K", 0.8, figures=True),
                Column("S − K", 0.9, figures=True),
            ),
            (
                _point_row(_("Today"), proposal.today, _),
                *(
                    (
                        str(move.number),
                        move.label,
                        move.kind_words,
                        f"{_.format.score(move.from_score)} → {_.format.score(move.to_score)}",
                        _.format.signed(move.supplier_change),
                        _.format.signed(move.key_account_change),
                        _.format.signed(move.balance_change),
                    )
                    for move in proposal.moves
                ),
                _point_row(ended, proposal.projected, _),
            ),
            bold_rows=frozenset({0, len(proposal.moves) + 1}),
        )
    return Slide(
        title=_("Rebalancing proposal (what-if)"),
        lead=target,
        points=points,
        table=table,
        notes=_(
            "A what-if, not a decision: each row shows how one move would change S, K and the balance. Agree "
            "which moves to try, and who talks to the key account about them."
        ),
    )
