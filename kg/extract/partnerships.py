"""Partnerships: stated cooperative relationships, with their framework and start."""

from __future__ import annotations

import datetime
import re

TRIGGER = re.compile(
    r"\b(?:partner\w*|cooperation|co-operation|joined|joins|join|member of|membership|"
    r"agreement|memorandum of understanding|alliance with|allied with)\b",
    re.IGNORECASE,
)
_FRAMEWORK = re.compile(
    r"((?:[A-Z0-9&][\w’'&\-]*\s+|\([A-Z&/]{2,8}\)\s+|of\s+|for\s+|and\s+|&\s+)*?[A-Z][\w’'&\-]*\s+(?:\([A-Z&]{2,8}\)\s+)?"
    r"(?:Partnership|Dialogue|Initiative|Programme|Program|Partnership Programme|Cooperation Initiative))\b"
)
# "NATO-EU cooperation", "Polish-Swedish political consultations", "Korea-China Foreign
# Ministers' Meeting": two parties joined by a hyphen before a word of working together.
_PAIR = re.compile(
    r"\b([A-Z][A-Za-z]+)[-–]([A-Z][A-Za-z]+)(?:\s+[\w’']+){0,3}?\s+"
    r"(?:cooperation|co-operation|partnership|relations|agreement|dialogue|alliance|consultations|"
    r"talks|summit|meeting|declaration|statement)\b",
    re.IGNORECASE,
)
_BODY_WORDS = frozenset({"Council", "Commission", "Centre", "Center", "Committee", "Board", "Group",
                         "Agency", "Office", "Staff", "Command", "Forum"})
_SINCE_YEAR = re.compile(r"\b(?:in|since)\s+((?:19|20)\d{2})\b")


def is_partnership_sentence(text: str) -> bool:
    """Whether the sentence states a cooperative relationship."""
    return bool(TRIGGER.search(text))


_ACRONYM_PARTNERS = re.compile(r"\b([A-Z][A-Za-z&]*[A-Z])\s+(?:partners?|partner (?:nations|countries)|frameworks?)\b")
_NAMED_PARTNERS = re.compile(r"\b((?:[A-Z][\w&’'-]*\s+){1,4})Partners?\b")


def framework(text: str, acronyms: dict[str, str] | None = None) -> str | None:
    """The named programme or framework in the sentence, if any.

    `acronyms` maps abbreviations the article defined to their full names, so "the four ICI
    partners" names the Istanbul Cooperation Initiative.
    """
    for match in _ACRONYM_PARTNERS.finditer(text):
        if acronyms and match.group(1) in acronyms:
            return acronyms[match.group(1)]
    for match in _FRAMEWORK.finditer(text):
        name = re.sub(r"^(?:the|The)\s+", "", match.group(1).strip())
        name = re.sub(r"\s+\([A-Z&/]{2,8}\)", "", name)  # "Building Integrity (BI) Programme"
        name = re.sub(r"^[A-Z]+[’']s\s+", "", name)
        if len(name.split()) >= 2 and not re.match(r"^(?:New|This|That|Our|Their|Its)\b", name):
            return name
    for match in _NAMED_PARTNERS.finditer(text):  # "S&T Enhanced Partners": the S&T Enhanced Partnership
        name = match.group(1).strip()
        if not re.match(r"^(?:NATO|EU|The|Our|New)$", name) and not name.startswith(("The ", "Our ")):
            return f"{name} Partnership"
    return None


def hyphen_pairs(text: str) -> list[tuple[str, str]]:
    """"NATO-EU cooperation" gives ("NATO", "EU")."""
    pairs = []
    for match in _PAIR.finditer(text):
        following = text[match.end(2):].split(maxsplit=1)
        if following and following[0].strip(",.;:") in _BODY_WORDS:
            continue  # "the NATO-Ukraine Council meeting": a body's name, not a relationship
        if match.group(1)[0].isupper() and match.group(2)[0].isupper():
            pairs.append((match.group(1), match.group(2)))
    return pairs


def since(text: str, dates: list[datetime.date]) -> datetime.date | int | None:
    """When the relationship began: a full date of a joining, or a year."""
    if re.search(r"\b(?:joined|joins|since|became|signed)\b", text):
        if dates:
            return dates[0]
        match = _SINCE_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None
