"""The spacy-baseline extractor: spaCy's entities taken as tagged, one node per (kind, exact text)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from kg.build import build
from kg.cli import cli
from kg.errors import KgError
from kg.extract import EXTRACTORS
from kg.extract.baseline import KINDS, _register, extract_baseline
from kg.extract.nlp import load
from kg.extract.pipeline import article_text
from kg.graph import build_graph
from kg.namespaces import KG
from kg.reader import Article
from kg.validate import validate

BENCH = Path(__file__).resolve().parent.parent / "bench" / "extract_speed.py"

FIRST = ("Varga visits the harbour",
         "Ms Varga of the Harbour Alliance arrived in Oslo on Monday. Ilona Varga toured the "
         "Port of Kelvik and sailed on the Baltic Sea with Norwegian officers.")
SECOND = ("Alliance meets in Oslo",
          "The Harbour Alliance met in Oslo. Ilona Varga spoke.")

# Invented tags for the invented text, so the expectations below do not depend on a model.
PATTERNS = [
    {"label": "PERSON", "pattern": "Ms Varga"},
    {"label": "PERSON", "pattern": "Ilona Varga"},
    {"label": "ORG", "pattern": "the Harbour Alliance"},
    {"label": "ORG", "pattern": "The Harbour Alliance"},
    {"label": "GPE", "pattern": "Oslo"},
    {"label": "FAC", "pattern": "Port of Kelvik"},
    {"label": "LOC", "pattern": "the Baltic Sea"},
    {"label": "DATE", "pattern": "Monday"},
    {"label": "NORP", "pattern": "Norwegian"},
]


def article(title: str, body: str) -> Article:
    return Article(title=title, body=body, date=None, reference_date=None, publisher=None, url=None,
                   sources=("invented.txt",))


@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory) -> str:
    """A saved blank English pipeline whose only tagger is an entity ruler with PATTERNS."""
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("ruler") / "model"
    nlp.to_disk(path)
    return str(path)


def test_each_entity_is_kept_as_tagged_with_its_kind_and_articles(ruler_model):
    articles = [article(*FIRST), article(*SECOND)]
    extraction = extract_baseline(articles, ruler_model)
    got = {(e.kind, e.label): e.articles for e in extraction.entities.values()}
    first, second = (a.key for a in articles)
    assert got == {
        ("person", "Ms Varga"): {first},          # no honorific removed, no merging with the full name
        ("person", "Ilona Varga"): {first, second},
        ("organisation", "the Harbour Alliance"): {first},
        ("organisation", "The Harbour Alliance"): {second},  # exact text: another entity
        ("location", "Oslo"): {first, second},
        ("location", "Port of Kelvik"): {first},
        ("location", "the Baltic Sea"): {first},
    }
    assert extraction.posts == [] and extraction.meetings == [] and extraction.partnerships == []


def test_keys_are_kind_and_slug_and_colliding_slugs_stay_apart():
    found = {("organisation", "The Harbour Alliance"): {"a"}, ("organisation", "the Harbour Alliance"): {"b"},
             ("person", "Ilona Varga"): {"a"}}
    entities = _register(found)
    assert sorted(entities) == ["organisation/the-harbour-alliance", "organisation/the-harbour-alliance-2",
                                "person/ilona-varga"]
    assert all(entity.key == key for key, entity in entities.items())
    assert {e.label for e in entities.values()} == {"The Harbour Alliance", "the Harbour Alliance", "Ilona Varga"}


def test_with_the_real_model_the_entities_are_spacys_own():
    articles = [article(*FIRST), article(*SECOND)]
    nlp = load()
    expected = {(KINDS[ent.label_], ent.text)
                for a in articles for ent in nlp(article_text(a)).ents if ent.label_ in KINDS}
    extraction = extract_baseline(articles)
    assert expected  # the model tags something in this text, or the comparison says nothing
    assert {(e.kind, e.label) for e in extraction.entities.values()} == expected


def test_the_baseline_graph_conforms_to_the_shapes(ruler_model):
    articles = [article(*FIRST), article(*SECOND)]
    graph = build_graph(articles, extract_baseline(articles, ruler_model))
    report = validate(graph)
    assert report.conforms, report.text()
    labels = {str(graph.value(node, RDFS.label)) for node in graph.subjects(RDF.type, KG.Location)}
    assert labels == {"Oslo", "Port of Kelvik", "the Baltic Sea"}


def test_the_registry_offers_both_extractors():
    assert set(EXTRACTORS) == {"kg", "spacy-baseline"}


def test_build_refuses_an_unknown_extractor_before_writing(tmp_path):
    with pytest.raises(KgError, match="unknown extractor 'regex'.*kg, spacy-baseline"):
        build([tmp_path], tmp_path / "out", extractor="regex")
    assert not (tmp_path / "out").exists()


def write_corpus(directory: Path) -> Path:
    directory.mkdir()
    for name, (title, body) in {"one.txt": FIRST, "two.txt": SECOND}.items():
        (directory / name).write_text(f"{title}\n\nSource: Harbour Alliance\n\n{body}\n", encoding="utf-8")
    return directory


def test_kg_build_with_the_baseline_extractor_writes_entities_only(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out), "--extractor", "spacy-baseline",
                                      "--no-store"])
    assert result.exit_code == 0, result.output
    assert "(validated: conforms)" in result.output
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    persons = {str(graph.value(n, RDFS.label)) for n in graph.subjects(RDF.type, KG.Person)}
    assert "Ilona Varga" in persons
    for cls in (KG.Post, KG.Meeting, KG.Partnership):
        assert not list(graph.subjects(RDF.type, cls))
    assert len(list(graph.subjects(RDF.type, KG.Article))) == 2


def test_kg_build_rejects_an_unknown_extractor_as_usage(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--extractor", "regex", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "'regex' is not one of 'kg', 'spacy-baseline'" in result.output
    assert not (tmp_path / "out").exists()


def test_the_speed_benchmark_runs_on_a_tiny_corpus(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("bench_extract_speed", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    corpus = write_corpus(tmp_path / "corpus")
    assert module.main([str(corpus), "--repeat", "2", "--runs", "1", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 4 and figures["repeat"] == 2
    assert set(figures["jobs"]) == {"spacy", "kg", "spacy-baseline"}
    assert figures["jobs"]["spacy"]["ratio_to_spacy"] == 1.0
    assert all(job["seconds"] > 0 for job in figures["jobs"].values())
