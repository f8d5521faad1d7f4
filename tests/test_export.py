"""`kg export` and kg.export: JSON-LD that means exactly the graph, framed views, deterministic text."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner
from pyld import jsonld
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.cli import cli
from kg.errors import KgError
from kg.export import export, load_context
from kg.namespaces import (DCTERMS, DEFAULT_BASE, GEO, KG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS,
                           XSD)

# Everything below is invented: no person, meeting or organisation here exists.


def iri(kind: str, slug: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}{kind}/{slug}")


ARTICLE = iri("article", "minister-visits-port-alba")
JANE = iri("person", "jane-quill")
OMAR = iri("person", "omar-vennik")
POST = iri("post", "minister-of-harbours-freedonia")
FREEDONIA = iri("location", "freedonia")
PORT_ALBA = iri("location", "port-alba")
INSTITUTE = iri("organisation", "harbour-research-institute")
MEETING = iri("meeting", "0a1b2c")
PARTNERSHIP = iri("partnership", "3d4e5f")
EVIDENCE = iri("evidence", "6a7b8c")


def sample_graph() -> Graph:
    g = Graph()
    date = Literal("2024-02-03", datatype=XSD.date)
    triples = [
        (ARTICLE, RDF.type, KG.Article), (ARTICLE, RDFS.label, Literal("Minister visits Port Alba")),
        (ARTICLE, DCTERMS.title, Literal("Minister visits Port Alba")), (ARTICLE, DCTERMS.date, date),
        (ARTICLE, DCTERMS.publisher, Literal("Ministry of Harbours")),
        (ARTICLE, DCTERMS.source, Literal("a1.txt")),
        (ARTICLE, SCHEMA.url, URIRef("https://example.org/news/a1")),
        (JANE, RDF.type, KG.Person), (JANE, RDFS.label, Literal("Jane Quill")),
        (JANE, SKOS.altLabel, Literal("Quill")), (JANE, SKOS.altLabel, Literal("Mme Quill", lang="fr")),
        (JANE, KG.holdsPost, POST), (JANE, KG.mentionedIn, ARTICLE),
        (OMAR, RDF.type, KG.Person), (OMAR, RDFS.label, Literal("Omar Vennik")),
        (OMAR, KG.mentionedIn, ARTICLE),
        (POST, RDF.type, KG.Post), (POST, RDFS.label, Literal("Minister of Harbours")),
        (POST, KG.title, Literal("Minister of Harbours")), (POST, KG.postIn, FREEDONIA),
        (POST, PROV.wasDerivedFrom, ARTICLE), (POST, KG.evidence, EVIDENCE),
        (FREEDONIA, RDF.type, KG.Location), (FREEDONIA, RDF.type, KG.Country),
        (FREEDONIA, RDFS.label, Literal("Freedonia")), (FREEDONIA, KG.countryCode, Literal("FD")),
        (FREEDONIA, OWL.sameAs, URIRef("https://sws.geonames.org/999001/")),
        (FREEDONIA, GEO.lat, Literal("62.0", datatype=XSD.decimal)),
        (FREEDONIA, GEO.long, Literal("10.5", datatype=XSD.decimal)),
        (FREEDONIA, KG.mentionedIn, ARTICLE),
        (PORT_ALBA, RDF.type, KG.Location), (PORT_ALBA, RDF.type, KG.City),
        (PORT_ALBA, RDFS.label, Literal("Port Alba")), (PORT_ALBA, KG.country, FREEDONIA),
        (PORT_ALBA, KG.mentionedIn, ARTICLE),
        (INSTITUTE, RDF.type, KG.Organisation), (INSTITUTE, RDFS.label, Literal("Harbour Research Institute")),
        (INSTITUTE, SKOS.altLabel, Literal("HRI")), (INSTITUTE, KG.mentionedIn, ARTICLE),
        (MEETING, RDF.type, KG.Meeting), (MEETING, RDFS.label, Literal("Jane Quill meets Omar Vennik")),
        (MEETING, KG.participant, JANE), (MEETING, KG.participant, OMAR), (MEETING, KG.host, OMAR),
        (MEETING, KG.location, PORT_ALBA), (MEETING, KG.startDate, date), (MEETING, KG.endDate, date),
        (MEETING, KG.status, KG.Held), (MEETING, KG.meetingType, KG.Visit),
        (MEETING, PROV.wasDerivedFrom, ARTICLE), (MEETING, KG.evidence, EVIDENCE),
        (PARTNERSHIP, RDF.type, KG.Partnership), (PARTNERSHIP, RDFS.label, Literal("Freedonia – HRI")),
        (PARTNERSHIP, KG.partner, FREEDONIA), (PARTNERSHIP, KG.partner, INSTITUTE),
        (PARTNERSHIP, KG.framework, Literal("Tidal Science Pact")),
        (PARTNERSHIP, KG.since, Literal("2019", datatype=XSD.gYear)),
        (PARTNERSHIP, PROV.wasDerivedFrom, ARTICLE), (PARTNERSHIP, KG.evidence, EVIDENCE),
        (EVIDENCE, RDF.type, KG.Evidence),
        (EVIDENCE, RDFS.label, Literal("Jane Quill met Omar Vennik in Port Alba.")),
        (EVIDENCE, KG.text, Literal("Jane Quill met Omar Vennik in Port Alba.")),
        (EVIDENCE, KG.article, ARTICLE),
    ]
    for triple in triples:
        g.add(triple)
    return g


def rdf11(graph: Graph) -> Graph:
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal; rdflib keeps them apart, so fold them."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def assert_same_graph(expected: Graph, actual: Graph) -> None:
    """Isomorphism (under RDF 1.1 literal equality), and on failure the differing triples."""
    expected, actual = rdf11(expected), rdf11(actual)
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail("graphs differ\nonly in source:\n" + only_expected.serialize(format="nt")
                    + "\nonly in output:\n" + only_actual.serialize(format="nt"))


def parse_jsonld_with_rdflib(text: str) -> Graph:
    return Graph().parse(data=text, format="json-ld")


def parse_jsonld_with_pyld(text: str) -> Graph:
    nquads = jsonld.to_rdf(json.loads(text), {"format": "application/n-quads"})
    return Graph().parse(data=nquads, format="nt")


def node(doc: dict, node_id: str) -> dict:
    [found] = [n for n in doc["@graph"] if n["@id"] == node_id]
    return found


# ---------------------------------------------------------------- compact JSON-LD


def test_jsonld_reads_back_with_rdflib_as_the_same_graph():
    graph = sample_graph()
    assert_same_graph(graph, parse_jsonld_with_rdflib(export(graph, "jsonld")))


def test_jsonld_expands_with_pyld_to_the_same_graph():
    graph = sample_graph()
    assert_same_graph(graph, parse_jsonld_with_pyld(export(graph, "jsonld")))


def test_jsonld_embeds_the_shipped_context_object_so_it_works_offline():
    doc = json.loads(export(sample_graph(), "jsonld"))
    assert list(doc) == ["@context", "@graph"]
    assert doc["@context"] == load_context()


def test_jsonld_uses_the_short_keys_and_class_names_of_the_context():
    doc = json.loads(export(sample_graph(), "jsonld"))
    meeting = node(doc, "id:meeting/0a1b2c")
    assert meeting["type"] == "Meeting"
    assert meeting["name"] == "Jane Quill meets Omar Vennik"
    assert meeting["participants"] == ["id:person/jane-quill", "id:person/omar-vennik"]
    assert meeting["hosts"] == ["id:person/omar-vennik"]
    assert meeting["location"] == "id:location/port-alba"
    assert meeting["status"] == "Held"
    assert meeting["meetingType"] == "Visit"
    assert meeting["startDate"] == "2024-02-03"
    freedonia = node(doc, "id:location/freedonia")
    assert freedonia["type"] == ["Country", "Location"]
    assert freedonia["lat"] == "62.0"
    assert freedonia["sameAs"] == ["https://sws.geonames.org/999001/"]


def test_jsonld_writes_values_the_context_cannot_coerce_as_explicit_value_objects():
    doc = json.loads(export(sample_graph(), "jsonld"))
    assert node(doc, "id:partnership/3d4e5f")["since"] == {"@value": "2019", "@type": "xsd:gYear"}
    assert {"@value": "Mme Quill", "@language": "fr"} in node(doc, "id:person/jane-quill")["altNames"]


def test_jsonld_keys_properties_outside_the_context_by_prefixed_name():
    graph = sample_graph()
    graph.add((JANE, SCHEMA.birthPlace, PORT_ALBA))
    graph.add((JANE, URIRef("http://example.org/vocab#shoeSize"), Literal("42", datatype=XSD.integer)))
    text = export(graph, "jsonld")
    jane = node(json.loads(text), "id:person/jane-quill")
    assert jane["schema:birthPlace"] == {"@id": "id:location/port-alba"}
    assert jane["http://example.org/vocab#shoeSize"] == {"@value": "42", "@type": "xsd:integer"}
    assert_same_graph(graph, parse_jsonld_with_rdflib(text))
    assert_same_graph(graph, parse_jsonld_with_pyld(text))


def test_jsonld_is_the_same_bytes_whatever_order_the_triples_were_added_in():
    triples = list(sample_graph())
    random.Random(7).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    assert export(shuffled, "jsonld") == export(sample_graph(), "jsonld")


def test_jsonld_nodes_are_sorted_by_id():
    ids = [n["@id"] for n in json.loads(export(sample_graph(), "jsonld"))["@graph"]]
    assert ids == sorted(ids)


def test_empty_graph_exports_an_empty_node_list():
    doc = json.loads(export(Graph(), "jsonld"))
    assert doc["@graph"] == []


# ---------------------------------------------------------------- framed JSON-LD


def test_meeting_frame_nests_participants_location_and_evidence_with_name_and_type():
    doc = json.loads(export(sample_graph(), "jsonld", frame="meeting"))
    [meeting] = doc["@graph"]
    assert meeting["@id"] == "id:meeting/0a1b2c"
    people = {p["@id"]: p for p in meeting["participants"]}
    assert people["id:person/jane-quill"]["name"] == "Jane Quill"
    assert people["id:person/jane-quill"]["type"] == "Person"
    assert meeting["location"]["name"] == "Port Alba"
    assert meeting["location"]["country"]["name"] == "Freedonia"  # second level
    [evidence] = meeting["evidence"]
    assert evidence["text"] == "Jane Quill met Omar Vennik in Port Alba."
    assert meeting["status"] == "Held"  # vocabulary values stay short names


def test_meeting_frame_stops_at_its_depth_and_keeps_mentions_as_references():
    doc = json.loads(export(sample_graph(), "jsonld", frame="meeting"))
    [meeting] = doc["@graph"]
    jane = next(p for p in meeting["participants"] if p["@id"] == "id:person/jane-quill")
    [post] = jane["holdsPost"]
    assert post["name"] == "Minister of Harbours"
    assert post["postIn"] == "id:location/freedonia"  # third level: a reference only
    assert jane["mentionedIn"] == ["id:article/minister-visits-port-alba"]


def test_person_frame_has_one_object_per_person_with_posts_nested():
    doc = json.loads(export(sample_graph(), "jsonld", frame="person"))
    assert [n["@id"] for n in doc["@graph"]] == ["id:person/jane-quill", "id:person/omar-vennik"]
    [post] = doc["@graph"][0]["holdsPost"]
    assert post["postIn"]["name"] == "Freedonia"


def test_organisation_frame_lists_only_organisations():
    doc = json.loads(export(sample_graph(), "jsonld", frame="organisation"))
    assert [n["type"] for n in doc["@graph"]] == ["Organisation"]


@pytest.mark.parametrize("frame", ["meeting", "person", "organisation"])
def test_framed_output_states_only_triples_of_the_graph(frame):
    graph = sample_graph()
    text = export(graph, "jsonld", frame=frame)
    framed = parse_jsonld_with_pyld(text)
    assert len(framed) > 0
    assert set(framed) <= set(graph)
    assert set(parse_jsonld_with_rdflib(text)) == set(framed)


def test_meeting_frame_carries_every_triple_about_the_meeting():
    framed = parse_jsonld_with_rdflib(export(sample_graph(), "jsonld", frame="meeting"))
    assert set(framed.triples((MEETING, None, None))) == set(sample_graph().triples((MEETING, None, None)))


def test_framed_output_is_deterministic():
    triples = list(sample_graph())
    random.Random(3).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    assert export(shuffled, "jsonld", frame="meeting") == export(sample_graph(), "jsonld", frame="meeting")


def test_unknown_frame_or_format_is_a_kg_error_naming_the_choices():
    with pytest.raises(KgError, match="available: meeting, organisation, person"):
        export(sample_graph(), "jsonld", frame="treaty")
    with pytest.raises(KgError, match="available: jsonld, turtle, ntriples, nquads"):
        export(sample_graph(), "rdfxml")
    with pytest.raises(KgError, match="jsonld"):
        export(sample_graph(), "turtle", frame="meeting")


# ---------------------------------------------------------------- the other formats


@pytest.mark.parametrize("fmt,parse_as", [("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads")])
def test_every_format_reads_back_as_the_same_graph(fmt, parse_as):
    graph = sample_graph()
    text = export(graph, fmt)
    if parse_as == "nquads":
        back = Graph()
        for triple in Graph().parse(data=text, format="nt"):  # default-graph quads are triples
            back.add(triple)
    else:
        back = Graph().parse(data=text, format=parse_as)
    assert_same_graph(graph, back)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads"])
def test_every_format_is_the_same_bytes_whatever_the_insertion_order(fmt):
    triples = list(sample_graph())
    random.Random(11).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    assert export(shuffled, fmt) == export(sample_graph(), fmt)


def test_ntriples_lines_are_sorted():
    lines = export(sample_graph(), "ntriples").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(sample_graph())


# ---------------------------------------------------------------- round-trip property

SLUG = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
NODES = st.one_of(
    st.builds(iri, st.sampled_from(["person", "organisation", "location", "meeting", "article"]), SLUG),
    st.builds(lambda s: URIRef(f"https://sws.geonames.org/{s}/"), SLUG),
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
LITERALS = st.one_of(
    st.builds(Literal, TEXT),
    st.builds(lambda t, lang: Literal(t, lang=lang), TEXT, st.sampled_from(["en", "fr", "is", "de-ch"])),
    st.builds(lambda d: Literal(d.isoformat(), datatype=XSD.date), st.dates()),
    st.builds(lambda y: Literal(str(y), datatype=XSD.gYear), st.integers(1000, 2999)),
    st.builds(lambda x: Literal(str(x), datatype=XSD.decimal),
              st.decimals(-180, 180, places=5, allow_nan=False, allow_infinity=False)),
    st.builds(lambda t: Literal(t, datatype=XSD.string), TEXT),
)
LITERAL_PROPS = [RDFS.label, SKOS.altLabel, DCTERMS.date, KG.startDate, KG.since, GEO.lat,
                 KG.text, KG.framework, URIRef("http://example.org/vocab#note")]
NODE_PROPS = [KG.participant, KG.location, KG.status, KG.meetingType, OWL.sameAs, KG.article,
              PROV.wasDerivedFrom, SCHEMA.about]
TYPES = [KG.Person, KG.Meeting, KG.Location, KG.Country, SCHEMA.Thing]
TRIPLES = st.one_of(
    st.tuples(NODES, st.sampled_from(LITERAL_PROPS), LITERALS),
    st.tuples(NODES, st.sampled_from(NODE_PROPS),
              st.one_of(NODES, st.sampled_from([KG.Held, KG.Planned, KG.Summit]))),
    st.tuples(NODES, st.just(RDF.type), st.sampled_from(TYPES)),
)


def _graph(triples: list) -> Graph:
    g = Graph()
    for triple in triples:
        g.add(triple)
    return g


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TRIPLES, max_size=25))
def test_any_small_graph_survives_a_jsonld_round_trip_through_rdflib_and_pyld(triples):
    graph = _graph(triples)
    text = export(graph, "jsonld")
    assert_same_graph(graph, parse_jsonld_with_rdflib(text))
    assert_same_graph(graph, parse_jsonld_with_pyld(text))


# ---------------------------------------------------------------- the command


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(export(sample_graph(), "turtle"), encoding="utf-8")
    return path


def test_cli_writes_jsonld_to_stdout_by_default(graph_file):
    result = CliRunner().invoke(cli, ["export", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert_same_graph(sample_graph(), parse_jsonld_with_rdflib(result.stdout))


def test_cli_reads_build_graph_ttl_when_no_graph_is_named(tmp_path, graph_file, monkeypatch):
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "graph.ttl").write_text(graph_file.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--format", "ntriples"])
    assert result.exit_code == 0, result.output
    assert result.stdout == export(sample_graph(), "ntriples")


def test_cli_out_writes_the_file_and_nothing_to_stdout(tmp_path, graph_file):
    out = tmp_path / "site" / "graph.jsonld"
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--frame", "meeting", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote jsonld to {out}" in result.stderr
    assert out.read_text(encoding="utf-8") == export(sample_graph(), "jsonld", frame="meeting")
    assert sorted(p.name for p in out.parent.iterdir()) == ["graph.jsonld"]  # no temp file left


def test_cli_bad_input_file_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("this is not turtle .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(bad)])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {bad}: not valid turtle")
    assert "Traceback" not in result.output


def test_cli_missing_graph_is_one_line_saying_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"Error: {tmp_path / 'none.ttl'}: no such file "
                                          "(run `kg build` first, or name a graph file)"]


def test_cli_rejects_a_frame_with_a_non_jsonld_format(graph_file):
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--format", "turtle", "--frame", "person"])
    assert result.exit_code == 2
    assert "--frame needs --format jsonld" in result.stderr


def test_cli_help_names_the_formats_and_frames():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    for word in ("jsonld", "turtle", "ntriples", "nquads", "meeting", "person", "organisation", "--out"):
        assert word in result.output
