"""Where things happen: which places a text names as a scene, and how a scene narrows."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.gazetteer import lookup_place
from kg.extract.model import Entity

SPECIFICITY = {"facility": 3, "city": 2, "region": 1, "country": 1, None: 1}

_PALACE_OF = re.compile(r"^(?:[A-Z][a-z]+\s+)?(?:Palace|Hall|House|Castle)\s+(?:on|of)\s")  # "the Palace on the Isle"
_VENUE = re.compile(r"^(.+?)\s+(?:International|Congress|Exhibition|Trade)\s+Cent(?:re|er)$")


# "Defence Capacity Building", "Confidence Building": an activity, not a building
NOT_A_BUILDING = re.compile(r"\b(?:Capacity|Institution|Confidence|Peace|Nation|State|Resilience|Integrity|Trust|"
                            r"Consensus|Coalition|Team)[ \t]+Building$")


def is_facility_name(name: str) -> bool:
    """Whether a name of two words or more names a building or site: "Eastport Naval Base",
    "Palazzo Chigi", "the Palace on the Isle", "the Vienna International Centre" (a city's venue)."""
    words = name.split()
    if len(words) < 2 or NOT_A_BUILDING.search(name):
        return False
    if any(name.endswith(" " + head) for head in lx.FACILITY_HEADS) or words[0] in lx.FACILITY_PREFIXES \
            or _PALACE_OF.match(name):
        return True
    venue = _VENUE.match(name)
    return venue is not None and (place := lookup_place(venue.group(1))) is not None and place.kind == "city"


_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|into|visit|visits|visited|visiting|hosted by|held in|near)\s+(?:the\s+)?|^\s*)$",
    re.IGNORECASE,
)


# A country or region is the scene only when a verb of meeting or travel puts the event there;
# "the situation in the Western Balkans" names a topic.
_SCENE_VERB = re.compile(
    r"\b(?:met|meet|meets|meeting|held|hold|holds|took place|takes place|travel\w*|visit\w*|"
    r"arriv\w*|gather\w*|convene\w*|hosted|host|hosts|attend\w*|participat\w*|will be)\b"
    r"[^.;]{0,40}\b(?:in|to|at)\s+(?:the\s+)?$|\b(?:visit|visits|visited|visiting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_OTHER_EVENT = re.compile(
    r"(?:\b(?:upcoming|forthcoming|next|ahead of|prepar\w*|towards|before|since|last|previous)\b[^.]{0,50}"
    r"\b(?:Conference|Meeting|Ministerial|conference)|\b(?:for|of|at|before|after)\s+the\s+(?:\w+\s+){0,2}Summit)"
    r"\s+(?:in|at)\s+(?:[Tt]he\s+)?$"
)


def locative(text: str, start: int, place: Entity) -> bool:
    """Whether a place is named as where something happens ("in Brussels", "at NATO HQ")."""
    if place.place_kind == "facility":
        return True
    before = text[max(0, start - 60):start]
    line_start = "\n" in before
    if line_start:
        before = before.rsplit("\n", 1)[1]
    if place.place_kind in ("country", "region", None):
        return bool(_SCENE_VERB.search(before)) or (line_start and not before.strip())
    if _OTHER_EVENT.search(text[max(0, start - 90):start]):
        return False  # "preparations for the Summit in The Hague": another event's place
    if line_start and not before.strip() and re.match(r"[A-Z][\w'’.-]+[ \t]*/[ \t]*[A-Z][\w'’.-]+,", text[start:start + 40]):
        return False  # "Strasbourg/Yerevan, 13 May": the publisher's seat; the news happened in the second
    return bool(_LOCATIVE.search(before[-30:])) or (line_start and re.fullmatch(r"[\w\s,–/-]*", before) is not None
                                                   and len(before) < 40)


def another_site(scene: list[Entity], places: list[Entity]) -> bool:
    """Whether a sentence takes the story to a facility other than the scene it has."""
    return bool(scene) and any(p.place_kind == "facility" and all(p is not q for q in scene) for p in places)


def refinements(scene: list[Entity], places: list[Entity], headline: bool = False) -> list[Entity]:
    """Later places that narrow the scene down ("visits Ruritania" ... "in Strelsau")."""
    countries = {p.country_code for p in scene if p.country_code}
    best = max((SPECIFICITY.get(p.place_kind, 1) for p in scene), default=0)
    if best >= SPECIFICITY["city"] and not headline:
        return []  # after "in Tokyo", "he also visited the X Base" is another visit, not a narrowing
    return [p for p in places if p.country_code in countries and SPECIFICITY.get(p.place_kind, 1) > best]


def title_scene(text: str, sentences, by_sentence, title_end: int) -> list[Entity]:
    """A city or facility the headline places the story in ("Secretary General in Munich")."""
    return [e for index, sent in enumerate(sentences) if sent.start_char < title_end
            for start, e in by_sentence.get(index, [])
            if e.kind == "location" and e.place_kind in ("city", "facility") and locative(text, start, e)]


def dateline_place(text: str, sentences, by_sentence, title_end: int) -> Entity | None:
    """The most specific place the opening sentences name as the scene, if any."""
    best = None
    for index, sent in enumerate(sentences[:4]):
        if sent.start_char < title_end:
            continue
        for start, entity in sorted(by_sentence.get(index, []), key=lambda item: item[0]):
            if entity.kind == "location" and locative(text, start, entity):
                if best is None or SPECIFICITY.get(entity.place_kind, 1) > SPECIFICITY.get(best.place_kind, 1):
                    best = entity
        if best is not None:
            return best
    return None


# What may stand between a site and the place it lies in: "X Base in Oslo", "Capellen,
# Luxembourg", "Reitan, near Bodø", "the plant in Kvalsundet, in northern Norway"
_PLACED_AFTER = re.compile(r"\s*,?\s*(?:(?:in|near)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?)?"
                           r"|[^.;,]{0,40}?\s+in\s+(?:the\s+)?")


def place_facilities(mentions, entity_at, text: str) -> None:
    """A facility or town the gazetteer does not know lies in the country of the city or country
    named in the same sentence ("at the Government Guest House in Oslo", "in Capellen, Luxembourg")."""
    for mention in mentions:
        facility = entity_at.get((mention.start, mention.end))
        if facility is None or facility.place_kind not in ("facility", "city") or facility.country_code:
            continue
        # The place right after it ("X Base in Oslo"), else one the sentence sets the scene in
        # ("In Oslo, ... the X Base"); not any country the sentence names ("the Prime Minister of
        # Ruritania, at the X Villa").
        candidates = sorted((o for o in mentions if o.sentence == mention.sentence),
                            key=lambda o: (o.start < mention.start, abs(o.start - mention.start)))
        for other in candidates:
            place = entity_at.get((other.start, other.end))
            if place is None or place is facility or place.place_kind not in ("city", "country") \
                    or not place.country_code:
                continue
            between = text[mention.end:other.start]
            if other.start > mention.start and re.fullmatch(_PLACED_AFTER, between) or \
                    other.start < mention.start and re.search(r"\b[Ii]n\s+(?:the\s+)?$", text[max(0, other.start - 8):other.start]):
                facility.country_code = place.country_code
                break
