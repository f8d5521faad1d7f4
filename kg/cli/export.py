"""`kg export`: write the graph as JSON-LD, Turtle, N-Triples or N-Quads."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from kg.cli.base import cli
from kg.errors import InputError
from kg.export import FORMATS, FRAMES, export, load_graph


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        _write_atomically(out, text)
    except OSError as exc:
        raise InputError(out, f"cannot write: {exc.strerror or exc}") from exc
    click.echo(f"wrote {fmt} to {out}", err=True)
