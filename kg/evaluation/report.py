"""An evaluation report as a dict (for JSON) and as a plain-text table (for people)."""

from __future__ import annotations

from typing import Any

from kg.evaluation.gold import ENTITY_TYPES
from kg.evaluation.score import TYPES, Report


def report_to_dict(report: Report) -> dict[str, Any]:
    """A JSON-ready dict of the report, with the same keys in the same order every time."""
    return {
        "scores": {
            kind: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                   "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                   **({"duplicates": report.duplicate_count(kind)} if kind in ENTITY_TYPES else {})}
            for kind, s in report.scores.items()
        },
        "duplicates": {kind: [{"gold": name, "nodes": nodes} for name, nodes in dups]
                       for kind, dups in report.duplicates.items()},
        "misses": {kind: list(items) for kind, items in report.misses.items()},
        "spurious": {kind: list(items) for kind, items in report.spurious.items()},
        "event_merges": [{"label": e.label, "articles": e.articles, "merged": e.merged,
                          "meetings": e.meetings} for e in report.event_merges],
        "articles_matched": list(report.articles_matched),
        "articles_unmatched": list(report.articles_unmatched),
    }


def _section(title: str, groups: dict[str, list[str]]) -> list[str]:
    """A titled list of items per type, leaving out empty types."""
    lines = [f"{title}:"]
    for kind in TYPES:
        for item in groups.get(kind, []):
            lines.append(f"  {kind}: {item}")
    return lines + (["  (none)"] if len(lines) == 1 else [])


def format_report(report: Report) -> str:
    """A plain-text table of the scores, then duplicates, event merges, misses and spurious."""
    lines = [f"{'type':<22}{'tp':>5}{'fp':>5}{'fn':>5}{'dup':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in TYPES:
        s = report.scores[kind]
        dup = str(report.duplicate_count(kind)) if kind in ENTITY_TYPES else "-"
        lines.append(f"{kind:<22}{s.tp:>5}{s.fp:>5}{s.fn:>5}{dup:>5}"
                     f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    total = len(report.articles_matched) + len(report.articles_unmatched)
    lines += ["", f"Articles matched: {len(report.articles_matched)} of {total}"]
    lines += [f"  unmatched: {title}" for title in report.articles_unmatched]
    lines += ["", "Event merges:"]
    lines += [f"  {'merged' if e.merged else 'NOT merged'}: {e.label} ({len(e.articles)} articles)"
              for e in report.event_merges] or ["  (none)"]
    lines += [""] + _section("Duplicates", {
        kind: [f"{name}: {', '.join(nodes)}" for name, nodes in dups]
        for kind, dups in report.duplicates.items()})
    lines += [""] + _section("Misses", report.misses)
    lines += [""] + _section("Spurious", report.spurious)
    return "\n".join(lines) + "\n"
