"""Whose office, whose body: the state or organisation an article's context gives to a post
or to a body named by its portfolio alone, when the words next to the name do not say it."""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.gazetteer import country as gazetteer_country, country_of_demonym, lookup_place
from kg.extract.model import Entity
from kg.extract.name_forms import PLURAL_OFFICES, RESPECTIVELY
from kg.extract.posts import is_national_title
from kg.extract.resolve import is_generic_body, unique_entities


def with_article(country: str) -> str:
    """"the United States", "the Netherlands", but "Norway"."""
    plural = country.startswith("United ") or country.endswith((" Republic", " Islands", " Emirates")) or country in (
        "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros")
    return f"the {country}" if plural else country


def name_the_state(entities, mentions, by_mention, text: str, lookup, publisher_country) -> None:
    """"India’s Ministry of Defence", or a bare "Ministry of Defence" in a government's release:
    the label says whose, so two states' ministries stay two nodes across the corpus."""
    for entity in entities:
        demonym = re.match(r"^([A-Z][a-z]+)\s+(.+)$", entity.label) if entity.kind == "organisation" else None
        place = country_of_demonym(demonym.group(1)) if demonym and is_generic_body(demonym.group(2)) else None
        if place is not None:
            # "the Danish Ministry of Defence" is the "Ministry of Defence of Denmark" of another release
            state = lookup(place.name)
            entity.aliases |= {entity.label, demonym.group(2)}
            entity.label = f"{demonym.group(2)} of {with_article(state.label if state else place.name)}"
            continue
        whose = re.match(r"^(.+?)\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)$", entity.label) \
            if entity.kind == "organisation" else None
        if whose and is_generic_body(whose.group(1)) and getattr(lookup(whose.group(2)), "place_kind", None) == "country":
            entity.aliases.add(whose.group(1))  # "the Department of Agriculture of the Philippines"
        if entity.kind != "organisation" or not is_generic_body(entity.label):
            continue
        state = None
        for mention in mentions:
            if by_mention.get((mention.start, mention.end)) is entity:
                owner = re.search(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)(?:[’']s)?\s+$", text[max(0, mention.start - 40):mention.start])
                # "the Department of Foreign Affairs and Trade (DFAT) of Australia": the state after it
                after = re.match(r"\s*(?:\([A-Z]{2,8}\)\s*)?of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})",
                                 text[mention.end:mention.end + 60])
                for name in filter(None, [owner and owner.group(1), after and after.group(1)]):
                    found = lookup(name)
                    if found is not None and found.place_kind == "country":
                        state = found
                        break
                if state is not None:
                    break
        state = state or publisher_country
        if state is not None:
            entity.aliases.add(entity.label)
            entity.label = f"{entity.label} of {with_article(state.label)}"


def commission(entities: list[Entity], owner: str | None, lookup) -> Entity | None:
    """The commission a commissioner sits on: the one the article names, or the European
    Commission for a "European Commissioner"."""
    named = unique_entities(e for e in entities if e.kind == "organisation" and e.label.endswith("Commission"))
    if len(named) == 1:
        return named[0]
    return lookup("European Commission") if owner in ("European", "EU") else None


_TRAVEL = re.compile(r"\b(?:travel\w*|visit\w*|arriv\w*|went|flew|toured?|accompan(?:y|ies|ied|ying)(?!\s+by))\b",
                     re.IGNORECASE)
# "visited Tokyo on 30-31 May", "Kallas visits Japan": where the story went, for the hosts met there
_VISIT_TO = re.compile(r"\b(?:visit(?:ed|s)?|visits?\s+to|trip\s+to)\s+(?:the\s+)?"
                       r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)")


_COUNTERPART = re.compile(
    r"(?:\b([A-Z][a-z]+)\s+counterparts?|\bcounterparts?\s+from\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,2}))"
    r",?\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?$")
_LISTED_COUNTERPART = re.compile(
    r"\bcounterparts\s+from\s+[^.;]{0,120}?(?:,\s+and|\s+and)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}),\s*$")
_COUNTERPART_TITLE = re.compile(r"\b([A-Z][a-z]+)\s+counterparts?,\s+(?:the\s+)?[A-Z][^,.;:]{0,80}?,?\s*$")


def state_after_name(after: str, lookup) -> Entity | None:
    """The country in "Prime Minister Jane Roe of Ruritania"."""
    match = re.match(r"^\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,3}?)"
                     r"(?=[,.;)]|\s+(?:at|in|on|and|to|for)\b)",  # "of the Sultanate of Oman"
                     after)
    return _country(match.group(1), lookup) if match else None


def counterpart_country(before: str, lookup) -> Entity | None:
    """The country of "his Finnish counterpart, Minister of Defence" before a name."""
    match = _COUNTERPART_TITLE.search(before)
    return _country(match.group(1), lookup) if match else None


def _country(name: str, lookup) -> Entity | None:
    """The country entity `name` (a name or an adjective) stands for, if it is a country."""
    found = lookup(name)
    return found if found is not None and found.place_kind == "country" else None


def counterparts(text: str, sentences, mentions, entity_at, lookup, posts: list) -> None:
    """"X met his Finnish counterpart, Y": Y holds X's office in the adjective's country."""
    for mention in mentions:
        if mention.kind != "person":
            continue
        match = _COUNTERPART.search(text[max(0, mention.start - 60):mention.start])
        country = _country(match.group(1) or match.group(2), lookup) if match else None
        listed = _LISTED_COUNTERPART.search(text[max(0, mention.start - 200):mention.start])
        if country is None and listed:  # "his counterparts from X, A, and Y, B": each from the country before
            country = _country(listed.group(1), lookup)
        if country is None:
            continue
        holder = entity_at[(mention.start, mention.end)]
        if any(p[0] is holder and p[2] is country and not p[4] for p in posts):
            continue  # the text states the counterpart's own office ("the Minister of Defence of X, Mr Y")
        # The office of the person the counterpart is set against: the nearest one named before
        # ("Minister of X Y and his Polish counterpart Z"), not the first official of the text.
        offices_of = {id(p[0]): p[1] for p in reversed(posts) if p[0] is not holder}
        for other in sorted((m for m in mentions if m.kind == "person" and m.start < mention.start),
                            key=lambda m: -m.start):
            title = offices_of.get(id(entity_at.get((other.start, other.end))))
            if title is not None:
                posts.append((holder, title, country, sentences[mention.sentence].text.strip(), False))
                break


def one_state_per_person(posts: list) -> list:
    """A national office whose state was only guessed from context is held in the state the
    text gives for the same person's other office ("X, Deputy Prime Minister and Minister of
    Foreign Affairs of Moldova"; "Foreign Minister X" after "X, Minister of ... of Paraguay")."""
    stated: dict[int, set[int]] = {}
    country_of: dict[int, Entity] = {}
    for person, _, organisation, _, inferred in posts:
        if not inferred and organisation is not None and organisation.place_kind == "country":
            stated.setdefault(id(person), set()).add(id(organisation))
            country_of[id(organisation)] = organisation
    out = []
    for person, title, organisation, sentence, inferred in posts:
        states = stated.get(id(person), set())
        if (inferred or organisation is None) and len(states) == 1 and is_national_title(title):
            organisation, inferred = country_of[next(iter(states))], False
        out.append((person, title, organisation, sentence, inferred))
    return out


def last_organisation_before(mentions, entity_at, position: int) -> Entity | None:
    """The body "its" refers to: the last organisation named before `position`."""
    before = sorted((m for m in mentions if m.kind == "organisation" and m.end <= position
                     and entity_at.get((m.start, m.end)) is not None), key=lambda m: (m.end, m.end - m.start))
    # The whole name, not the parliament inside "the X Committee of the Riksdag".
    return entity_at.get((before[-1].start, before[-1].end)) if before else None


def publisher_organisation(publisher: str | None, lookup) -> Entity | None:
    """The organisation that published the release ("NATO"; "United Nations Secretary-General
    (Office of the Spokesperson)" → the United Nations), if it is one we know."""
    if not publisher:
        return None
    chunks = [publisher, *re.split(r"\s*[–—(),]\s*|\s+-\s+", publisher)]
    for chunk in chunks:
        words = chunk.split()
        for size in range(len(words), 0, -1):  # "United Nations Secretary-General" → "United Nations"
            entity = lookup(" ".join(words[:size]), mentioned=False)
            if entity is not None and entity.kind == "organisation":
                return entity
    return None


def publisher_country(publisher: str | None, lookup) -> Entity | None:
    """The state a government publisher belongs to ("German Federal Foreign Office" → Germany)."""
    if not publisher:
        return None
    publisher = re.sub(r"\bU\.S\.(?:A\.)?", "US", publisher).replace("U.K.", "UK")
    words = re.findall(r"[A-Z][\w’'-]*", publisher)
    # two-word names first ("New Zealand"), then each word ("Ministry of Defence Malaysia")
    for candidate in [" ".join(pair) for pair in zip(words, words[1:])] + words:
        if candidate not in publisher:
            continue
        entity = lookup(candidate)
        if entity is not None and entity.place_kind == "country":
            return entity
    for seat, code in lx.WELL_KNOWN_FACILITIES.items():  # "Prime Minister's Office, 10 Downing Street"
        if re.search(rf"\b{re.escape(seat)}\b", publisher) and (state := gazetteer_country(code)) is not None:
            return lookup(state.name)
    return None


_ON_THE_SIDE = re.compile(r"\b[Oo]n\s+the\s+([A-Z][a-z]+)\s+side\b")
_WENT_TO = re.compile(r"\b(?:travel\w*|flew|went|arrived|continued|moved)\s+(?:on\s+)?(?:to|in)\s+(?:the\s+)?"
                      r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)")


def country_of_context(text: str, sent, mention, first_person_at: int, lookup,
                        publisher_country: Entity | None, scene_country: Entity | None) -> Entity | None:
    """The state a national office is held in when the text does not say it.

    A traveller's office belongs to the publishing government; anyone else named where the
    sentence says the event took place ("met President X in Chisinau") is a host of that state.
    """
    side = (list(_ON_THE_SIDE.finditer(text[sent.start_char:mention.start])) or [None])[-1]
    if side is not None and (place := country_of_demonym(side.group(1))) is not None \
            and (state := lookup(place.name)) is not None:
        return state  # "On the Chilean side, the Minister of Foreign Affairs, X, took part"
    after = text[mention.end:sent.end_char]
    # "X paid a visit to Poland", or "during the visit of Prime Minister X to Jakarta": a traveller
    travelling = bool(_TRAVEL.search(after[:60]) or (
        re.search(r"\bvisits?\s+(?:by|of)\s+[^.;]{0,60}$", text[sent.start_char:mention.start])
        and re.match(r"\s*(?:,[^,]{0,80},\s*)?to\s", after)))
    if publisher_country is not None and (travelling or mention.start == first_person_at):
        return publisher_country  # the release's own official, travelling or not
    if travelling:
        return None  # a traveller's state is not where the visit goes
    owners = unique_entities(state for match in re.finditer(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[’']s\s+(?=[a-z])",
                                                            text[sent.start_char:mention.start])
                             if (state := lookup(match.group(1))) is not None and state.place_kind == "country")
    if len(owners) == 1:
        return owners[0]  # "Canada's leadership of the brigade in Latvia, and the work of Minister X"
    for match in re.finditer(r"\b(?i:in|to)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)", sent.text):
        place = lookup_place(match.group(1))
        if place is not None and place.country_code:
            country = lookup(gazetteer_country(place.country_code).name)
            if country is not None:
                return country
    # "Wadephul flew on to Cairo. ... he was received by President X": the host of the place
    # the narrative last went to, in the same paragraph
    paragraph = text[text.rfind("\n", 0, sent.start_char) + 1:sent.start_char]
    for match in reversed(list(_WENT_TO.finditer(paragraph))):
        place = lookup_place(match.group(1))
        if place is not None and place.country_code and (country := lookup(gazetteer_country(place.country_code).name)):
            return country
    visited = []
    # the headline and the lead paragraph say where the visit went
    body_at = re.search(r"\n\s*\S", text)
    lead_end = text.find("\n", body_at.end()) if body_at else -1
    lead = text[:min(sent.start_char, lead_end if lead_end > 0 else len(text))]
    for match in _VISIT_TO.finditer(lead):
        place = lookup_place(match.group(1))
        if place is not None and place.country_code and (country := lookup(gazetteer_country(place.country_code).name)) \
                and country is not publisher_country:
            visited.append(country)
    if visited and scene_country is not None and scene_country not in visited:
        # "Brussels, 2 June – The High Representative visited Tokyo": the dateline is where the
        # release was written; the hosts belong to the country the visit went to
        return visited[-1]
    return scene_country or publisher_country


def respective_offices(text: str, sentences, mentions, entity_at, lookup) -> list:
    """"the foreign ministers of A, B and C – X, Y and Z –": each named person holds the office in
    the state at the same place in the list."""
    posts = []
    for match in RESPECTIVELY.finditer(text):
        title = PLURAL_OFFICES.get(match.group("office").lower())
        if title is None:
            continue
        states = [_country(name, lookup) for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("states"))]
        persons = [entity_at.get((m.start, m.end)) for m in mentions
                   if m.kind == "person" and match.start("names") <= m.start < match.end("names")]
        persons = [p for i, p in enumerate(persons) if p is not None and p not in persons[:i]]
        while states and states[-1] is None and len(states) > len(persons):
            states.pop()  # "..., and D, NATO's partners in the Indo-Pacific:": an apposition, not a state
        if len(states) != len(persons) or None in states or len(persons) < 2:
            continue
        sentence = next((s.text.strip() for s in sentences if s.start_char <= match.start() < s.end_char), "")
        posts += [(person, title, state, sentence, False) for person, state in zip(persons, states)]
    return posts
