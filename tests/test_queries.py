"""The saved queries: headers, parameters, safe binding, and each query's answer on known graphs."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Literal, URIRef, Variable

from kg.binding import variables
from kg.errors import QueryError
from kg import namespaces as ns
from kg.queries import (
    Param,
    SavedQuery,
    get_query,
    list_queries,
    parse_header,
    parse_params,
    run_saved,
)
from kg.store import open_store

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample-graph.ttl"
ALL = list_queries()
NAMES = [q.name for q in ALL]


# ---------------------------------------------------------------- expected rows, as data
# A row cell is written as: "id:..." / "kg:..." / "<iri>" an IRI, an int an xsd:integer,
# D("...") an xsd:date, Y("...") an xsd:gYear, None unbound, any other str a simple literal.

def D(text: str) -> Literal:
    return Literal(text, datatype=ns.XSD.date)


def Y(text: str) -> Literal:
    return Literal(text, datatype=ns.XSD.gYear)


def term(cell):
    if cell is None or isinstance(cell, Literal):
        return cell
    if isinstance(cell, int):
        return Literal(cell, datatype=ns.XSD.integer)
    if cell.startswith("id:"):
        return URIRef(ns.DEFAULT_BASE + cell[3:])
    if cell.startswith("kg:"):
        return ns.KG[cell[3:]]
    if cell.startswith("<") and cell.endswith(">"):
        return URIRef(cell[1:-1])
    return Literal(cell)


def rows(*cells_per_row) -> list[tuple]:
    return [tuple(term(c) for c in row) for row in cells_per_row]


# Frequently used names of the invented sample graph.
VARGA, LINDQVIST, KOVAC = "id:person/elena-varga", "id:person/tomas-lindqvist", "id:person/mira-kovac"
PETRAUSKAS, RIBEIRO, MORITA = ("id:person/jonas-petrauskas", "id:person/ana-ribeiro",
                               "id:person/kenji-morita")
NATO, NAC = "id:organisation/nato", "id:organisation/north-atlantic-council"
STO, LAF = ("id:organisation/nato-science-and-technology-organization",
            "id:organisation/lithuanian-armed-forces")
NATO_LABEL, STO_LABEL = "North Atlantic Treaty Organization", "NATO Science and Technology Organization"
M_OSLO, M_VILNIUS = "id:meeting/0a1b2c3d", "id:meeting/1b2c3d4e"
M_MINISTERS, M_CALL = "id:meeting/2c3d4e5f", "id:meeting/3d4e5f6a"
M_OSLO_L, M_VILNIUS_L = "Elena Varga meets Tomas Lindqvist", "Mira Kovač visits Lithuania"
M_MINISTERS_L = "Meeting of Ministers of Defence and Foreign Affairs"
M_CALL_L = "Elena Varga calls Kenji Morita"
P_STO, P_NATO = "id:partnership/4e5f6a7b", "id:partnership/5f6a7b8c"
SPS, ITPP = "Science for Peace and Security Programme", "Individually Tailored Partnership Programme"
A1 = "id:article/secretary-general-meets-prime-minister-of-norway"
A2 = "id:article/deputy-secretary-general-visits-lithuania"
A3 = "id:article/nato-and-japan-deepen-science-cooperation"
A1_T = "Secretary General meets the Prime Minister of Norway"
A2_T = "Deputy Secretary General visits Lithuania"
A3_T = "NATO and Japan deepen science cooperation"
E1 = ("Secretary General Elena Varga met the Prime Minister of Norway, Tomas Lindqvist, "
      "at NATO Headquarters on 10 March 2025.")
E3 = ("Ministers, among them Portugal's Minister of Defence Ana Ribeiro, will meet in Brussels "
      "on 15 and 16 June 2025 under the chair of the North Atlantic Council, Elena Varga.")

# (graph, query, params, expected rows). Queries with ORDER BY are compared as lists.
# A seed-graph case is one more entry with graph "seed", once GRAPH_FILES names the seed graph.
CASES = [
    ("sample", "who-met-whom", {}, rows(
        (PETRAUSKAS, "Jonas Petrauskas", KOVAC, "Mira Kovač", 2),
        (RIBEIRO, "Ana Ribeiro", VARGA, "Elena Varga", 1),
        (RIBEIRO, "Ana Ribeiro", PETRAUSKAS, "Jonas Petrauskas", 1),
        (RIBEIRO, "Ana Ribeiro", KOVAC, "Mira Kovač", 1),
        (VARGA, "Elena Varga", PETRAUSKAS, "Jonas Petrauskas", 1),
        (VARGA, "Elena Varga", MORITA, "Kenji Morita", 1),
        (VARGA, "Elena Varga", KOVAC, "Mira Kovač", 1),
        (VARGA, "Elena Varga", LINDQVIST, "Tomas Lindqvist", 1),
        (LAF, "Lithuanian Armed Forces", PETRAUSKAS, "Jonas Petrauskas", 1),
        (LAF, "Lithuanian Armed Forces", KOVAC, "Mira Kovač", 1))),
    ("sample", "who-met-whom", {"person_name": "varga"}, rows(
        (VARGA, "Elena Varga", RIBEIRO, "Ana Ribeiro", 1),
        (VARGA, "Elena Varga", PETRAUSKAS, "Jonas Petrauskas", 1),
        (VARGA, "Elena Varga", MORITA, "Kenji Morita", 1),
        (VARGA, "Elena Varga", KOVAC, "Mira Kovač", 1),
        (VARGA, "Elena Varga", LINDQVIST, "Tomas Lindqvist", 1))),
    ("sample", "meetings-of-person", {"person_name": "MIRA KOVAČ"}, rows(
        (KOVAC, "Mira Kovač", M_VILNIUS, M_VILNIUS_L, D("2025-04-01"), D("2025-04-02"),
         "Vilnius", "kg:Held", "kg:Visit"),
        (KOVAC, "Mira Kovač", M_MINISTERS, M_MINISTERS_L, D("2025-06-15"), D("2025-06-16"),
         "Brussels", "kg:Planned", "kg:Ministerial"))),
    ("sample", "meetings-of-person", {"person": "id:person/elena-varga"}, rows(
        (VARGA, "Elena Varga", M_OSLO, M_OSLO_L, D("2025-03-10"), D("2025-03-10"),
         "NATO Headquarters", "kg:Held", "kg:BilateralMeeting"),
        (VARGA, "Elena Varga", M_CALL, M_CALL_L, D("2025-05-19"), None, None, "kg:Held",
         "kg:Call"),
        (VARGA, "Elena Varga", M_MINISTERS, M_MINISTERS_L, D("2025-06-15"), D("2025-06-16"),
         "Brussels", "kg:Planned", "kg:Ministerial"))),
    ("sample", "meetings-of-person", {"person_name": "Nobody Known"}, []),
    ("sample", "meetings-in-place", {"place_name": "belgium"}, rows(
        ("id:location/belgium", "Belgium", M_OSLO, M_OSLO_L, D("2025-03-10"),
         "id:location/nato-headquarters", "NATO Headquarters", "kg:Held"),
        ("id:location/belgium", "Belgium", M_MINISTERS, M_MINISTERS_L, D("2025-06-15"),
         "id:location/brussels", "Brussels", "kg:Planned"))),
    ("sample", "meetings-in-place", {"place": "<https://w3id.org/newskg/id/location/vilnius>"}, rows(
        ("id:location/vilnius", "Vilnius", M_VILNIUS, M_VILNIUS_L, D("2025-04-01"),
         "id:location/vilnius", "Vilnius", "kg:Held"))),
    ("sample", "meetings-in-date-range", {}, rows(
        (M_OSLO, M_OSLO_L, D("2025-03-10"), D("2025-03-10"), "NATO Headquarters", "kg:Held",
         "kg:BilateralMeeting"),
        (M_VILNIUS, M_VILNIUS_L, D("2025-04-01"), D("2025-04-02"), "Vilnius", "kg:Held",
         "kg:Visit"),
        (M_CALL, M_CALL_L, D("2025-05-19"), None, None, "kg:Held", "kg:Call"),
        (M_MINISTERS, M_MINISTERS_L, D("2025-06-15"), D("2025-06-16"), "Brussels", "kg:Planned",
         "kg:Ministerial"))),
    # A meeting overlapping the period by its last day counts; one without an end lasts a day.
    ("sample", "meetings-in-date-range", {"from": "2025-04-02", "to": "2025-05-19"}, rows(
        (M_VILNIUS, M_VILNIUS_L, D("2025-04-01"), D("2025-04-02"), "Vilnius", "kg:Held",
         "kg:Visit"),
        (M_CALL, M_CALL_L, D("2025-05-19"), None, None, "kg:Held", "kg:Call"))),
    ("sample", "meetings-in-date-range", {"to": "2025-03-31"}, rows(
        (M_OSLO, M_OSLO_L, D("2025-03-10"), D("2025-03-10"), "NATO Headquarters", "kg:Held",
         "kg:BilateralMeeting"))),
    ("sample", "organisation-timeline", {"organisation_name": "NATO"}, rows(
        (NATO, NATO_LABEL, D("2023-07-12"), "partnership", P_NATO,
         "Japan – North Atlantic Treaty Organization"),
        (NATO, NATO_LABEL, D("2025-03-10"), "meeting", M_OSLO, M_OSLO_L),
        (NATO, NATO_LABEL, D("2025-04-01"), "meeting", M_VILNIUS, M_VILNIUS_L),
        (NATO, NATO_LABEL, D("2025-05-19"), "meeting", M_CALL, M_CALL_L),
        (NATO, NATO_LABEL, D("2025-06-15"), "meeting", M_MINISTERS, M_MINISTERS_L))),
    ("sample", "organisation-timeline", {"organisation": STO}, rows(
        (STO, STO_LABEL, Y("2019"), "partnership", P_STO,
         "Japan – NATO Science and Technology Organization"))),
    ("sample", "posts-of-person", {"person_name": "elena varga"}, rows(
        (VARGA, "Elena Varga", "id:post/chair-north-atlantic-council", "Chair", NAC,
         "North Atlantic Council"),
        (VARGA, "Elena Varga", "id:post/secretary-general-nato", "Secretary General", NATO,
         NATO_LABEL))),
    ("sample", "holders-of-post", {"title": "minister of defence"}, rows(
        ("id:post/minister-of-defence-japan", "Minister of Defence", "id:location/japan", "Japan",
         MORITA, "Kenji Morita"),
        ("id:post/minister-of-defence-portugal", "Minister of Defence", "id:location/portugal",
         "Portugal", RIBEIRO, "Ana Ribeiro"))),
    ("sample", "holders-of-post", {"organisation_name": "the alliance"}, rows(
        ("id:post/deputy-secretary-general-nato", "Deputy Secretary General", NATO, NATO_LABEL,
         KOVAC, "Mira Kovač"),
        ("id:post/secretary-general-nato", "Secretary General", NATO, NATO_LABEL, VARGA,
         "Elena Varga"))),
    ("sample", "holders-of-post", {"post": "id:post/prime-minister-norway"}, rows(
        ("id:post/prime-minister-norway", "Prime Minister", "id:location/norway", "Norway",
         LINDQVIST, "Tomas Lindqvist"))),
    ("sample", "people-of-organisation", {"organisation_name": "nato"}, rows(
        (NATO, NATO_LABEL, VARGA, "Elena Varga", "Secretary General"),
        (NATO, NATO_LABEL, KOVAC, "Mira Kovač", "Deputy Secretary General"))),
    ("sample", "people-of-organisation", {"organisation": "id:location/norway"}, rows(
        ("id:location/norway", "Norway", LINDQVIST, "Tomas Lindqvist", "Prime Minister"))),
    ("sample", "partners-of", {"party_name": "Japan"}, rows(
        ("id:location/japan", "Japan", STO, STO_LABEL, SPS, Y("2019"), P_STO),
        ("id:location/japan", "Japan", NATO, NATO_LABEL, ITPP, D("2023-07-12"), P_NATO))),
    ("sample", "partners-of", {"party": NATO}, rows(
        (NATO, NATO_LABEL, "id:location/japan", "Japan", ITPP, D("2023-07-12"), P_NATO))),
    ("sample", "partnership-frameworks", {}, rows(
        (ITPP, "id:location/japan", "Japan", D("2023-07-12"), P_NATO),
        (ITPP, NATO, NATO_LABEL, D("2023-07-12"), P_NATO),
        (SPS, "id:location/japan", "Japan", Y("2019"), P_STO),
        (SPS, STO, STO_LABEL, Y("2019"), P_STO))),
    ("sample", "partnership-frameworks", {"framework_name": SPS.upper()}, rows(
        (SPS, "id:location/japan", "Japan", Y("2019"), P_STO),
        (SPS, STO, STO_LABEL, Y("2019"), P_STO))),
    ("sample", "places-visited-by-person", {}, rows(
        (VARGA, "Elena Varga", "id:location/nato-headquarters", "NATO Headquarters", "Belgium",
         1, D("2025-03-10"), D("2025-03-10")),
        (PETRAUSKAS, "Jonas Petrauskas", "id:location/vilnius", "Vilnius", "Lithuania", 1,
         D("2025-04-01"), D("2025-04-01")),
        (KOVAC, "Mira Kovač", "id:location/vilnius", "Vilnius", "Lithuania", 1,
         D("2025-04-01"), D("2025-04-01")),
        (LINDQVIST, "Tomas Lindqvist", "id:location/nato-headquarters", "NATO Headquarters",
         "Belgium", 1, D("2025-03-10"), D("2025-03-10")))),
    # A planned meeting is not a visit.
    ("sample", "places-visited-by-person", {"person_name": "Ana Ribeiro"}, []),
    ("sample", "most-active-people", {}, rows(
        (VARGA, "Elena Varga", 3), (PETRAUSKAS, "Jonas Petrauskas", 2), (KOVAC, "Mira Kovač", 2),
        (RIBEIRO, "Ana Ribeiro", 1), (MORITA, "Kenji Morita", 1),
        (LINDQVIST, "Tomas Lindqvist", 1))),
    ("sample", "most-active-people", {"min_meetings": "2"}, rows(
        (VARGA, "Elena Varga", 3), (PETRAUSKAS, "Jonas Petrauskas", 2),
        (KOVAC, "Mira Kovač", 2))),
    ("sample", "evidence-of-fact", {"fact": M_MINISTERS}, rows(
        (M_MINISTERS, M_MINISTERS_L, E3, A2, A2_T, D("2025-04-02")))),
    ("sample", "evidence-of-fact", {"fact": "id:post/prime-minister-norway"}, rows(
        ("id:post/prime-minister-norway", "Prime Minister", E1, A1, A1_T, D("2025-03-10")))),
    ("sample", "articles-mentioning", {"entity_name": "the Alliance"}, rows(
        (NATO, NATO_LABEL, A3, A3_T, D("2025-05-20")),
        (NATO, NATO_LABEL, A2, A2_T, D("2025-04-02")),
        (NATO, NATO_LABEL, A1, A1_T, D("2025-03-10")))),
    ("sample", "articles-mentioning", {"entity": MORITA}, rows(
        (MORITA, "Kenji Morita", A3, A3_T, D("2025-05-20")))),
    ("sample", "entities-with-external-links", {}, rows(
        ("id:location/brussels", "Brussels", "kg:City", "<https://sws.geonames.org/2800866/>"),
        ("id:location/vilnius", "Vilnius", "kg:City", "<https://sws.geonames.org/593116/>"),
        ("id:location/belgium", "Belgium", "kg:Country", "<https://sws.geonames.org/2802361/>"),
        ("id:location/japan", "Japan", "kg:Country", "<https://sws.geonames.org/1861060/>"),
        ("id:location/lithuania", "Lithuania", "kg:Country", "<https://sws.geonames.org/597427/>"),
        ("id:location/norway", "Norway", "kg:Country", "<https://sws.geonames.org/3144096/>"),
        (NATO, NATO_LABEL, "kg:Organisation", "<http://www.wikidata.org/entity/Q7184>"))),
    ("sample", "entities-with-external-links", {"class": "kg:City"}, rows(
        ("id:location/brussels", "Brussels", "kg:City", "<https://sws.geonames.org/2800866/>"),
        ("id:location/vilnius", "Vilnius", "kg:City", "<https://sws.geonames.org/593116/>"))),
    ("sample", "find-entity", {"text": "nato"}, rows(
        ("id:location/nato-headquarters", "NATO Headquarters", "kg:Facility"),
        (STO, STO_LABEL, "kg:Organisation"),
        (NATO, NATO_LABEL, "kg:Organisation"),
        (P_STO, "Japan – NATO Science and Technology Organization", "kg:Partnership"))),
    # Matches the alias "Mira Kovac", not the label's "Kovač".
    ("sample", "find-entity", {"text": "KOVAC"}, rows(
        (KOVAC, "Mira Kovač", "kg:Person"))),
    ("sample", "meeting-participants", {"meeting": M_OSLO}, rows(
        (M_OSLO, M_OSLO_L, D("2025-03-10"), VARGA, "Elena Varga", "host"),
        (M_OSLO, M_OSLO_L, D("2025-03-10"), LINDQVIST, "Tomas Lindqvist", None))),
    ("sample", "meeting-participants", {"meeting": M_VILNIUS}, rows(
        (M_VILNIUS, M_VILNIUS_L, D("2025-04-01"), PETRAUSKAS, "Jonas Petrauskas", None),
        (M_VILNIUS, M_VILNIUS_L, D("2025-04-01"), LAF, "Lithuanian Armed Forces", None),
        (M_VILNIUS, M_VILNIUS_L, D("2025-04-01"), KOVAC, "Mira Kovač", None))),
]

# The graphs cases run on, by name; the seed graph joins as e.g. "seed": DATA / "seed-graph.ttl".
GRAPH_FILES = {"sample": SAMPLE}


def case_id(case) -> str:
    graph, name, params, _ = case
    return f"{graph}:{name}:" + ",".join(f"{k}={v}" for k, v in params.items())


@pytest.fixture(scope="module")
def sample_store():
    return open_store(SAMPLE)


def compare(query: SavedQuery, got: list[tuple], expected: list[tuple]) -> None:
    """Lists for ordered queries, sets (of distinct rows, and equal counts) otherwise."""
    if "ORDER BY" in query.text.upper():
        assert got == expected
    else:
        assert sorted(map(repr, got)) == sorted(map(repr, expected))


# ---------------------------------------------------------------- the catalogue


def test_there_are_at_least_fifteen_saved_queries_each_with_title_and_description():
    assert len(ALL) >= 15
    for query in ALL:
        assert query.title and query.description, query.name


def test_every_saved_query_is_valid_sparql():
    for query in ALL:
        prepareQuery(query.text)  # raises on a syntax error


def test_every_saved_query_has_an_answer_case():
    assert {name for _, name, _, _ in CASES} == set(NAMES)


def _free_variables(text: str) -> set[str]:
    """Variables the query reads but no pattern, BIND, VALUES or aggregate of its own binds."""
    used: set[str] = set()
    bound: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, Variable):
            used.add(str(node))
        elif isinstance(node, CompValue):
            if node.name in ("BGP", "TriplesBlock"):  # EXISTS groups stay TriplesBlocks
                bound.update(str(t) for triple in node["triples"] for t in triple
                             if isinstance(t, Variable))
            if node.name in ("Extend",) or node.name.startswith("Aggregate_"):
                bound.add(str(node.get("var") or node.get("res")))
            if node.name in ("values", "ToMultiSet") and isinstance(node.get("res"), list):
                bound.update(str(v) for row in node["res"] for v in row)
            for key, value in node.items():
                if key != "_vars":
                    walk(value)
        elif isinstance(node, (list, tuple, set)):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for item in node.values():
                walk(item)

    walk(prepareQuery(text).algebra)
    return {name for name in used - bound if not name.startswith("__")}


@pytest.mark.parametrize("query", ALL, ids=NAMES)
def test_header_parameters_are_exactly_the_variables_bound_from_outside(query):
    declared = {p.name for p in query.params}
    # Every declared parameter is a variable the query uses ...
    assert declared <= variables(query.text), declared - variables(query.text)
    # ... and every variable the query only reads (never binds itself) is a declared parameter.
    assert _free_variables(query.text) <= declared


def test_the_free_variable_check_finds_an_undeclared_parameter():
    text = "SELECT ?s WHERE { ?s ?p ?o FILTER(?o = ?wanted) }"
    assert _free_variables(text) == {"wanted"}


def test_every_parameter_has_a_known_type_and_an_example_that_parses():
    for query in ALL:
        for param in query.params:
            assert param.type in ("IRI", "string", "date", "integer")
            parse_params(query, {**_required_examples(query), param.name: param.example})


def _required_examples(query: SavedQuery) -> dict[str, str]:
    return {p.name: p.example for p in query.params if not p.optional}


# ---------------------------------------------------------------- answers


@pytest.fixture(scope="module")
def stores(sample_store):
    cache = {"sample": sample_store}

    def get(graph: str):
        if graph not in cache:
            cache[graph] = open_store(GRAPH_FILES[graph])
        return cache[graph]

    return get


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_saved_query_gives_its_expected_rows(case, stores):
    graph, name, params, expected = case
    query = get_query(name)
    result = run_saved(query, stores(graph), params)
    compare(query, result.rows, expected)


# ---------------------------------------------------------------- every backend, same answers
# The remote servers are shared by the whole test session, so the sample graph goes into a
# named graph of its own and each query reads it with FROM (a test-side copy of the query).

BACKENDS = ["memory", "embedded", "oxigraph", "virtuoso"]
SAMPLE_CASES = [c for c in CASES if c[0] == "sample"]
SAMPLE_GRAPH_IRI = "urn:kg:test:saved-queries:sample"


@pytest.fixture(scope="module")
def backend_stores(request, tmp_path_factory):
    cache: dict = {}

    def get(kind: str):
        if kind not in cache:
            graph = rdflib.Graph().parse(SAMPLE)
            if kind == "memory":
                cache[kind] = (open_store(graph), None)
            elif kind == "embedded":
                store = open_store(tmp_path_factory.mktemp("embedded") / "store")
                store.load(graph)
                cache[kind] = (store, None)
            else:
                server = request.getfixturevalue(f"{kind}_server")
                store = open_store(server.endpoint, **server.store_options())
                store.load(graph, SAMPLE_GRAPH_IRI)
                cache[kind] = (store, SAMPLE_GRAPH_IRI)
        return cache[kind]

    return get


def _reading_graph(query: SavedQuery, graph_iri: str | None) -> SavedQuery:
    if graph_iri is None:
        return query
    # Every saved query starts its outermost group on a line "WHERE {" (subqueries are indented).
    assert query.text.count("\nWHERE {") == 1, query.name
    text = query.text.replace("\nWHERE {", f"\nFROM <{graph_iri}>\nWHERE {{")
    return SavedQuery(query.name, query.title, query.description, query.params, text)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("case", SAMPLE_CASES, ids=[case_id(c) for c in SAMPLE_CASES])
def test_every_backend_gives_the_same_answers(backend, case, backend_stores):
    _, name, params, expected = case
    store, graph_iri = backend_stores(backend)
    query = _reading_graph(get_query(name), graph_iri)
    compare(query, run_saved(query, store, params).rows, expected)


# ---------------------------------------------------------------- hostile values

HOSTILE = [
    '"} UNION { ?s ?p ?o } #',
    "' } UNION { ?s ?p ?o } #",
    '"',
    "}",
    "{ ?s ?p ?o }",
    "# comment",
    "Elena\nVarga",
    '""") } UNION { ?s ?p ?o } #',
    "\\",
]
STRING_PARAMS = [(q, p) for q in ALL for p in q.params if p.type == "string"]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("query,param", STRING_PARAMS,
                         ids=[f"{q.name}:{p.name}" for q, p in STRING_PARAMS])
def test_hostile_string_values_match_nothing_and_never_widen_the_answer(query, param, backend,
                                                                        backend_stores):
    store, graph_iri = backend_stores(backend)
    query = _reading_graph(query, graph_iri)
    others = _required_examples(query)
    others.pop(param.name, None)
    unmatched = run_saved(query, store, {**others, param.name: "no such name zq"}).rows
    unfiltered = run_saved(query, store, others).rows if param.optional else None
    for value in HOSTILE:
        got = run_saved(query, store, {**others, param.name: value}).rows
        assert got == unmatched == [], value
        if unfiltered is not None:
            assert len(got) <= len(unfiltered)


IRI_PARAMS = [(q, p) for q in ALL for p in q.params if p.type == "IRI"]


@pytest.mark.parametrize("query,param", IRI_PARAMS,
                         ids=[f"{q.name}:{p.name}" for q, p in IRI_PARAMS])
def test_hostile_iri_values_are_refused_before_querying(query, param):
    for value in ["<http://x/> } UNION { ?s ?p ?o } #", "http://x/a>b", "http://x/a b",
                  'http://x/"', "http://x/{}", "not an iri"]:
        with pytest.raises(QueryError, match=f"parameter '{param.name}' must be an IRI"):
            parse_params(query, {**_required_examples(query), param.name: value})


def test_an_unknown_iri_matches_nothing(sample_store):
    query = get_query("meetings-of-person")
    assert run_saved(query, sample_store, {"person": "id:person/nobody"}).rows == []


# ---------------------------------------------------------------- parameters and errors


def test_parameter_values_become_typed_rdf_terms():
    query = SavedQuery("q", "t", "d", (
        Param("who", "IRI", "", "<http://e/x>", True),
        Param("name", "string", "", "x", True),
        Param("day", "date", "", "2025-01-01", True),
        Param("n", "integer", "", "2", True),
        Param("cls", "IRI", "", "kg:Country", True),
    ), "SELECT * WHERE { ?who ?name ?day . ?n ?cls ?x }")
    got = parse_params(query, {"who": "<http://e/x>", "name": "Ann", "day": "2025-05-28",
                               "n": " 7 ", "cls": "kg:Country"})
    assert got == {"who": URIRef("http://e/x"), "name": Literal("Ann"),
                   "day": Literal("2025-05-28", datatype=ns.XSD.date),
                   "n": Literal(7, datatype=ns.XSD.integer), "cls": ns.KG.Country}
    assert parse_params(query, {"who": "id:person/ann"}) == {
        "who": URIRef(ns.DEFAULT_BASE + "person/ann")}
    assert parse_params(query, {"who": "https://example.org/a"}) == {
        "who": URIRef("https://example.org/a")}


@pytest.mark.parametrize("name,value,message", [
    ("day", "28/05/2025", "parameter 'day' must be a date YYYY-MM-DD"),
    ("day", "2025-02-30", "parameter 'day' must be a date YYYY-MM-DD"),
    ("n", "two", "parameter 'n' must be an integer"),
    ("n", "2.5", "parameter 'n' must be an integer"),
])
def test_malformed_values_are_one_line_errors(name, value, message):
    query = SavedQuery("q", "t", "d", (Param("day", "date", "", "2025-01-01", True),
                                      Param("n", "integer", "", "2", True)), "")
    with pytest.raises(QueryError, match=message) as info:
        parse_params(query, {name: value})
    assert "\n" not in str(info.value)


def test_an_unknown_query_names_the_available_ones():
    with pytest.raises(QueryError) as info:
        get_query("no-such-query")
    assert str(info.value) == f"query 'no-such-query' not found; available: {', '.join(NAMES)}"


def test_an_unknown_parameter_names_the_known_ones():
    with pytest.raises(QueryError) as info:
        parse_params(get_query("meetings-of-person"), {"who": "x"})
    assert str(info.value) == ("query 'meetings-of-person' has no parameter 'who'; "
                               "parameters: person, person_name")


def test_a_missing_required_parameter_says_how_to_give_it():
    with pytest.raises(QueryError) as info:
        parse_params(get_query("evidence-of-fact"), {})
    assert str(info.value).startswith(
        "query 'evidence-of-fact' needs parameter 'fact' (IRI), e.g. --param fact=")


def test_an_absent_optional_parameter_leaves_the_variable_unbound():
    assert parse_params(get_query("meetings-in-date-range"), {"to": "2025-01-01"}) == {
        "to": Literal("2025-01-01", datatype=ns.XSD.date)}


def test_a_header_is_read_into_title_description_and_params():
    text = ("# title: Things\n# description: All things.\n"
            "# param: thing (IRI) the thing, e.g. <http://e/t>\n"
            "# param: label (string, optional) a label, with a comma, e.g. Some, thing\n"
            "SELECT ?thing WHERE { ?thing ?p ?label }\n")
    query = parse_header("things", text)
    assert (query.title, query.description) == ("Things", "All things.")
    assert query.params == (
        Param("thing", "IRI", "the thing", "<http://e/t>", False),
        Param("label", "string", "a label, with a comma", "Some, thing", True),
    )


@pytest.mark.parametrize("header", [
    "# description: no title\n",
    "# title: no description\n",
    "# title: t\n# description: d\n# param: x (float) a number, e.g. 1.5\n",
    "# title: t\n# description: d\n# param: x (string) no example\n",
])
def test_a_malformed_header_is_a_one_line_error_naming_the_file(header):
    with pytest.raises(QueryError, match=r"^queries/bad\.rq: ") as info:
        parse_header("bad", header + "SELECT * WHERE { ?s ?p ?x }\n")
    assert "\n" not in str(info.value)
