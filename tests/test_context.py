"""The published JSON-LD context never drifts from the ontology."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg import resources
from kg.export import load_context
from kg.namespaces import DCTERMS, DEFAULT_BASE, GEO, KG, PREFIXES, PROV, RDFS, SCHEMA, SKOS

# Terms of other vocabularies the context may name (the graph model uses exactly these).
EXTERNAL = {
    RDFS.label, SKOS.altLabel, DCTERMS.title, DCTERMS.date, DCTERMS.publisher, DCTERMS.source,
    SCHEMA.url, OWL.sameAs, PROV.wasDerivedFrom, GEO.lat, GEO.long,
}
KG_NS = str(KG._NS)


def _ontology() -> Graph:
    return Graph().parse(data=resources.read_text("ontology", "kg.ttl"), format="turtle")


def _term_iris() -> dict[str, str]:
    """Every non-prefix term of the context, expanded by pyld (an independent JSON-LD processor)."""
    context = load_context()
    out = {}
    for name, value in context.items():
        if name.startswith("@") or (isinstance(value, str) and "://" in value):
            continue
        if value == "@type":
            continue
        # @type values are vocabulary-relative, so a term name there expands to the term's IRI.
        doc = {"@context": context, "@id": "https://example.org/s", "@type": name}
        [node] = jsonld.expand(doc)
        out[name] = node["@type"][0]
    return out


def test_context_file_is_a_json_ld_1_1_context_object():
    data = json.loads(resources.read_text("ontology", "context.jsonld"))
    assert list(data) == ["@context"]
    assert data["@context"]["@version"] == 1.1


def test_context_prefixes_match_the_namespaces_module():
    context = load_context()
    for prefix in ("kg", "rdfs", "skos", "dcterms", "prov", "geo", "owl", "schema", "xsd"):
        assert context[prefix] == PREFIXES[prefix]
    assert context["id"] == DEFAULT_BASE


def test_every_term_names_an_ontology_term_or_a_known_external_term():
    ontology = _ontology()
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(KG_NS)}
    for name, iri in _term_iris().items():
        if iri.startswith(KG_NS):
            assert URIRef(iri) in declared, f"context term {name!r} -> {iri} is not in ontology/kg.ttl"
        else:
            assert URIRef(iri) in EXTERNAL, f"context term {name!r} -> {iri} is not a known term"


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                                  KG.MeetingType, KG.MeetingStatus])
def test_every_kg_class_property_and_individual_has_a_context_term(kind):
    named = set(_term_iris().values())
    for subject in _ontology().subjects(RDF.type, kind):
        if str(subject).startswith(KG_NS):
            assert str(subject) in named, f"{subject} has no term in ontology/context.jsonld"


def test_every_namespaces_module_term_has_a_context_term():
    named = set(_term_iris().values())
    missing = [n for n in KG.__annotations__ if str(KG[n]) not in named]
    assert missing == []


def test_short_keys_expand_to_the_graph_model_properties():
    context = load_context()
    doc = {
        "@context": context,
        "@id": "id:meeting/m1",
        "type": "Meeting",
        "name": "A meets B",
        "participants": ["id:person/a", "id:person/b"],
        "status": "Planned",
        "startDate": "2024-01-02",
    }
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    graph = Graph().parse(data=nquads, format="nt")
    meeting = URIRef(DEFAULT_BASE + "meeting/m1")
    assert (meeting, RDF.type, KG.Meeting) in graph
    assert (meeting, KG.participant, URIRef(DEFAULT_BASE + "person/b")) in graph
    assert (meeting, KG.status, KG.Planned) in graph
    [start] = graph.objects(meeting, KG.startDate)
    assert start.datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
