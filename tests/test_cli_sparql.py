"""`kg sparql`: ad-hoc queries on the built store, a graph file or a real endpoint."""

from __future__ import annotations

import json
import uuid

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.cli import cli
from kg.namespaces import KG
from kg.store import EmbeddedStore, open_store

ID = rdflib.Namespace("https://w3id.org/newskg/id/")
PEOPLE = (
    "PREFIX kg: <https://w3id.org/newskg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT ?person ?name WHERE { ?person a kg:Person ; rdfs:label ?name } ORDER BY ?name\n"
)


def _graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.add((ID["person/ada-quill"], RDF.type, KG.Person))
    graph.add((ID["person/ada-quill"], RDFS.label, Literal("Ada Quill")))
    graph.add((ID["person/ben-ostrander"], RDF.type, KG.Person))
    graph.add((ID["person/ben-ostrander"], RDFS.label, Literal("Ben Ostrander")))
    graph.add((ID["meeting/m1"], KG.startDate, Literal("2024-02-03", datatype=XSD.date)))
    graph.add((ID["meeting/m1"], RDFS.label, Literal("Réunion", lang="fr")))
    return graph


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    _graph().serialize(path, format="turtle")
    return path


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_table_output_is_aligned_with_short_iris(graph_file):
    result = run("sparql", PEOPLE, "--graph", str(graph_file))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "person                   name\n"
        "-----------------------  -------------\n"
        "id:person/ada-quill      Ada Quill\n"
        "id:person/ben-ostrander  Ben Ostrander\n"
    )
    assert result.stderr == "2 rows\n"


def test_csv_and_tsv_follow_the_w3c_result_formats(graph_file):
    csv_out = run("sparql", PEOPLE, "--graph", str(graph_file), "--format", "csv")
    assert csv_out.exit_code == 0
    assert csv_out.stdout_bytes.decode("utf-8") == (  # .stdout would turn CRLF into LF
        "person,name\r\n"
        "https://w3id.org/newskg/id/person/ada-quill,Ada Quill\r\n"
        "https://w3id.org/newskg/id/person/ben-ostrander,Ben Ostrander\r\n"
    )
    tsv_out = run("sparql", PEOPLE, "--graph", str(graph_file), "--format", "tsv")
    assert tsv_out.stdout == (
        "?person\t?name\n"
        '<https://w3id.org/newskg/id/person/ada-quill>\t"Ada Quill"\n'
        '<https://w3id.org/newskg/id/person/ben-ostrander>\t"Ben Ostrander"\n'
    )


def test_json_output_is_sparql_results_json(graph_file):
    query = "SELECT ?d ?l WHERE { ?m <https://w3id.org/newskg/ontology#startDate> ?d ; " \
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    result = run("sparql", query, "--graph", str(graph_file), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "head": {"vars": ["d", "l"]},
        "results": {"bindings": [{
            "d": {"type": "literal", "value": "2024-02-03",
                  "datatype": "http://www.w3.org/2001/XMLSchema#date"},
            "l": {"type": "literal", "value": "Réunion", "xml:lang": "fr"},
        }]},
    }


def test_ask_prints_true_or_false(graph_file):
    yes = run("sparql", "ASK { ?s ?p ?o }", "--graph", str(graph_file))
    no = run("sparql", "ASK { ?s a <http://example.org/Nothing> }", "--graph", str(graph_file))
    assert (yes.exit_code, yes.stdout, no.exit_code, no.stdout) == (0, "true\n", 0, "false\n")


def test_construct_prints_turtle(graph_file):
    query = ("CONSTRUCT { ?s ?p ?o } "
             "WHERE { ?s a <https://w3id.org/newskg/ontology#Person> ; ?p ?o }")
    result = run("sparql", query, "--graph", str(graph_file))
    assert result.exit_code == 0, result.output
    printed = rdflib.Graph().parse(data=result.stdout, format="turtle")
    expected = rdflib.Graph()
    for triple in _graph().triples((None, None, None)):
        if str(triple[0]).startswith(str(ID["person/"])):
            expected.add(triple)
    assert isomorphic(printed, expected)
    assert "@prefix kg: <https://w3id.org/newskg/ontology#>" in result.stdout


@pytest.mark.parametrize("param, expected", [
    ("name=Ada Quill", "id:person/ada-quill"),
    ("person=<https://w3id.org/newskg/id/person/ben-ostrander>", "id:person/ben-ostrander"),
    ('name="} ; DROP ALL #', None),
])
def test_params_are_bound_as_terms(graph_file, param, expected):
    result = run("sparql", PEOPLE, "--graph", str(graph_file), "--param", param,
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[1:]
    assert [row.split(",")[0].replace(str(ID), "id:") for row in rows] == (
        [expected] if expected else [])


@pytest.mark.parametrize("param, rows", [
    ("d=2024-02-03", 0),  # a plain string does not equal an xsd:date
    ("d=2024-02-03^^xsd:date", 1),
    ("d=2024-02-03^^<http://www.w3.org/2001/XMLSchema#date>", 1),
])
def test_typed_params_need_a_datatype(graph_file, param, rows):
    query = "SELECT ?m WHERE { ?m <https://w3id.org/newskg/ontology#startDate> ?d }"
    result = run("sparql", query, "--graph", str(graph_file), "--param", param, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) - 1 == rows


def test_language_params(graph_file):
    query = "SELECT ?m WHERE { ?m <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    fr = run("sparql", query, "--graph", str(graph_file), "--param", "l=Réunion@fr")
    plain = run("sparql", query, "--graph", str(graph_file), "--param", "l=Réunion")
    assert fr.stdout.splitlines()[2:] == ["id:meeting/m1"]
    assert plain.stdout.splitlines()[2:] == []


def test_a_param_for_a_variable_the_query_lacks_is_an_error(graph_file):
    result = run("sparql", PEOPLE, "--graph", str(graph_file), "--param", "nobody=x")
    assert result.exit_code == 2
    assert result.stderr == "Error: the query does not use ?nobody; it uses ?name, ?person\n"


def test_a_query_file_is_read(graph_file, tmp_path):
    rq = tmp_path / "people.rq"
    rq.write_text("# people by name\n" + PEOPLE, encoding="utf-8")
    result = run("sparql", str(rq), "--graph", str(graph_file), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3


def test_a_missing_query_file_is_named(graph_file, tmp_path):
    result = run("sparql", str(tmp_path / "nope.rq"), "--graph", str(graph_file))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nope.rq'}: no such file\n"


def test_text_that_is_neither_query_nor_file_is_an_error(graph_file):
    result = run("sparql", "show me people", "--graph", str(graph_file))
    assert result.exit_code == 2
    assert "neither a SPARQL query" in result.stderr and "Traceback" not in result.output


def test_bad_syntax_is_one_error_line(graph_file):
    result = run("sparql", "SELECT ?s WHERE { ?s ?p }", "--graph", str(graph_file))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: query failed on the in-memory graph")
    assert len(result.stderr.splitlines()) == 1


def test_without_a_built_store_it_says_to_run_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("sparql", PEOPLE)
    assert result.exit_code == 2
    assert result.stderr == ("Error: no store at build/store; run `kg build` first or pass "
                             "--endpoint/--graph\n")
    assert not (tmp_path / "build").exists()  # asking must not create an empty store


def test_the_default_target_is_the_built_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    EmbeddedStore(tmp_path / "build" / "store").load(_graph())
    result = run("sparql", PEOPLE, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3


def test_store_option_names_another_directory(tmp_path):
    EmbeddedStore(tmp_path / "elsewhere").load(_graph())
    result = run("sparql", "ASK { ?s ?p ?o }", "--store", str(tmp_path / "elsewhere"))
    assert (result.exit_code, result.stdout) == (0, "true\n")


def test_only_one_target_may_be_given(graph_file, tmp_path):
    result = run("sparql", PEOPLE, "--graph", str(graph_file), "--store", str(tmp_path))
    assert result.exit_code == 2
    assert "at most one of --store, --endpoint and --graph" in result.stderr


def test_endpoint_queries_give_the_same_rows_as_the_file(sparql_server, graph_file):
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    open_store(sparql_server.endpoint, **sparql_server.store_options()).load(_graph(), iri)
    scoped = PEOPLE.replace("SELECT ?person ?name ", f"SELECT ?person ?name FROM <{iri}> ")
    remote = run("sparql", scoped, "--endpoint", sparql_server.endpoint, "--format", "csv",
                 "--param", "name=Ben Ostrander")
    local = run("sparql", PEOPLE, "--graph", str(graph_file), "--format", "csv",
                "--param", "name=Ben Ostrander")
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    assert len(remote.stdout.splitlines()) == 2


def test_an_unreachable_endpoint_is_one_error_line():
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = run("sparql", "ASK {}", "--endpoint", url)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot reach {url}")
    assert len(result.stderr.splitlines()) == 1
