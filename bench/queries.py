"""Time every saved query on rdflib (MemoryStore) and on the embedded store over a synthetic corpus.

    python bench/queries.py --articles 10000 [--repeat 5] [--seed 0] [--budget 60] [--timeout 120] [--json]

Progress goes to stderr; the table (or --json) to stdout. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is scripts, not a package

from generate import generate  # noqa: E402

from kg.namespaces import KG, RDF, RDFS, SKOS  # noqa: E402
from kg.queries import SavedQuery, list_queries, run_saved  # noqa: E402
from kg.results import QueryResult  # noqa: E402
from kg.store import EmbeddedStore, MemoryStore, Store  # noqa: E402


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _top(graph: Graph, predicate: URIRef, cls: URIRef | None = None) -> URIRef:
    """The object of `predicate` that most subjects point to (ties broken by IRI)."""
    counts = Counter(o for o in graph.objects(None, predicate)
                     if cls is None or (o, RDF.type, cls) in graph)
    return min(counts, key=lambda o: (-counts[o], str(o)))


def example_values(graph: Graph) -> dict[str, str]:
    """A value for each parameter name the saved queries use, picked from the generated data."""
    person = _top(graph, KG.participant, KG.Person)
    org = _top(graph, KG.participant, KG.Organisation)
    place = _top(graph, KG.location, KG.City)
    party = _top(graph, KG.partner, KG.Country)
    post = _top(graph, KG.holdsPost)
    meeting = min(graph.subjects(KG.participant, person), key=str)  # a meeting of that person
    framework = min(str(o) for o in graph.objects(None, KG.framework))

    def label(node: URIRef) -> str:
        return str(graph.value(node, RDFS.label))

    short = min(str(a) for a in graph.objects(person, SKOS.altLabel))
    return {
        "person": f"<{person}>", "person_name": label(person),
        "entity": f"<{org}>", "entity_name": label(org),
        "organisation": f"<{org}>", "organisation_name": label(org),
        "place": f"<{place}>", "place_name": label(place),
        "party": f"<{party}>", "party_name": label(party),
        "post": f"<{post}>", "title": str(graph.value(post, KG.title)),
        "meeting": f"<{meeting}>", "fact": f"<{meeting}>",
        "class": f"<{KG.Country}>", "text": short, "framework_name": framework,
        "from": "2020-01-01", "to": "2020-12-31", "min_meetings": "2",
    }


def pick_params(query: SavedQuery, values: dict[str, str]) -> dict[str, str]:
    """The parameters a typical call would pass: the IRI ones if any, else the first string one."""
    params = list(query.params)
    chosen = [p for p in params if p.type == "IRI"] or [p for p in params if p.type == "string"][:1]
    chosen += [p for p in params if p.type in ("date", "integer")]
    chosen += [p for p in params if not p.optional and p not in chosen]
    return {p.name: values.get(p.name, p.example) for p in chosen}


def _size(result: QueryResult) -> int:
    if result.kind == "graph":
        return len(result.graph or ())
    if result.kind == "ask":
        return int(bool(result.boolean))
    return len(result.rows)


def time_query(run: Callable[[], QueryResult], repeat: int, budget: float) -> tuple[float, int, int]:
    """Median milliseconds over up to `repeat` runs (fewer once `budget` seconds are spent), runs, rows."""
    times: list[float] = []
    size = 0
    while len(times) < repeat and (not times or sum(times) < budget):
        start = time.perf_counter()
        size = _size(run())
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, len(times), size


def _child(run: Callable[[], QueryResult], repeat: int, budget: float, conn) -> None:
    try:
        conn.send(time_query(run, repeat, budget))
    except Exception as exc:  # a query the engine cannot run is a result worth reporting
        conn.send(" ".join(str(exc).split())[:200] or type(exc).__name__)
    conn.close()


def time_in_fork(run: Callable[[], QueryResult], repeat: int, budget: float,
                 timeout: float) -> tuple[float | None, int, int | None] | str:
    """time_query in a forked child (it shares the loaded graph), given up after `timeout` seconds.

    Returns the error message instead when the query fails.

    rdflib cannot be interrupted in-process, and some queries take it minutes on a large graph.
    """
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(run, repeat, budget, sender))
    proc.start()
    sender.close()
    result = receiver.recv() if receiver.poll(timeout) else None
    proc.terminate()
    proc.join()
    return result if result is not None else (None, 0, None)


def bench(articles: int, seed: int, repeat: int, budget: float, workdir: Path,
          timeout: float = 120.0) -> dict:
    """Generate, load both stores, time every saved query; a JSON-ready report."""
    t0 = time.perf_counter()
    graph = generate(articles, seed=seed)
    t_gen = time.perf_counter() - t0
    _log(f"generated {len(graph)} triples from {articles} articles in {t_gen:.1f} s")
    values = example_values(graph)

    queries = list_queries()
    rows = [{"query": q.name, "params": pick_params(q, values)} for q in queries]

    t0 = time.perf_counter()
    memory: Store = MemoryStore(graph)
    t_mem = time.perf_counter() - t0
    _log(f"loaded rdflib in {t_mem:.1f} s")
    # rdflib first, in forked children, before the embedded store starts its threads.
    for query, row in zip(queries, rows):
        outcome = time_in_fork(lambda: run_saved(query, memory, row["params"]), repeat, budget, timeout)
        if isinstance(outcome, str):
            row.update(rdflib_ms=None, rdflib_runs=0, rdflib_rows=None, rdflib_error=outcome)
            _log(f"  rdflib {query.name}: failed: {outcome}")
            continue
        ms, runs, size = outcome
        row.update(rdflib_ms=None if ms is None else round(ms, 2), rdflib_runs=runs, rdflib_rows=size)
        _log(f"  rdflib {query.name}: " + (f"{ms:.1f} ms" if ms is not None else f"> {timeout:.0f} s"))

    t0 = time.perf_counter()
    embedded = EmbeddedStore(workdir / "store")
    embedded.load(graph)
    t_emb = time.perf_counter() - t0
    _log(f"loaded embedded in {t_emb:.1f} s")
    for query, row in zip(queries, rows):
        ms, runs, size = time_query(lambda: run_saved(query, embedded, row["params"]), repeat, budget)
        row.update(embedded_ms=round(ms, 2), embedded_runs=runs, embedded_rows=size)
        if "rdflib_error" in row:
            row["ratio"] = None
        else:
            rdflib_ms = row["rdflib_ms"] if row["rdflib_ms"] is not None else timeout * 1000
            # With a timed-out rdflib run the ratio is a lower bound (the table marks it with ">").
            row["ratio"] = round(rdflib_ms / max(ms, 1e-3), 1)
        _log(f"  embedded {query.name}: {ms:.1f} ms")
    embedded.close()
    return {
        "articles": articles, "seed": seed, "triples": len(graph), "repeat": repeat,
        "timeout_s": timeout,
        "load_s": {"generate": round(t_gen, 2), "rdflib": round(t_mem, 2), "embedded": round(t_emb, 2)},
        "queries": rows,
    }


def table(report: dict) -> str:
    """The report as a plain-text table."""
    head = f"{'query':<32} {'rows':>7} {'rdflib ms':>11} {'embedded ms':>12} {'ratio':>7}"
    lines = [f"{report['articles']} articles, {report['triples']} triples, seed {report['seed']}, "
             f"median of up to {report['repeat']} runs", head, "-" * len(head)]
    for r in report["queries"]:
        rows = str(r["embedded_rows"])
        if r["rdflib_rows"] is not None and r["rdflib_rows"] != r["embedded_rows"]:
            rows = f"{r['rdflib_rows']}/{rows}!"  # the engines disagree: worth a look
        if "rdflib_error" in r:
            rdflib, ratio = "error", "-"
        elif r["rdflib_ms"] is None:
            rdflib, ratio = f"> {report['timeout_s'] * 1000:.0f}", f"> {r['ratio']:.0f}"
        else:
            rdflib, ratio = f"{r['rdflib_ms']:.1f}", f"{r['ratio']:.1f}"
        lines.append(f"{r['query']:<32} {rows:>7} {rdflib:>11} {r['embedded_ms']:>12.1f} {ratio:>7}")
    for r in report["queries"]:
        if "rdflib_error" in r:
            lines.append(f"rdflib error in {r['query']}: {r['rdflib_error']}")
    load = report["load_s"]
    lines.append(f"load: generate {load['generate']:.1f} s, rdflib {load['rdflib']:.1f} s, "
                 f"embedded {load['embedded']:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="RNG seed of the generator (default 0)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and engine (default 5)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="stop repeating a query on an engine after this many seconds (default 60)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="give up on a query on rdflib after this many seconds (default 120)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        report = bench(args.articles, args.seed, args.repeat, args.budget, Path(tmp), args.timeout)
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
