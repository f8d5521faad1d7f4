"""`kg info`: what a graph holds."""

from __future__ import annotations

from pathlib import Path

import click

from kg.build import graph_counts
from kg.cli.base import cli
from kg.cli.build import summary_table
from kg.store import read_graph


@cli.command()
@click.argument("file", default="build/graph.ttl", type=click.Path(path_type=Path))
def info(file: Path) -> None:
    """Count the triples and the resources of each class in FILE (default build/graph.ttl)."""
    click.echo(summary_table(graph_counts(read_graph(file))))
