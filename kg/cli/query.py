"""`kg query`: list, show and run the saved SPARQL questions of queries/*.rq."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.base import cli
from kg.cli.targets import echo_result, open_target, target_options
from kg.errors import QueryError
from kg.queries import SavedQuery, get_query, list_queries, run_saved


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
@target_options
def run_command(name: str, params: tuple[str, ...], store_dir: Path | None, endpoint: str | None,
                graph_file: Path | None, fmt: str, user: str | None, password: str | None,
                auth: str) -> None:
    """Run saved query NAME and print its results on stdout.

    Parameter values are bound as RDF terms of the declared type, never pasted into the query.
    """
    query = get_query(name)
    store = open_target(store_dir, endpoint, graph_file, user, password, auth)
    echo_result(run_saved(query, store, _raw_params(params)), fmt)
