"""Which assessments are the same account: by Account-ID, by name, and across a declared rename.

An Account-ID joins assessments into one history, so a reused ID would hand one account another's
history. The rule that keeps the established account safe from a newcomer's mistake: the name an ID
carries in its earliest quarter owns the ID. A later assessment with the same ID under another name is
an error and is left out, unless it declares that name as its ``Former name`` (a real rename). When two
names share the ID already in its earliest quarter, nobody owns it, and every assessment with it is
left out until the files are corrected. The same name under two IDs stays two accounts, with a warning.

Without an Account-ID the account is its name; a declared former name joins the two names' histories.
Names are compared as :func:`~reportgen.model.assessment.identity_key` compares them (case, punctuation,
spacing and a legal form's spelling ignored). Two accounts whose names are nearly alike (a typo, a legal form
left out) stay two, with a warning, unless both have an Account-ID: an ID says who is who.

Every assessment comes from a reader, which gives it its file and the cells of its name and Account-ID:
the messages name them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import combinations

from reportgen.common.i18n import N_
from reportgen.common.problems import Message, Problem, Severity
from reportgen.model.assessment import LEGAL_FORMS, Assessment, identity_key
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


NAMES_NEARLY_ALIKE = Message(
    N_(
        '"{name}" here and "{other}" in {other_place} have nearly the same name, but are kept apart as two '
        "accounts."
    ),
    N_(
        "If they are one account, write its name alike in both files, or give both the same Account-ID; "
        "if they are two, give each its own Account-ID and this warning goes away."
    ),
)

CHARACTERS_PER_EDIT = 12
"""How long a name must be (without its legal form), per edit, to be nearly alike another one: a typo in
"Hofmann Landtechnik" (19 characters) is one edit, while "Müller Bau" and "Möller Bau", one letter apart
as well, are short and common enough to be two companies. At most two edits: names further apart are
two names."""


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


def _by_period(assessments: Iterable[Assessment]) -> list[Assessment]:
    """In order of quarter, and within one by path: the same files name the same owner and are warned
    of alike, whatever order the folders were given in."""
    return sorted(assessments, key=lambda a: (a.period, str(a.source)))


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
        "owner_place": owner.places.name.describe(),
        "since": str(since),
        "name": assessment.account.name,
        "field": FORMER_NAME.label,
        "name_place": places.name.cell,
    }
    return IdentityProblem(assessment, Problem(places.account_id, message, params))


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
            "other_place": first.places.account_id.describe(),
        }
        problem = Problem(assessment.places.account_id, NAME_WITH_TWO_IDS, params, Severity.WARNING)
        problems.append(IdentityProblem(assessment, problem))
    return problems


def id_key(account_id: str) -> str:
    return f"id:{identity_key(account_id)}"


def _has_id(history_key: str) -> bool:
    """Whether an account (by its history key) is known by an Account-ID, its own or its name's."""
    return history_key.startswith(id_key(""))


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
    given: dict[int, Assessment] = {}  # each kept one's assessment as given, which its problems name
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
        identified = replace(assessment, history_key=key)
        given[id(identified)] = assessment
        kept.append(identified)
    for found in _names_nearly_alike([a for a in kept if a is not None]):
        problems.append(IdentityProblem(given[id(found.assessment)], found.problem))
    return Identified(tuple(kept), tuple(problems))


def _core(key: str) -> str:
    """A name's identity key without its legal form: ``hofmann landtechnik gmbh co kg`` → ``hofmann
    landtechnik``."""
    return " ".join(word for word in key.split() if word not in LEGAL_FORMS)


def _edits_allowed(core: str) -> int:
    return min(2, len(core) // CHARACTERS_PER_EDIT)


def _deletions(core: str, depth: int) -> set[str]:
    """*core* with up to *depth* characters deleted: two names within *depth* edits share one of them."""
    found = {core}
    for _ in range(depth):
        found |= {text[:i] + text[i + 1 :] for text in found for i in range(len(text))}
    return found


def _edits(a: str, b: str) -> int:
    """How many characters must be inserted, deleted or replaced to make *a* into *b* (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (char != other))
    return row[-1]


def _nearly_alike(a: str, b: str) -> bool:
    """Whether two names (identity keys) that differ are those of one company written slightly otherwise:
    without or with another legal form, or a few characters apart for their length. A name that is only a
    legal form is alike no other."""
    core_a, core_b = _core(a), _core(b)
    if not core_a or not core_b:
        return False
    return _edits(core_a, core_b) <= _edits_allowed(min(core_a, core_b, key=len))


def _names_nearly_alike(kept: list[Assessment]) -> list[IdentityProblem]:
    """A warning for each two accounts (*kept*: with their history keys), not both with an Account-ID,
    whose names are nearly alike: on the first assessment of the account that appears later, naming the
    other one's file (of the same quarter where it has one). Candidates are found through the names'
    deletions, not by comparing every two accounts: a portfolio of hundreds is checked on every run."""
    accounts: dict[str, list[Assessment]] = {}
    for assessment in _by_period(kept):
        accounts.setdefault(assessment.history_key, []).append(assessment)
    position = {key: index for index, key in enumerate(accounts)}
    names = {key: {identity_key(a.account.name) for a in group} for key, group in accounts.items()}
    sharing: dict[str, set[str]] = {}
    for key, keys in names.items():
        for name in keys:
            core = _core(name)
            for variant in _deletions(core, _edits_allowed(core)):
                sharing.setdefault(variant, set()).add(key)
    pairs = {
        tuple(sorted(pair, key=position.get)) for keys in sharing.values() for pair in combinations(keys, 2)
    }
    problems = []
    for earlier, later in sorted(pairs, key=lambda pair: (position[pair[1]], position[pair[0]])):
        if _has_id(earlier) and _has_id(later):
            continue  # an Account-ID each: told apart on purpose
        if names[earlier] & names[later]:
            continue  # the same name under two Account-IDs: warned of as such
        if not any(_nearly_alike(a, b) for a in names[earlier] for b in names[later]):
            continue
        warned = accounts[later][0]
        other = next((a for a in accounts[earlier] if a.period == warned.period), accounts[earlier][0])
        params = {
            "name": warned.account.name,
            "other": other.account.name,
            "other_place": other.places.name.describe(),
        }
        problem = Problem(warned.places.name, NAMES_NEARLY_ALIKE, params, Severity.WARNING)
        problems.append(IdentityProblem(warned, problem))
    return problems


def account_key(assessment: Assessment) -> str:
    """Which account's history an assessment belongs to: as identified once every file was read (see
    :func:`identify`), else its Account-ID or its name."""
    return assessment.history_key or default_history_key(assessment)
