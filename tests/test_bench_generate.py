"""The benchmark's generator makes a graph in the project's model (no timings are asserted)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.namespaces import KG, PROV, RDF
from kg.validate import validate

_PATH = Path(__file__).resolve().parent.parent / "bench" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", _PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module.generate


@pytest.fixture(scope="module")
def graph(generate):
    return generate(40, seed=5)


def test_generated_graph_has_every_class_of_the_graph_model(graph):
    classes = Counter(graph.objects(None, RDF.type))
    for cls in (KG.Article, KG.Person, KG.Organisation, KG.Location, KG.Country, KG.City,
                KG.Region, KG.Facility, KG.Meeting, KG.Partnership, KG.Post, KG.Evidence):
        assert classes[cls] > 0, f"no {cls}"
    assert classes[KG.Article] == 40


def test_generated_graph_has_corpus_like_proportions(graph):
    meetings = set(graph.subjects(RDF.type, KG.Meeting))
    assert 2 * 40 <= len(meetings) <= 6 * 40
    mentions = len(set(graph.subject_objects(KG.mentionedIn)))
    assert mentions >= 8 * 40
    # A few events are told by more than one article, as merged events are.
    assert any(len(set(graph.objects(m, PROV.wasDerivedFrom))) > 1 for m in meetings)


def test_generated_graph_conforms_to_the_shapes(graph):
    report = validate(graph)
    assert report.conforms, report.text()


def test_same_seed_same_graph_other_seed_other_graph(generate, graph):
    assert isomorphic(generate(40, seed=5), graph)
    assert not isomorphic(generate(40, seed=6), graph)


def test_fewer_than_one_article_is_refused(generate):
    with pytest.raises(ValueError):
        generate(0)
