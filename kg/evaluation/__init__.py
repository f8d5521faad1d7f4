"""Scoring a graph against gold annotation files (the measure in annotation-guidelines.md).

Rules, in the order they are applied:

- Names are compared with `kg.names.normalise_name`. A graph node's names are its rdfs:label and
  skos:altLabel values; a gold entity's names are its `name` and `aliases`.
- Gold articles are matched to graph kg:Article nodes by normalised dcterms:title (rdfs:label
  when a node has no title). Only graph content connected to matched articles is scored:
  entities kg:mentionedIn them, and meetings, partnerships and posts prov:wasDerivedFrom them,
  so a gold subset can score a bigger graph. Unmatched gold articles are reported and their
  gold still counts (as misses).
- Persons, organisations, locations are scored over the corpus. Gold entities of one type from
  different files are one entity when any of their names match (union-find). Graph nodes
  (kg:Person, kg:Organisation, kg:Location or any subclass) are paired one-to-one with gold
  entities sharing a name (a maximum matching): each pair is a TP, each gold entity left
  unpaired a FN. An unpaired node sharing a name with a gold entity is a duplicate (reported
  and counted apart, not a FP); an unpaired node sharing no name is a FP, unless one of its
  names is on the `ignore` list of a gold article that mentions it.
- Posts are (person, title words, organisation-or-None) tuples over the corpus; a graph post is
  (holder kg:holdsPost post, kg:title, kg:postIn target). Titles compare on their set of words
  ignoring "of", "the", "for", "and"; a gold organisation null accepts any or no kg:postIn.
  Graph tuples that match an already paired gold tuple (e.g. through a duplicate person node)
  are not counted again.
- Meetings, per gold article: the sets of participants, of locations and of start dates of its
  gold meetings against the union over the kg:Meeting nodes derived from that article; TP, FP
  and FN are summed over articles (micro-averaged). A second graph node for a paired gold
  participant or location is not counted again; names on the article's `ignore` list are not
  counted at all.
- Partnerships, per gold article: a graph partnership matches a gold one when its kg:partner
  nodes can be assigned one-to-one to the gold parties, each node sharing a name with one of
  the party's acceptable names (or their entities' aliases); summed over articles.
- Event merges: a meeting label found in two or more gold files is one real event; it is merged
  when one kg:Meeting is derived from all of those articles.
- A directory of gold files can stand in for the graph (`agreement.gold_as_graph`): one
  annotation scored against another gives the agreement between two annotators.
- An empty denominator counts as 1.0 (nothing claimed, nothing wrong; nothing to find).
"""

from kg.evaluation.agreement import gold_as_graph, load_scored
from kg.evaluation.gold import Cluster, Gold, GoldArticle, GoldEntity, load_gold
from kg.evaluation.graphs import load_graph
from kg.evaluation.report import format_report, report_to_dict
from kg.evaluation.score import TYPES, EventMerge, Report, Scores, evaluate

__all__ = ["TYPES", "Cluster", "EventMerge", "Gold", "GoldArticle", "GoldEntity", "Report",
           "Scores", "evaluate", "format_report", "gold_as_graph", "load_gold", "load_graph",
           "load_scored", "report_to_dict"]
