"""Write a graph as JSON-LD (compact or framed), Turtle, N-Triples or N-Quads, deterministically."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.util import guess_format

from kg import resources
from kg.errors import InputError, KgError
from kg.namespaces import DEFAULT_BASE, KG, PREFIXES, RDF

log = logging.getLogger(__name__)

FORMATS = ("jsonld", "turtle", "ntriples", "nquads")

#: frame name -> (class whose instances are the top-level nodes, how many links deep to embed)
FRAMES: dict[str, tuple[URIRef, int]] = {
    "meeting": (KG.Meeting, 2),
    "person": (KG.Person, 2),
    "organisation": (KG.Organisation, 2),
}

# Back-links to articles can number hundreds per entity; frames keep them as references.
_NOT_EMBEDDED = frozenset({KG.mentionedIn})

# Characters after which an IRI may be cut into prefix + local part (JSON-LD 1.1 gen-delims).
_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")

Json = Any


def load_context() -> dict[str, Json]:
    """The shipped JSON-LD context (the object under "@context" in ontology/context.jsonld)."""
    return json.loads(resources.read_text("ontology", "context.jsonld"))["@context"]


@dataclass(frozen=True)
class _Term:
    name: str
    iri: str
    type: str | None  # "@id", "@vocab", a datatype IRI, or None
    is_set: bool


class _Compactor:
    """Compaction against one fixed context: enough of JSON-LD for flat RDF graphs, nothing more."""

    def __init__(self, context: dict[str, Json]) -> None:
        self.type_key = next((k for k, v in context.items() if v == "@type"), "@type")
        self.prefixes: list[tuple[str, str]] = []
        raw: dict[str, Json] = {}
        for name, value in context.items():
            if name.startswith("@") or value == "@type":
                continue
            raw[name] = value
            if isinstance(value, str) and "://" in value and value.endswith(_GEN_DELIMS):
                self.prefixes.append((name, value))
        # Longest namespace first, so the most specific prefix wins.
        self.prefixes.sort(key=lambda p: (-len(p[1]), p[0]))
        self.terms: dict[str, _Term] = {}
        for name, value in raw.items():
            if (name, value) in self.prefixes:
                continue
            spec = value if isinstance(value, dict) else {"@id": value}
            coerce = spec.get("@type")
            if coerce and coerce not in ("@id", "@vocab"):
                coerce = self._expand(coerce)
            self.terms[name] = _Term(name, self._expand(spec["@id"]), coerce,
                                     spec.get("@container") == "@set")
        # One term per property IRI; terms are chosen by IRI alone (values adapt to the term).
        self.by_iri: dict[str, _Term] = {}
        for term in sorted(self.terms.values(), key=lambda t: t.name):
            self.by_iri.setdefault(term.iri, term)

    def _expand(self, value: str) -> str:
        prefix, _, local = value.partition(":")
        for name, ns in self.prefixes:
            if name == prefix:
                return ns + local
        return value

    def iri(self, iri: str, *, vocab: bool) -> str:
        """Shortest safe form: a term (only where IRIs are vocabulary-relative), a CURIE, or the IRI."""
        if vocab:
            term = self.by_iri.get(iri)
            if term is not None and term.type is None and not term.is_set:
                return term.name
        for name, ns in self.prefixes:
            local = iri[len(ns):]
            # A local part starting with "//" would not be read back as a compact IRI.
            if iri.startswith(ns) and local and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    def node_id(self, node: URIRef | BNode) -> str:
        """The @id string of a subject or object node."""
        if isinstance(node, BNode):
            return f"_:{node}"
        return self.iri(str(node), vocab=False)

    def value(self, obj: Any, term: _Term | None) -> Json:
        """An RDF object as a JSON-LD value under `term` (None: a key with no coercion)."""
        coerce = term.type if term else None
        if isinstance(obj, Literal):
            if obj.language:
                return {"@value": str(obj), "@language": obj.language}
            if obj.datatype is None:
                return str(obj) if coerce is None else {"@value": str(obj)}
            if coerce == str(obj.datatype):
                return str(obj)
            return {"@value": str(obj), "@type": self.iri(str(obj.datatype), vocab=True)}
        if coerce == "@id" and isinstance(obj, (URIRef, BNode)):
            return self.node_id(obj)
        if coerce == "@vocab" and isinstance(obj, URIRef):
            short = self.iri(str(obj), vocab=True)
            # A bare string under @vocab coercion that is no term would not expand back.
            if short in self.terms or ":" in short:
                return short
        return {"@id": self.node_id(obj)}

    def key(self, predicate: URIRef) -> tuple[str, _Term | None]:
        """The JSON key for a property and the term behind it, if any."""
        term = self.by_iri.get(str(predicate))
        if term is not None:
            return term.name, term
        return self.iri(str(predicate), vocab=True), None


def _sort_key(value: Json) -> tuple[int, str, str]:
    if isinstance(value, str):
        return (0, value, "")
    return (1, str(value.get("@id", "")), json.dumps(value, sort_keys=True, ensure_ascii=False))


class _Writer:
    """Builds node objects for subjects of one graph, embedding linked nodes up to a depth."""

    def __init__(self, graph: Graph, compactor: _Compactor) -> None:
        self.graph = graph
        self.c = compactor

    def node(self, subject: URIRef | BNode, depth: int = 0,
             path: frozenset[Any] = frozenset()) -> dict[str, Json]:
        """The node object of `subject`; objects with their own triples are embedded `depth` deep."""
        c = self.c
        types: list[str] = []
        props: dict[str, tuple[_Term | None, list[Json]]] = {}
        for p, o in self.graph.predicate_objects(subject):
            if p == RDF.type and isinstance(o, (URIRef, BNode)):
                types.append(c.iri(str(o), vocab=True) if isinstance(o, URIRef) else c.node_id(o))
                continue
            key, term = c.key(p)
            if (depth > 0 and isinstance(o, (URIRef, BNode)) and o not in path
                    and p not in _NOT_EMBEDDED and not (term and term.type == "@vocab")
                    and (o, None, None) in self.graph):
                value = self.node(o, depth - 1, path | {subject})
            else:
                value = c.value(o, term)
            props.setdefault(key, (term, []))[1].append(value)
        out: dict[str, Json] = {"@id": c.node_id(subject)}
        if types:
            out[c.type_key] = sorted(types) if len(types) > 1 else types[0]
        for key in sorted(props):
            term, values = props[key]
            values.sort(key=_sort_key)
            out[key] = values if (len(values) > 1 or (term and term.is_set)) else values[0]
        return out


def _subjects(graph: Graph, cls: URIRef | None) -> list[URIRef | BNode]:
    if cls is None:
        found: Iterable[Any] = graph.subjects(unique=True)
    else:
        found = graph.subjects(RDF.type, cls, unique=True)
    return sorted(set(found), key=lambda s: (isinstance(s, BNode), str(s)))


def to_jsonld(graph: Graph, *, frame: str | None = None) -> str:
    """Compact JSON-LD with the shipped context embedded; `frame` nests resources around one class."""
    context = load_context()
    writer = _Writer(graph, _Compactor(context))
    if frame is None:
        nodes = [writer.node(s) for s in _subjects(graph, None)]
    else:
        if frame not in FRAMES:
            raise KgError(f"unknown frame {frame!r}; available: {', '.join(sorted(FRAMES))}")
        cls, depth = FRAMES[frame]
        nodes = [writer.node(s, depth) for s in _subjects(graph, cls)]
    doc = {"@context": context, "@graph": nodes}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _sorted_lines(text: str) -> str:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "".join(line + "\n" for line in lines)


def _turtle(graph: Graph) -> str:
    try:
        from kg.serialize import to_turtle  # the project's deterministic writer, when present
    except ImportError:
        to_turtle = None
    if to_turtle is not None:
        return to_turtle(graph)
    out = Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True, replace=True)
    out.bind("id", DEFAULT_BASE, override=True, replace=True)
    for triple in graph:
        out.add(triple)
    return out.serialize(format="turtle")


def export(graph: Graph, fmt: str, *, frame: str | None = None) -> str:
    """The graph as text in `fmt` ("jsonld", "turtle", "ntriples" or "nquads"); same graph, same text."""
    if frame is not None and fmt != "jsonld":
        raise KgError(f"--frame works only with the jsonld format, not {fmt!r}")
    if fmt == "jsonld":
        return to_jsonld(graph, frame=frame)
    if fmt == "turtle":
        return _turtle(graph)
    if fmt == "ntriples":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "nquads":
        # A plain graph is the default graph: its N-Triples lines are valid N-Quads.
        nq = "nquads" if graph.context_aware else "nt"
        return _sorted_lines(graph.serialize(format=nq))
    raise KgError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file, its syntax guessed from the suffix (Turtle when unknown)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file (run `kg build` first, or name a graph file)")
    fmt = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds; all mean the same to the user
        # One line: parser messages span several lines and quote raw bytes.
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError(path, f"not valid {fmt}: {detail}") from exc
    log.info("read %d triples from %s", len(graph), path)
    return graph
