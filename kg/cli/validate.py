"""`kg validate`: check a graph file against the shapes."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.base import cli
from kg.store import read_graph
from kg.validate import validate as run_validate


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
def validate(file: Path) -> None:
    """Validate FILE (Turtle or any RDF format) with the SHACL shapes and the ontology.

    Exit codes: 0 conforms; 1 does not conform (the report names focus node, path and message);
    2 the file could not be read.
    """
    report = run_validate(read_graph(file))
    click.echo(report.text())
    raise SystemExit(0 if report.conforms else 1)
