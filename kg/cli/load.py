"""`kg load`: replace a graph in a remote triplestore with the content of an RDF file."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.base import cli
from kg.store import RemoteStore, read_graph


@cli.command("load")
@click.argument("file", default="build/graph.ttl", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--endpoint", required=True, help="SPARQL query endpoint URL of the store.")
@click.option("--graph", "graph_iri", help="Named graph to replace [default: the default graph].")
@click.option("--gsp-url", help="Graph Store Protocol URL, when it cannot be derived from "
                                "--endpoint (derived: Oxigraph /query -> /store, Virtuoso "
                                "/sparql -> /sparql-graph-crud[-auth], Fuseki /ds/query -> "
                                "/ds/data).")
@click.option("--user", help="User for the Graph Store endpoint.")
@click.option("--password", envvar="KG_PASSWORD", help="Password (or env KG_PASSWORD).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic",
              show_default=True, help="HTTP authentication scheme (Virtuoso uses digest).")
@click.option("--timeout", type=float, default=60, show_default=True, help="Seconds to wait.")
def load_command(file: Path, endpoint: str, graph_iri: str | None, gsp_url: str | None,
                 user: str | None, password: str | None, auth: str, timeout: float) -> None:
    """Replace a graph at ENDPOINT with FILE (default build/graph.ttl) in one HTTP PUT.

    The whole graph is sent at once, so a load the server rejects leaves the old graph as it
    was. Virtuoso has no writable default graph: pass --graph IRI (and --user dba --auth digest).
    """
    graph = read_graph(file)
    store = RemoteStore(endpoint, gsp_url=gsp_url, user=user, password=password, auth=auth,
                        timeout=timeout)
    store.load(graph, graph_iri)
    where = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    click.echo(f"loaded {len(graph)} triples from {file} into {where} at {endpoint}", err=True)
