"""Every store (rdflib, pyoxigraph, Oxigraph server, Virtuoso) loads, replaces and queries alike."""

from __future__ import annotations

import uuid

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import InputError, QueryError, StoreError
from kg.results import normalise
from kg.store import (EmbeddedStore, MemoryStore, RemoteStore, derive_gsp_url, open_store,
                      read_graph)

EX = rdflib.Namespace("http://example.org/")
KIND = ["memory", "embedded", "oxigraph", "virtuoso"]


def _graph() -> rdflib.Graph:
    """A small invented graph with every kind of term the project writes."""
    graph = rdflib.Graph()
    graph.add((EX.alice, RDF.type, EX.Person))
    graph.add((EX.alice, RDFS.label, Literal("Alice Example")))
    graph.add((EX.alice, EX.name, Literal("Alice", lang="en")))
    graph.add((EX.alice, EX.born, Literal("1970-01-02", datatype=XSD.date)))
    graph.add((EX.alice, EX.age, Literal(54)))
    graph.add((EX.alice, EX.note, Literal("typed", datatype=XSD.string)))
    graph.add((EX.bob, RDF.type, EX.Person))
    graph.add((EX.bob, RDFS.label, Literal("Bob «Quote» Ünicode")))
    graph.add((EX.bob, EX.knows, EX.alice))
    return graph


class Target:
    """One store under test, with the graph IRI its queries should read from."""

    def __init__(self, store, graph_iri: str | None) -> None:
        self.store, self.graph_iri = store, graph_iri

    def load(self, graph: rdflib.Graph) -> None:
        self.store.load(graph, self.graph_iri)

    def query(self, body: str, bindings=None, form: str = "SELECT ?s ?o"):
        """Run `form FROM <g> WHERE { body }` (FROM only when loading into a named graph)."""
        source = f"FROM <{self.graph_iri}> " if self.graph_iri else ""
        return self.store.query(f"{form} {source}WHERE {{ {body} }}", bindings)


@pytest.fixture(params=KIND)
def target(request, tmp_path):
    """Each store kind; the remote ones load into a fresh named graph, the rest the default."""
    kind = request.param
    if kind == "memory":
        return Target(MemoryStore(), None)
    if kind == "embedded":
        return Target(EmbeddedStore(tmp_path / "store"), None)
    server = request.getfixturevalue(f"{kind}_server")
    store = open_store(server.endpoint, **server.store_options())
    assert isinstance(store, RemoteStore)
    # Virtuoso has no writable default graph, so every remote test uses its own named graph.
    return Target(store, f"http://example.org/graph/{uuid.uuid4().hex}")


def test_select_returns_rdflib_terms_equal_across_stores(target):
    target.load(_graph())
    result = target.query("?s ?p ?o", form="SELECT ?p ?o", bindings={"s": EX.alice})
    assert result.kind == "select" and result.variables == ["p", "o"]
    assert result.row_set() == {
        (RDF.type, EX.Person),
        (RDFS.label, Literal("Alice Example")),
        (EX.name, Literal("Alice", lang="en")),
        (EX.born, Literal("1970-01-02", datatype=XSD.date)),
        (EX.age, Literal("54", datatype=XSD.integer)),
        (EX.note, Literal("typed")),  # xsd:string comes back as a simple literal everywhere
    }


def test_counts_come_back_as_xsd_integer(target):
    target.load(_graph())
    result = target.query("?s a ?o", form="SELECT (COUNT(?s) AS ?n)")
    assert result.rows == [(Literal("2", datatype=XSD.integer),)]


def test_unicode_literals_round_trip(target):
    target.load(_graph())
    result = target.query("?s <http://www.w3.org/2000/01/rdf-schema#label> ?o",
                          bindings={"s": EX.bob})
    assert result.rows == [(EX.bob, Literal("Bob «Quote» Ünicode"))]


def test_bindings_restrict_rows(target):
    target.load(_graph())
    result = target.query("?s a ?o", bindings={"o": EX.Person}, form="SELECT ?s")
    assert result.row_set() == {(EX.alice,), (EX.bob,)}
    assert target.query("?s a ?o", bindings={"o": EX.Robot}, form="SELECT ?s").rows == []


def test_hostile_binding_matches_nothing_and_changes_nothing(target):
    target.load(_graph())
    hostile = Literal('"} ; DROP ALL ; INSERT DATA { <http://e/x> <http://e/y> 1 } #')
    assert target.query("?s ?p ?o", bindings={"o": hostile}).rows == []
    assert len(target.query("?s ?p ?o").rows) == len(_graph())


def test_ask(target):
    target.load(_graph())
    assert target.query("?s <http://example.org/knows> ?o", form="ASK").boolean is True
    assert target.query("?o <http://example.org/knows> ?s", {"o": EX.alice},
                        form="ASK").boolean is False


def test_construct_returns_a_graph_of_rdflib_terms(target):
    target.load(_graph())
    result = target.query("?s ?p ?o", {"s": EX.alice}, form="CONSTRUCT { ?s ?p ?o }")
    assert result.kind == "graph"
    expected = {(s, p, normalise(o)) for s, p, o in _graph() if s == EX.alice}
    assert set(result.graph) == expected


def test_reload_replaces_the_graph(target):
    target.load(_graph())
    smaller = rdflib.Graph()
    smaller.add((EX.carol, RDF.type, EX.Person))
    target.load(smaller)
    result = target.query("?s a ?o", form="SELECT ?s")
    assert result.rows == [(EX.carol,)]


def test_bad_query_syntax_is_a_query_error(target):
    with pytest.raises(QueryError):
        target.store.query("SELECT ?s WHERE { ?s ?p }")


@pytest.mark.parametrize("kind", ["memory", "embedded"])
def test_named_and_default_graphs_are_separate(kind, tmp_path):
    store = MemoryStore() if kind == "memory" else EmbeddedStore(tmp_path / "s")
    store.load(_graph())
    other = rdflib.Graph()
    other.add((EX.carol, RDF.type, EX.Person))
    store.load(other, "http://example.org/g")
    assert len(store.query("SELECT * WHERE { ?s ?p ?o }").rows) == len(_graph())
    named = store.query("SELECT ?s WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }")
    assert named.rows == [(EX.carol,)]


def test_oxigraph_server_loads_the_default_graph(oxigraph_server):
    store = open_store(oxigraph_server.endpoint)
    store.load(_graph())
    assert len(store.query("SELECT * WHERE { ?s ?p ?o }").rows) == len(_graph())
    store.load(rdflib.Graph())  # an empty PUT empties the default graph again
    assert store.query("ASK { ?s ?p ?o }").boolean is False


def _bad_graph() -> rdflib.Graph:
    # rdflib writes datatype IRIs unchecked, so this reaches the server, which must reject it.
    graph = rdflib.Graph()
    graph.add((EX.carol, RDF.type, EX.Person))
    graph.add((EX.carol, EX.age, Literal("1", datatype=URIRef("http://example.org/bad type"))))
    return graph


@pytest.mark.parametrize("server_kind", ["oxigraph", "virtuoso"])
def test_failed_load_of_invalid_data_leaves_the_old_graph(server_kind, request):
    server = request.getfixturevalue(f"{server_kind}_server")
    store = open_store(server.endpoint, **server.store_options())
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    store.load(_graph(), iri)
    with pytest.raises(StoreError, match=r"rejected the load of graph .*HTTP (400|500)"):
        store.load(_bad_graph(), iri)
    count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    assert count.rows == [(Literal(len(_graph()), datatype=XSD.integer),)]


def test_failed_virtuoso_load_with_a_wrong_password_leaves_the_old_graph(virtuoso_server):
    good = open_store(virtuoso_server.endpoint, **virtuoso_server.store_options())
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    good.load(_graph(), iri)
    for auth in ("digest", "basic"):
        wrong = open_store(virtuoso_server.endpoint, gsp_url=virtuoso_server.gsp_url,
                           user="dba", password="not-the-password", auth=auth)
        with pytest.raises(StoreError, match="HTTP 401.*--password"):
            wrong.load(rdflib.Graph(), iri)
    assert good.query(f"ASK {{ GRAPH <{iri}> {{ ?s a ?o }} }}").boolean is True


def test_virtuoso_says_to_pass_a_graph_iri_for_the_default_graph(virtuoso_server):
    store = open_store(virtuoso_server.endpoint, **virtuoso_server.store_options())
    with pytest.raises(StoreError, match=r"pass a graph IRI \(--graph\)"):
        store.load(_graph())


def test_an_unreachable_endpoint_is_a_store_error_naming_it():
    from servers import free_port  # a port nothing listens on

    url = f"http://127.0.0.1:{free_port()}/sparql"
    store = open_store(url, timeout=5)
    with pytest.raises(StoreError, match=f"cannot reach {url}.*is the server running"):
        store.query("ASK {}")
    with pytest.raises(StoreError, match="cannot reach"):
        store.load(_graph(), "http://example.org/g")


def test_a_url_that_is_not_an_endpoint_is_a_store_error(oxigraph_server):
    base = oxigraph_server.endpoint.rsplit("/", 1)[0]
    with pytest.raises(StoreError, match="HTTP 404|not.*SPARQL"):
        open_store(f"{base}/nothing-here").query("ASK {}")


@pytest.mark.parametrize("endpoint, authenticated, expected", [
    ("http://h:8890/sparql", True, "http://h:8890/sparql-graph-crud-auth"),
    ("http://h:8890/sparql", False, "http://h:8890/sparql-graph-crud"),
    ("http://h:7878/query", False, "http://h:7878/store"),
    ("https://h/ds/query", False, "https://h/ds/data"),
    ("http://h/some/where/else", False, None),
])
def test_gsp_url_is_derived_for_known_servers(endpoint, authenticated, expected):
    assert derive_gsp_url(endpoint, authenticated) == expected


def test_loading_without_a_known_gsp_url_asks_for_one():
    with pytest.raises(StoreError, match="pass gsp_url"):
        open_store("http://127.0.0.1:9/some/where").load(_graph())


def test_open_store_chooses_by_the_form_of_the_target(tmp_path):
    ttl = tmp_path / "g.ttl"
    _graph().serialize(ttl, format="turtle")
    assert isinstance(open_store(_graph()), MemoryStore)
    assert isinstance(open_store("http://127.0.0.1:1/sparql"), RemoteStore)
    from_file = open_store(ttl)
    assert isinstance(from_file, MemoryStore)
    assert len(from_file.query("SELECT * WHERE { ?s ?p ?o }").rows) == len(_graph())
    assert isinstance(open_store(tmp_path / "store"), EmbeddedStore)


def test_a_missing_store_directory_is_an_error_when_creation_is_off(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "absent", create=False)


def test_an_embedded_store_persists_and_reopens_in_the_same_process(tmp_path):
    first = EmbeddedStore(tmp_path / "s")
    first.load(_graph())
    again = open_store(tmp_path / "s", create=False)
    assert again.query("ASK { ?s a ?o }").boolean is True


def test_memory_store_does_not_change_the_callers_graph():
    graph = _graph()
    store = MemoryStore(graph)
    store.load(rdflib.Graph())
    assert len(graph) == len(_graph())
    assert store.query("ASK { ?s ?p ?o }").boolean is False


def test_read_graph_names_the_file_and_the_problem(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: not valid turtle"):
        read_graph(bad)
    with pytest.raises(InputError, match="no such file"):
        read_graph(tmp_path / "missing.ttl")


def test_a_graph_rdflib_cannot_write_is_a_store_error(tmp_path):
    graph = rdflib.Graph()
    graph.add((URIRef("http://example.org/a b"), RDF.type, EX.Person))
    with pytest.raises(StoreError, match="cannot be written"):
        EmbeddedStore(tmp_path / "s").load(graph)


@pytest.mark.parametrize("kind", ["memory", "embedded", "oxigraph"])
def test_undeclared_prefixes_are_refused_as_on_a_standard_store(kind, tmp_path, request):
    # rdflib alone would resolve rdfs: itself; refusing keeps a query portable across stores.
    # (Virtuoso is left out: it predefines rdfs:, xsd: and friends.)
    if kind == "memory":
        store = MemoryStore(_graph())
    elif kind == "embedded":
        store = EmbeddedStore(tmp_path / "s")
    else:
        store = open_store(request.getfixturevalue("oxigraph_server").endpoint)
    with pytest.raises(QueryError):
        store.query("SELECT ?s WHERE { ?s rdfs:label ?o }")
    declared = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
               "SELECT ?s WHERE { ?s rdfs:label ?o }"
    assert store.query(declared).kind == "select"


BACKSLASH_U = Literal("\\u0022) } } #")  # a literal backslash, then u0022


def test_a_value_with_backslash_u_matches_exactly_on_standard_stores(target):
    if isinstance(target.store, MemoryStore):
        with pytest.raises(QueryError, match="backslash followed by u"):
            target.store.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": BACKSLASH_U})
        return
    graph = _graph()
    graph.add((EX.odd, RDFS.label, BACKSLASH_U))
    graph.add((EX.quote, RDFS.label, Literal('") } } #')))
    target.load(graph)
    assert target.query("?s ?p ?o", {"o": BACKSLASH_U}, form="SELECT ?s").rows == [(EX.odd,)]


# --- result formats (kg.results), shared by every store ---

from kg.results import QueryResult, format_result, short  # noqa: E402


def _mixed() -> QueryResult:
    return QueryResult("select", ["a", "b"], [
        (URIRef("https://w3id.org/newskg/ontology#Person"), rdflib.BNode("b1")),
        (URIRef("http://example.org/x"), None),
        (Literal("two\nlines", lang="en"), Literal("3", datatype=XSD.integer)),
    ])


def test_short_uses_project_prefixes_and_the_id_base():
    assert short(URIRef("https://w3id.org/newskg/ontology#Person")) == "kg:Person"
    assert short(URIRef("https://w3id.org/newskg/id/person/x")) == "id:person/x"
    assert short(URIRef("http://www.w3.org/2001/XMLSchema#date")) == "xsd:date"
    assert short(URIRef("http://example.org/x")) == "<http://example.org/x>"
    assert short(Literal("hi", lang="en")) == "hi@en" and short(None) == ""


def test_table_shows_unbound_as_blank_and_keeps_rows_on_one_line():
    assert format_result(_mixed(), "table") == (
        "a                       b\n"
        "----------------------  ----\n"
        "kg:Person               _:b1\n"
        "<http://example.org/x>\n"
        "two lines@en            3\n"
    )


def test_json_has_uri_bnode_literal_types_and_omits_unbound():
    import json

    data = json.loads(format_result(_mixed(), "json"))
    assert data["results"]["bindings"] == [
        {"a": {"type": "uri", "value": "https://w3id.org/newskg/ontology#Person"},
         "b": {"type": "bnode", "value": "b1"}},
        {"a": {"type": "uri", "value": "http://example.org/x"}},
        {"a": {"type": "literal", "value": "two\nlines", "xml:lang": "en"},
         "b": {"type": "literal", "value": "3",
               "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
    ]
    ask = json.loads(format_result(QueryResult("ask", boolean=False), "json"))
    assert ask == {"head": {}, "boolean": False}


def test_tsv_writes_terms_in_turtle_syntax():
    assert format_result(_mixed(), "tsv").splitlines()[1:] == [
        "<https://w3id.org/newskg/ontology#Person>\t_:b1",
        "<http://example.org/x>\t",
        '"two\\nlines"@en\t"3"^^<http://www.w3.org/2001/XMLSchema#integer>',
    ]


def test_an_unknown_format_is_a_query_error():
    with pytest.raises(QueryError, match="unknown result format 'xml'"):
        format_result(_mixed(), "xml")


def test_closing_an_embedded_store_unlocks_its_directory_for_a_rename(tmp_path):
    # What `kg build` does: write a fresh store, close it, rename it into place, query it.
    fresh = EmbeddedStore(tmp_path / "fresh")
    fresh.load(_graph())
    fresh.close()
    with pytest.raises(StoreError, match="was closed"):
        fresh.query("ASK {}")
    (tmp_path / "fresh").rename(tmp_path / "store")
    assert EmbeddedStore(tmp_path / "store", create=False).query("ASK { ?s ?p ?o }").boolean


def test_a_store_replaced_on_disk_after_use_is_opened_afresh(tmp_path):
    # As with `kg build` then `kg sparql` twice in one process: each caller lets go of its
    # store, so the directory can be swapped for a new one in between.
    def ask() -> bool:
        return EmbeddedStore(tmp_path / "store", create=False).query("ASK { ?s ?p ?o }").boolean

    EmbeddedStore(tmp_path / "store").load(_graph())
    assert ask() is True
    new = EmbeddedStore(tmp_path / "new")
    new.load(rdflib.Graph())
    new.close()
    (tmp_path / "store").rename(tmp_path / "old")
    (tmp_path / "new").rename(tmp_path / "store")
    assert ask() is False


def test_open_stores_on_one_directory_share_it(tmp_path):
    first = EmbeddedStore(tmp_path / "s")
    second = EmbeddedStore(tmp_path / "s")
    first.load(_graph())
    assert second.query("ASK { ?s ?p ?o }").boolean is True


def test_replacing_a_directory_that_is_still_open_is_refused(tmp_path):
    held = EmbeddedStore(tmp_path / "store")
    held.load(_graph())
    (tmp_path / "store").rename(tmp_path / "old")
    (tmp_path / "store").mkdir()  # something new where the open store was
    with pytest.raises(StoreError, match="moved or replaced while still open"):
        EmbeddedStore(tmp_path / "store")
    held.close()
