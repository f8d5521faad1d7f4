"""`kg query list|show|run` through click's CliRunner on the invented sample graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import list_queries
from kg.store import open_store

SAMPLE = Path(__file__).parent / "data" / "sample-graph.ttl"
NATO = "https://w3id.org/newskg/id/organisation/nato"
TABLE = """\
organisation          organisation_label                  person                 name         title
--------------------  ----------------------------------  ---------------------  -----------  ------------------------
id:organisation/nato  North Atlantic Treaty Organization  id:person/elena-varga  Elena Varga  Secretary General
id:organisation/nato  North Atlantic Treaty Organization  id:person/mira-kovac   Mira Kovač   Deputy Secretary General
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_list_shows_every_saved_query_with_title_and_parameters():
    result = run("query", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(list_queries())
    assert [line.split()[0] for line in lines] == [q.name for q in list_queries()]
    evidence = next(line for line in lines if line.startswith("evidence-of-fact "))
    assert "Evidence of a fact" in evidence and evidence.endswith(" fact")
    person = next(line for line in lines if line.startswith("meetings-of-person "))
    assert person.endswith("[person] [person_name]")


def test_show_prints_the_query_text_exactly():
    result = run("query", "show", "meetings-in-date-range")
    assert result.exit_code == 0
    text = (Path(__file__).parent.parent / "queries" / "meetings-in-date-range.rq").read_text(
        encoding="utf-8")
    assert result.output == text


def test_show_of_an_unknown_query_is_one_line_naming_the_available_ones():
    result = run("query", "show", "no-such")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("Error: query 'no-such' not found; available: ")
    assert "who-met-whom" in result.output


def test_run_prints_an_aligned_table_by_default():
    result = run("query", "run", "people-of-organisation", "--graph", str(SAMPLE),
                 "--param", "organisation_name=nato")
    assert result.exit_code == 0, result.output
    assert result.stdout == TABLE
    assert result.stderr == "2 rows\n"


def test_run_as_csv():
    result = run("query", "run", "partners-of", "--graph", str(SAMPLE), "--param",
                 f"party=<{NATO}>", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode() == (
        "party,party_label,partner,partner_label,framework,since,partnership\r\n"
        f"{NATO},North Atlantic Treaty Organization,https://w3id.org/newskg/id/location/japan,"
        "Japan,Individually Tailored Partnership Programme,2023-07-12,"
        "https://w3id.org/newskg/id/partnership/5f6a7b8c\r\n"
    )


def test_run_as_tsv_writes_terms_in_turtle_syntax():
    result = run("query", "run", "most-active-people", "--graph", str(SAMPLE), "--param",
                 "min_meetings=3", "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "?person\t?name\t?meetings\n"
        "<https://w3id.org/newskg/id/person/elena-varga>\t\"Elena Varga\"\t"
        "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>\n"
    )
    assert result.stderr == "1 row\n"


def test_run_as_json_is_sparql_results_json():
    result = run("query", "run", "evidence-of-fact", "--graph", str(SAMPLE), "--param",
                 "fact=id:partnership/5f6a7b8c", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["fact", "fact_label", "sentence", "article",
                                    "article_title", "article_date"]
    [binding] = data["results"]["bindings"]
    assert binding["fact"] == {"type": "uri",
                               "value": "https://w3id.org/newskg/id/partnership/5f6a7b8c"}
    assert binding["sentence"] == {
        "type": "literal",
        "value": "Japan and NATO agreed their Individually Tailored Partnership Programme on "
                 "12 July 2023."}
    assert binding["article_date"] == {"type": "literal", "value": "2025-05-20",
                                       "datatype": "http://www.w3.org/2001/XMLSchema#date"}


def test_run_on_an_embedded_store_directory(tmp_path):
    open_store(tmp_path / "store").load(rdflib.Graph().parse(SAMPLE))
    result = run("query", "run", "find-entity", "--store", str(tmp_path / "store"), "--param",
                 "text=lindqvist", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode() == (
        "entity,label,type\r\n"
        "https://w3id.org/newskg/id/meeting/0a1b2c3d,Elena Varga meets Tomas Lindqvist,"
        "https://w3id.org/newskg/ontology#Meeting\r\n"
        "https://w3id.org/newskg/id/person/tomas-lindqvist,Tomas Lindqvist,"
        "https://w3id.org/newskg/ontology#Person\r\n")


def test_run_without_a_store_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("query", "run", "who-met-whom")
    assert result.exit_code == 2
    assert result.output == ("Error: no store at build/store; run `kg build` first or pass "
                             "--store/--endpoint/--graph\n")


@pytest.mark.parametrize("args,message", [
    (["--param", "who=x"],
     "Error: query 'meetings-of-person' has no parameter 'who'; parameters: person, person_name\n"),
    (["--param", "person"], "Error: --param 'person' is not key=value\n"),
    (["--param", "person=not an iri"],
     "Error: parameter 'person' must be an IRI like "
     "<https://w3id.org/newskg/id/person/mark-rutte> or a prefixed name like id:person/x; "
     "got 'not an iri'\n"),
])
def test_run_with_bad_parameters_is_one_line(args, message):
    result = run("query", "run", "meetings-of-person", "--graph", str(SAMPLE), *args)
    assert result.exit_code == 2
    assert result.output == message


def test_run_without_a_required_parameter_is_one_line():
    result = run("query", "run", "find-entity", "--graph", str(SAMPLE))
    assert result.exit_code == 2
    assert result.output == ("Error: query 'find-entity' needs parameter 'text' (string), "
                             "e.g. --param text=Rutte\n")


def test_run_with_a_hostile_value_returns_no_rows():
    result = run("query", "run", "meetings-of-person", "--graph", str(SAMPLE), "--param",
                 'person_name="} UNION { ?s ?p ?o } #', "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"person,name,meeting,label,start,end,place,status,type\r\n"
    assert result.stderr == "0 rows\n"


def test_every_query_subcommand_has_help():
    for sub in ("list", "show", "run"):
        result = run("query", sub, "--help")
        assert result.exit_code == 0
        assert "Usage: " in result.output
