"""Find and parse the date expressions news articles use ("3 April 2025", "14-15 May", "May 28, 2025")."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

# Month names must be capitalised so that "may" (the verb) and "march" are not months.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
)
MONTH_PATTERN = _MONTH  # for other modules that need to see a date coming ("Oslo, 6 May 2030 –")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?<![\d:.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]|20)\d\d(?![\d:])"
# A year after the month: "3 April 2025", "3 April, 2025", "16 May (2025)", "28 May [2025]".
_OPT_YEAR = rf"(?:,?\s*[(\[]?(?P<year>{_YEAR})(?:(?<=[(\[]\d{{4}})[)\]])?)?"
# "Wednesday 14 and Thursday 15 May": a weekday may name the second day too.
_SEP = rf"\s*(?:-|–|—|to|and|until|till|through)\s*(?:{_WEEKDAY},?\s+)?"


def _group(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


# Tried in this order at each position; the longest match wins.
_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})(?!\d)"),
    # "17/2/2025", "17.02.2025": day first, as most of the world writes it (a month above 12
    # cannot match, so an American "2/17/2025" is left unread rather than misread)
    re.compile(r"(?<![\d/.])(?P<d1>[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?P<m2>1[0-2]|0?[1-9])(?P=sep)"
               r"(?P<year>(?:19|20)\d\d)(?![\d/])"),
    # "30 May – 2 June 2025", "30 December 2024 to 2 January 2025"
    re.compile(
        rf"(?:From\s+|from\s+|between\s+)?{_group('d1', _DAY)}\s+{_group('m1', _MONTH)}"
        rf"(?:,?\s*{_group('y1', _YEAR)})?{_SEP}{_group('d2', _DAY)}\s+{_group('m2', _MONTH)}{_OPT_YEAR}"
    ),
    # "7-8 April 2025", "07 and 08 February 2025", "From 11 to 18 March 2025"
    re.compile(
        rf"(?:From\s+|from\s+|between\s+)?{_group('d1', _DAY)}{_SEP}(?:the\s+)?{_group('d2', _DAY)}\s+(?:of\s+)?"
        rf"{_group('m2', _MONTH)}{_OPT_YEAR}"
    ),  # "the 2nd and 3rd of October"
    # "3 April 2025", "19 Mar. 2025", "8 April", "the 4th of July 2025"
    re.compile(rf"{_group('d1', _DAY)}\s+(?:of\s+)?{_group('m2', _MONTH)}{_OPT_YEAR}"),
    # "May 30 – June 2, 2025"
    re.compile(
        rf"{_group('m1', _MONTH)}\s+{_group('d1', _DAY)}{_SEP}{_group('m2', _MONTH)}\s+"
        rf"{_group('d2', _DAY)}(?:,?\s+{_group('year', _YEAR)})?"
    ),
    # "May 28, 2025", "May 28-29, 2025", "March 3"
    re.compile(
        rf"{_group('m2', _MONTH)}\s+{_group('d1', _DAY)}(?:{_SEP}{_group('d2', _DAY)})?"
        rf"(?:,?\s+{_group('year', _YEAR)})?(?![\w])"
    ),
]
_WEEKDAY_RE = re.compile(rf"\b{_WEEKDAY}\b")
# Weekdays written next to a date belong to it: "On Thursday (3 April 2025)", "Friday and
# Saturday (14-15 February)", "On Tuesday, 8 April", "on 25 February (Tuesday)".
_WEEKDAY_BEFORE = re.compile(
    rf"{_WEEKDAY}(?:\s*(?:and|,|&|-|–|to)\s*{_WEEKDAY})?\s*,?\s*(?P<paren>\()?\s*$"
)
_WEEKDAY_AFTER = re.compile(rf"^\s*,?\s*\(?{_WEEKDAY}\)?")


@dataclass(frozen=True)
class DateMention:
    """One date expression in a text: the days it covers and where it is."""

    start: datetime.date
    end: datetime.date
    begin: int
    end_char: int
    text: str


def _month(token: str) -> int:
    return int(token) if token.isdigit() else _MONTHS[token.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _resolve(match: re.Match[str], reference: datetime.date | None) -> tuple[datetime.date, datetime.date] | None:
    """The (start, end) days of a match, or None if it has no year and no reference, or is impossible."""
    groups = match.groupdict()
    year_text = groups.get("year")
    start_year_text = groups.get("y1")
    if year_text is None and reference is None:
        return None
    end_year = int(year_text) if year_text else reference.year  # type: ignore[union-attr]
    start_year = int(start_year_text) if start_year_text else end_year
    end_month = _month(groups["m2"]) if groups.get("m2") else _month(groups["m1"])
    start_month = _month(groups["m1"]) if groups.get("m1") else end_month
    start_day = _day(groups["d1"])
    end_day = _day(groups["d2"]) if groups.get("d2") else start_day
    try:
        start = datetime.date(start_year, start_month, start_day)
        end = datetime.date(end_year, end_month, end_day)
    except ValueError:
        return None
    if end < start:
        # "30 December – 2 January 2025": the start lies in the year before.
        if start_year_text is None and start_month > end_month:
            try:
                start = datetime.date(end_year - 1, start_month, start_day)
            except ValueError:
                return None
        if end < start:
            return None
    return start, end


def _nearest_weekday(weekday: int, reference: datetime.date) -> datetime.date:
    """The date with this weekday closest to the reference (at most three days away)."""
    delta = (weekday - reference.weekday()) % 7
    return reference + datetime.timedelta(days=delta if delta <= 3 else delta - 7)


def find_dates(text: str, reference: datetime.date | None = None) -> list[DateMention]:
    """Every date expression in the text, in order; partial dates only when a reference is given."""
    found: list[DateMention] = []
    pos = 0
    while pos < len(text):
        best: re.Match[str] | None = None
        for pattern in _PATTERNS:
            match = pattern.search(text, pos)
            if match is None:
                continue
            if best is None or match.start() < best.start() or (
                match.start() == best.start() and match.end() > best.end()
            ):
                best = match
        if best is None:
            break
        days = _resolve(best, reference)
        if days is None:
            pos = best.start() + 1
            continue
        begin, end = best.start(), best.end()
        before = _WEEKDAY_BEFORE.search(text, max(0, begin - 40), begin)
        if before is not None and before.end() == begin:
            begin = before.start()
            if before.group("paren") and text[end:end + 1] == ")":
                end += 1
        else:
            after = _WEEKDAY_AFTER.match(text[end:end + 14])
            if after is not None:
                end += after.end()
        found.append(DateMention(days[0], days[1], begin, end, text[begin:end]))
        pos = end
    if reference is not None:
        found = _add_lone_weekdays(text, found, reference)
    return found


def _add_lone_weekdays(text: str, found: list[DateMention], reference: datetime.date) -> list[DateMention]:
    """Weekdays outside every other date mention, resolved to the nearest such day."""
    extra = []
    for match in _WEEKDAY_RE.finditer(text):
        if any(m.begin <= match.start() < m.end_char for m in found):
            continue
        day = _nearest_weekday(_WEEKDAYS[match.group().lower()], reference)
        extra.append(DateMention(day, day, match.start(), match.end(), match.group()))
    return sorted(found + extra, key=lambda m: m.begin)


def parse_date(text: str, reference: datetime.date | None = None) -> datetime.date | None:
    """The first day of the first date in the text (only full dates unless a reference is given)."""
    mentions = find_dates(text, reference)
    return mentions[0].start if mentions else None
