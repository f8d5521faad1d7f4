"""The shapes accept the model of docs/graph-model.md and reject broken data with readable messages.

Fixtures are data: tests/shapes/base.ttl is a complete conforming graph; each .ru file under
valid/ or invalid/ is a SPARQL Update applied to it, and an invalid one names in its first line
the focus node and the message the report must contain.
"""

from pathlib import Path

import pytest
from rdflib import Graph

from kg.validate import validate

HERE = Path(__file__).parent / "shapes"
BASE = HERE / "base.ttl"


def _variant(update_file: Path) -> Graph:
    graph = Graph().parse(BASE)
    graph.update(update_file.read_text(encoding="utf-8"))
    return graph


def _expectation(update_file: Path) -> tuple[str, str]:
    first = update_file.read_text(encoding="utf-8").splitlines()[0]
    focus, message = first.removeprefix("# expect:").split("|")
    return focus.strip(), message.strip()


def test_the_base_graph_conforms():
    report = validate(Graph().parse(BASE))
    assert report.conforms, report.text()


@pytest.mark.parametrize("fixture", sorted((HERE / "valid").glob("*.ru")), ids=lambda p: p.stem)
def test_valid_variants_conform(fixture):
    report = validate(_variant(fixture))
    assert report.conforms, report.text()


@pytest.mark.parametrize("fixture", sorted((HERE / "invalid").glob("*.ru")), ids=lambda p: p.stem)
def test_invalid_variants_are_rejected_naming_focus_node_and_message(fixture):
    focus, message = _expectation(fixture)
    report = validate(_variant(fixture))
    assert not report.conforms
    lines = [v.line() for v in report.violations]
    assert any(line.startswith(focus) and message in line for line in lines), "\n".join(lines)
    assert focus in report.text()
