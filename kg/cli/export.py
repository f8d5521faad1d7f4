"""`kg export`: write the graph as JSON-LD, Turtle, N-Triples or N-Quads."""

from __future__ import annotations

from pathlib import Path

import click

from kg.atomic import write_text
from kg.cli.base import cli
from kg.errors import InputError
from kg.export import FORMATS, FRAMES, export, load_graph


@cli.command("export")
@click.argument("graph", default="build/graph.ttl", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonld", show_default=True,
              help="Output syntax; jsonld is compact with the kg context embedded.")
@click.option("--frame", type=click.Choice(sorted(FRAMES)), default=None,
              help="JSON-LD only: one object per resource of this class, linked resources nested.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of stdout.")
def export_command(graph: Path, fmt: str, frame: str | None, out: Path | None) -> None:
    """Write GRAPH (default build/graph.ttl) as JSON-LD, Turtle, N-Triples or N-Quads."""
    if frame is not None and fmt != "jsonld":
        raise click.UsageError("--frame needs --format jsonld")
    text = export(load_graph(graph), fmt, frame=frame)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        write_text(out, text)
    except OSError as exc:
        raise InputError(out, f"cannot write: {exc.strerror or exc}") from exc
    click.echo(f"wrote {fmt} to {out}", err=True)
