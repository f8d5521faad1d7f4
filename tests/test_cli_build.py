"""`kg build`, `kg validate`, `kg info` as a user runs them: exit codes, stderr lines, files written."""

from __future__ import annotations

import os
import pathlib
import re
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF

from kg import build as build_module
from kg.build import SUMMARY_CLASSES
from kg.cli import cli
from kg.namespaces import KG
from kg.validate import ValidationReport, Violation

SEEDS = Path(__file__).parents[1] / "seeds"
DATA = Path(__file__).parent / "data" / "build"
CORPUS = DATA / "corpus"
GOOD = CORPUS / "alpha.txt"
GOOD_TITLE = "Secretary General meets Foreign Minister of Portugal in Lisbon"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def summary(stderr: str) -> dict[str, int]:
    """The "name  count" rows of the build summary (or of `kg info`)."""
    rows = re.findall(r"^(\w+)\s+(\d+)\s*$", stderr, flags=re.MULTILINE)
    return {name: int(value) for name, value in rows}


def class_counts(turtle: Path) -> dict[str, int]:
    """Counted here with rdflib, independently of kg's own counting."""
    graph = Graph().parse(turtle, format="turtle")
    counts = {"triples": len(graph)}
    for name in SUMMARY_CLASSES:
        counts[name] = len(set(graph.subjects(RDF.type, getattr(KG, name))))
    return counts


def titles(turtle: Path) -> set[str]:
    """The dcterms:title of every article in a Turtle file."""
    graph = Graph().parse(turtle, format="turtle")
    return {str(graph.value(a, DCTERMS.title)) for a in graph.subjects(RDF.type, KG.Article)}


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def assert_no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- the seeds, built once ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """`kg build seeds --out DIR`, once for the whole session."""
    out = tmp_path_factory.mktemp("seeds-build")
    result = run("build", SEEDS, "--out", out)
    return result, out


def test_building_the_seeds_succeeds_and_writes_graph_and_store(seeds_build):
    result, out = seeds_build
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert (out / "graph.ttl").is_file()
    assert (out / "store").is_dir()
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def test_the_build_summary_goes_to_stderr_and_stdout_stays_empty(seeds_build):
    result, out = seeds_build
    assert result.stdout == ""
    assert "graph.ttl" in result.stderr
    rows = summary(result.stderr)
    assert list(rows) == ["triples", *SUMMARY_CLASSES]


def test_the_seeds_summary_matches_the_written_graph(seeds_build):
    result, out = seeds_build
    assert summary(result.stderr) == class_counts(out / "graph.ttl")


def test_the_seeds_give_48_articles_and_every_class_has_an_instance(seeds_build):
    _, out = seeds_build
    counts = class_counts(out / "graph.ttl")
    assert counts["Article"] == 48
    for name in SUMMARY_CLASSES:
        assert counts[name] >= 1, f"no kg:{name} in the seeds graph"


def test_the_seeds_store_holds_the_same_number_of_triples(seeds_build):
    _, out = seeds_build
    store = pyoxigraph.Store.read_only(str(out / "store"))
    try:
        assert len(store) == class_counts(out / "graph.ttl")["triples"]
    finally:
        del store


def test_kg_validate_says_the_seeds_graph_conforms(seeds_build):
    _, out = seeds_build
    result = run("validate", out / "graph.ttl")
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.stdout


def test_kg_info_prints_the_same_counts_as_the_build_summary(seeds_build):
    build_result, out = seeds_build
    result = run("info", out / "graph.ttl")
    assert result.exit_code == 0, result.output
    assert summary(result.stdout) == summary(build_result.stderr)


# --- small invented corpora ----------------------------------------------------------------

def test_build_of_a_small_corpus_reports_its_counts(tmp_path):
    out = tmp_path / "out"
    result = run("build", CORPUS, "--out", out)
    assert result.exit_code == 0, result.output
    rows = summary(result.stderr)
    assert rows == class_counts(out / "graph.ttl")
    assert rows["Article"] == 3
    assert run("validate", out / "graph.ttl").exit_code == 0


def test_quiet_build_prints_nothing(tmp_path):
    result = run("build", GOOD, "--out", tmp_path / "out", "--quiet", "--no-store")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl"]


def test_cli_builds_are_byte_identical_whatever_the_input_order(tmp_path):
    files = sorted(CORPUS.glob("*.txt"))
    outputs = []
    for name, args in (("dir", [CORPUS]), ("files", files), ("reversed", files[::-1])):
        result = run("build", *args, "--out", tmp_path / name, "--no-store", "--quiet")
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name / "graph.ttl").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


# --- bad input -------------------------------------------------------------------------------

def _cp1252(tmp_path: Path) -> Path:
    path = tmp_path / "accents-cp1252.txt"
    path.write_bytes((DATA / "accents.txt").read_text(encoding="utf-8").encode("cp1252"))
    return path


def _utf16(tmp_path: Path) -> Path:
    path = tmp_path / "accents-utf16.txt"
    path.write_bytes((DATA / "accents.txt").read_text(encoding="utf-8").encode("utf-16"))
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _blank(tmp_path: Path) -> Path:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-file.txt"


def _empty_directory(tmp_path: Path) -> Path:
    path = tmp_path / "nothing-here"
    path.mkdir()
    return path


def _no_article(tmp_path: Path) -> Path:
    return DATA / "no-article.txt"


BAD_INPUTS = {
    # name: (make the file, words the stderr line must hold)
    "empty": (_empty, "empty file"),
    "whitespace only": (_blank, "empty file"),
    "binary": (_binary, "binary"),
    "missing": (_missing, "No such file"),
    "directory without articles": (_empty_directory, "no .txt"),
    "text without an article": (_no_article, "no article found"),
}


def _the_line_naming(result, path: Path) -> str:
    """The one line of stderr that names `path` (there must be exactly one)."""
    lines = [line for line in result.stderr.splitlines() if path.name in line]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_a_bad_input_gives_one_line_naming_it_and_the_good_files_still_build(kind, tmp_path):
    make, words = BAD_INPUTS[kind]
    bad = make(tmp_path)
    out = tmp_path / "out"
    result = run("build", bad, GOOD, "--out", out, "--no-store")
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    line = _the_line_naming(result, bad)
    assert words in line
    assert titles(out / "graph.ttl") == {GOOD_TITLE}


def test_an_unreadable_file_gives_one_line_naming_it(tmp_path, monkeypatch):
    bad = tmp_path / "locked.txt"
    bad.write_text((DATA / "accents.txt").read_text(encoding="utf-8"), encoding="utf-8")
    bad.chmod(0)
    try:
        if os.access(bad, os.R_OK):
            # Running as root: permissions do not stop reading, so the OS error is injected for
            # this one path; the reader's handling of it is what is under test.
            real = pathlib.Path.read_bytes

            def read_bytes(self):
                if self == bad:
                    raise PermissionError(13, "Permission denied", str(self))
                return real(self)

            monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
        result = run("build", bad, GOOD, "--out", tmp_path / "out", "--no-store")
    finally:
        bad.chmod(0o644)
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    line = _the_line_naming(result, bad)
    assert "Permission denied" in line
    assert titles(tmp_path / "out" / "graph.ttl") == {GOOD_TITLE}


def test_a_jsonl_file_with_one_bad_line_names_the_line_and_builds_the_others(tmp_path):
    bad = DATA / "one-bad-line.jsonl"
    out = tmp_path / "out"
    result = run("build", bad, GOOD, "--out", out, "--no-store")
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    line = _the_line_naming(result, bad)
    assert "line 2" in line and "invalid JSON" in line
    assert titles(out / "graph.ttl") == {
        GOOD_TITLE, "Ferry operators agree new timetable", "Ferry Board elects new chair",
    }


def test_a_cp1252_file_is_read_correctly_with_a_warning_naming_it(tmp_path):
    bad = _cp1252(tmp_path)
    out = tmp_path / "out"
    result = run("build", bad, "--out", out, "--no-store")
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    line = _the_line_naming(result, bad)
    assert line.startswith("warning:") and "windows-1252" in line
    assert titles(out / "graph.ttl") == {"Minister Zoë Ménard opens the “Café Maritime” forum"}


def test_a_utf16_file_with_a_bom_is_read_correctly(tmp_path):
    out = tmp_path / "out"
    result = run("build", _utf16(tmp_path), "--out", out, "--no-store")
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert titles(out / "graph.ttl") == {"Minister Zoë Ménard opens the “Café Maritime” forum"}


STRICT_CASES = {**BAD_INPUTS, "cp1252": (_cp1252, "windows-1252")}


@pytest.mark.parametrize("kind", list(STRICT_CASES))
def test_strict_makes_any_problem_fatal_and_writes_nothing(kind, tmp_path):
    make, words = STRICT_CASES[kind]
    bad = make(tmp_path)
    out = tmp_path / "out"
    result = run("build", GOOD, bad, "--out", out, "--strict")
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    line = _the_line_naming(result, bad)
    assert words in line
    assert not out.exists()


def test_strict_with_only_good_files_builds(tmp_path):
    result = run("build", GOOD, "--out", tmp_path / "out", "--strict", "--no-store")
    assert result.exit_code == 0, result.output


# --- failed builds leave the previous output -------------------------------------------------

@pytest.fixture
def previous_output(tmp_path):
    out = tmp_path / "out"
    result = run("build", GOOD, "--out", out, "--quiet")
    assert result.exit_code == 0, result.output
    return out, snapshot(out)


def test_only_bad_inputs_exit_2_and_leave_the_previous_output(previous_output, tmp_path):
    out, before = previous_output
    result = run("build", _empty(tmp_path), _missing(tmp_path), "--out", out)
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "nothing to build" in result.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def test_a_non_conforming_graph_exits_1_and_leaves_the_previous_output(previous_output, monkeypatch):
    out, before = previous_output
    report = ValidationReport(conforms=False, violations=[
        Violation(focus="person:nobody", path="rdfs:label", message="invented failure",
                  constraint="MinCountConstraintComponent"),
    ])
    monkeypatch.setattr(build_module, "validate", lambda graph: report)
    result = run("build", CORPUS, "--out", out)
    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    assert "does not conform" in result.stderr and "person:nobody" in result.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def test_a_strict_failure_leaves_the_previous_output(previous_output, tmp_path):
    out, before = previous_output
    result = run("build", CORPUS, _binary(tmp_path), "--out", out, "--strict")
    assert result.exit_code == 2, result.output
    assert snapshot(out) == before


# --- kg validate -------------------------------------------------------------------------------

def test_validate_a_conforming_file_exits_0():
    result = run("validate", DATA / "small.ttl")
    assert result.exit_code == 0, result.output
    assert "Conforms" in result.stdout


def test_validate_an_invalid_graph_exits_1_naming_focus_node_path_and_message():
    result = run("validate", DATA / "invalid.ttl")
    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    assert "Does not conform" in result.stdout
    article = [line for line in result.stdout.splitlines() if "lighthouse-keepers-meet" in line
               and "dcterms:title" in line]
    assert len(article) == 1
    assert "exactly one dcterms:title" in article[0]
    person = [line for line in result.stdout.splitlines() if "person:oskar-wendel" in line]
    assert len(person) == 1
    assert "kg:mentionedIn" in person[0] and "at least one kg:Article" in person[0]


def test_validate_a_missing_file_exits_2_with_one_line(tmp_path):
    missing = tmp_path / "nope.ttl"
    result = run("validate", missing)
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nope.ttl" in result.stderr


def test_validate_an_unparsable_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/newskg/ontology#> .\nkg:a kg:b \"unterminated .\n",
                   encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "broken.ttl" in result.stderr


# --- kg info -----------------------------------------------------------------------------------

def test_info_prints_the_triples_and_each_class_count():
    result = run("info", DATA / "small.ttl")
    assert result.exit_code == 0, result.output
    assert summary(result.stdout) == {"triples": 12, "Article": 1, "Person": 2, "Organisation": 1,
                                      "Location": 0, "Post": 0, "Meeting": 0, "Partnership": 0}


def test_info_agrees_with_an_independent_count(tmp_path):
    result = run("info", DATA / "invalid.ttl")
    assert result.exit_code == 0, result.output
    assert summary(result.stdout) == class_counts(DATA / "invalid.ttl")


def test_info_on_a_missing_file_exits_2_with_one_line(tmp_path):
    result = run("info", tmp_path / "nope.ttl")
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nope.ttl" in result.stderr


def test_info_on_an_unparsable_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_bytes(b"\x00\x01 not turtle at all")
    result = run("info", bad)
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
