"""Find the names an article uses for persons, organisations and places.

spaCy's entities are the starting point; small rules add what a statistical tagger misses in
press releases (names after "Mr", "Full Name (ACR)" definitions, facilities, well-known bodies)
and remove what it tags wrongly (roles, collective nouns, e-mail addresses, time zones).
"""

from __future__ import annotations

import re

from kg.extract import lexicon as lx, name_forms
from kg.extract.acronyms import AcronymPair, read_definitions
from kg.extract.gazetteer import country_of_demonym, is_demonym, lookup_place
from kg.extract.model import Mention
from kg.extract.naming import (APOS, NAME_WORD as _NAME_WORD, TITLE_HEADS_PATTERN, TITLE_PREFIX, classify_name,
                               clean_name, ends_with, title_of)
from kg.extract.place_mentions import (facility_mentions, famous_places_and_datelines, gazetteer_places,
                                      natural_regions, town_in_country)
from kg.extract.posts import post_before

_PARTICLE = r"(?:van der|van den|van|von der|von|de los|de las|de la|de|der|di|da|del|dos|das|do|du|bin|al|el|ter)"
_ADDRESS_WORDS = sorted(
    ["Mr", "Ms", "Mrs", "Dr", "Miss", "Sir", "Dame", "H.E", "Ambassador", "President", "Prime Minister",
     "Honourable", "Honorable", "Hon", "Senator", "King", "Queen", "Rt Hon", "Sheikh", "Sheikha", "Majesty",
     "Highness", "Prince", "Princess", "DPM", "His Majesty Sultan", "Majesty Sultan", "Amir", "Emir", "Crown Prince",
     *lx.RANKS, *(h for h in lx.HONORIFICS if h[:1].isupper())], key=len, reverse=True)
_ADDRESS = "|".join(re.escape(w) for w in _ADDRESS_WORDS)
_PERSON_AFTER_HONORIFIC = re.compile(
    # "Prime Minister Hon Dr X Y": forms of address may stack before the name.
    rf"\b(?:(?:{_ADDRESS})\.?[ \t]+)*(?P<address>{_ADDRESS})\.?" + lx.RANK_SUFFIX + r"[ \t]+"
    rf"(?P<name>(?:{_NAME_WORD})(?:[ \t]+(?:{_PARTICLE}[ \t]+|Al[ \t]+|[ae]l-)?{_NAME_WORD}){{0,3}})"
)
# A run of capitalised words closed by a word that marks a body: "NATO-Ukraine Council".
_ORG_WORD = r"[A-ZÀ-ÖØ-Þ][\w&’'\-–]*"  # "Ethiopia–Djibouti Joint Ministerial Commission": an en dash joins too
_ORG_PHRASE = re.compile(
    rf"((?:{_ORG_WORD}[ \t]+(?:(?:&|(?<![A-Z]{{2}}[ \t])and)[ \t]+(?={_ORG_WORD}))?){{0,6}}"
    rf"(?:{'|'.join(re.escape(h) for h in sorted(lx.ORG_HEADS, key=len, reverse=True))})"
    rf"(?:[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?{_ORG_WORD}(?:[ \t]+{_ORG_WORD})*(?:[ \t]+and[ \t]+{_ORG_WORD}(?:[ \t]+{_ORG_WORD})*)?){{0,3}})\b"
)
_WELL_KNOWN = re.compile(r"\b(" + lx.WELL_KNOWN_PATTERN + r")\b")
_ALLIANCE = re.compile(r"\bthe Alliance\b")
_NAME_CANDIDATE = re.compile(
    rf"(?<=[ \t,])({_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{1,3}})(?=[ \t]*[,.;:)]|[ \t]+[a-z])"
)
# "... bin Jassim Al Thani": the family name after "bin"/"ibn" opens with Al, written apart
# "... Abdel Fattah el-Sisi": the article joined to the family name
_PARTICLE_AFTER = re.compile(rf"^\s*(?:(?:{_PARTICLE}|Al|Al-|El)\s+|[ae]l-){_NAME_WORD}")


_BODY_HEAD = "|".join(re.escape(h) for h in ("Directorate", "Division", "Command", "Agency", "Office", "Staff"))
_NESTED_BODIES = re.compile(
    rf"^((?:[A-Z][\w-]*\s+)+(?:{_BODY_HEAD}))\s+((?:[A-Z][\w-]*\s+)+(?:{_BODY_HEAD}|Branch|Section|Unit))$"
)


_ORG_HEAD_WORDS = "|".join(re.escape(h) for h in lx.ORG_HEADS)


# "and" followed by a well-known body's name: where one body's name ends and the next begins.
_AND_WELL_KNOWN = re.compile(r"\band[ \t]+(?=(?:" + lx.WELL_KNOWN_PATTERN + r")\b)")


_BODY_WORDS = frozenset({"Command", "Force", "Forces", "Council", "Committee", "Agency", "Ministry",
                         "Directorate", "Division", "Office", "Headquarters", "Staff", "Brigade"})


_NAMES_A_THING_AFTER = re.compile(
    r"^(?:[ \t]+[A-Z][\w&’'-]*){0,3}[ \t]+(?:" + "|".join(lx.NOT_ORG_HEADS) + r")\b"
)


def _person_text(text: str) -> str | None:
    """The name part of a PERSON entity that may start with a post title."""
    text = clean_name(text)  # also drops post-nominals ("MP")
    # "His [Majesty King X]"; "His Majesty Sultan X" (alone, "Sultan" is also a given name)
    text = re.sub(r"^(?:Majesty(?:\s+Sultan)?|(?:Royal\s+)?Highness|Excellency)\s+", "", text)
    if text in lx.TITLE_HEADS:
        return None  # "Majesty King": a style and a title, no name
    stripped = TITLE_PREFIX.sub("", text)
    if stripped != text:
        text = clean_name(stripped)
    words = text.split()
    if not words or not words[0][:1].isupper() and not words[0][:1] in "ʻʼ‘":
        return None  # "of": what is left of "Personal Envoy of" once the title is taken off
    if any(w.isupper() and len(w) >= 2 and not re.fullmatch(r"(?:[A-Z]\.)+|[IVX]{1,5}", w) for w in words):
        return None  # an acronym is not a person's name
    if text.casefold() in lx.NOISE or _RANK_ONLY.match(text):
        return None  # "Hon Dr" with no name after it
    return text


def find_mentions(doc, offset: int = 0) -> tuple[list[Mention], list[AcronymPair]]:
    """Mentions of persons, organisations and locations in a parsed spaCy `doc`."""
    text = doc.text
    sentence_of = _sentence_index(doc)
    found: list[Mention] = []
    pairs: list[AcronymPair] = []

    def add(kind: str, surface: str, start: int, end: int, priority: int, place_kind: str | None = None) -> None:
        found.append(Mention(kind, surface, start + offset, end + offset, sentence_of(start), priority, place_kind))

    not_orgs: set[str] = set()
    blocked: list[tuple[int, int]] = []  # spans of names defined as programmes, plans, titles
    defined = read_definitions(text)  # "Full Name (ACR)"
    for mention in defined.mentions:
        add(*mention)
    pairs.extend(defined.pairs)
    not_orgs |= defined.not_orgs
    blocked += defined.blocked
    for match in _STAFF_TITLE.finditer(text):
        blocked.append((match.start(), match.end()))  # "Chief of the Defence Staff" is a post
    for place in facility_mentions(text):  # "the X Base", "Kramer’s Villa"
        add(*place)
    for match in _NAME_CANDIDATE.finditer(text):
        # "Minister of Defence Arne Voskuilen": a name right after a post title, which a
        # statistical tagger may miss in an unusual sentence. The title may run into the
        # candidate ("Defence ..."), so the name is what follows the title's last word.
        hit = _name_after_title(text, match)
        if hit is not None:
            add("person", hit[1], hit[0], hit[0] + len(hit[1]), 1)
    for found_mention in name_forms.pattern_mentions(text, _person_like):
        add(*found_mention)
    for place in famous_places_and_datelines(text):
        add(*place)
    for match in _PERSON_AFTER_HONORIFIC.finditer(text):
        name = _person_text(match.group("name"))
        if name and not _plausible_name(name, match.group("address")):
            continue
        if name and classify_name(name, "person") == "person":
            at = match.start("name") + max(0, match.group("name").find(name))  # "Sultan X": the name after the style
            add("person", name, at, at + len(name), 2)
    for match in _WELL_KNOWN.finditer(text):
        add("organisation", match.group(1), match.start(1), match.end(1), 0)  # ranks with the tagger: the longer name wins
    person_starts = [e.start_char for e in doc.ents if e.label_ == "PERSON"] + [
        m.start - offset for m in found if m.kind == "person"]  # names after titles, found above
    for match in _ORG_PHRASE.finditer(text):
        inside = [p for p in person_starts if match.start(1) < p < match.end(1)]
        span_end = match.end(1)
        if inside:  # "... of the Republic of Poland Jan Kowalski": the body ends before the name
            cut = _trim_to_body(text[match.start(1):min(inside)].rstrip())
            if cut is None:
                continue
            name, span_end = clean_name(cut), match.start(1) + len(cut)
        else:
            name = clean_name(match.group(1))
        office = re.search(r"\s+and\s+(?:the\s+)?(?:Minister|Secretary|President|Chair)\b", name)
        if office:  # "Deputy Chairman of the Cabinet of Ministers and Minister of Foreign Affairs": a second office
            name = name[:office.start()]
            span_end = match.start(1) + text[match.start(1):].find(name) + len(name)
        other = [match.start(1) + w.end() for w in _AND_WELL_KNOWN.finditer(text[match.start(1):span_end])]
        if other:  # "the Polish Ministry of Defence and Examplecorp": two bodies, not one
            cut = re.sub(r"[ \t]+and[ \t]+$", "", text[match.start(1):min(other)])
            name, span_end = clean_name(cut), match.start(1) + len(cut)
        if re.match(r"[ \t]+[A-Z][a-z]+(?:ers|ives|ents|ials|iefs|ies)\b", text[span_end:]) and " of the " in name:
            # "the Coalition of the Willing Defence Ministers": the people are not the body
            head, tail = name.split(" of the ", 1)
            name = f"{head} of the {tail.split()[0]}"
            span_end = match.start(1) + text[match.start(1):].find(name) + len(name)
        qualified = re.match(r"^(.+?)\s+of\s+the\s+(.+)$", name)
        if qualified and qualified.group(2) in lx.WELL_KNOWN_NAMES and name not in lx.WELL_KNOWN_NAMES:
            name = qualified.group(1)  # "Political and Security Committee of the European Union"
        unit = re.match(r"^(\w+)\s+of\s+the\s+(.+)$", name)
        if unit and unit.group(1) in lx.ORG_HEADS and ends_with(unit.group(2), lx.ORG_HEADS) \
                and name not in lx.WELL_KNOWN_NAMES:
            name = unit.group(2)  # "(General) Staff of the Albanian Armed Forces": the forces
        owner = re.match(rf"^([A-Z]{{2,}})[{APOS}]s\s+(.+)$", name)
        if owner:  # "NATO’s Critical Undersea Infrastructure Network": the body of NATO
            name = f"{owner.group(1)} {owner.group(2)}"
        if _NAMES_A_THING_AFTER.match(text[span_end:span_end + 80]):
            continue  # "the Partner Staff Officers’ Familiarization Programme": a programme's name
        if (len(name.split()) >= 2 and not TITLE_PREFIX.match(name) and name not in not_orgs
                and not _inside(match.start(1), match.end(1), blocked)
                and classify_name(name, "organisation") == "organisation"
                and not re.search(r"[’']s\b", name)):
            nested = _NESTED_BODIES.match(name)
            if nested:  # "X Directorate Y Division": a division of the directorate, two bodies
                inner_at = match.start(1) + text[match.start(1):span_end].rfind(nested.group(2))
                add("organisation", nested.group(1), match.start(1), inner_at - 1, 0)
                add("organisation", nested.group(2), inner_at, inner_at + len(nested.group(2)), 0)
            else:
                add("organisation", name, match.start(1), span_end, 0)
    for place in gazetteer_places(text):
        add(*place)
    for place in natural_regions(text):
        add(*place)
    for match in _ALLIANCE.finditer(text):
        add("organisation", "the Alliance", match.start(), match.end(), 0)

    for ent in doc.ents:
        label = ent.label_
        ent_start = None
        if label == "PERSON":
            if _names_no_one(ent, text) or any(w in _BODY_WORDS for w in ent.text.split()[1:]):
                continue  # "Force Command Brunssum": a body's words, not a person's name
            name = _person_text(ent.text)
            kind = classify_name(name, "person") if name else None
            if kind == "person" and ent.text.startswith(name):
                ent_start, name = _with_given_name(ent, name)
        elif label in ("ORG", "FAC", "GPE", "LOC"):
            name = clean_name(ent.text)
            purpose = re.match(r"[ \t]+([A-Z][a-z]+[ \t]+[A-Z][\w-]+)\b", text[ent.end_char:]) \
                if label == "ORG" and ent.text.endswith(" to") else None
            if purpose:  # "the Global Coalition to | Defeat ISIS": the tagger stopped at "to"
                name = clean_name(f"{ent.text} {purpose.group(1)}")
            hyphened = re.match(r"-[A-Z]{1,4}\b", text[ent.end_char:])
            if hyphened and name.isupper():  # "MND-SE": the tagger may stop at the hyphen
                name += hyphened.group(0)
            if re.match(r"^[Tt]he\s", ent.text) and lookup_place(name) is None and lookup_place("The " + name):
                name = "The " + name  # "The Hague": the article is part of the name
            placed = re.match(r"^(.+?)\s+in\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)$", name)
            if placed and lookup_place(placed.group(2)) is not None:
                name = placed.group(1)  # "[the Presidential Secretariat] in Colombo": the city is its own mention
            joined = _AND_WELL_KNOWN.search(name) if label == "ORG" else None
            if joined and joined.start() > 0:
                name = name[:joined.start()].rstrip()  # "the X Ministry and Examplecorp": the ministry
            hint = "organisation" if label == "ORG" else "location"
            kind = classify_name(name, hint)
            if kind == "location" and label in ("GPE", "LOC") and lookup_place(name) is None:
                # Unknown to the gazetteer: more often a mis-tagged title than a place, unless the
                # text places it in a country ("in Capellen, Luxembourg").
                kind = "town" if town_in_country(text[ent.end_char:ent.end_char + 40]) and \
                    re.search(r"\b(?:in|at|near|to)\s+$", text[max(0, ent.start_char - 6):ent.start_char]) else None
        elif label == "NORP":
            name = clean_name(ent.text)
            kind = "location" if lookup_place(name) and not country_of_demonym(name) else None
        else:
            continue
        if kind == "organisation" and name:
            kind, name = _organisation_or_person(name)
        if kind == "organisation" and name and _RANK_ONLY.match(name):
            kind = None  # "Lieutenant General" alone: the rank before a name, no body
        if kind == "organisation" and name and _after_title_or_rank(text, ent.start_char) and _person_like(name):
            kind = "person"
        elif kind == "organisation" and name:
            split = _title_then_name(text, ent, name)
            if split is not None:  # "Minister of [Defence Arne Voskuilen]": the tagger took in the name
                kind, name, ent_start = "person", split[1], split[0]
        if kind == "person" and name:
            tail = _PARTICLE_AFTER.match(text[ent.end_char:])
            if name.split()[-1] in ("von", "van", "der", "de", "den") or tail:
                extra = tail.group(0) if tail else text[ent.end_char:].split(maxsplit=1)[0:1]
                name = f"{name}{extra if isinstance(extra, str) else ' ' + extra[0]}".strip()
        if kind == "organisation" and (name in not_orgs or _inside(ent.start_char, ent.end_char, blocked)
                                       or (_TITLE_AFTER.match(text[ent.end_char:ent.end_char + 40])
                                           and not ends_with(name, lx.ORG_HEADS) and not _HEAD_OF_WORD.match(name))):
            continue  # part of a programme's name, or the owner in "EU Transport Commissioner"
        if kind and name and _portfolio_or_possessive(ent, text, name):
            continue
        if kind and name:
            start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
            if ent_start is not None and ent_start != ent.start_char:
                start = ent_start
            if kind == "town":
                add("location", name, start, start + len(name), 0, "city")
                continue
            add(kind, name, start, start + len(name), 0)
    for match in name_forms.ONE_WORD_BODY.finditer(text):  # "the Storting": a tagger may see no name in one word
        add("organisation", match.group(0), match.start(), match.end(), 0)
    name_forms.adjust(found, text, offset, _person_like)
    kept = _without_overlaps(found)
    for mention in list(kept):  # "the Foreign Affairs Committee of the Riksdag" names the Riksdag too
        parent = re.match(r"^.+\s+of\s+the\s+(\S+)$", mention.text)
        if (mention.kind == "organisation" and parent and parent.group(1) in lx.ONE_WORD_BODIES
                and mention.text not in lx.WELL_KNOWN_NAMES):
            at = text.find(parent.group(1), mention.start - offset)
            if at >= 0:
                kept.append(Mention("organisation", parent.group(1), at + offset, at + offset + len(parent.group(1)),
                                    sentence_of(at), 0))
    kept.sort(key=lambda m: m.start)
    persons = {m.text for m in kept if m.kind == "person"}
    # "Al-Busaidi" after "Badr bin Hamad Al Busaidi": a family name alone, the article joined or not
    family = {" ".join(p.split()[-2:]).replace("-", " ").casefold() for p in persons if len(p.split()) >= 3}
    for mention in kept:  # a name the tagger called a body but the text uses for a person
        if mention.kind == "organisation" and (mention.text in persons or (
                " " not in mention.text and mention.text.replace("-", " ").casefold() in family)):
            mention.kind = "person"
    return kept, pairs


_EVENT_WORDS = re.compile(r"\b(?:exercise|operation|mission|programme|initiative)[\s,:]*$", re.IGNORECASE)
_RANK_ONLY = re.compile(
    r"^(?:" + "|".join(re.escape(r) for r in sorted(lx.RANKS + lx.HONORIFICS, key=len, reverse=True)) + r")$"
)


_NOT_NAME_WORDS = name_forms.NOT_NAME_WORDS


def _plausible_name(name: str, address: str) -> bool:
    """After "Mr" a surname alone is a name; after a rank or office, a name has two words."""
    words = name.split()
    if any(w in _NOT_NAME_WORDS for w in words) or lookup_place(name) is not None:
        return False
    return len(words) >= 2 or address.rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Miss", "Sir", "Dame", "H.E", "DPM")


def _after_title_or_rank(text: str, start: int) -> bool:
    """Whether a post title, honorific or rank ends right before `start`."""

    before = text[max(0, start - 200):start]
    if re.search(r"\b(?:" + "|".join(re.escape(r) for r in lx.RANKS + lx.HONORIFICS) + r")" + lx.RANK_SUFFIX + r"\s+$", before):
        return True
    return post_before(before) is not None


_PORTFOLIO_WORDS = frozenset({
    "Republic", "Kingdom", "Federation", "Defence", "Defense", "Affairs", "Security", "Foreign",
    "Interior", "Justice", "Finance", "Economy", "Trade", "Industry", "Development", "Health",
    "State", "National", "Federal", "General", "Europe", "European", "International",
    "Democratic", "Cooperation", "Co-operation", "Integration", "Community", "Regional",
})


# ", Jane Roe" right after a capitalised run: the holder of the title, so the run ends a body's name
# (not ", Iceland's Minister ...": a possessive opens the next official of a list)
_HOLDER_NEXT = re.compile(r",\s+(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\s+)?[A-Z][\w’'-]+(?<![’']s)\s+[A-Z]")


def _name_after_title(text: str, match) -> tuple[int, str] | None:
    if _HOLDER_NEXT.match(text, match.end(1)):
        return None  # "the Chairman of the State Great Khural, Jane Roe"
    words = match.group(1).split()
    offset = match.start(1)
    for cut in range(len(words) - 1):
        name = " ".join(words[cut:])
        if any(w in _PORTFOLIO_WORDS for w in words[cut:]) or words[cut] in _NOT_NAME_WORDS or _person_text(name) != name:
            continue  # a form of address ("Mr X") is matched where it ends, by the honorific rule
        if any(lookup_place(" ".join(words[i:])) is not None for i in range(cut)):
            continue  # "Prime Minister of Papua New Guinea": the end of a place's name is no one
        start = offset + match.group(1).find(name)
        if (_person_like(name) and _plausible_name(name, "title") and classify_name(name, "person") == "person"
                and post_before(text[max(0, start - 200):start]) is not None):
            return start, name
    return None


_HEAD_OF_WORD = re.compile(
    r"^(?:[A-Z][\w-]*\s+)*(?:" + _ORG_HEAD_WORDS + r")\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*$"
)


def _trim_to_body(phrase: str) -> str | None:
    """Drop trailing words until the phrase ends with a body's head or a known place."""
    words = phrase.split()
    while len(words) >= 2:
        candidate = " ".join(words)
        tail = re.split(r"\s+of\s+(?:the\s+)?", candidate)[-1]
        if ends_with(candidate, lx.ORG_HEADS) or (tail != candidate and lookup_place(tail) is not None):
            return candidate
        if _HEAD_OF_WORD.match(candidate):
            return candidate  # "Department of State" before "Spokesperson Ann Roe"
        words.pop()
    return None


def _title_then_name(text: str, ent, name: str) -> tuple[int, str] | None:
    """Where an entity's first words end a post title, the rest may be a person's name."""
    words = name.split()
    before = text[max(0, ent.start_char - 120):ent.start_char]
    if _HOLDER_NEXT.match(text, ent.end_char):
        return None  # "the Chairman of the State Great Khural, Jane Roe": the holder is named next
    for cut in range(1, len(words) - 1):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if _person_like(rest) and not set(words[cut:]) & _NOT_NAME_WORDS and post_before(f"{before}{head} ") is not None:
            at = text.find(rest, ent.start_char)
            return (at if at >= 0 else ent.start_char), rest
    return None


def _person_like(name: str) -> bool:
    words = name.split()
    return (2 <= len(words) <= 4 and all(w[:1].isupper() or w in ("van", "von", "der", "de", "da") for w in words)
            and words[0] not in name_forms.HEADLINE_VERBS  # "Minister [Receives Thai Counterpart]"
            and not ends_with(name, lx.ORG_HEADS) and not any(w in _BODY_WORDS for w in words)
            and not any(w.isupper() and not re.fullmatch(r"[A-Z]\.", w) for w in words)  # "Tore O. Sandvik"
            and lookup_place(name) is None and name not in lx.WELL_KNOWN_NAMES)


def _names_no_one(ent, text: str) -> bool:
    """A PERSON entity that is a plural noun ("Generals"), a rank alone, or an exercise's name."""
    if len(ent) == 1 and ent[0].tag_ in ("NNS", "NNPS") and not ent.text.istitle() is False:
        if ent[0].tag_ == "NNS" or ent.text.lower().endswith(("als", "ges", "ers", "ies", "efs")):
            return True
    if _RANK_ONLY.match(ent.text.strip()):
        return True
    if ent.text.split()[-1] in ("Affairs", "Defence", "Defense", "Security", "Cooperation") or \
            ent.text.split()[0] in name_forms.HEADLINE_VERBS:
        return True  # "... for Foreign and [Diaspora Affairs]": a portfolio; "[Receives Thai Counterpart]"
    if re.search(r"\b(?:HMCS|HMS|HMAS|HMNZS|USS|USNS|HNLMS|HNoMS|HDMS|FGS|ITS|ESPS|NRP|ORP|TCG|KRI|INS|RFA|"
                 r"BNS|HS|ROKS|JS|BRP|KD|FS|SNS)\s+$", text[max(0, ent.start_char - 8):ent.start_char]):
        return True  # "HMCS Harry DeWolf": a ship named after a person
    return bool(_EVENT_WORDS.search(text[max(0, ent.start_char - 20):ent.start_char]))


_TITLE_WORDS = frozenset({w for h in lx.TITLE_HEADS for w in h.split()} | set(lx.HONORIFICS)
                         | {w for r in lx.RANKS for w in r.split()})


def _with_given_name(ent, name: str) -> tuple[int, str]:
    """"Polish Minister of Defence Władysław Kosiniak-Kamysz": the tagger may leave out a given name."""
    before = ent.doc.text[max(0, ent.start_char - 40):ent.start_char]
    joined = re.search(rf"({_NAME_WORD})-$", before)
    if joined and not is_demonym(joined.group(1)) and lookup_place(joined.group(1)) is None:
        # "Magnus-Valdemar Saar": the tagger may start the name after the hyphen.
        return ent.start_char - len(joined.group(0)), f"{joined.group(0)}{name}"
    # One word, perhaps hyphenated; or a name that opens with an initial ("[Jane] Q. Roe").
    if (" " not in ent.text or re.match(r"[A-Z]\.\s", ent.text)) and ent.start > 0:
        previous = ent.doc[ent.start - 1]
        if (previous.pos_ == "PROPN" and previous.text[:1].isupper() and previous.text not in _TITLE_WORDS
                and previous.ent_type_ in ("", "PERSON") and previous.text.isalpha()
                and not is_demonym(previous.text) and lookup_place(previous.text) is None):
            return previous.idx, f"{previous.text} {name}"
    return ent.start_char, name


def _portfolio_or_possessive(ent, text: str, name: str) -> bool:
    """"Minister of Foreign Affairs" names a portfolio; "Secretary General’s Special" is a fragment."""
    if re.search(r"\w[’']s\s", name):
        return True
    before = text[max(0, ent.start_char - 60):ent.start_char]
    portfolio = re.search(r"\b(?:Minister|Ministry|Commissioner|Secretary|Department|Committee|Director|"
                          r"Representative|Envoy|Adviser|Advisor|Coordinator)\s+(?:of|for|on)\s+(?:the\s+)?$", before)
    return bool(portfolio) and not ends_with(name, lx.ORG_HEADS)


_STAFF_TITLE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in lx.TITLE_HEADS if h.split()[-1] in lx.ORG_HEADS) + r")\b"
)
_TITLE_AFTER = re.compile(r"^\s+(?:" + TITLE_HEADS_PATTERN + r")\b")


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and end > a and start >= a - 6 for a, b in spans)


def _organisation_or_person(name: str) -> tuple[str | None, str]:
    """Split "Special Representative Falk" or "Head of X Branch"; drop a lone title or word."""
    if re.fullmatch(r"[A-Z]\.\s+[A-Z][\w’'-]+", name):
        return "person", name  # "B. Nordvik": an initial and a surname
    body = title_of(name)
    if body is not None:  # "Head of the X Branch" names a body; "Minister of Foreign Affairs" a portfolio
        is_body = classify_name(body, "organisation") == "organisation" and ends_with(body, lx.ORG_HEADS)
        return ("organisation", body) if is_body else (None, name)
    stripped = TITLE_PREFIX.sub("", name)
    if stripped != name:
        if not stripped:
            return None, name
        words = stripped.split()
        if 1 <= len(words) <= 3 and not ends_with(stripped, lx.ORG_HEADS) and not stripped.isupper() \
                and stripped[0].isupper():
            return "person", stripped
        return None, name
    if re.fullmatch(r"(?:Al|El)-[A-Z][a-z]+", name):
        return "organisation", name  # "Al-Shabaab"; or a family name, told apart once the persons are known
    if len(name.split()) == 1 and not name.isupper() and name not in lx.WELL_KNOWN_NAMES \
            and name not in lx.ORG_HEADS:
        return None, name  # "Rohling", "Air": a lone capitalised word is rarely a body
    return "organisation", name


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, among overlapping mentions, the highest-priority then the longest one."""
    ordered = sorted(mentions, key=lambda m: (-m.priority, -(m.end - m.start), m.start))
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
