"""Scoring a graph against gold: the figures per type, what was missed, spurious or duplicated."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from rdflib import Graph
from rdflib.term import Node

from kg.evaluation.gold import ENTITY_TYPES, Cluster, Gold, GoldArticle
from kg.evaluation.graphs import GraphView
from kg.names import fold, normalise_name, title_words
from kg.namespaces import KG, PROV, RDF, RDFS

log = logging.getLogger(__name__)

TYPES = ENTITY_TYPES + (
    "posts", "meeting_participants", "meeting_locations", "meeting_start_dates", "partnerships",
)
_CLASSES = {"persons": KG.Person, "organisations": KG.Organisation, "locations": KG.Location}

L = TypeVar("L", bound=Hashable)
R = TypeVar("R", bound=Hashable)


@dataclass
class Scores:
    """True positives, false positives and false negatives of one type, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was claimed."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Scores) -> None:
        """Accumulate another article's counts (micro-averaging)."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class EventMerge:
    """A meeting label found in several gold files, and whether one graph meeting covers them."""

    label: str
    articles: list[str]
    merged: bool
    meetings: list[str]  # IRIs of the meetings derived from all of those articles


@dataclass
class Report:
    """Everything `evaluate` measured."""

    scores: dict[str, Scores] = field(default_factory=lambda: {t: Scores() for t in TYPES})
    duplicates: dict[str, list[tuple[str, list[str]]]] = field(
        default_factory=lambda: {t: [] for t in ENTITY_TYPES})
    misses: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TYPES})
    spurious: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TYPES})
    event_merges: list[EventMerge] = field(default_factory=list)
    articles_matched: list[str] = field(default_factory=list)
    articles_unmatched: list[str] = field(default_factory=list)

    def duplicate_count(self, kind: str) -> int:
        """Extra graph nodes for gold entities of one type."""
        return sum(len(nodes) - 1 for _, nodes in self.duplicates.get(kind, []))


def max_matching(left: Sequence[L], edges: Callable[[L], Sequence[R]]) -> dict[L, R]:
    """A maximum one-to-one pairing of left items with the right items their edges allow."""
    owner: dict[R, L] = {}

    def augment(item: L, seen: set[R]) -> bool:
        for r in edges(item):
            if r not in seen:
                seen.add(r)
                if r not in owner or augment(owner[r], seen):
                    owner[r] = item
                    return True
        return False

    for item in left:
        augment(item, set())
    return {item: r for r, item in owner.items()}


class _Scorer:
    """One evaluation run: the graph view, the gold and the article matching."""

    def __init__(self, graph: Graph, gold: Gold) -> None:
        self.view = GraphView(graph)
        self.gold = gold
        self.report = Report()
        by_title = self.view.articles()
        # Graph article nodes of each gold article (empty when unmatched).
        self.nodes_of: list[set[Node]] = []
        for article in gold.articles:
            nodes = by_title.get(normalise_name(article.title), set())
            self.nodes_of.append(nodes)
            (self.report.articles_matched if nodes else self.report.articles_unmatched).append(
                article.title)
        self.matched_nodes = set().union(*self.nodes_of)

    def _sorted(self, nodes: set[Node]) -> list[Node]:
        return sorted(nodes, key=str)

    def _matches(self, node: Node, cluster: Cluster) -> bool:
        return bool(self.view.names(node) & cluster.names)

    def _derived(self, article_nodes: set[Node], cls: Node) -> list[Node]:
        """Nodes of class `cls` prov:wasDerivedFrom any of the given article nodes."""
        g = self.view.graph
        return self._sorted({s for a in article_nodes for s in g.subjects(PROV.wasDerivedFrom, a)
                             if (s, RDF.type, cls) in g})

    # -- persons, organisations, locations ---------------------------------------------------

    def entities(self, kind: str) -> None:
        """Corpus-level scoring of one entity type."""
        g, view = self.view.graph, self.view
        nodes = self._sorted({n for n in view.instances(_CLASSES[kind])
                              if set(g.objects(n, KG.mentionedIn)) & self.matched_nodes})
        clusters = self.gold.clusters[kind]
        by_node = {n: [c for c in clusters if self._matches(n, c)] for n in nodes}
        # Prefer pairing a node with the entity its main label names.
        for n, cs in by_node.items():
            cs.sort(key=lambda c: not (view.label_name(n) & c.names))
        by_cluster = {c: [n for n in nodes if c in by_node[n]] for c in clusters}
        pairs = max_matching(clusters, lambda c: by_cluster[c])
        paired_nodes = set(pairs.values())
        scores, extra = self.report.scores[kind], {c: [] for c in pairs}
        scores.tp = len(pairs)
        for c in clusters:
            if c not in pairs:
                scores.fn += 1
                self.report.misses[kind].append(c.name)
        for n in nodes:
            if n in paired_nodes:
                continue
            if by_node[n]:  # an augmenting search guarantees one of them is paired
                extra[next(c for c in by_node[n] if c in pairs)].append(n)
            elif not self._ignored(n):
                scores.fp += 1
                self.report.spurious[kind].append(view.display(n))
        self.report.duplicates[kind] = [
            (c.name, [str(pairs[c]), *map(str, more)]) for c, more in extra.items() if more]

    def _ignored(self, node: Node) -> bool:
        """Whether a name of the node is on the ignore list of a gold article mentioning it."""
        mentioned = set(self.view.graph.objects(node, KG.mentionedIn))
        return any(nodes & mentioned and self.view.names(node) & article.ignore
                   for article, nodes in zip(self.gold.articles, self.nodes_of))

    # -- posts --------------------------------------------------------------------------------

    def posts(self) -> None:
        """Corpus-level (person, title words, organisation) tuples."""
        g, view, cluster_of = self.view.graph, self.view, self.gold.cluster_of
        gold: dict[tuple, str] = {}
        for article in self.gold.articles:
            for post in article.posts:
                org = cluster_of[post.organisation] if post.organisation else None
                key = (cluster_of[post.person], title_words(post.title), org)
                gold.setdefault(key, f"{key[0].name}: {post.title} ({org.name if org else '-'})")
        found: dict[tuple, str] = {}
        for post in self._derived(self.matched_nodes, KG.Post):
            titles = list(g.objects(post, KG.title)) or list(g.objects(post, RDFS.label))
            title = str(min(titles, key=str)) if titles else ""
            target = min(g.objects(post, KG.postIn), key=str, default=None)
            for holder in self._sorted(set(g.subjects(KG.holdsPost, post))):
                key = (holder, title_words(title), target)
                found.setdefault(key, f"{view.display(holder)}: {title} ({view.display(target)})")

        def fits(gk: tuple, fk: tuple) -> bool:
            person, words, org = gk
            holder, fwords, target = fk
            return (self._matches(holder, person) and words == fwords
                    and (org is None or (target is not None and self._matches(target, org))))

        edges = {gk: [fk for fk in found if fits(gk, fk)] for gk in gold}
        self._tally("posts", gold, found, edges)

    def _tally(self, kind: str, gold: dict, found: dict, edges: dict) -> None:
        """Pair gold and found items; unpaired gold are misses, found items fitting nothing are spurious."""
        pairs = max_matching(list(gold), lambda gk: edges[gk])
        fitting = {fk for fks in edges.values() for fk in fks}
        scores = self.report.scores[kind]
        scores.tp += len(pairs)
        for gk, text in gold.items():
            if gk not in pairs:
                scores.fn += 1
                self.report.misses[kind].append(text)
        for fk, text in found.items():
            if fk not in fitting:
                scores.fp += 1
                self.report.spurious[kind].append(text)

    # -- meetings -----------------------------------------------------------------------------

    def meetings(self, article: GoldArticle, nodes: set[Node]) -> None:
        """Per-article sets of participants, locations and start dates."""
        view, cluster_of = self.view, self.gold.cluster_of
        meetings = self._derived(nodes, KG.Meeting)
        prefix = f"{article.title}: "
        for kind, prop, gold_entities in (
            ("meeting_participants", KG.participant, [p for m in article.meetings for p in m.participants]),
            ("meeting_locations", KG.location, [m.location for m in article.meetings if m.location]),
        ):
            gold = {cluster_of[e]: prefix + cluster_of[e].name for e in gold_entities}
            found = {n: prefix + view.display(n) for n in self._sorted(view.objects(meetings, prop))
                     if not (view.names(n) & article.ignore)}
            edges = {c: [n for n in found if self._matches(n, c)] for c in gold}
            self._tally(kind, gold, found, edges)
        gold_dates = {m.start: prefix + m.start for m in article.meetings if m.start}
        found_dates = {str(d)[:10]: prefix + str(d)[:10] for d in view.objects(meetings, KG.startDate)}
        self._tally("meeting_start_dates", gold_dates, dict(sorted(found_dates.items())),
                    {d: [d] if d in found_dates else [] for d in gold_dates})

    def event_merges(self) -> None:
        """For each meeting label in 2+ gold files: is one kg:Meeting derived from all of them?"""
        by_label: dict[str, list[int]] = {}
        labels: dict[str, str] = {}
        for i, article in enumerate(self.gold.articles):
            for m in article.meetings:
                key = fold(m.label)
                labels.setdefault(key, m.label)
                if i not in by_label.setdefault(key, []):
                    by_label[key].append(i)
        for key, indexes in by_label.items():
            if len(indexes) < 2:
                continue
            common: set[Node] | None = None
            for i in indexes:
                derived = set(self._derived(self.nodes_of[i], KG.Meeting))
                common = derived if common is None else common & derived
            self.report.event_merges.append(EventMerge(
                labels[key], [self.gold.articles[i].title for i in indexes], bool(common),
                sorted(map(str, common or ()))))

    # -- partnerships -------------------------------------------------------------------------

    def partnerships(self, article: GoldArticle, nodes: set[Node]) -> None:
        """Per-article partnerships as unordered sets of parties."""
        g, view, cluster_of = self.view.graph, self.view, self.gold.cluster_of
        prefix = f"{article.title}: "
        gold: dict[int, str] = {}
        parties_of: dict[int, list[set[str]]] = {}
        for i, parties in enumerate(article.partnerships):
            parties_of[i] = [set().union(*(cluster_of[e].names for e in p)) for p in parties]
            gold[i] = prefix + " + ".join(p[0].name for p in parties if p)
        found: dict[Node, str] = {}
        partners: dict[Node, list[Node]] = {}
        for p in self._derived(nodes, KG.Partnership):
            partners[p] = self._sorted(set(g.objects(p, KG.partner)))
            found[p] = prefix + " + ".join(view.display(n) for n in partners[p])

        def fits(i: int, p: Node) -> bool:
            parties, nodes_ = parties_of[i], partners[p]
            if len(parties) != len(nodes_):
                return False
            pairs = max_matching(list(range(len(parties))),
                                 lambda k: [n for n in nodes_ if view.names(n) & parties[k]])
            return len(pairs) == len(parties)

        edges = {i: [p for p in found if fits(i, p)] for i in gold}
        # A second graph partnership for an already paired gold one is an error here, so only
        # the paired ones count as fitting.
        pairs = max_matching(list(gold), lambda i: edges[i])
        self._tally("partnerships", gold, found, {i: [pairs[i]] if i in pairs else [] for i in gold})


def evaluate(graph: Graph, gold: Gold) -> Report:
    """Score a graph against gold annotations (rules in kg.evaluation's docstring)."""
    scorer = _Scorer(graph, gold)
    for kind in ENTITY_TYPES:
        scorer.entities(kind)
    scorer.posts()
    for article, nodes in zip(gold.articles, scorer.nodes_of):
        scorer.meetings(article, nodes)
        scorer.partnerships(article, nodes)
    scorer.event_merges()
    log.info("scored %d gold articles (%d matched)", len(gold.articles),
             len(scorer.report.articles_matched))
    return scorer.report
