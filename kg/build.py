"""`kg build`: read sources, extract, build the graph, validate, write Turtle and the store.

Nothing is written unless the whole build succeeds and the graph conforms: the Turtle file is
replaced atomically and the embedded store is loaded into a fresh directory that is swapped in,
so a failed or interrupted build leaves the previous output as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF

from kg import atomic
from kg.errors import InputError, KgError, OutputError, ValidationFailed
from kg.extract import EXTRACTORS
from kg.extract.nlp import DEFAULT_MODEL
from kg.graph import build_graph
from kg.namespaces import DEFAULT_BASE, KG
from kg.reader import Article, Problem, read_sources
from kg.serialize import to_turtle
from kg.store import EmbeddedStore
from kg.validate import ValidationReport, validate

GRAPH_FILE = "graph.ttl"
STORE_DIR = "store"
#: The classes `kg info` and the build summary count, in this order.
SUMMARY_CLASSES = ("Article", "Person", "Organisation", "Location", "Post", "Meeting", "Partnership")


@dataclass
class BuildResult:
    """What a build did: where it wrote, what the graph holds, what went wrong on the way."""

    graph: Graph
    turtle: Path
    store: Path | None
    report: ValidationReport
    problems: list[Problem] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Triples, then resources per class."""
        return graph_counts(self.graph)


def graph_counts(graph: Graph) -> dict[str, int]:
    """How many triples the graph has, and how many resources of each core class."""
    by_class = Counter(graph.objects(None, RDF.type))
    counts = {"triples": len(graph)}
    for name in SUMMARY_CLASSES:
        counts[name] = by_class.get(getattr(KG, name), 0)
    return counts


def build(
    sources: Iterable[str | Path],
    out_dir: str | Path = "build",
    *,
    base: str = DEFAULT_BASE,
    model: str = DEFAULT_MODEL,
    strict: bool = False,
    jobs: int = 1,
    load_store: bool = True,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    extractor: str = "kg",
) -> BuildResult:
    """Build the knowledge graph of `sources` into `out_dir`; raise before writing anything on failure."""
    if extractor not in EXTRACTORS:
        raise KgError(f"unknown extractor '{extractor}'; choose one of: {', '.join(EXTRACTORS)}")
    read = read_sources(list(sources), strict=strict)
    for problem in read.problems:
        if on_problem is not None:
            on_problem(problem)
    if not read.articles:
        where = ", ".join(sorted({p.path for p in read.problems})) or "the sources"
        raise InputError(where, "no article found in any source; nothing to build")
    extraction = EXTRACTORS[extractor](read.articles, model, n_process=max(1, jobs), progress=on_article)
    graph = build_graph(read.articles, extraction, base)
    report = validate(graph)
    if not report.conforms:
        raise ValidationFailed(
            f"the built graph does not conform to the shapes ({len(report.violations)} problem(s)); "
            f"first: {report.violations[0].line()}; previous output left intact"
        )
    out = Path(out_dir)
    turtle = out / GRAPH_FILE
    text = to_turtle(graph, base)
    try:
        # Check the Turtle can be written before the store is swapped, so that one failure
        # never leaves a new store beside an old graph.ttl.
        out.mkdir(parents=True, exist_ok=True)
        if turtle.exists() and not turtle.is_file():
            raise IsADirectoryError(f"{turtle} is not a file")
        store = _swap_in_store(graph, out / STORE_DIR) if load_store else None
        atomic.write_text(turtle, text)
    except OSError as exc:
        raise OutputError(out, f"cannot write the output: {exc.strerror or exc}") from exc
    return BuildResult(graph=graph, turtle=turtle, store=store, report=report, problems=read.problems)


def _swap_in_store(graph: Graph, target: Path) -> Path:
    """Load a fresh embedded store beside `target`, then swap it in with renames."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        store = EmbeddedStore(fresh)
        store.load(graph)
        store.close()
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target
