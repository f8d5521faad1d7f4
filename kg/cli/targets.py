"""Options and helpers shared by the commands that query a store (`kg sparql`, `kg query run`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from kg.errors import StoreError
from kg.results import FORMATS, QueryResult, format_result
from kg.store import MemoryStore, Store, open_store, read_graph

DEFAULT_STORE = Path("build/store")

_OPTIONS = (
    click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
                 help="Embedded store directory [default: build/store]."),
    click.option("--endpoint", help="SPARQL endpoint URL to query instead."),
    click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
                 help="Query this RDF file (Turtle, N-Triples, ...) instead."),
    click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                 help="Result format; CONSTRUCT/DESCRIBE results are always Turtle."),
    click.option("--user", help="User for an endpoint that needs one."),
    click.option("--password", envvar="KG_PASSWORD", help="Password (or env KG_PASSWORD)."),
    click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
                 show_default=True, help="HTTP authentication scheme for --user."),
)


def target_options(command: Callable) -> Callable:
    """Add --store/--endpoint/--graph, --format and the authentication options to a command."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def open_target(store_dir: Path | None, endpoint: str | None, graph_file: Path | None,
                user: str | None, password: str | None, auth: str,
                alternatives: str = "--store/--endpoint/--graph") -> Store:
    """The store a command queries: an endpoint, a graph file, or the embedded store."""
    if sum(x is not None for x in (store_dir, endpoint, graph_file)) > 1:
        raise click.UsageError("give at most one of --store, --endpoint and --graph")
    if endpoint is not None:
        return open_store(endpoint, user=user, password=password, auth=auth)
    if graph_file is not None:
        return MemoryStore(read_graph(graph_file))
    directory = store_dir or DEFAULT_STORE
    if not directory.is_dir():
        raise StoreError(f"no store at {directory}; run `kg build` first or pass {alternatives}")
    return open_store(directory, create=False)


def echo_result(result: QueryResult, fmt: str) -> None:
    """Results on stdout; the row count of a SELECT on stderr."""
    click.echo(format_result(result, fmt), nl=False)
    if result.kind == "select":
        count = len(result.rows)
        click.echo(f"{count} row{'s' if count != 1 else ''}", err=True)
