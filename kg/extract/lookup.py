"""Names of an article's organisations and countries, looked up for posts and partnerships.

A title's complement ("of the Northern Islands Forum"), an owner ("Ruritania's"), a publisher
line or an adjective ("Finnish") names a body or a state; the lookup finds the article's node
for it, or makes one for a well-known body or a country the text names only that way.
"""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.gazetteer import country_of_demonym, lookup_place
from kg.extract.mentions import classify_name
from kg.extract.model import Entity
from kg.extract.resolve import WELL_KNOWN_BY_KEY
from kg.names import normalise_name


class Lookup:
    """Names of an article's organisations and countries, for posts and partnerships. It only
    ever answers with an organisation or a country: what the shapes allow a post to be held in."""

    def __init__(self, entities: list[Entity], article: str) -> None:
        self.article = article
        self.entities = entities
        self.by_name: dict[str, Entity] = {}
        for entity in entities:
            if entity.kind == "organisation" or entity.place_kind == "country":
                for name in entity.names():
                    self.by_name[normalise_name(name)] = entity
        self.extra: list[Entity] = []
        self.unmentioned: list[Entity] = []  # bodies known only from the publisher line
        self.candidates: dict[str, Entity] = {}  # bodies named only inside a post title

    def __call__(self, name: str | None, mentioned: bool = True) -> Entity | None:
        """The organisation or country `name` names; `mentioned` is False for the publisher line,
        which is not the article's text (the body it names is linked but not kg:mentionedIn)."""
        if not name:
            return None
        name = re.sub(r"[’']s$", "", name.strip())
        name = re.sub(r"^the\s+", "", name)
        state = re.match(r"^(\w+)\s+(?:Republic|Kingdom|Federation|Confederation)$", name)
        if state and country_of_demonym(state.group(1)) is not None:
            name = state.group(1)  # "the Tunisian Republic": the state of the adjective
        key = normalise_name(name)
        if key in self.by_name:
            return self.by_name[key]
        if name in lx.ORG_HEADS:  # "the Court’s Registrar": the one court the article names
            heads = [e for e in self.entities if e.kind == "organisation" and e.label.endswith(" " + name)]
            if len(heads) == 1:
                return heads[0]
        if name in lx.ONE_WORD_BODIES:  # "Speaker of the Storting": the parliament holds the office
            return self._new(Entity("organisation", name), mentioned)
        if key in WELL_KNOWN_BY_KEY:
            canonical = WELL_KNOWN_BY_KEY[key]
            for alias in canonical:
                if normalise_name(alias) in self.by_name:
                    return self.by_name[normalise_name(alias)]
            return self._new(Entity("organisation", canonical[0], aliases=set(canonical[1:]) - {canonical[0]}),
                             mentioned)
        place = lookup_place(name) or country_of_demonym(name)
        if place is not None and place.kind == "country":
            for entity in self.entities + self.extra:
                if entity.place_kind == "country" and entity.country_code == place.country_code:
                    return entity
            return self._new(Entity("location", place.name, aliases=set(place.aliases), place_kind="country",
                                    country_code=place.country_code, geonames_id=place.geonames_id,
                                    lat=place.lat, long=place.long), mentioned)
        if place is None and re.fullmatch(r"[A-Z][\w-]+", name):  # "Examplecorp’s CEO": a body by its first word
            short = [e for e in self.entities if e.kind == "organisation" and e.label.startswith(name + " ")]
            if len({e.label for e in short}) == 1:
                return short[0]
        return None

    def body_in_title(self, name: str | None) -> Entity | None:
        """Like a lookup, but a body named inside a post title and nowhere else ("Secretary General
        of the Northern Islands Forum") becomes an organisation of the article."""
        found = self(name)
        if found is not None or not name:
            return found
        name = re.sub(r"^the\s+", "", name.strip())
        if (len(name.split()) >= 2 and re.fullmatch(r"[A-Z][\w’'&-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w’'&-]*))*", name)
                and classify_name(name, "organisation") == "organisation" and _ends_with_org_head(name)
                # "General Staff of the X Armed Forces": the office is held in the body named last
                and not any(getattr(self(name[of.end():]), "kind", None) == "organisation"
                            for of in re.finditer(r"\s+of\s+", name))):
            # A candidate only: the title may yet be read another way; `adopt` keeps the one used.
            return self.candidates.setdefault(normalise_name(name), Entity("organisation", name))
        return None

    def adopt(self, entity: Entity | None) -> Entity | None:
        """Register a body `body_in_title` proposed, once a post is held in it."""
        if entity is not None and entity.kind == "organisation" and \
                self.candidates.get(normalise_name(entity.label)) is entity and all(e is not entity for e in self.extra):
            self._new(entity, True)
        return entity

    def _new(self, entity: Entity, mentioned: bool) -> Entity:
        # A country referenced by an adjective is not mentioned by name: no kg:mentionedIn. An
        # organisation comes here from the article's own words or from its publisher line.
        if entity.kind == "organisation":
            if mentioned:
                entity.articles.add(self.article)
            else:
                self.unmentioned.append(entity)
        self.extra.append(entity)
        for n in entity.names():
            self.by_name[normalise_name(n)] = entity
        return entity


def _ends_with_org_head(name: str) -> bool:
    words = name.split()  # "Multinational Division North": a unit named with its direction
    return words[-1] in lx.ORG_HEADS or (words[-1] in lx.COMPASS and len(words) > 2 and words[-2] in lx.ORG_HEADS) \
        or (words[0] in ("Department", "Ministry", "Office") and len(words) > 2 and words[1] == "of")
