"""Binding values into queries: VALUES at the right place, and no value can change the meaning."""

from __future__ import annotations

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDFS, XSD
from rdflib.plugins.sparql import prepareQuery

from kg.binding import bind, term_text, variables
from kg.errors import QueryError
from kg.store import EmbeddedStore, MemoryStore

EX = rdflib.Namespace("http://example.org/")

HOSTILE = [
    '"} ; DROP ALL #',
    "'} } SELECT * WHERE { ?s ?p ?o } #",
    'say "hello"',
    "it's",
    "{ braces } and { more",
    "line one\nline two\r\n} # end",
    "back\\slash \\\" quote",
    "WHERE { ?x ?y ?z }",
    "Frostadóttir – Ελληνικά – 日本語 – 🙂",
    '"""triple""" \'\'\'quotes\'\'\'',
    "",
]

LABELS = "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


def _graph(*labels: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for i, label in enumerate(labels):
        graph.add((EX[f"n{i}"], RDFS.label, Literal(label)))
    return graph


def test_values_block_opens_the_where_group():
    out = bind("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("x")})
    assert out == 'SELECT ?s WHERE { VALUES (?o) { ("x") }  ?s ?p ?o }'


def test_several_values_are_bound_in_one_row_in_mapping_order():
    out = bind("SELECT * WHERE { ?s ?p ?o }", {"p": EX.p, "o": Literal("x", lang="en")})
    assert 'VALUES (?p ?o) { (<http://example.org/p> "x"@en) }' in out


def test_no_bindings_leave_the_query_unchanged():
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    assert bind(query, {}) is query


@pytest.mark.parametrize("query", [
    "PREFIX ex: <http://example.org/>\nBASE <http://example.org/>\n"
    "SELECT ?s WHERE { ?s ex:p ?o }",
    "# a comment with { and } and WHERE {\nSELECT ?s WHERE { ?s ?p ?o }",
    'SELECT ?s WHERE { ?s ?p "WHERE { ?o }" . ?s ?q ?o }',
    "select ?s { ?s ?p ?o }",
    "SELECT ?s (EXISTS { ?s a ?o } AS ?e) WHERE { ?s ?p ?o }",
    "SELECT ?s WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o } } }",
    "ASK { ?s ?p ?o }",
    "ASK WHERE { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o . ?s a ?o } WHERE { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE ?s WHERE { ?s ?p ?o }",
    "DESCRIBE ?o",
    "DESCRIBE ?o LIMIT 3",
])
def test_bound_query_is_valid_sparql_for_every_form(query):
    out = bind(query, {"o": Literal("x")})
    prepareQuery(out)  # raises on a syntax error
    assert 'VALUES (?o) { ("x") }' in out


@pytest.mark.parametrize("query", [
    "SELECT ?s WHERE { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "ASK { ?s ?p ?o }",
])
def test_bound_values_restrict_results_on_every_form(query):
    store = MemoryStore(_graph("keep", "drop"))
    result = store.query(query, {"o": Literal("keep")})
    if result.kind == "select":
        assert result.rows == [(EX.n0,)]
    elif result.kind == "graph":
        assert set(result.graph) == {(EX.n0, RDFS.label, Literal("keep"))}
    else:
        assert result.boolean is True
        assert store.query(query, {"o": Literal("absent")}).boolean is False


def test_values_go_after_a_construct_template_not_into_it():
    out = bind("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": EX.a})
    template, where = out.split("WHERE", 1)
    assert "VALUES" not in template and "VALUES" in where


@pytest.mark.parametrize("name", ["a b", "x}", "", "?x", "x-y", "o) { (1) } #"])
def test_invalid_variable_names_are_rejected(name):
    with pytest.raises(QueryError, match="not a valid SPARQL variable name"):
        bind("SELECT ?x WHERE { ?x ?p ?o }", {name: Literal("v")})


def test_binding_a_variable_the_query_does_not_use_is_rejected():
    with pytest.raises(QueryError, match=r"does not use \?nope; it uses \?o, \?p, \?s"):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"nope": Literal("v")})


def test_variables_in_comments_strings_and_iris_do_not_count_as_used():
    query = 'SELECT ?s WHERE { ?s <http://e/?x> "?y" } # ?z'
    assert variables(query) == {"s"}
    with pytest.raises(QueryError):
        bind(query, {"y": Literal("v")})


def test_dollar_variables_are_recognised():
    assert variables("SELECT $s WHERE { $s ?p ?o }") == {"s", "p", "o"}


def test_blank_nodes_cannot_be_bound():
    with pytest.raises(QueryError, match="only IRIs and literals"):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"s": BNode()})


@pytest.mark.parametrize("iri", ["http://e/a> } ; DROP ALL #", "http://e/a b", 'http://e/"x'])
def test_iris_that_could_end_early_are_rejected(iri):
    with pytest.raises(QueryError, match="characters IRIs may not hold"):
        bind("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef(iri)})


def test_a_datatype_iri_that_could_end_early_is_rejected():
    with pytest.raises(QueryError, match="characters IRIs may not hold"):
        term_text(Literal("1", datatype=URIRef("http://e/t> } #")))


def test_a_query_that_is_not_a_query_is_rejected():
    with pytest.raises(QueryError, match="not a SPARQL query"):
        bind("INSERT DATA { <http://e/a> <http://e/p> ?o }", {"o": Literal("v")})


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_match_only_the_exact_text(value):
    store = MemoryStore(_graph("innocuous", value))
    assert store.query(LABELS, {"label": Literal(value)}).rows == [(EX.n1,)]
    # the same query with an innocuous value behaves the same way
    assert store.query(LABELS, {"label": Literal("innocuous")}).rows == [(EX.n0,)]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_absent_from_the_data_give_no_rows(value):
    store = MemoryStore(_graph("innocuous", "other"))
    assert store.query(LABELS, {"label": Literal(value)}).rows == []


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_one_term_in_the_bound_text(value):
    out = bind(LABELS, {"label": Literal(value)})
    parsed = prepareQuery(out)  # still one valid query
    assert parsed is not None
    assert out.endswith("?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }")


def test_typed_and_language_literals_bind_as_such():
    graph = rdflib.Graph()
    graph.add((EX.a, EX.date, Literal("2025-05-28", datatype=XSD.date)))
    graph.add((EX.b, EX.date, Literal("2025-05-28")))
    graph.add((EX.c, EX.date, Literal("2025-05-28", lang="en")))
    store = MemoryStore(graph)
    query = "SELECT ?s WHERE { ?s <http://example.org/date> ?d }"
    assert store.query(query, {"d": Literal("2025-05-28", datatype=XSD.date)}).rows == [(EX.a,)]
    assert store.query(query, {"d": Literal("2025-05-28")}).rows == [(EX.b,)]
    assert store.query(query, {"d": Literal("2025-05-28", lang="en")}).rows == [(EX.c,)]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=30))
def test_any_text_value_matches_exactly_itself(value):
    store = MemoryStore(_graph("innocuous", value))
    expected = {(EX.n0,), (EX.n1,)} if value == "innocuous" else {(EX.n1,)}
    assert store.query(LABELS, {"label": Literal(value)}).row_set() == expected


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    return EmbeddedStore(tmp_path_factory.mktemp("binding") / "store")


@settings(max_examples=40, deadline=None)
@given(value=st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
       | st.sampled_from(["\\u0022", "\\\\u005C\"", "\\U00000041"]))
def test_any_text_value_matches_exactly_itself_on_pyoxigraph(embedded, value):
    embedded.load(_graph("innocuous", value))
    expected = {(EX.n0,), (EX.n1,)} if value == "innocuous" else {(EX.n1,)}
    assert embedded.query(LABELS, {"label": Literal(value)}).row_set() == expected
