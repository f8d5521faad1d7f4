"""`kg evaluate`: score a graph against a directory of gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.base import cli
from kg.evaluate import TYPES, evaluate, format_report, load_gold, load_scored, report_to_dict


def _parse_floor(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, float]:
    """TYPE=VALUE pairs into a dict, rejecting unknown types and values outside 0..1."""
    floors: dict[str, float] = {}
    for value in values:
        kind, sep, number = value.partition("=")
        if not sep or kind not in TYPES:
            raise click.BadParameter(f"{value!r}: expected TYPE=VALUE with TYPE one of {', '.join(TYPES)}")
        try:
            floors[kind] = float(number)
        except ValueError:
            raise click.BadParameter(f"{value!r}: {number!r} is not a number") from None
        if not 0.0 <= floors[kind] <= 1.0:
            raise click.BadParameter(f"{value!r}: the floor must lie between 0 and 1")
    return floors


@cli.command("evaluate")
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("gold_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--min-f1", "floors", multiple=True, callback=_parse_floor, metavar="TYPE=VALUE",
              help=f"Exit 1 when TYPE's F1 is below VALUE (repeatable). TYPE: {', '.join(TYPES)}.")
def evaluate_command(graph: Path, gold_dir: Path, as_json: bool, floors: dict[str, float]) -> None:
    """Score GRAPH (any RDF file) against the gold JSON files in GOLD_DIR.

    Prints precision, recall and F1 per type with the misses, spurious items and duplicates;
    exits 1 when a --min-f1 floor is not reached. GRAPH may also be a directory of gold files
    for the same articles: the figures are then the agreement between two annotations.
    """
    gold = load_gold(gold_dir)
    report = evaluate(load_scored(graph), gold)
    if as_json:
        click.echo(json.dumps(report_to_dict(report), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report), nl=False)
    below = [(k, report.scores[k].f1, v) for k, v in floors.items() if report.scores[k].f1 < v]
    for kind, f1, floor in below:
        click.echo(f"{kind}: F1 {f1:.3f} is below the floor {floor:.3f}", err=True)
    if below:
        raise click.exceptions.Exit(1)
