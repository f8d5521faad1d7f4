"""Turn articles and an Extraction into an RDF graph in the model of docs/graph-model.md."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Sequence
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.extract.model import Entity, Evidence, Extraction
from kg.namespaces import DEFAULT_BASE, GEO, GEONAMES, KG, SCHEMA
from kg.reader import Article
from kg.slug import slugify

_PLACE_CLASS = {"country": KG.Country, "city": KG.City, "region": KG.Region, "facility": KG.Facility}
_CLASS = {"person": KG.Person, "organisation": KG.Organisation, "location": KG.Location}


def _digest(*parts: object) -> str:
    """A short stable hash of a key, for IRIs of things that have no name of their own."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


class IriMinter:
    """Mints `{base}{kind}/{slug}` IRIs from stable keys."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def __call__(self, kind: str, slug: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{slug}")

    def article(self, key: str) -> URIRef:
        return self("article", key)

    def entity(self, key: str) -> URIRef:
        kind, slug = key.split("/", 1)
        return self(kind, slug)


def build_graph(articles: Sequence[Article], extraction: Extraction, base: str = DEFAULT_BASE) -> Graph:
    """The knowledge graph of `articles` with what was extracted from them."""
    iri = IriMinter(base)
    graph = Graph()
    known_articles = {a.key for a in articles}
    for article in articles:
        _add_article(graph, iri, article)
    for entity in extraction.entities.values():
        _add_entity(graph, iri, entity, known_articles)
    for post in extraction.posts:
        # post:secretary-general-north-atlantic-treaty-organization; a post held nowhere named is
        # scoped to its holder, so two prime ministers of unnamed states stay two posts.
        scope = (post.organisation or post.holder).split("/", 1)[1]
        node = iri("post", slugify(f"{post.title} {scope}"))
        graph.add((node, RDF.type, KG.Post))
        graph.add((node, RDFS.label, Literal(post.title)))
        graph.add((node, KG.title, Literal(post.title)))
        if post.organisation:
            graph.add((node, KG.postIn, iri.entity(post.organisation)))
        graph.add((iri.entity(post.holder), KG.holdsPost, node))
        _add_provenance(graph, iri, node, post.articles, post.evidence)
    for meeting in extraction.meetings:
        node = iri("meeting", _digest(sorted(meeting.articles), meeting.label, meeting.start))
        graph.add((node, RDF.type, KG.Meeting))
        graph.add((node, RDFS.label, Literal(meeting.label)))
        for participant in meeting.participants:
            graph.add((node, KG.participant, iri.entity(participant)))
        for host in meeting.hosts:
            graph.add((node, KG.host, iri.entity(host)))
        if meeting.location:
            graph.add((node, KG.location, iri.entity(meeting.location)))
        if meeting.start:
            graph.add((node, KG.startDate, Literal(meeting.start, datatype=XSD.date)))
        if meeting.end:
            graph.add((node, KG.endDate, Literal(meeting.end, datatype=XSD.date)))
        graph.add((node, KG.status, KG.Planned if meeting.status == "planned" else KG.Held))
        graph.add((node, KG.meetingType, getattr(KG, meeting.meeting_type)))
        _add_provenance(graph, iri, node, meeting.articles, meeting.evidence)
    for partnership in extraction.partnerships:
        node = iri("partnership", _digest(sorted(partnership.partners), partnership.framework))
        labels = sorted(extraction.entities[p].label for p in partnership.partners)
        graph.add((node, RDF.type, KG.Partnership))
        graph.add((node, RDFS.label, Literal(" – ".join(labels))))
        for partner in partnership.partners:
            graph.add((node, KG.partner, iri.entity(partner)))
        if partnership.framework:
            graph.add((node, KG.framework, Literal(partnership.framework)))
        if isinstance(partnership.since, datetime.date):
            graph.add((node, KG.since, Literal(partnership.since, datatype=XSD.date)))
        elif isinstance(partnership.since, int):
            graph.add((node, KG.since, Literal(f"{partnership.since:04d}", datatype=XSD.gYear)))
        _add_provenance(graph, iri, node, partnership.articles, partnership.evidence)
    return graph


def _add_article(graph: Graph, iri: IriMinter, article: Article) -> None:
    node = iri.article(article.key)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, RDFS.label, Literal(article.title)))
    graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.publisher:
        graph.add((node, DCTERMS.publisher, Literal(article.publisher)))
    for source in article.sources:
        graph.add((node, DCTERMS.source, Literal(source)))
    if article.url:
        graph.add((node, SCHEMA.url, URIRef(article.url)))


def _add_entity(graph: Graph, iri: IriMinter, entity: Entity, known_articles: set[str]) -> None:
    node = iri.entity(entity.key)
    graph.add((node, RDF.type, _CLASS[entity.kind]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    for alias in entity.aliases - {entity.label}:
        graph.add((node, SKOS.altLabel, Literal(alias)))
    for article in entity.articles & known_articles:
        graph.add((node, KG.mentionedIn, iri.article(article)))
    if entity.kind != "location":
        return
    if entity.place_kind in _PLACE_CLASS:
        graph.add((node, RDF.type, _PLACE_CLASS[entity.place_kind]))
    if entity.place_kind == "country" and entity.country_code:
        graph.add((node, KG.countryCode, Literal(entity.country_code)))
    if entity.country and entity.place_kind != "country":
        graph.add((node, KG.country, iri.entity(entity.country)))
    if entity.geonames_id:
        graph.add((node, OWL.sameAs, GEONAMES[f"{entity.geonames_id}/"]))
    if entity.lat is not None and entity.long is not None:
        graph.add((node, GEO.lat, Literal(Decimal(str(round(entity.lat, 5))), datatype=XSD.decimal)))
        graph.add((node, GEO.long, Literal(Decimal(str(round(entity.long, 5))), datatype=XSD.decimal)))


def _add_provenance(graph: Graph, iri: IriMinter, node: URIRef, articles: set[str],
                    evidence: list[Evidence]) -> None:
    for article in articles:
        graph.add((node, PROV.wasDerivedFrom, iri.article(article)))
    for item in evidence:
        ev = iri("evidence", _digest(item.article, item.text))
        graph.add((node, KG.evidence, ev))
        graph.add((ev, RDF.type, KG.Evidence))
        graph.add((ev, RDFS.label, Literal(item.text)))
        graph.add((ev, KG.text, Literal(item.text)))
        graph.add((ev, KG.article, iri.article(item.article)))
