"""Which assessments are the same account: by Account-ID, by name, and across a declared rename.

An Account-ID joins assessments into one history, so a reused ID would hand one account another's
history. The rule that keeps the established account safe from a newcomer's mistake: the name an ID
carries in its earliest quarter owns the ID. A later assessment with the same ID under another name is
an error and is left out, unless it declares that name as its ``Former name`` (a real rename). When two
names share the ID already in its earliest quarter, nobody owns it, and every assessment with it is
left out until the files are corrected. The same name under two IDs stays two accounts, with a warning.

Without an Account-ID the account is its name; a declared former name joins the two names' histories.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from reportgen.i18n import N_
from reportgen.model import Assessment, identity_key
from reportgen.problems import Message, Place, Problem, Severity
from reportgen.reading.vocabulary import FORMER_NAME

ID_TAKEN = Message(
    N_(
        'The Account-ID {account_id} belongs to "{owner}" ({owner_place}) since {since}, '
        'but this file gives it to "{name}" ({name_place}). This assessment is left out, so that neither '
        "account takes over the other's history."
    ),
    N_(
        'Correct the Account-ID. If the account has been renamed, enter its old name "{owner}" as '
        '"{field}" in this file.'
    ),
)
ID_SHARED = Message(
    N_(
        "The Account-ID {account_id} stands for two accounts in its first quarter {since}: "
        '"{name}" here ({name_place}) and "{owner}" in {owner_place}. Every assessment with this ID is '
        "left out until it is clear whose it is."
    ),
    N_("Give each account its own Account-ID, or write the name alike if it is one account."),
)
NAME_WITH_TWO_IDS = Message(
    N_(
        '"{name}" has the Account-ID {account_id} here and {other_id} in {other_place}; '
        "they are kept apart as two accounts."
    ),
    N_("If it is one account, give it the same Account-ID in every file."),
)


@dataclass(frozen=True)
class IdentityProblem:
    """A problem of one assessment; an error leaves the assessment out."""

    assessment: Assessment
    problem: Problem


@dataclass(frozen=True)
class Identified:
    kept: tuple[Assessment | None, ...]
    """One per assessment given, in order: with its ``history_key`` set, or None where an error leaves
    it out."""
    problems: tuple[IdentityProblem, ...]


def _where(assessment: Assessment, place: Place | None) -> Place:
    return place or Place(assessment.source or Path("."))


def _describe(assessment: Assessment, place: Place | None) -> str:
    return _where(assessment, place).describe()


def _by_period(assessments: Iterable[Assessment]) -> list[Assessment]:
    return sorted(assessments, key=lambda a: (a.period, str(a.source or "")))


def _check_id(group: list[Assessment]) -> list[IdentityProblem]:
    """Errors for the assessments of one Account-ID that do not belong to the name that owns it."""
    ordered = _by_period(group)
    first_period = ordered[0].period
    earliest = [a for a in ordered if a.period == first_period]
    owner = earliest[0]
    rivals = [a for a in earliest if identity_key(a.account.name) != identity_key(owner.account.name)]
    problems = []
    if rivals:  # nobody owns the ID: every assessment with it waits for the files to be corrected
        for assessment in ordered:
            other = (
                rivals[0]
                if identity_key(assessment.account.name) == identity_key(owner.account.name)
                else owner
            )
            problems.append(_problem(ID_SHARED, assessment, other, first_period))
        return problems
    names = {identity_key(owner.account.name)}
    for assessment in ordered:
        own = identity_key(assessment.account.name)
        former = assessment.account.former_name
        if own in names:
            continue
        if former and identity_key(former) in names:
            names.add(own)
            continue
        problems.append(_problem(ID_TAKEN, assessment, owner, first_period))
    return problems


def _problem(message: Message, assessment: Assessment, owner: Assessment, since) -> IdentityProblem:
    places = assessment.places
    params = {
        "account_id": assessment.account.account_id,
        "owner": owner.account.name,
        "owner_place": _describe(owner, owner.places.name),
        "since": str(since),
        "name": assessment.account.name,
        "field": FORMER_NAME.label,
        "name_place": places.name.cell if places.name and places.name.cell else "–",
    }
    place = places.account_id or _where(assessment, places.name)
    return IdentityProblem(assessment, Problem(place, message, params))


def _same_name_other_ids(with_id: list[Assessment]) -> list[IdentityProblem]:
    """A warning for each assessment whose name has already appeared, earlier, under another ID."""
    first_by_name: dict[str, Assessment] = {}
    problems = []
    for assessment in _by_period(with_id):
        key = identity_key(assessment.account.name)
        first = first_by_name.setdefault(key, assessment)
        if identity_key(first.account.account_id) == identity_key(assessment.account.account_id):
            continue
        params = {
            "name": assessment.account.name,
            "account_id": assessment.account.account_id,
            "other_id": first.account.account_id,
            "other_place": _describe(first, first.places.account_id),
        }
        place = assessment.places.account_id or _where(assessment, None)
        problems.append(
            IdentityProblem(assessment, Problem(place, NAME_WITH_TWO_IDS, params, Severity.WARNING))
        )
    return problems


def id_key(account_id: str) -> str:
    return f"id:{identity_key(account_id)}"


def name_history_key(key: str) -> str:
    return f"name:{key}"


def default_history_key(assessment: Assessment) -> str:
    """The account of an assessment on its own: its Account-ID, else its name."""
    account = assessment.account
    return id_key(account.account_id) if account.account_id else name_history_key(identity_key(account.name))


class _Names:
    """Names joined by declared renames (union–find), for accounts without an Account-ID."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        if parent != key:
            parent = self._parent[key] = self.root(parent)
        return parent

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)


def identify(assessments: Iterable[Assessment]) -> Identified:
    """Every assessment's account, and the problems of reused IDs and of names with several IDs."""
    assessments = list(assessments)
    by_id: dict[str, list[Assessment]] = {}
    for assessment in assessments:
        if assessment.account.account_id:
            by_id.setdefault(identity_key(assessment.account.account_id), []).append(assessment)
    problems = [p for group in by_id.values() for p in _check_id(group)]
    problems += _same_name_other_ids([a for a in assessments if a.account.account_id])
    left_out = {id(p.assessment) for p in problems if p.problem.severity is Severity.ERROR}

    names = _Names()
    for assessment in assessments:
        if not assessment.account.account_id and assessment.account.former_name:
            names.join(identity_key(assessment.account.name), identity_key(assessment.account.former_name))
    # A file without an Account-ID belongs to the ID its name (or a declared former name) carries in the
    # other files, so that one quarter without the ID does not split the history; a name under two IDs
    # stays apart, as warned.
    ids_by_name: dict[str, set[str]] = {}
    for assessment in assessments:
        account = assessment.account
        if account.account_id and id(assessment) not in left_out:
            for name in filter(None, (account.name, account.former_name)):
                ids_by_name.setdefault(names.root(identity_key(name)), set()).add(
                    identity_key(account.account_id)
                )
    kept: list[Assessment | None] = []
    for assessment in assessments:
        if id(assessment) in left_out:
            kept.append(None)
            continue
        account_id = assessment.account.account_id
        if account_id:
            key = id_key(account_id)
        else:
            root = names.root(identity_key(assessment.account.name))
            ids = ids_by_name.get(root, set())
            key = id_key(next(iter(ids))) if len(ids) == 1 else name_history_key(root)
        kept.append(replace(assessment, history_key=key))
    return Identified(tuple(kept), tuple(problems))
