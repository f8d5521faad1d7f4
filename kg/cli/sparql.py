"""`kg sparql`: run an ad-hoc SPARQL query on the built store, a graph file or an endpoint."""

from __future__ import annotations

import re
from pathlib import Path

import click

from kg.binding import parse_term
from kg.cli.base import cli
from kg.errors import InputError, QueryError, StoreError
from kg.namespaces import PREFIXES
from kg.results import FORMATS, format_result
from kg.store import MemoryStore, open_store, read_graph

DEFAULT_STORE = Path("build/store")
# What a query text starts with, after comments; anything else is taken for a file name.
_QUERY_START = re.compile(r"(?:\s*#[^\n]*\n)*\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
                          re.IGNORECASE)


def _query_text(query_or_file: str) -> str:
    if _QUERY_START.match(query_or_file):
        return query_or_file
    path = Path(query_or_file)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read: {exc}") from exc
    if path.suffix == ".rq":
        raise InputError(path, "no such file")
    raise QueryError(f"{query_or_file[:60]!r} is neither a SPARQL query (SELECT, ASK, CONSTRUCT, "
                     "DESCRIBE, PREFIX or BASE first) nor a .rq file")


def _bindings(params: tuple[str, ...]) -> dict:
    bindings = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {param!r} is not name=value")
        bindings[name] = parse_term(value, PREFIXES)
    return bindings


@cli.command("sparql")
@click.argument("query_or_file")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Embedded store directory [default: build/store].")
@click.option("--endpoint", help="SPARQL endpoint URL to query instead.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Query this RDF file (Turtle, N-Triples, ...) instead.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Result format; CONSTRUCT/DESCRIBE results are always Turtle.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME (repeatable). VALUE is <iri> for an IRI, text^^xsd:date or "
                   "text^^<datatype-iri> for a typed literal, text@en for a language-tagged "
                   "literal, anything else a plain string (so 2025-05-28 stays a string).")
@click.option("--user", help="User for an endpoint that needs one.")
@click.option("--password", envvar="KG_PASSWORD", help="Password (or env KG_PASSWORD).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help="HTTP authentication scheme for --user.")
def sparql_command(query_or_file: str, store_dir: Path | None, endpoint: str | None,
                   graph_file: Path | None, fmt: str, params: tuple[str, ...], user: str | None,
                   password: str | None, auth: str) -> None:
    """Run QUERY_OR_FILE (SPARQL text or a .rq file) and print the results on stdout.

    The target is the embedded store `kg build` writes (build/store) unless --store,
    --endpoint or --graph names another. Values given with --param are bound as RDF terms
    in a VALUES block, never pasted into the query text.
    """
    if sum(x is not None for x in (store_dir, endpoint, graph_file)) > 1:
        raise click.UsageError("give at most one of --store, --endpoint and --graph")
    query = _query_text(query_or_file)
    bindings = _bindings(params)
    if endpoint is not None:
        store = open_store(endpoint, user=user, password=password, auth=auth)
    elif graph_file is not None:
        store = MemoryStore(read_graph(graph_file))
    else:
        directory = store_dir or DEFAULT_STORE
        if not directory.is_dir():
            raise StoreError(f"no store at {directory}; run `kg build` first or pass "
                             "--endpoint/--graph")
        store = open_store(directory, create=False)
    result = store.query(query, bindings)
    click.echo(format_result(result, fmt), nl=False)
    if result.kind == "select":
        click.echo(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}", err=True)
