"""`kg sparql`: run an ad-hoc SPARQL query on the built store, a graph file or an endpoint."""

from __future__ import annotations

import re
from pathlib import Path

import click

from kg.binding import parse_term
from kg.cli.base import cli
from kg.cli.targets import echo_result, open_target, target_options
from kg.errors import InputError, QueryError
from kg.namespaces import PREFIXES
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
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME (repeatable). VALUE is <iri> for an IRI, text^^xsd:date or "
                   "text^^<datatype-iri> for a typed literal, text@en for a language-tagged "
                   "literal, anything else a plain string (so 2025-05-28 stays a string).")
@target_options
def sparql_command(query_or_file: str, params: tuple[str, ...], store_dir: Path | None,
                   endpoint: str | None, graph_file: Path | None, fmt: str, user: str | None,
                   password: str | None, auth: str) -> None:
    """Run QUERY_OR_FILE (SPARQL text or a .rq file) and print the results on stdout.

    The target is the embedded store `kg build` writes (build/store) unless --store,
    --endpoint or --graph names another. Values given with --param are bound as RDF terms
    in a VALUES block, never pasted into the query text.
    """
    query = _query_text(query_or_file)
    bindings = _bindings(params)
    store = open_target(store_dir, endpoint, graph_file, user, password, auth,
                        alternatives="--endpoint/--graph")
    echo_result(store.query(query, bindings), fmt)
