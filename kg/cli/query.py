"""`kg query`: list, show and run the saved SPARQL questions of queries/*.rq."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.base import cli
from kg.errors import QueryError, StoreError
from kg.queries import SavedQuery, get_query, list_queries, run_saved
from kg.results import format_result
from kg.store import Store, open_store

DEFAULT_STORE = Path("build/store")
FORMATS = ("table", "csv", "tsv", "json")


def _signature(query: SavedQuery) -> str:
    """Parameters as a usage line: required ones bare, optional ones in brackets."""
    return " ".join(p.name if not p.optional else f"[{p.name}]" for p in query.params)


def _raw_params(params: tuple[str, ...]) -> dict[str, str]:
    raw: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {param!r} is not key=value")
        if name.strip() in raw:
            raise QueryError(f"--param {name.strip()} is given twice")
        raw[name.strip()] = value
    return raw


def _target(store_dir: Path | None, endpoint: str | None, graph_file: Path | None,
            user: str | None, password: str | None, auth: str) -> Store:
    if sum(x is not None for x in (store_dir, endpoint, graph_file)) > 1:
        raise click.UsageError("give at most one of --store, --endpoint and --graph")
    if endpoint is not None:
        return open_store(endpoint, user=user, password=password, auth=auth)
    if graph_file is not None:
        return open_store(graph_file)
    directory = store_dir or DEFAULT_STORE
    if not directory.is_dir():
        raise StoreError(f"no store at {directory}; run `kg build` first or pass "
                         "--store/--endpoint/--graph")
    return open_store(directory, create=False)


@cli.group("query")
def query_group() -> None:
    """Saved questions about the graph: list them, show one, run one."""


@query_group.command("list")
def list_command() -> None:
    """List the saved queries: name, title and parameters ([optional])."""
    queries = list_queries()
    width = max(len(q.name) for q in queries)
    title_width = max(len(q.title) for q in queries)
    for query in queries:
        line = f"{query.name.ljust(width)}  {query.title.ljust(title_width)}  {_signature(query)}"
        click.echo(line.rstrip())


@query_group.command("show")
@click.argument("name")
def show_command(name: str) -> None:
    """Print the text of saved query NAME (its header documents the parameters)."""
    click.echo(get_query(name).text, nl=False)


@query_group.command("run")
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query (repeatable), e.g. --param person_name='Mark Rutte'. "
                   "IRIs as <https://...> or id:person/x; dates as YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Aligned table, CSV, TSV or SPARQL results JSON.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Embedded store directory [default: build/store].")
@click.option("--endpoint", help="SPARQL endpoint URL to query instead.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Query this RDF file (Turtle, N-Triples, ...) instead.")
@click.option("--user", help="User for an endpoint that needs one.")
@click.option("--password", envvar="KG_PASSWORD", help="Password (or env KG_PASSWORD).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help="HTTP authentication scheme for --user.")
def run_command(name: str, params: tuple[str, ...], fmt: str, store_dir: Path | None,
                endpoint: str | None, graph_file: Path | None, user: str | None,
                password: str | None, auth: str) -> None:
    """Run saved query NAME and print its results on stdout.

    Parameter values are bound as RDF terms of the declared type, never pasted into the query.
    """
    query = get_query(name)
    raw = _raw_params(params)
    store = _target(store_dir, endpoint, graph_file, user, password, auth)
    result = run_saved(query, store, raw)
    click.echo(format_result(result, fmt), nl=False)
    count = len(result.rows)
    click.echo(f"{count} row{'s' if count != 1 else ''}", err=True)
