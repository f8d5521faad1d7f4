"""Scoring a graph against gold: the public API (the rules are in kg.evaluation's docstring)."""

from kg.evaluation import (TYPES, EventMerge, Gold, Report, Scores, evaluate, format_report,
                           gold_as_graph, load_gold, load_graph, load_scored, report_to_dict)

__all__ = ["TYPES", "EventMerge", "Gold", "Report", "Scores", "evaluate", "format_report",
           "gold_as_graph", "load_gold", "load_graph", "load_scored", "report_to_dict"]
