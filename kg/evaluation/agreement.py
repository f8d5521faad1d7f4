"""A gold annotation written as a graph, so one annotation can be scored against another.

Two annotators' gold files for the same articles, one scored against the other with the same
measure as the extractor, give the inter-annotator agreement: the ceiling on what any extractor
can be expected to reach against either of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.evaluation.gold import Cluster, Gold, load_gold
from kg.evaluation.graphs import load_graph
from kg.names import fold
from kg.namespaces import DCTERMS, KG, PROV, RDF, RDFS, SKOS
from kg.slug import slugify

_BASE = "urn:kg:gold:"
_CLASSES = {"persons": KG.Person, "organisations": KG.Organisation, "locations": KG.Location}


def gold_as_graph(gold: Gold) -> Graph:
    """The graph an extractor would have to write to agree with `gold` on every scored point.

    One node per corpus-level entity (labelled with its names), one post per gold post, one
    meeting per gold meeting (plus a bare event node per label that several files share) and
    one partnership per gold partnership, taking the first acceptable name of each party.
    """
    g = Graph()
    node_of: dict[int, URIRef] = {}
    events: dict[str, set[URIRef]] = {}

    def entity(cluster: Cluster) -> URIRef:
        if id(cluster) not in node_of:
            node = URIRef(f"{_BASE}{cluster.kind}/{len(node_of)}")
            node_of[id(cluster)] = node
            g.add((node, RDF.type, _CLASSES[cluster.kind]))
            g.add((node, RDFS.label, Literal(cluster.name)))
            for name in sorted(cluster.names):
                g.add((node, SKOS.altLabel, Literal(name)))
        return node_of[id(cluster)]

    for i, article in enumerate(gold.articles):
        doc = URIRef(f"{_BASE}article/{i}-{slugify(article.title)}")
        g.add((doc, RDF.type, KG.Article))
        g.add((doc, DCTERMS.title, Literal(article.title)))
        for e in article.entities:
            g.add((entity(gold.cluster_of[e]), KG.mentionedIn, doc))
        for j, post in enumerate(article.posts):
            node = URIRef(f"{doc}/post/{j}")
            g.add((node, RDF.type, KG.Post))
            g.add((node, KG.title, Literal(post.title)))
            g.add((node, PROV.wasDerivedFrom, doc))
            g.add((entity(gold.cluster_of[post.person]), KG.holdsPost, node))
            if post.organisation is not None:
                g.add((node, KG.postIn, entity(gold.cluster_of[post.organisation])))
        for j, meeting in enumerate(article.meetings):
            # One node per article's meeting: each file is scored on what it says of the event.
            node = URIRef(f"{doc}/meeting/{j}")
            events.setdefault(fold(meeting.label), set()).add(doc)
            g.add((node, RDF.type, KG.Meeting))
            g.add((node, PROV.wasDerivedFrom, doc))
            for p in meeting.participants:
                g.add((node, KG.participant, entity(gold.cluster_of[p])))
            if meeting.location is not None:
                g.add((node, KG.location, entity(gold.cluster_of[meeting.location])))
            if meeting.start:
                full = re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting.start)
                g.add((node, KG.startDate, Literal(meeting.start, datatype=XSD.date if full else None)))
        for j, parties in enumerate(article.partnerships):
            node = URIRef(f"{doc}/partnership/{j}")
            g.add((node, RDF.type, KG.Partnership))
            g.add((node, PROV.wasDerivedFrom, doc))
            for party in parties:
                if party:
                    g.add((node, KG.partner, entity(gold.cluster_of[party[0]])))
    # The guidelines give one real event the same label in every file that tells it: a bare
    # node derived from all of them records that grouping without lending any article the
    # participants another article names.
    for i, (label, docs) in enumerate(sorted(events.items())):
        if len(docs) > 1:
            node = URIRef(f"{_BASE}event/{i}")
            g.add((node, RDF.type, KG.Meeting))
            g.add((node, RDFS.label, Literal(label)))
            for doc in docs:
                g.add((node, PROV.wasDerivedFrom, doc))
    return g


def load_scored(path: Path) -> Graph:
    """What `kg evaluate` scores: an RDF file, or a directory of gold files (agreement)."""
    path = Path(path)
    if path.is_dir():
        return gold_as_graph(load_gold(path))
    return load_graph(path)
