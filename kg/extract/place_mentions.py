"""Mentions of places found by their shape or by the gazetteer, where a tagger may miss them:
named facilities, well-known seats of government, datelines, and capitalised phrases that name a
place. Each function yields (kind, surface, start, end, priority) tuples for kg.extract.mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.dates import MONTH_PATTERN
from kg.extract import lexicon as lx
from kg.extract.gazetteer import lookup_place
from kg.extract.naming import NAME_WORD as _NAME_WORD, clean_name
from kg.extract.places import NOT_A_BUILDING

# Places the tagger may miss: a capitalised phrase the gazetteer knows, after a preposition
# for cities (a city's name is often a person's too), anywhere for countries and regions.
_PLACE_CANDIDATE = re.compile(
    rf"(?:\b(?P<prep>in|to|at|from|near|visited|visit)[ \t]+)?(?P<name>(?:the[ \t]+)?{_NAME_WORD}(?:[ \t-]+{_NAME_WORD}){{0,3}}"
    # "the Democratic People's Republic of Korea": a state named with "of", not the "Republic of Korea" inside
    rf"(?:[ \t]+of(?:[ \t]+the)?[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})?(?:[ \t]+(?:area|region))?)")
_FACILITY = re.compile(
    rf"((?:{_NAME_WORD}[ \t]+){{1,4}}(?:{'|'.join(re.escape(h) for h in sorted(lx.FACILITY_HEADS, key=len, reverse=True))}|headquarters))\b"
    r"(?![ \t]+[A-Z(])"  # "Building Integrity Programme" goes on: no facility
)
_FAMOUS_FACILITY = re.compile(
    r"\b(" + "|".join(re.escape(n) for n in sorted(lx.WELL_KNOWN_FACILITIES, key=len, reverse=True)) + r")\b"
    r"(?![ \t]+[A-Z])"  # "NATO Headquarters Sarajevo" is another headquarters
)


_DATELINE_AFTER = re.compile(
    rf"(?:,[ \t]*[A-Z][\w ]{{0,30}}?)?[,:]?[ \t]*(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH_PATTERN}|{MONTH_PATTERN}[ \t]+\d|\(|[–—-][ \t]"
    r"|/[ \t])")  # "Doha / Information Office / 7 May": a news agency's dateline
# "ABU DHABI, 14th May, 2025 (WAM) --", "Doha / Information Office /": datelines a tagger misreads
_OTHER_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2})(?=[ \t]*[,/])"
                             r"|^([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,2})(?=[ \t]+/[ \t])")


def dateline(text: str, start: int, end: int) -> bool:
    """"Oslo, 6 May 2030 –": a city opening a line before the date is where the release was written."""
    return (start == 0 or text[start - 1] == "\n") and bool(_DATELINE_AFTER.match(text, end))


def town_in_country(after: str) -> bool:
    """Whether the text after a name places it in a country: ", Luxembourg," / ", in northern Ruritania"."""
    match = re.match(r",\s+(near\s+)?(?:in\s+(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?\s+)?"
                     r"((?:[A-Z][\w’'-]*\s?){1,4}?)(?=[,.;)]|\s+(?:on|in|by|and|for|to)\b|$)", after)
    place = lookup_place(match.group(2).strip()) if match else None
    # ", near Bodø": a town named by the city it lies near
    return place is not None and (place.kind == "country" or (place.kind == "city" and bool(match.group(1)))
                                  or (place.kind == "region" and place.country_code is not None))  # ", Bogor Regency"


_FRAMEWORK_WORDS = frozenset({"Dialogue", "Partnership", "Initiative", "Programme", "Program", "Forum", "Strategy",
                              "Cooperation", "Declaration", "Agreement", "Format", "Process", "Summit", "Conference"})


def _known_place_prefix(text: str, start: int, name: str, prep: str | None) -> tuple | None:
    """The mention of the longest prefix of `name` (written at `start`) that names a place, if any."""
    words = name.split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        place = lookup_place(candidate)
        if place is None or (place.kind == "city" and not prep and not dateline(text, start, start + len(candidate))):
            continue
        if size < len(words) and (words[size] in lx.ORG_HEADS or words[size] in _FRAMEWORK_WORDS):
            return None  # "the Mediterranean Dialogue", "the Baltic Sea Council": the place names something else
        cleaned = clean_name(candidate) if not candidate.startswith(("The ", "the ")) or \
            lookup_place(candidate[4:]) else candidate
        if cleaned.startswith(("The ", "the ")) and lookup_place(cleaned[4:]):
            cleaned = cleaned[4:]
        shift = candidate.find(cleaned)
        return "location", cleaned, start + shift, start + shift + len(cleaned), 0
    return None


def facility_mentions(text: str) -> Iterator[tuple]:
    """Named facilities: a capitalised run ending in a facility word ("the X Naval Base")."""
    for match in _FACILITY.finditer(text):
        name = clean_name(match.group(1))
        if NOT_A_BUILDING.search(name):
            continue
        if re.search(r"[’']s\b", name):
            # "the Agency’s Headquarters" is where a body sits, not a named place; in
            # "Examplecorp’s Harbour Works" the named site follows the owner.
            site = re.split(r"[’']s\s+", match.group(1))[-1]
            owner = clean_name(re.split(r"[’']s\s+", match.group(1))[0])
            if owner in lx.TITLE_HEADS or (re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ\w-]+", owner) and lookup_place(owner) is None
                                           and owner not in lx.ORG_HEADS and owner not in lx.WELL_KNOWN_NAMES):
                # "Kramer’s Villa", "the Prime Minister’s Official Residence": the whole is the name
                at = match.start(1) + match.group(1).find(owner)
                yield "location", text[at:match.end(1)], at, match.end(1), 2
                continue
            if len(site.split()) >= 2 and site[0].isupper():
                at = match.end(1) - len(site)
                yield "location", site, at, match.end(1), 2
            continue
        if name.endswith(" headquarters") and re.search(r"\b(?:of|for)\s+(?:the\s+)?$", text[max(0, match.start(1) - 12):match.start(1)]):
            continue  # "the Ministry of Defence headquarters in Madrid": a body's seat, no named building
        name = name[: -len("headquarters")] + "Headquarters" if name.endswith(" headquarters") else name
        if len(name.split()) >= 2 and name[0].isupper():
            yield "location", name, match.start(1), match.end(1), 2


_SLASH_DATELINE = re.compile(r"(?m)^([A-Z][\w'’.-]+)[ \t]*/[ \t]*([A-Z][\w'’.-]+)(?=,)")
# Two or three capitalised words opening a line, before a comma: a dateline's town.
_TOWN_DATELINE = re.compile(r"(?m)^([A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2})(?=,)")
_NOT_TOWN_WORDS = frozenset(lx.ORG_HEADS) | frozenset(lx.TITLE_HEADS) | _FRAMEWORK_WORDS | {
    "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def famous_places_and_datelines(text: str) -> Iterator[tuple]:
    """Well-known seats of government ("the Élysée Palace") and the city of a dateline the
    tagger misreads ("ABU DHABI, 14th May", "Doha / Information Office /")."""
    for match in _FAMOUS_FACILITY.finditer(text):
        yield "location", match.group(1), match.start(1), match.end(1), 2
    for match in _OTHER_DATELINE.finditer(text):
        written = match.group(match.lastindex).title()
        place = lookup_place(written)
        if place is not None and place.kind in ("city", "country") and dateline(text, match.start(), match.end()):
            yield "location", written, match.start(), match.end(), 2
    for match in _SLASH_DATELINE.finditer(text):
        # "Strasbourg/Yerevan, 13 May": where the publisher sits, then where the news happened
        for group in (1, 2):
            place = lookup_place(match.group(group))
            if place is not None and place.kind == "city":
                yield "location", match.group(group), match.start(group), match.end(group), 2
    for match in _TOWN_DATELINE.finditer(text):
        # "Paso Canoas, Corredores, 7 February": the whole run opening the line is the town,
        # where a tagger sees only its last word
        name = match.group(1)
        if dateline(text, match.start(), match.end()) and not set(name.split()) & _NOT_TOWN_WORDS:
            yield "location", name, match.start(), match.end(), 1, "city"


def gazetteer_places(text: str) -> Iterator[tuple]:
    """Capitalised phrases the gazetteer knows: countries and regions anywhere, cities after a
    preposition or in a dateline."""
    for match in _PLACE_CANDIDATE.finditer(text):
        name = match.group("name")
        # the whole run first, then what follows its "of" ("[Prime Minister of] Barbados")
        tail = re.search(r"\s+of\s+(?:the\s+)?", name)
        options = [(match.start("name"), name, match.group("prep"))]
        if tail:
            options.append((match.start("name") + tail.end(), name[tail.end():], None))
        for start, name, prep in options:
            hit = _known_place_prefix(text, start, name, prep)
            if hit is not None:
                yield hit
                break


# "Lake Victoria", "the Fergana Valley": natural regions the gazetteer does not hold, named by their kind
_NATURAL_REGION = re.compile(r"\b(Lake[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+(?:Valley|Basin|Delta|Peninsula))\b"
                             r"(?![ \t]+[A-Z])")


def natural_regions(text: str) -> Iterator[tuple]:
    """Lakes, valleys, basins, deltas and peninsulas named by their kind."""
    for match in _NATURAL_REGION.finditer(text):
        yield "location", match.group(1), match.start(1), match.end(1), 1, "region"
