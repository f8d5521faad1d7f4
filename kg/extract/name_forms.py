"""Forms of names a statistical tagger misses or cuts wrongly, found by their shape.

Each pattern says why a span names something ("travel to Darwin", "Palazzo Chigi", "the 1st
Brigade", "the company MVM", "Prime Minister KOBAYASHI Haruto", "the foreign ministers of A, B
and C – X, Y and Z –"); `adjust` mends the ends of mentions found another way ("Jane Roe Holds
Talks", "[Asia] Jane Roe", "the 12th [Mechanised Brigade]", "the X Office [in Amman]").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.extract import lexicon as lx
from kg.extract.gazetteer import city_named_like_a_person, lookup_place
from kg.extract.posts import post_before
from kg.extract.model import Mention

_PREFIXED_FACILITY = re.compile(
    r"\b(?:" + "|".join(lx.FACILITY_PREFIXES) + r")(?:[ \t]+(?:de|del|della|di|des|du|la|le|das|dos|da|do)){0,2}(?:[ \t]+[A-ZÀ-Þ][\w’'-]+){1,2}")
# "the foreign ministers of A, B and C – X, Y and Z –": offices listed with their holders in order.
PLURAL_OFFICES = {
    "foreign ministers": "Foreign Minister", "defence ministers": "Defence Minister",
    "defense ministers": "Defense Minister", "prime ministers": "Prime Minister", "presidents": "President",
    "ministers of foreign affairs": "Minister of Foreign Affairs", "ministers of defence": "Minister of Defence",
    "chiefs of defence": "Chief of Defence", "heads of state": None,
}
RESPECTIVELY = re.compile(
    r"\bthe\s+(?P<office>" + "|".join(PLURAL_OFFICES) + r")\s+of\s+(?P<states>(?:the\s+)?[A-Z][^–—:(]{2,200}?)"
    r"\s*(?:[–—:(]|,\s+namely)\s*(?P<names>[A-Z][^–—)]{2,300}?)(?:[–—)]|\.|$)", re.IGNORECASE)


_NUMBERED_UNIT = re.compile(r"\bthe[ \t]+(\d{1,3}(?:st|nd|rd|th)?[ \t]+(?:" + "|".join(lx.UNIT_HEADS) + r"))\b(?![ \t]+[A-Z])")
_COMPANY_ACRONYM = re.compile(r"\b(?:company|firm|operator|manufacturer|producer|utility|conglomerate|group|"
                              r"corporation|shipyard|carrier)[ \t]+([A-Z]{2,6})\b(?![ \t]*[-(])")
# "the Ukrainian drone maker Skyeton", "the shipbuilder Austal": a company named after what it does
_DESCRIBED_COMPANY = re.compile(
    r"\b[Tt]he[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:[a-z-]+[ \t]+)?" + lx.COMPANY_TRADES +
    r"[ \t]+([A-Z][\w&-]+(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&-]+){0,3})\b"
    r"(?![ \t]*\(|[ \t]+(?:[A-Z]|&))")
# "RMAF Base Butterworth", "Naval Station Norfolk", "Joint Base Lewis-McChord": the base's name after the word
_BASE_THEN_NAME = re.compile(r"\b((?:[A-Z][\w-]*[ \t]+){1,2}(?:Base|Station)[ \t]+[A-Z][a-z][\w-]*)\b(?![ \t]+[A-Z])")
# "PT PAL Indonesia", "PT Len Industri": PT (Perseroan Terbatas) opens an Indonesian company's name
_PT_COMPANY = re.compile(r"\bPT[ \t]+[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,2}\b")
_FAMILY_NAME_FIRST = re.compile(r"\b([A-Z]{3,})[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
_POSTED_HEADS = frozenset({"Office", "Mission", "Force", "Battlegroup", "Delegation", "Representation", "Presence"})
# "the Mission of Austria to NATO", "the Delegation of the EU to the United Nations"
_ACCREDITED_TO = re.compile(r"[ \t]+to[ \t]+(" + lx.WELL_KNOWN_PATTERN + r")\b")
_ACCREDITED_HEADS = frozenset({"Mission", "Delegation", "Representation", "Embassy"})
_POSTED_IN = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?([A-ZÀ-Þ][\w’'-]*(?:[ \t]+(?:and[ \t]+)?[A-ZÀ-Þ][\w’'-]*){0,3})")
_TRAVELLED_TO = re.compile(r"\b(?:travel\w*|flew|fly|arriv\w*|headquartered|based|headquarters|moved\s+on)\s+"
                           r"(?:to|in|at)\s+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
_BUILDING_OF = re.compile(
    r"\bthe[ \t]+((?:[A-Z][a-z]+[ \t]+)?(?:Palace|Hall|House|Castle)[ \t]+(?:on|of)[ \t]+(?:the[ \t]+)?[A-ZÀ-Þ][\w’'-]+"
    r"(?:[ \t]+[A-ZÀ-Þ][\w’'-]+)?)")
# "Igli Hasani (Albania), Marko Đurić (Serbia)": people listed with the state each speaks for
_NAME_THEN_STATE = re.compile(r"\b([A-ZÀ-ÖØ-ÞĀ-ȳ][\w’'-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ȳ][\w’'-]+){1,3})[ \t]+\(([A-Z][\w ]+)\)")
# Names in quotation marks, as many Central and Eastern European bodies are named: "the “Carol I”
# National Defence University", "the Mechanised Infantry Brigade “Iron Wolf”"
_QUOTED_BEFORE = re.compile(r"[“\"]([A-Z][^”\"\n]{0,40})[”\"][ \t]+((?:[A-Z][\w-]*[ \t]+){0,4}(?:"
                            + "|".join(re.escape(h) for h in lx.ORG_HEADS) + r"))\b")
_QUOTED_AFTER = re.compile(r"\b((?:[A-Z][\w-]*[ \t]+){0,4}(?:" + "|".join(lx.UNIT_HEADS) + r"))[ \t]+[“\"]([A-Z][^”\"\n]{0,30})[”\"]")
# "her Uruguayan counterpart, Sandra Lazo,": whoever is named right after "counterpart" is a person
_AFTER_COUNTERPART = re.compile(r"\bcounterparts?,?[ \t]+(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?[ \t]+)?"
                                r"([A-ZÀ-ÖØ-ÞĀ-ȳ][\w’'-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ȳ][\w’'-]+){1,2})(?=[ \t]*[,.;)]|[ \t]+[a-z])")
# Words no person's name contains: the heads of titles, bodies, things and buildings, and pronouns
NOT_NAME_WORDS = frozenset(
    {w for h in lx.TITLE_HEADS + lx.ORG_HEADS + lx.NOT_ORG_HEADS + lx.FACILITY_HEADS for w in h.split()}
    | {"He", "She", "They", "It", "We", "The", "This", "That", "In", "On", "At"}
)
HEADLINE_VERBS = frozenset({
    "Holds", "Meets", "Visits", "Receives", "Hosts", "Discusses", "Signs", "Calls", "Welcomes", "Attends",
    "Opens", "Concludes", "Says", "Speaks", "Travels", "Chairs", "Addresses", "Talks", "Pays", "Launches",
    "Joins", "Underlines", "Highlights", "Reaffirms", "Stresses", "Thanks", "Congratulates", "Condemns",
    "Announces", "Praises", "Urges", "Calls", "Arrives", "Leads", "Tours", "Inaugurates", "Presents",
})
ONE_WORD_BODY = re.compile(r"(?<=\bthe\s)(?:" + "|".join(sorted(lx.ONE_WORD_BODIES, key=len, reverse=True)) + r")\b")


def pattern_mentions(text: str, person_like: Callable[[str], bool]) -> Iterator[tuple]:
    """(kind, surface, start, end, priority, place kind) for every name the patterns find."""
    for match in _TRAVELLED_TO.finditer(text):  # "will travel to Darwin", "headquarters in Reading"
        if city_named_like_a_person(match.group(1)) is not None:
            yield "location", match.group(1), match.start(1), match.end(1), 2, "city"
    for match in _PREFIXED_FACILITY.finditer(text):  # "Palazzo Chigi": a building named the local way
        yield "location", match.group(0), match.start(), match.end(), 2
    for match in _BUILDING_OF.finditer(text):  # "the Palace on the Isle", "the Palace of Culture"
        yield "location", match.group(1), match.start(1), match.end(1), 2
    for match in RESPECTIVELY.finditer(text):  # the holders listed after "the foreign ministers of A, B and C"
        at = match.start("names")
        for chunk in re.split(r"(,\s*(?:and\s+)?|\s+and\s+)", match.group("names")):
            name = chunk.strip()
            if name and person_like(name) and not re.fullmatch(r",\s*(?:and\s+)?|\s+and\s+", chunk):
                yield "person", name, at + chunk.find(name), at + chunk.find(name) + len(name), 1
            at += len(chunk)
    for match in _QUOTED_BEFORE.finditer(text):
        yield "organisation", f"{match.group(1)} {match.group(2)}", match.start(), match.end(), 3
    for match in _QUOTED_AFTER.finditer(text):
        yield "organisation", f'{match.group(1)} "{match.group(2)}"', match.start(1), match.end(), 3
    for match in _AFTER_COUNTERPART.finditer(text):
        words = set(match.group(1).split())
        if person_like(match.group(1)) and lookup_place(match.group(1)) is None and not words & NOT_NAME_WORDS:
            yield "person", match.group(1), match.start(1), match.end(1), 1
    for match in _NAME_THEN_STATE.finditer(text):
        place = lookup_place(match.group(2))
        words = set(match.group(1).split())
        if place is not None and place.kind == "country" and person_like(match.group(1)) \
                and lookup_place(match.group(1)) is None and not words & NOT_NAME_WORDS:
            yield "person", match.group(1), match.start(1), match.end(1), 1
    for match in _NUMBERED_UNIT.finditer(text):  # "the 1st Brigade": a unit named by its number alone
        yield "organisation", match.group(1), match.start(1), match.end(1), 0
    for match in _COMPANY_ACRONYM.finditer(text):  # "the state energy company MVM": a body by its acronym
        if match.group(1) not in lx.NOISE_ACRONYMS:
            yield "organisation", match.group(1), match.start(1), match.end(1), 1
    for match in _DESCRIBED_COMPANY.finditer(text):
        if lookup_place(match.group(1)) is None:
            yield "organisation", match.group(1), match.start(1), match.end(1), 1
    for match in _BASE_THEN_NAME.finditer(text):
        yield "location", match.group(1), match.start(1), match.end(1), 2, "facility"
    for match in _PT_COMPANY.finditer(text):
        yield "organisation", match.group(0), match.start(), match.end(), 1
    for match in _FAMILY_NAME_FIRST.finditer(text):
        # "Prime Minister ISHIBA Shigeru": a family name in capitals, then the given name, as
        # Japanese releases write them; only right after a title, where an acronym cannot stand.
        before = text[max(0, match.start() - 200):match.start()]
        if match.group(1) not in lx.WELL_KNOWN_NAMES and (post_before(before) or re.search(
                r"\b(?:Mr|Ms|Mrs|Dr|H\.E)\.?\s+$", before)):
            yield "person", match.group(0), match.start(), match.end(), 2


def adjust(found: list, text: str, offset: int, person_like: Callable[[str], bool]) -> None:
    """Mend the ends of the mentions in `found` (in place); `offset` is where `text` starts."""
    for mention in found:  # "Foreign Minister Jane Roe Holds Talks": a headline's verb ends the name
        words = mention.text.split()
        cut = next((i for i, w in enumerate(words) if w in HEADLINE_VERBS), None)
        if mention.kind == "person" and cut is not None and cut >= 1:
            mention.text = " ".join(words[:cut])
            mention.end = mention.start + len(mention.text)
    for mention in found:
        words = mention.text.split()
        if mention.kind == "person" and len(words) >= 3 and lookup_place(words[0]) is not None \
                and lookup_place(words[0]).kind in ("region", "country") and person_like(" ".join(words[1:])):
            # "Vice President for Europe and Central [Asia Jane Roe]": a place the title ended with
            mention.text = " ".join(words[1:])
            mention.start = mention.end - len(mention.text)
        to = _ACCREDITED_TO.match(text, mention.end - offset)
        if mention.kind == "organisation" and to and (set(words) & _ACCREDITED_HEADS) and " to " not in mention.text:
            # the body a mission is accredited to is part of its name
            mention.text = f"{mention.text} to {to.group(1)}"
            mention.end = to.end() + offset
            continue
        where = _POSTED_IN.match(text, mention.end - offset)
        if mention.kind == "organisation" and words[-1] in _POSTED_HEADS and where \
                and lookup_place(where.group(1)) is not None:
            # "the NATO Liaison Office in Amman", "the EU Mission in Armenia": the place is part
            # of the name of a body posted there
            mention.text = f"{mention.text} in {where.group(1)}"
            mention.end = where.end() + offset
    for mention in list(found):
        # "the Ministry of Industry and Construction and Geoscience Australia": after a ministry's
        # two portfolios, a second "and" opens another body
        two = re.match(r"^((?:Ministry|Department)\s+(?:of|for)\s+[A-Z][\w’'-]*\s+and\s+[A-Z][\w’'-]*)\s+and\s+"
                       r"(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})$", mention.text)
        if mention.kind == "organisation" and two:
            found.append(_split_off(mention, two.group(1), two.group(2)))
    for mention in list(found):
        # "the Cyber Command of the Estonian Defence Forces", "the 1st Brigade of the National Army
        # of Moldova": a body and the body it belongs to, each with its own node
        parts = re.match(r"^(.+?)\s+of\s+the\s+(.+)$", mention.text)
        if mention.kind != "organisation" or parts is None or mention.text in lx.WELL_KNOWN_NAMES:
            continue
        child, parent = parts.group(1), parts.group(2)
        if len(child.split()) >= 2 and child.split()[-1] in (*lx.ORG_HEADS, *lx.UNIT_HEADS) \
                and len(parent.split()) >= 2 and parent.split(" of ")[0].split()[-1] in lx.ORG_HEADS:
            found.append(_split_off(mention, child, parent))
    for mention in found:  # "the 12th Mechanised Brigade": the number is part of a unit's name
        number = re.search(r"\b(\d{1,3}(?:st|nd|rd|th)?)[ \t]+$", text[max(0, mention.start - offset - 8):mention.start - offset])
        if mention.kind == "organisation" and number and mention.text.split()[-1] in lx.UNIT_HEADS:
            mention.text = f"{number.group(1)} {mention.text}"
            mention.start -= len(number.group(0))


def _split_off(mention: Mention, first: str, last: str) -> Mention:
    """Shorten `mention` to its `first` words; the mention of the body named by its `last` words."""
    end = mention.end
    mention.text = first
    mention.end = mention.start + len(first)
    return Mention("organisation", last, end - len(last), end, mention.sentence, mention.priority)
