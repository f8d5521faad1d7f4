"""`kg load`: replace a graph in a real remote store with a file, in one PUT."""

from __future__ import annotations

import uuid

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD

from kg.cli import cli
from kg.store import open_store

EX = rdflib.Namespace("http://example.org/")


def _graph(n: int) -> rdflib.Graph:
    graph = rdflib.Graph()
    for i in range(n):
        graph.add((EX[f"thing{i}"], RDF.type, EX.Thing))
        graph.add((EX[f"thing{i}"], RDFS.label, Literal(f"Thing {i}")))
    return graph


def _write(path, graph: rdflib.Graph):
    graph.serialize(path, format="turtle")
    return path


def _count(server, graph_iri: str) -> int:
    store = open_store(server.endpoint, **server.store_options())
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    value = result.rows[0][0]
    assert value.datatype == XSD.integer
    return int(value)


def _args(server, graph_iri: str | None) -> list[str]:
    args = ["--endpoint", server.endpoint]
    if graph_iri:
        args += ["--graph", graph_iri]
    if server.user:
        args += ["--user", server.user, "--auth", server.auth]
    return args


def _env(server) -> dict:
    return {"KG_PASSWORD": server.password} if server.password else {}


def test_load_replaces_a_named_graph_and_reports_on_stderr(sparql_server, tmp_path):
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    first = _write(tmp_path / "first.ttl", _graph(3))
    second = _write(tmp_path / "second.ttl", _graph(2))
    runner = CliRunner()
    result = runner.invoke(cli, ["load", str(first), *_args(sparql_server, iri)],
                           env=_env(sparql_server))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (f"loaded 6 triples from {first} into graph <{iri}> at "
                             f"{sparql_server.endpoint}\n")
    assert _count(sparql_server, iri) == 6
    again = runner.invoke(cli, ["load", str(second), *_args(sparql_server, iri)],
                          env=_env(sparql_server))
    assert again.exit_code == 0, again.output
    assert _count(sparql_server, iri) == 4  # replaced, not added to


def test_load_defaults_to_build_graph_ttl_and_the_default_graph(oxigraph_server, tmp_path,
                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").mkdir()
    _write(tmp_path / "build" / "graph.ttl", _graph(1))
    result = CliRunner().invoke(cli, ["load", "--endpoint", oxigraph_server.endpoint])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"loaded 2 triples from build/graph.ttl into the default graph at "
                             f"{oxigraph_server.endpoint}\n")
    store = open_store(oxigraph_server.endpoint)
    rows = store.query("SELECT ?s WHERE { ?s a <http://example.org/Thing> }").rows
    assert rows == [(EX.thing0,)]


def test_a_wrong_password_fails_cleanly_and_keeps_the_graph(virtuoso_server, tmp_path):
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    good = _write(tmp_path / "good.ttl", _graph(2))
    runner = CliRunner()
    assert runner.invoke(cli, ["load", str(good), *_args(virtuoso_server, iri)],
                         env=_env(virtuoso_server)).exit_code == 0
    other = _write(tmp_path / "other.ttl", _graph(5))
    result = runner.invoke(cli, ["load", str(other), *_args(virtuoso_server, iri)],
                           env={"KG_PASSWORD": "wrong"})
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {virtuoso_server.gsp_url} refused the load of graph <{iri}> (HTTP 401); check "
        "the user, password and auth method (--user, --password/KG_PASSWORD, --auth)\n")
    assert _count(virtuoso_server, iri) == 4


def test_the_password_can_be_given_as_an_option(virtuoso_server, tmp_path):
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    good = _write(tmp_path / "good.ttl", _graph(1))
    result = CliRunner().invoke(
        cli, ["load", str(good), *_args(virtuoso_server, iri), "--password",
              virtuoso_server.password])
    assert result.exit_code == 0, result.output
    assert _count(virtuoso_server, iri) == 2


def test_a_missing_file_is_named(oxigraph_server, tmp_path):
    missing = tmp_path / "missing.ttl"
    result = CliRunner().invoke(cli, ["load", str(missing), "--endpoint", oxigraph_server.endpoint])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {missing}: no such file\n"


def test_an_invalid_file_is_named_and_nothing_is_sent(oxigraph_server, tmp_path):
    iri = f"http://example.org/graph/{uuid.uuid4().hex}"
    open_store(oxigraph_server.endpoint).load(_graph(1), iri)
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/b> .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(bad), *_args(oxigraph_server, iri)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}: not valid turtle")
    assert len(result.stderr.splitlines()) == 1
    assert _count(oxigraph_server, iri) == 2


def test_virtuoso_default_graph_load_says_to_pass_graph(virtuoso_server, tmp_path):
    good = _write(tmp_path / "good.ttl", _graph(1))
    result = CliRunner().invoke(cli, ["load", str(good), *_args(virtuoso_server, None)],
                                env=_env(virtuoso_server))
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith("pass a graph IRI (--graph)")


def test_endpoint_is_required(tmp_path):
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2
    assert "Missing option '--endpoint'" in result.stderr


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:{port}/query"])
def test_an_unreachable_store_is_one_error_line(endpoint, tmp_path):
    from servers import free_port

    url = endpoint.format(port=free_port())
    good = _write(tmp_path / "good.ttl", _graph(1))
    result = CliRunner().invoke(cli, ["load", str(good), "--endpoint", url])
    assert result.exit_code == 2
    gsp = url.rsplit("/", 1)[0] + "/store"
    assert result.stderr.startswith(f"Error: cannot reach {gsp}")
    assert len(result.stderr.splitlines()) == 1
