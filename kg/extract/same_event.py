"""One real event told by several articles (an advisory and its report, two reports) is one
meeting: each article's meetings join the closest meeting of the articles before it."""

from __future__ import annotations

from kg.extract.model import Entity, Meeting
from kg.extract.places import SPECIFICITY


def _overlaps(a: Meeting, b: Meeting) -> bool:
    if a.start is None or b.start is None:
        return False
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _places_agree(a: str | None, b: str | None, entities: dict[str, Entity]) -> bool:
    """Two places can be the scene of one event: the same, unknown, or in the same country."""
    if a is None or b is None or a == b:
        return True
    first, second = entities.get(a), entities.get(b)
    return bool(first and second and first.country_code and first.country_code == second.country_code)


def _closeness(old: Meeting, new: Meeting, entities: dict[str, Entity]) -> tuple | None:
    """How alike two meetings of different articles are, or None when they cannot be one event.

    The same event: a shared participant, overlapping days and a compatible place (an
    announcement's "Brussels" and a report's "NATO Headquarters").
    """
    if old.articles & new.articles:
        return None
    shared = old.participants & new.participants
    persons = {p for p in shared if p.startswith("person/")}
    # A standing body meets often: sharing only a body, the two must agree on day and place.
    same_sitting = bool(shared) and old.start == new.start and old.location is not None \
        and old.location == new.location
    if not ((persons or same_sitting) and _overlaps(old, new) and _places_agree(old.location, new.location, entities)):
        return None
    return (old.location == new.location, old.start == new.start, len(shared))


def add_meetings(meetings: list[Meeting], news: list[Meeting], entities: dict[str, Entity]) -> None:
    """Merge each of one article's meetings into the meeting of another article that is the same
    event, else append it. The closest pairs join first, so an announced visit to a palace joins
    the report's meeting at that palace, not the report's summary of the whole trip."""
    pairs = sorted(((score, -n, -o, n, o) for n, new in enumerate(news) for o, old in enumerate(meetings)
                    if (score := _closeness(old, new, entities)) is not None), reverse=True)
    joined: dict[int, int] = {}
    for _, _, _, n, o in pairs:
        if n not in joined and o not in joined.values():
            joined[n] = o
    for n, new in enumerate(news):
        if n in joined:
            _merge(meetings[joined[n]], new, entities)
    meetings.extend(new for n, new in enumerate(news) if n not in joined)


def _merge(old: Meeting, new: Meeting, entities: dict[str, Entity]) -> None:
    old.participants |= new.participants
    old.hosts |= new.hosts
    specific = [p for p in (old.location, new.location) if p]
    reported = [m.location for m in (old, new) if m.status == "held" and m.location]
    if old.status != new.status and reported:
        old.location = reported[0]  # where the report says it happened, not the plan
    else:
        old.location = max(specific, key=lambda k: SPECIFICITY.get(entities[k].place_kind, 1), default=None)
    old.articles |= new.articles
    old.evidence += new.evidence
    if new.status == "held":
        old.status = "held"  # the report supersedes the announcement
        old.label = new.label if len(new.participants) >= len(old.participants) else old.label
