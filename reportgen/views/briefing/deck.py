"""A briefing as slides: what each slide of the deck says, taken from the briefing's own view.

A deck is not a second analysis: every figure, zone, table row and chart description here comes from the
:class:`~reportgen.views.briefing.BriefingView` or :class:`~.shared_edition.SharedBriefingView` the PDF is
laid out from, formatted as the PDF formats it. This module decides which slides there are, what each one
says, its table's rows as text, and the speaker notes; :mod:`reportgen.rendering.deck` only lays them out
in the template's layouts. The key account's deck is built from its own view alone, so what that view
leaves out cannot reach its slides either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from reportgen.common.i18n import Formatter, translations
from reportgen.views.briefing import BriefingView
from reportgen.views.briefing.actions import ActionsSection
from reportgen.views.briefing.factors import FactorRow
from reportgen.views.briefing.shared_edition import SharedBriefingView


class Chart(Enum):
    """The charts a deck shows, drawn apart as pictures (see :class:`SlidePictures`)."""

    DIAGRAM = "diagram"
    PROFILE = "profile"


@dataclass(frozen=True)
class SlidePictures:
    """The deck's charts as PNG at print resolution; the key account's deck has no diagram."""

    profile: bytes
    diagram: bytes | None = None

    def of(self, chart: Chart) -> bytes:
        picture = self.diagram if chart is Chart.DIAGRAM else self.profile
        assert picture is not None, f"the deck shows the {chart.value} only where it was drawn"
        return picture


@dataclass(frozen=True)
class Picture:
    chart: Chart
    description: str
    """The PDF's alt text of the chart: what it shows, in words, for whoever cannot see it."""


@dataclass(frozen=True)
class Column:
    heading: str
    width: float
    """The column's share of the table's width, relative to the others."""
    figures: bool = False
    """Numbers or short marks, set centred; other columns are text, set flush left."""


@dataclass(frozen=True)
class Table:
    """A native table: a header row (under an optional row of column groups) and rows of text."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    groups: tuple[tuple[str, int], ...] = ()
    """Headings over runs of columns, (heading, columns spanned), in a row above the columns' own."""
    bold_rows: frozenset[int] = frozenset()
    """Rows set in bold: the points a table starts and ends at, say."""


@dataclass(frozen=True)
class Slide:
    """A slide of the title-and-content layout: its title, text, table and chart, and what to say.

    A table too long for one slide goes on over as many as it needs, each with its header rows, its title
    numbered ("All factors (2/3)") and the same notes."""

    title: str
    notes: str
    """What to say about the slide, in two or three sentences, in the deck's language."""
    points: tuple[str, ...] = ()
    """Paragraphs, set above the table."""
    table: Table | None = None
    picture: Picture | None = None
    lead: str | None = None
    """A first paragraph set in bold: the headline of the points."""
    numbered: bool = False
    """The points are numbered (questions that the meeting refers to by number), not bulleted."""


@dataclass(frozen=True)
class Deck:
    """The slides of one briefing, and what the file says of itself (its document properties)."""

    lang: str
    title: str
    subtitle: tuple[str, ...]
    title_notes: str
    author: str
    subject: str
    keywords: str
    slides: tuple[Slide, ...] = field(default=())


class _Words:
    """The deck's words in one language: gettext, plurals and the report's number formats."""

    def __init__(self, lang: str) -> None:
        self.translations = translations(lang)
        self.format = Formatter(lang)

    def __call__(self, message: str, **params: object) -> str:
        text = self.translations.gettext(message)
        return text % params if params else text

    def plural(self, singular: str, plural: str, count: float, **params: object) -> str:
        return self.translations.ngettext(singular, plural, count) % {"num": count, **params}


def briefing_deck(view: BriefingView) -> Deck:
    """The internal briefing's deck: where the account stands, its profile and drivers, the key account's
    view, the rebalancing proposal, the actions, the three questions with their answers, and every factor."""
    _ = _Words(view.lang)
    summary = view.summary
    slides = [_where_we_stand(view, _), _profile(view, _)]
    if view.perception is not None:
        slides.append(_perception(view, _))
    if view.proposal is not None:
        slides.append(_proposal(view, _))
    if view.actions is not None:
        slides.append(_actions(view.actions, _))
    slides += _questions(view, _)
    slides.append(
        Slide(
            title=_("All factors"),
            lead=_(
                "Scores from %(low)s to %(high)s; the gap is supplier minus key account. A dash means "
                "not rated.",
                low=view.factors.scale.min,
                high=view.factors.scale.max,
            ),
            table=_factor_table(view.factors.rows, _),
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


def _facts(view: BriefingView, _: _Words) -> tuple[str, ...]:
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
    line = " · ".join(f"{label}: {value}" for label, value in facts if value)
    return (line,) if line else ()


def _questions(view: BriefingView, _: _Words) -> list[Slide]:
    """The catalog's questions with this account's answers: a slide each, for an answer takes a paragraph
    and each question is a point of the meeting's agenda."""
    questions = view.coaching.questions
    title = _("Questions to take into the meeting")
    return [
        Slide(
            title=f"{title} ({number}/{len(questions)})" if len(questions) > 1 else title,
            lead=question.text,
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


def _reading(view: BriefingView, _: _Words) -> str:
    """Page 1's reading of the figures: who invests how much more, in the PDF's words."""
    summary = view.summary
    if summary.we_invest_more:
        return _.plural(
            "We invest %(points)s point more than the key account, on a scale of 0 to 100.",
            "We invest %(points)s points more than the key account, on a scale of 0 to 100.",
            summary.balance,
            points=_.format.number(summary.balance),
        )
    if summary.account_invests_more:
        return _.plural(
            "The key account invests %(points)s point more than we do, on a scale of 0 to 100.",
            "The key account invests %(points)s points more than we do, on a scale of 0 to 100.",
            summary.balance_magnitude,
            points=_.format.number(summary.balance_magnitude),
        )
    if summary.invest_alike:
        return _("Both sides invest exactly alike: the indices are the same, on a scale of 0 to 100.")
    return _.plural(
        "Both sides invest in balance: the indices differ by %(points)s point, on a scale of 0 to 100.",
        "Both sides invest in balance: the indices differ by %(points)s points, on a scale of 0 to 100.",
        summary.balance_magnitude,
        points=_.format.number(summary.balance_magnitude),
    )


def _where_we_stand(view: BriefingView, _: _Words) -> Slide:
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
            "before "
            "explaining our view."
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
    reading = _reading(view, _)
    points.append(reading)
    tolerance = _("balanced within ±%(tolerance)s", tolerance=_.format.number(summary.balance_tolerance))
    labels = (
        _("Supplier index S"),
        _("Key account index K"),
        f"{_('Balance S − K')} ({tolerance})",
        f"{_('Factors rated')} ({_('on both sides')})",
    )
    views = [
        (
            _("As we see it"),
            summary.supplier_index,
            summary.key_account_index,
            summary.balance,
            summary.coverage,
        )
    ]
    if theirs is not None:
        t = theirs.theirs
        views.append(
            (_("As the key account sees it"), t.supplier_index, t.key_account_index, t.balance, t.coverage)
        )
    columns = (Column("", 2.6), *(Column(heading, 1.2, figures=True) for heading, *_rest in views))
    figures = [
        [_.format.number(s) for _h, s, *_r in views],
        [_.format.number(k) for _h, _s, k, *_r in views],
        [_.format.signed(b) for *_f, b, _c in views],
        [f"{c.rated_both}/{c.total}" for *_f, c in views],
    ]
    return Slide(
        title=_("Where we stand"),
        lead=lead,
        points=tuple(points),
        table=Table(columns, tuple((label, *values) for label, values in zip(labels, figures, strict=True))),
        picture=Picture(Chart.DIAGRAM, summary.diagram_alt),
        notes=f"{reading} {notes}",
    )


def _profile(view: BriefingView, _: _Words) -> Slide:
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
                    "Begin with the factor furthest apart, %(factor)s, and ask what it would take to "
                    "close the gap.",
                    factor=first,
                )
                if first
                else _("Both sides rate every factor alike.")
            )
        ),
    )


def _gap_table(rows: tuple[FactorRow, ...], _: _Words) -> Table:
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


def _factor_table(rows: tuple[FactorRow, ...], _: _Words) -> Table:
    """Every factor, a dash for a gap where a side is not rated (as the PDF's table of all factors)."""
    return _gap_table(rows, _)


def _perception(view: BriefingView, _: _Words) -> Slide:
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
            "These are the factors the key account's contacts see differently from us, the largest "
            "difference "
            "first."
        )
        + (" " + _("Ask about %(factor)s before anything else.", factor=first) if first else ""),
    )


def _proposal(view: BriefingView, _: _Words) -> Slide:
    proposal = view.proposal
    assert proposal is not None
    if proposal.intended:
        target = _("Target: the intended relationship, “%(target)s”.", target=proposal.target_name)
    else:
        target = _("Target: balance at the key account's level, “%(target)s”.", target=proposal.target_name)
    if proposal.reached:
        outcome = _("These moves would bring the account there.")
    elif proposal.moves:
        outcome = _(
            "No allowed set of moves (at most %(moves)s, each of at most %(points)s scale points) "
            "reaches it; "
            "these come closest.",
            moves=proposal.most_moves,
            points=proposal.most_points,
        )
    else:
        outcome = _(
            "No allowed move (at most %(points)s scale points on one side of a factor) brings the "
            "account closer.",
            points=proposal.most_points,
        )
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
                (
                    "",
                    f"{_('Today')}: {proposal.today.zone_name}",
                    "",
                    "",
                    _.format.number(proposal.today.supplier_index),
                    _.format.number(proposal.today.key_account_index),
                    _.format.signed(proposal.today.balance),
                ),
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
                (
                    "",
                    f"{ended}: {proposal.projected.zone_name}",
                    "",
                    "",
                    _.format.number(proposal.projected.supplier_index),
                    _.format.number(proposal.projected.key_account_index),
                    _.format.signed(proposal.projected.balance),
                ),
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


def _actions(actions: ActionsSection, _: _Words) -> Slide:
    """The open actions by factor; the key account's deck shows the mutual action plan alone."""
    if actions.groups:
        lead = _.plural("%(num)s open action", "%(num)s open actions", actions.open_count)
        if actions.overdue_count:
            lead += ", " + _.plural(
                "%(num)s of them overdue", "%(num)s of them overdue", actions.overdue_count
            )
    else:
        lead = _("No action is open")
    if actions.done_count or actions.dropped_count:
        lead += "; " + _(
            "closed this quarter: %(done)s done, %(dropped)s dropped",
            done=actions.done_count,
            dropped=actions.dropped_count,
        )
    rows = []
    for group in actions.groups:
        factor = f"{group.number} {group.title}" if group.number else group.title
        for index, row in enumerate(group.rows):
            due = _.format.short_date(row.due)
            if row.overdue:
                due += " (" + _.plural("%(num)s day overdue", "%(num)s days overdue", row.days_late) + ")"
            if row.open_since:
                state = (
                    _("open since %(period)s", period=row.open_since)
                    + " ("
                    + _.plural("%(num)s quarter", "%(num)s quarters", row.quarters_open)
                    + ")"
                )
            else:
                state = _("open")
            if row.carried_from:
                state += "; " + _("carried forward from %(period)s", period=row.carried_from)
            rows.append((factor if index == 0 else "", row.text, row.owner or "–", due, state))
    table = Table(
        (
            Column(_("Factor"), 2.4),
            Column(_("Action"), 4.0),
            Column(_("Owner"), 1.6),
            Column(_("Due"), 1.5),
            Column(_("Status"), 2.2),
        ),
        tuple(rows),
    )
    return Slide(
        title=_("Mutual action plan") if actions.only_shared else _("Actions"),
        lead=f"{lead}.",
        table=table if rows else None,
        notes=_(
            "Go through the open actions, the overdue ones first. Agree for each an owner and a date, "
            "or drop it "
            "openly."
        ),
    )


def shared_deck(view: SharedBriefingView) -> Deck:
    """The key account's deck: both companies' indices, the profile as the supplier rated it, the mutual
    action plan, the questions for the joint meeting and every factor as each company rated it. Built from
    the key account's view alone (see the module's docstring)."""
    _ = _Words(view.lang)
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
        "Each factor is rated twice: how much the supplier invests, and how much the key account "
        "invests. The "
        "indices S and K map the weighted scores of the factors rated on both sides onto 0 to 100."
    )
    if cover.theirs is None:
        method += " " + _(
            "So far only the supplier has rated; the key account's own ratings are welcome before "
            "the meeting."
        )
    slides = [
        Slide(
            title=_("Both sides' investment at a glance"),
            lead=_(
                "It is no verdict of one company on the other: where the ratings differ, the meeting is "
                "the place "
                "to find out why."
            ),
            points=(method,),
            table=indices,
            notes=_(
                "Both companies rated what each side invests. Explain S and K in a sentence, then ask "
                "the key "
                "account how it reads the figures."
            ),
        ),
        Slide(
            title=_("Factor profile"),
            lead=_(
                "How much each side invests per factor, on the scale from %(low)s to %(high)s, as the "
                "supplier's "
                "team rated it.",
                low=view.profile.scale.min,
                high=view.profile.scale.max,
            ),
            picture=Picture(Chart.PROFILE, view.profile.profile_alt),
            notes=_(
                "Each row of the chart is a factor, with a dot for what each side invests in it. Where "
                "the dots "
                "lie far apart, ask the key account how it sees that factor before explaining ours."
            ),
        ),
    ]
    if view.mutual_actions is not None:
        slides.append(_actions(view.mutual_actions, _))
    if view.joint_questions:
        slides.append(
            Slide(
                title=_("Questions for the joint meeting"),
                points=view.joint_questions,
                numbered=True,
                notes=_(
                    "Talk these questions through together, and write down what both companies agree "
                    "on. Close "
                    "with who does what by when."
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
            "ratings, "
            "not a verdict of one on the other."
        ),
        author=view.supplier_name or "",
        subject=f"{edition}: {view.catalog_title}",
        keywords=f"{view.account_name}, {view.period}, {view.catalog_label}",
        slides=tuple(slides),
    )


def _shared_factors(view: SharedBriefingView, _: _Words) -> Slide:
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
            "Every factor's scores as each company rated them, for questions about a single factor. "
            "Where the "
            "companies rate one side of a factor differently, that factor is worth a question."
        ),
    )
