"""Reading the graph to score, and the few questions the scorer asks of it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import InputError
from kg.names import normalise_name
from kg.namespaces import DCTERMS, KG, RDF, RDFS, SKOS

# The ontology's subclasses, so a graph that does not carry the ontology is still typed right.
_SUBCLASSES: dict[URIRef, set[URIRef]] = {KG.Location: {KG.Country, KG.City, KG.Region, KG.Facility}}


def load_graph(path: Path) -> Graph:
    """Parse an RDF file in the format its extension names."""
    path = Path(path)
    fmt = guess_format(str(path))
    if fmt is None:
        raise InputError(path, "unknown RDF file extension (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
    if not path.is_file():
        raise InputError(path, "no such file")
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated exception types for bad input
        text = " ".join(str(exc).split()) or type(exc).__name__  # one line, however rdflib wraps it
        raise InputError(path, f"cannot parse as {fmt}: {text[:300]}") from exc
    return graph


class GraphView:
    """Names, labels and typed instances of a graph, computed once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._names: dict[Node, frozenset[str]] = {}

    def names(self, node: Node) -> frozenset[str]:
        """Normalised rdfs:label and skos:altLabel values of a node."""
        if node not in self._names:
            labels = [*self.graph.objects(node, RDFS.label), *self.graph.objects(node, SKOS.altLabel)]
            self._names[node] = frozenset(filter(None, (normalise_name(str(x)) for x in labels)))
        return self._names[node]

    def label_name(self, node: Node) -> frozenset[str]:
        """Normalised rdfs:label values only (a node's main name)."""
        return frozenset(normalise_name(str(x)) for x in self.graph.objects(node, RDFS.label))

    def display(self, node: Node | None) -> str:
        """A readable name: the rdfs:label, else the IRI."""
        if node is None:
            return "-"
        label = min((str(x) for x in self.graph.objects(node, RDFS.label)), default=None)
        return label if label is not None else str(node)

    def instances(self, cls: URIRef) -> set[Node]:
        """Nodes typed `cls` or any subclass (declared in the graph or in the ontology)."""
        classes = {cls, *_SUBCLASSES.get(cls, ())}
        classes |= set(self.graph.transitive_subjects(RDFS.subClassOf, cls))
        return {s for c in classes for s in self.graph.subjects(RDF.type, c)}

    def articles(self) -> dict[str, set[Node]]:
        """kg:Article nodes by normalised dcterms:title (rdfs:label when untitled)."""
        found: dict[str, set[Node]] = {}
        for node in self.graph.subjects(RDF.type, KG.Article):
            titles = list(self.graph.objects(node, DCTERMS.title)) or list(
                self.graph.objects(node, RDFS.label))
            for title in titles:
                found.setdefault(normalise_name(str(title)), set()).add(node)
        return found

    def objects(self, nodes: Iterable[Node], prop: URIRef) -> set[Node]:
        """Every object of `prop` over the given subjects."""
        return {o for n in nodes for o in self.graph.objects(n, prop)}
