"""Resolve mentions to entities: one node per real-world entity, however the text names it.

Within an article a surname, an "Mr X" form or a misspelt surname joins the full name it stands
for; an acronym joins the full name it was defined for. Across articles entities with the same
normalised name are one entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from kg.extract import lexicon as lx
from kg.extract.gazetteer import city_named_like_a_person, lookup_place
from kg.extract.acronyms import AcronymPair
from kg.extract.model import Entity, Mention
from kg.extract.places import is_facility_name
from kg.names import normalise_name
from kg.slug import slugify

# Surnames closer than this are taken as one person's two spellings (typo, transliteration).
FUZZY_SURNAME = 0.72
# Full names this close, with the same surname, are one person's two spellings across articles.
FUZZY_FULL_NAME = 0.85

# Each well-known body's names under the key of every one of them ("nato" -> the NATO names).
WELL_KNOWN_BY_KEY: dict[str, tuple[str, ...]] = {}
for _names in lx.WELL_KNOWN_ORGANISATIONS:
    for _name in _names:
        WELL_KNOWN_BY_KEY[normalise_name(_name)] = _names


# British and American spellings of the words names are made of are one spelling for identity.
_SPELLINGS = {"defense": "defence", "center": "centre", "organization": "organisation",
              "program": "programme", "labor": "labour", "cooperation": "co-operation"}


_COMPANY_FORM = re.compile(r"\s+(?:" + "|".join(re.escape(f) for f in lx.COMPANY_FORMS) + r")$")


def _norm(text: str) -> str:
    """A name's identity key: case, accents, spelling variants, a company's legal form ("Acme AG" is
    "Acme") and "Allied" before a command's long name ("Allied Joint Force Command X") aside."""
    text = _COMPANY_FORM.sub("", text) if " " in text else text
    words = [_SPELLINGS.get(w, w) for w in normalise_name(text).split()]
    if words[:1] == ["allied"] and len(words) >= 4:
        words = words[1:]
    return " ".join(words)


class ArticleEntities:
    """The entities of one article, and which entity each mention stands for."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_mention: dict[tuple[int, int], Entity] = {}


def _place_info(entity: Entity) -> None:
    place = lookup_place(entity.label)
    if place is None and entity.place_kind == "city":
        place = city_named_like_a_person(entity.label)  # "travel to Darwin": the text said it is a place
    if place is None:
        for alias in sorted(entity.aliases):
            place = lookup_place(alias)
            if place:
                break
    if place is not None:
        if place.name != entity.label:
            entity.aliases.add(entity.label)
            entity.label = place.name
        entity.aliases.update(a for a in place.aliases if a != place.name)
        entity.place_kind = place.kind
        entity.country_code = place.country_code
        entity.geonames_id = place.geonames_id
        entity.lat, entity.long = place.lat, place.long
    elif entity.label in lx.WELL_KNOWN_FACILITIES:
        entity.place_kind = "facility"
        entity.country_code = lx.WELL_KNOWN_FACILITIES[entity.label]
    elif _last_word_is(entity.label, lx.FACILITY_HEADS) or is_facility_name(entity.label):
        entity.place_kind = "facility"
        if entity.label.endswith(" HQ"):
            entity.aliases.add(entity.label)
            entity.label = entity.label[:-3] + " Headquarters"
        entity.country_code = lx.WELL_KNOWN_FACILITIES.get(entity.label)


def _last_word_is(text: str, heads: tuple[str, ...]) -> bool:
    return any(text == h or text.endswith(" " + h) for h in heads)


def resolve_article(mentions: list[Mention], pairs: list[AcronymPair], article: str) -> ArticleEntities:
    """Group an article's mentions into entities."""
    result = ArticleEntities()
    _resolve_persons([m for m in mentions if m.kind == "person"], result, article)
    _resolve_named([m for m in mentions if m.kind == "organisation"], result, article, "organisation", pairs)
    _resolve_named([m for m in mentions if m.kind == "location"], result, article, "location", [])
    return result


def _resolve_persons(mentions: list[Mention], result: ArticleEntities, article: str) -> None:
    anchors: list[Entity] = []
    # Longest names first, so surnames find the full name they abbreviate.
    for mention in sorted(mentions, key=lambda m: (-len(m.text.split()), m.start)):
        words = mention.text.split()
        target = None
        for anchor in anchors:
            anchor_words = anchor.label.split()
            if _norm(mention.text) == _norm(anchor.label) or mention.text in anchor.aliases:
                target = anchor
            elif len(words) < len(anchor_words) and _norm(" ".join(anchor_words[-len(words):])) == _norm(mention.text):
                target = anchor
            elif len(words) == 1 and SequenceMatcher(None, _norm(words[0]), _norm(anchor_words[-1])).ratio() >= FUZZY_SURNAME:
                target = anchor
            elif len(words) == 1 and _norm(words[0]) == _norm(anchor_words[0]) and not any(
                    _norm(a.label.split()[-1]) == _norm(words[0]) for a in anchors):
                # "Minister Sjafrie", "Mr Iwaya": the name written first may be the family name
                # (East Asian order) or the name a person goes by (many Indonesian names).
                target = anchor
            elif len(words) == 1 and len(anchor_words) >= 3 and _norm(words[0]) == _norm(anchor_words[-2]) \
                    and not any(_norm(a.label.split()[-1]) == _norm(words[0]) for a in anchors):
                target = anchor  # "Mr Albares" for "José Manuel Albares Bueno": the first of two surnames
            elif len(words) == 1 and len(anchor_words) >= 2 and _norm(words[0].replace("-", " ")) == _norm(
                    " ".join(anchor_words[-2:])):
                target = anchor  # "Al-Busaidi" for "Badr bin Hamad Al Busaidi": the article joined or not
            elif same_person_written_short(mention.text, anchor.label):
                target = anchor
            if target:
                break
        if target is None:
            target = Entity("person", mention.text, articles={article})
            anchors.append(target)
            result.entities.append(target)
        elif mention.text != target.label:
            target.aliases.add(mention.text)
        result.by_mention[(mention.start, mention.end)] = target


_HONOURS_INSIDE = frozenset({"haji", "hajjah", "hj"})
_PATRONYMIC_LINKS = frozenset({"bin", "binti", "bint", "ibn"})  # "son/daughter of", before the father's name


def same_person_written_short(short: str, full: str) -> bool:
    """Whether `short` writes the person `full` names more briefly: "B. Braže" for "Baiba Braže",
    "Mohamed Khaled" for "Mohamed Khaled Nordin" (names without a family name are shortened from
    the end), "Mohamad Hasan" for "Mohamad bin Haji Hasan" (patronymic links and honours left out)."""
    words, full_words = _norm(short).split(), _norm(full).split()
    if len(words) == 2 and re.fullmatch(r"\w\.", short.split()[0]) and len(full_words) >= 2:
        return words[1] == full_words[-1] and full_words[0][:1] == words[0][:1] and short != full
    if len(words) < 2 or len(words) >= len(full_words):
        return False
    if words == full_words[:len(words)] and not any(w in _TITLE_WORDS for w in full_words):
        return True
    kept = [w for w in full_words if w not in _HONOURS_INSIDE]
    linked = [w for i, w in enumerate(kept) if w not in _PATRONYMIC_LINKS
              and (i == 0 or kept[i - 1] not in _PATRONYMIC_LINKS)]
    return words == linked or words == [kept[0], kept[-1]] and bool(_PATRONYMIC_LINKS & set(kept))


_TITLE_WORDS = frozenset(w.lower() for h in lx.TITLE_HEADS for w in h.split())


def _resolve_named(mentions: list[Mention], result: ArticleEntities, article: str, kind: str,
                   pairs: list[AcronymPair]) -> None:
    groups: dict[str, Entity] = {}
    acronym_of = {_norm(p.acronym): _norm(p.full) for p in pairs if p.is_organisation}
    # An abbreviation the text defines ("Science & Technology (S&T)") reads the same in names.
    expand = {p.acronym: p.full for p in pairs if not p.is_organisation and len(p.acronym) > 1}
    # "the Gulf" in a text about the Gulf of Finland is that gulf, not the Persian Gulf.
    of_names = {m.text.split()[0]: m.text for m in mentions
                if kind == "location" and re.match(r"^[A-Z]\w+ of [A-Z]", m.text)}
    for mention in sorted(mentions, key=lambda m: (-len(m.text), m.start)):
        if kind == "location" and mention.text in of_names:
            mention = Mention(mention.kind, of_names[mention.text], mention.start, mention.end, mention.sentence,
                              mention.priority, mention.place_kind)
        key = _norm(_expand(mention.text, expand))
        key = acronym_of.get(key, key)
        known = WELL_KNOWN_BY_KEY.get(key) if kind == "organisation" else None
        if kind == "organisation" and not known:
            parent = re.match(r"^(nato|eu|un)\s+(.+)$", key)  # "NATO North Atlantic Council"
            if parent and parent.group(2) in WELL_KNOWN_BY_KEY:
                known = WELL_KNOWN_BY_KEY[parent.group(2)]
        if known:
            key = _norm(known[0])
        if kind == "location" and key.endswith(" hq"):
            key = key[:-3] + " headquarters"
        entity = groups.get(key)
        if entity is None:
            label = known[0] if known else mention.text
            entity = Entity(kind, label, articles={article})
            groups[key] = entity
            result.entities.append(entity)
        if mention.text != entity.label:
            entity.aliases.add(mention.text)
        if mention.place_kind and entity.place_kind is None:
            entity.place_kind = mention.place_kind  # "Capellen, Luxembourg": a town the gazetteer lacks
        result.by_mention[(mention.start, mention.end)] = entity
    if kind == "organisation":
        _resolve_head_references(groups, result)
    for pair in pairs:
        entity = groups.get(_norm(pair.full))
        if entity is not None and kind == "organisation" and pair.is_organisation:
            entity.aliases.add(pair.acronym)
    if kind == "location":
        for entity in groups.values():
            _place_info(entity)
        _merge_same_places(result)


def _merge_same_places(result: ArticleEntities) -> None:
    """"the Republic of Korea" ... "Korea": two names of one gazetteer place are one entity in
    the article too, so no later step takes them for two parties."""
    first: dict[int, Entity] = {}
    for entity in list(result.entities):
        if entity.kind != "location" or entity.geonames_id is None:
            continue
        kept = first.setdefault(entity.geonames_id, entity)
        if kept is entity:
            continue
        kept.aliases |= entity.names() - {kept.label}
        result.entities[:] = [e for e in result.entities if e is not entity]  # by identity: equal fields are not one entity
        for span, holder in result.by_mention.items():
            if holder is entity:
                result.by_mention[span] = kept


def _expand(text: str, expansions: dict[str, str]) -> str:
    for short, full in expansions.items():
        text = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", full, text)
    return text


def _resolve_head_references(groups: dict[str, Entity], result: ArticleEntities) -> None:
    """"the Agency", "the Council": the one organisation of the article whose name ends so."""
    for key, entity in list(groups.items()):
        if key not in groups:
            continue
        shortened = _shortened_body(entity, groups)
        if shortened is None and (len(entity.label.split()) != 1 or entity.label not in lx.ORG_HEADS
                                  or entity.label in lx.ONE_WORD_BODIES):
            continue
        heads = [shortened] if shortened else [
            e for k, e in groups.items() if e is not entity and e.label.endswith(" " + entity.label)]
        if len(heads) != 1:
            # A lone "the Secretariat" that names no body of the article is a back-reference
            # we cannot resolve; it is not a name.
            for span, mapped in list(result.by_mention.items()):
                if mapped is entity:
                    del result.by_mention[span]
            result.entities.remove(entity)
            del groups[key]
            continue
        if len(heads) == 1:
            target = heads[0]
            target.aliases.update(entity.aliases | ({entity.label} if shortened else set()))
            for span, mapped in list(result.by_mention.items()):
                if mapped is entity:
                    result.by_mention[span] = target
            result.entities.remove(entity)
            del groups[key]


def _shortened_body(entity: Entity, groups: dict[str, Entity]) -> Entity | None:
    """"the Joint Commission" after "the Example-Norway Joint Commission": the one body of the
    article whose name ends so, named short."""
    words = entity.label.split()
    if not 2 <= len(words) <= 3 or words[-1] not in lx.ORG_HEADS or entity.label in lx.WELL_KNOWN_NAMES \
            or any(w.isupper() for w in words):
        return None
    longer = {id(e): e for e in groups.values() if e is not entity and (
        e.label.endswith(" " + entity.label) and not re.search(r"\b(?:of|for|the|and|on)\s*$", e.label[: -len(entity.label)])
        # "the National Army" after "the National Army of Moldova": the state left out
        or e.label.startswith(entity.label + " of ") and _is_country(e.label[len(entity.label) + 4:]))}
    return next(iter(longer.values())) if len(longer) == 1 else None


def _is_country(name: str) -> bool:
    place = lookup_place(name)
    return place is not None and place.kind == "country"


# A state body named by its portfolio alone: every state has one, so the name joins nothing.
_GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:Federal\s+)?(?:Ministry|Department|Office|Secretariat)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:Foreign Affairs|Defen[cs]e|National Defen[cs]e|the Interior|Interior|Home Affairs|Justice|Finance|"
    r"Economy|Trade|Health|Foreign Affairs and Trade|Europe and Foreign Affairs|External Affairs|State)$")


# "Ministry of Industry and Trade", "Department of Agriculture": any ministry named by its portfolio
_PORTFOLIO_BODY = re.compile(r"^(?:the\s+)?(?:Federal\s+)?(?:Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?"
                             r"[A-Z][\w’'-]*(?:(?:,\s+|\s+and\s+|\s+)[A-Z][\w’'-]*)*$")


def is_generic_body(name: str) -> bool:
    """Whether a name is a state body's portfolio alone ("Ministry of Defence", "MoD")."""
    return bool(_GENERIC_BODY.match(name) or _PORTFOLIO_BODY.match(name) and lookup_place(name.split(" of ")[-1]) is None
                and lookup_place(name.split(" for ")[-1]) is None) or name in ("MoD", "MOD", "MFA", "MOFA")


class Registry:
    """The corpus's entities; merges each article's entities into one node per real entity."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._index: dict[tuple[str, str], str] = {}

    def add(self, entity: Entity) -> Entity:
        """Merge `entity` into the registry; return the corpus entity it now is."""
        names = entity.names()
        match = self._find(entity.kind, names, entity)
        if match is None:
            key = f"{entity.kind}/{slugify(entity.label)}"
            while key in self.entities:  # two different entities with one slug: keep both
                key += "-x"
            entity.key = key
            self.entities[key] = entity
            match = entity
        else:
            fuller = match.kind == "person" or match.place_kind == "facility"
            if fuller and len(entity.label.split()) > len(match.label.split()):
                match.aliases.add(match.label)
                match.label = entity.label
            match.aliases.update(n for n in names if n != match.label)
            match.articles.update(entity.articles)
            for attr in ("place_kind", "country_code", "geonames_id", "lat", "long"):
                if getattr(match, attr) is None:
                    setattr(match, attr, getattr(entity, attr))
        for name in match.names():
            if not (match.kind == "organisation" and is_generic_body(name)):
                self._index[(match.kind, _norm(name))] = match.key  # "Ministry of Defence" names no one body
        return match

    def _find(self, kind: str, names: set[str], entity: Entity) -> Entity | None:
        for name in sorted(names, key=lambda n: -len(n)):
            key = self._index.get((kind, _norm(name)))
            if key is None:
                continue
            found = self.entities[key]
            # A bare surname joins a corpus person only when it names exactly one.
            if kind == "person" and len(entity.label.split()) == 1 and len(found.label.split()) > 1:
                return found if self._unique_surname(entity.label) else None
            return found
        if kind == "person" and len(entity.label.split()) == 1 and self._unique_surname(entity.label):
            return self._by_surname(entity.label)
        if kind == "person" and len(entity.label.split()) > 1:
            return self._misspelt(entity.label)
        if kind == "location" and entity.place_kind == "facility" and len(entity.label.split()) >= 2:
            return self._same_facility(entity.label)
        return None

    def _same_facility(self, label: str) -> Entity | None:
        """"Harbour Works" is the "Acme Electric Harbour Works" another article names."""
        key = _norm(label)
        hits = [e for e in self.entities.values() if e.place_kind == "facility"
                and (_norm(e.label).endswith(" " + key) or key.endswith(" " + _norm(e.label)))]
        return hits[0] if len(hits) == 1 else None

    def _misspelt(self, label: str) -> Entity | None:
        """"Yogi Muto" in one release is the "Yoji Muto" of another: same surname, a given name
        one typo away, and no other person it could be."""
        words = label.split()
        hits = [e for e in self.entities.values() if e.kind == "person" and len(e.label.split()) == len(words)
                and _norm(e.label.split()[-1]) == _norm(words[-1])
                and SequenceMatcher(None, _norm(e.label), _norm(label)).ratio() >= FUZZY_FULL_NAME]
        return hits[0] if len(hits) == 1 else None

    def _by_surname(self, surname: str) -> Entity | None:
        hits = [e for e in self.entities.values()
                if e.kind == "person" and _norm(e.label.split()[-1]) == _norm(surname)]
        return hits[0] if len(hits) == 1 else None

    def _unique_surname(self, surname: str) -> bool:
        return self._by_surname(surname) is not None


def unique_entities(items: Iterable[Entity]) -> list[Entity]:
    """The entities in order of first appearance, each once (entities are compared by identity)."""
    seen: list[Entity] = []
    for item in items:
        if all(item is not s for s in seen):
            seen.append(item)
    return seen
