"""kg.build.build: sources in, a validated graph out (graph.ttl + store/), all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import build as build_module
from kg.build import GRAPH_FILE, STORE_DIR, SUMMARY_CLASSES, build, graph_counts
from kg.errors import InputError, OutputError, ValidationFailed
from kg.validate import ValidationReport, Violation, validate

DATA = Path(__file__).parent / "data" / "build"
CORPUS = DATA / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` by relative path, with its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*")) if p.is_file()
    }


def store_triple_count(path: Path) -> int:
    store = pyoxigraph.Store.read_only(str(path))
    try:
        return len(store)
    finally:
        del store


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    """One build of the invented corpus (3 articles in 2 files), shared by this module."""
    out = tmp_path_factory.mktemp("corpus-build")
    result = build([CORPUS], out)
    return result, out


@pytest.fixture
def previous_output(corpus_build, tmp_path):
    """A copy of a successful build's output directory, and its snapshot."""
    _, out = corpus_build
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    return copy, snapshot(copy)


# --- what a build writes ---------------------------------------------------------------------

def test_build_writes_graph_ttl_and_the_store_and_nothing_else(corpus_build):
    result, out = corpus_build
    assert result.turtle == out / GRAPH_FILE
    assert result.store == out / STORE_DIR
    assert sorted(p.name for p in out.iterdir()) == [GRAPH_FILE, STORE_DIR]
    assert (out / STORE_DIR).is_dir()


def test_graph_ttl_parses_back_to_the_graph_that_was_built(corpus_build):
    result, out = corpus_build
    parsed = Graph().parse(out / GRAPH_FILE, format="turtle")
    assert len(parsed) == len(result.graph) > 0
    assert isomorphic(parsed, result.graph)


def test_the_written_graph_conforms_to_the_shapes(corpus_build):
    _, out = corpus_build
    report = validate(Graph().parse(out / GRAPH_FILE, format="turtle"))
    assert report.conforms, report.text()


def test_the_store_holds_the_same_triples_as_graph_ttl(corpus_build):
    result, out = corpus_build
    assert store_triple_count(out / STORE_DIR) == len(result.graph)


def test_counts_are_the_triples_then_each_summary_class(corpus_build):
    result, out = corpus_build
    counts = result.counts
    assert list(counts) == ["triples", *SUMMARY_CLASSES]
    assert counts["triples"] == len(result.graph)
    assert counts == graph_counts(Graph().parse(out / GRAPH_FILE, format="turtle"))
    assert counts["Article"] == 3
    assert counts["Person"] >= 1


def test_graph_counts_counts_resources_per_class():
    counts = graph_counts(Graph().parse(DATA / "small.ttl", format="turtle"))
    assert counts == {"triples": 12, "Article": 1, "Person": 2, "Organisation": 1, "Location": 0,
                      "Post": 0, "Meeting": 0, "Partnership": 0}


def test_load_store_false_writes_only_the_turtle(tmp_path):
    result = build([CORPUS_FILES[0]], tmp_path / "out", load_store=False)
    assert result.store is None
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [GRAPH_FILE]


def test_callbacks_hear_each_problem_and_each_article(tmp_path):
    problems, articles = [], []
    build([CORPUS, DATA / "no-article.txt"], tmp_path / "out", load_store=False,
          on_problem=problems.append, on_article=articles.append)
    assert [p.path for p in problems] == [str(DATA / "no-article.txt")]
    assert problems[0].fatal
    assert sorted(a.title for a in articles) == sorted([
        "Deputy Secretary General to visit Chile",
        "Harbour Alliance signs partnership with the Coastal Research Institute",
        "Secretary General meets Foreign Minister of Portugal in Lisbon",
    ])


# --- determinism -----------------------------------------------------------------------------

def test_two_builds_of_the_same_inputs_give_byte_identical_turtle(corpus_build, tmp_path):
    _, out = corpus_build
    build([CORPUS], tmp_path / "again", load_store=False)
    assert (tmp_path / "again" / GRAPH_FILE).read_bytes() == (out / GRAPH_FILE).read_bytes()


def test_files_given_in_reverse_order_give_byte_identical_turtle(corpus_build, tmp_path):
    _, out = corpus_build
    build(list(reversed(CORPUS_FILES)), tmp_path / "reversed", load_store=False)
    assert (tmp_path / "reversed" / GRAPH_FILE).read_bytes() == (out / GRAPH_FILE).read_bytes()


def test_a_directory_and_its_files_give_byte_identical_turtle(corpus_build, tmp_path):
    _, out = corpus_build
    build(CORPUS_FILES, tmp_path / "files", load_store=False)
    assert (tmp_path / "files" / GRAPH_FILE).read_bytes() == (out / GRAPH_FILE).read_bytes()


# --- failures leave the previous output alone --------------------------------------------------

def test_only_bad_inputs_raise_input_error_and_leave_the_previous_output(previous_output):
    out, before = previous_output
    with pytest.raises(InputError, match="no article"):
        build([DATA / "no-article.txt"], out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == [GRAPH_FILE, STORE_DIR]


def test_a_non_conforming_graph_raises_and_leaves_the_previous_output(previous_output, monkeypatch):
    out, before = previous_output
    broken = ValidationReport(conforms=False, violations=[
        Violation(focus="person:someone", path="rdfs:label", message="invented failure",
                  constraint="MinCountConstraintComponent"),
    ])
    monkeypatch.setattr(build_module, "validate", lambda graph: broken)
    with pytest.raises(ValidationFailed, match="invented failure"):
        build([CORPUS_FILES[0]], out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == [GRAPH_FILE, STORE_DIR]
    assert store_triple_count(out / STORE_DIR) > 0


def test_strict_makes_a_bad_input_fatal_before_anything_is_written(previous_output):
    out, before = previous_output
    with pytest.raises(InputError, match="no-article.txt"):
        build([CORPUS, DATA / "no-article.txt"], out, strict=True)
    assert snapshot(out) == before


def test_a_failed_build_into_a_new_directory_creates_nothing(tmp_path):
    with pytest.raises(InputError):
        build([tmp_path / "missing.txt"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failure_while_loading_the_store_leaves_the_previous_output(previous_output, monkeypatch):
    out, before = previous_output

    def fail(self, graph, graph_iri=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module.EmbeddedStore, "load", fail)
    with pytest.raises(OutputError, match="No space left"):
        build([CORPUS_FILES[0]], out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == [GRAPH_FILE, STORE_DIR]


def test_a_successful_rebuild_replaces_the_previous_output(previous_output):
    out, before = previous_output
    result = build([CORPUS_FILES[0]], out)
    assert result.counts["Article"] == 1
    assert (out / GRAPH_FILE).read_bytes() != before[GRAPH_FILE]
    assert store_triple_count(out / STORE_DIR) == len(result.graph)
    assert sorted(p.name for p in out.iterdir()) == [GRAPH_FILE, STORE_DIR]


def test_a_build_that_cannot_write_graph_ttl_leaves_the_previous_store(previous_output):
    out, before = previous_output
    store_before = {p: p.read_bytes() for p in (out / STORE_DIR).rglob("*") if p.is_file()}
    (out / GRAPH_FILE).unlink()
    (out / GRAPH_FILE).mkdir()  # the Turtle cannot be written now
    with pytest.raises(OutputError):
        build([CORPUS_FILES[0]], out)
    assert {p: p.read_bytes() for p in (out / STORE_DIR).rglob("*") if p.is_file()} == store_before


def test_a_new_graph_file_gets_the_usual_permissions(tmp_path):
    import os
    import stat

    from kg import atomic

    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "graph.ttl"
    atomic.write_text(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
