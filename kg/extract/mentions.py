"""Find the names an article uses for persons, organisations and places.

spaCy's entities are the starting point; small rules add what a statistical tagger misses in
press releases (names after "Mr", "Full Name (ACR)" definitions, facilities, well-known bodies)
and remove what it tags wrongly (roles, collective nouns, e-mail addresses, time zones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import lexicon as lx
from kg.extract.gazetteer import country_of_demonym, is_demonym, lookup_place
from kg.extract.model import Mention

_APOS = "’'"
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?"
_PARTICLE = r"(?:van der|van den|van|von der|von|de la|de|der|di|da|del|bin|al|el|ter)"
_PERSON_AFTER_HONORIFIC = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Miss|Sir|Dame)\.?\s+"
    rf"((?:{_NAME_WORD})(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}})"
)
_ACRONYM = r"[A-Z][A-Za-z&]*[A-Z](?:/[A-Z]+)?|[A-Z]{2,}"
_ACRONYM_DEF = re.compile(
    rf"((?:{_NAME_WORD}|&)(?:\s+(?:of|for|and|the|in|on|to|&|{_NAME_WORD})){{1,12}})\s+\(({_ACRONYM})\)"
)
_FACILITY = re.compile(
    rf"((?:{_NAME_WORD}\s+){{1,4}}(?:{'|'.join(re.escape(h) for h in sorted(lx.FACILITY_HEADS, key=len, reverse=True))}))\b"
)
_LEADING = re.compile(
    r"^(?:the|The|a|an)\s+|^(?:"
    + "|".join(re.escape(h) for h in sorted(lx.HONORIFICS + lx.RANKS, key=len, reverse=True))
    + r")" + lx.RANK_SUFFIX + r"\s+"
)
_TITLE_PREFIX = re.compile(
    r"^(?:(?:NATO|EU|UN|US|UK)\s+)?(?:"
    + "|".join(re.escape(h) for h in sorted(lx.TITLE_HEADS, key=len, reverse=True))
    + r")\b[\s,]*"
)
_WELL_KNOWN = re.compile(
    r"\b(" + "|".join(
        re.escape(name) for names in lx.WELL_KNOWN_ORGANISATIONS for name in names
        if not name.startswith("the ")
    ) + r")\b"
)
_ALLIANCE = re.compile(r"\bthe Alliance\b")


@dataclass
class AcronymPair:
    """A "Full Name (ACR)" definition found in the text."""

    full: str
    acronym: str


def clean_name(text: str) -> str:
    """A surface form without leading article, honorifics, ranks, possessive or stray punctuation."""
    text = " ".join(text.split())
    text = re.sub(rf"[{_APOS}]s$", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
    return text.strip(" ,.;:“”\"'’()")


def _is_noise(text: str) -> bool:
    folded = text.casefold()
    if not text or not text[0].isupper() and not text[0].isdigit():
        return True
    if folded in lx.NOISE or lx.EMAIL.search(text) or lx.HANDLE.search(text) or "@" in text:
        return True
    if any(ch.isdigit() for ch in text):
        return True
    if is_demonym(text) or is_demonym(text.rstrip("s")):
        return True
    return False


def _last_word(text: str) -> str:
    return text.split()[-1] if text.split() else ""


def _ends_with(text: str, heads: tuple[str, ...]) -> bool:
    return any(text == h or text.endswith(" " + h) for h in heads)


def classify_name(text: str, hint: str) -> str | None:
    """The kind of a cleaned name: person, organisation or location; None when it names nothing."""
    if _is_noise(text):
        return None
    if _ends_with(text, lx.NOT_ORG_HEADS):
        return None
    if _ends_with(text, lx.FACILITY_HEADS) and len(text.split()) > 1:
        return "location"
    if lookup_place(text) is not None:
        return "location"
    if _ends_with(text, lx.ORG_HEADS):
        return "organisation"
    if _TITLE_PREFIX.match(text) and _TITLE_PREFIX.sub("", text) == "":
        return None  # a job title alone
    if re.fullmatch(r"[A-Z]+-[A-Z][a-z]+|[A-Z]+-[A-Z]+", text):
        return None  # "NATO-EU", "NATO-Ukraine": a relationship, not a body
    return hint


def _person_text(text: str) -> str | None:
    """The name part of a PERSON entity that may start with a post title."""
    text = clean_name(text)
    stripped = _TITLE_PREFIX.sub("", text)
    if stripped != text:
        text = clean_name(stripped)
    words = text.split()
    if not words or any(w.isupper() and len(w) > 2 for w in words):
        return None  # an acronym is not a person's name
    if text.casefold() in lx.NOISE:
        return None
    return text


def find_mentions(doc, offset: int = 0) -> tuple[list[Mention], list[AcronymPair]]:
    """Mentions of persons, organisations and locations in a parsed spaCy `doc`."""
    text = doc.text
    sentence_of = _sentence_index(doc)
    found: list[Mention] = []
    pairs: list[AcronymPair] = []

    def add(kind: str, surface: str, start: int, end: int, priority: int) -> None:
        found.append(Mention(kind, surface, start + offset, end + offset, sentence_of(start)))
        found[-1].priority = priority  # type: ignore[attr-defined]

    for match in _ACRONYM_DEF.finditer(text):
        full = clean_name(match.group(1))
        full = re.sub(rf"^(?:NATO|EU)[{_APOS}]s\s+", "", full)
        acronym = match.group(2)
        kind = classify_name(full, "organisation")
        if kind == "organisation" and _ends_with(full, lx.ORG_HEADS):
            pairs.append(AcronymPair(full, acronym))
            add("organisation", full, match.start(1), match.end(1), 3)
            add("organisation", acronym, match.start(2), match.end(2), 3)
    for match in _FACILITY.finditer(text):
        name = clean_name(match.group(1))
        if len(name.split()) >= 2 and name[0].isupper():
            add("location", name, match.start(1), match.end(1), 2)
    for match in _PERSON_AFTER_HONORIFIC.finditer(text):
        name = _person_text(match.group(1))
        if name and classify_name(name, "person") == "person":
            add("person", name, match.start(1), match.end(1), 2)
    for match in _WELL_KNOWN.finditer(text):
        add("organisation", match.group(1), match.start(1), match.end(1), 1)
    for match in _ALLIANCE.finditer(text):
        add("organisation", "the Alliance", match.start(), match.end(), 1)

    for ent in doc.ents:
        label = ent.label_
        if label == "PERSON":
            name = _person_text(ent.text)
            kind = classify_name(name, "person") if name else None
        elif label in ("ORG", "FAC", "GPE", "LOC"):
            name = clean_name(ent.text)
            hint = "organisation" if label == "ORG" else "location"
            kind = classify_name(name, hint)
        elif label == "NORP":
            name = clean_name(ent.text)
            kind = "location" if lookup_place(name) and not country_of_demonym(name) else None
        else:
            continue
        if kind and name:
            start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
            add(kind, name, start, start + len(name), 0)
    return _without_overlaps(found), pairs


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, among overlapping mentions, the highest-priority then the longest one."""
    ordered = sorted(mentions, key=lambda m: (-getattr(m, "priority", 0), -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for mention in ordered:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _sentence_index(doc):
    starts = [sent.start_char for sent in doc.sents]

    def index(char: int) -> int:
        lo = 0
        for i, start in enumerate(starts):
            if start <= char:
                lo = i
            else:
                break
        return lo

    return index
