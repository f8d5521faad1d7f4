"""`kg build`: the main job."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.build import build as run_build
from kg.cli.base import cli
from kg.extract import EXTRACTORS
from kg.extract.nlp import DEFAULT_MODEL
from kg.namespaces import DEFAULT_BASE


def summary_table(counts: dict[str, int]) -> str:
    """Counts as a two-column table."""
    width = max(len(k) for k in counts)
    return "\n".join(f"{name.ljust(width)}  {value:>7}" for name, value in counts.items())


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Output directory: graph.ttl and the embedded store store/.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of minted resources.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Any installed spaCy pipeline.")
@click.option("--strict", is_flag=True, help="Make any input problem (even a warning) fatal.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for spaCy.")
@click.option("--extractor", default="kg", show_default=True, type=click.Choice(list(EXTRACTORS)),
              help="kg: the full pipeline. spacy-baseline: spaCy's PERSON, ORG and GPE/LOC/FAC "
                   "entities as tagged, no posts, meetings or partnerships (to compare against).")
@click.option("--no-store", is_flag=True, help="Write the Turtle only; do not load the embedded store.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
def build(sources: tuple[Path, ...], out_dir: Path, base: str, model: str, strict: bool, jobs: int,
          extractor: str, no_store: bool, quiet: bool) -> None:
    """Build the graph of SOURCES (files or directories; default seeds/) into --out.

    Reads plain-text press releases (one or many articles per file, or news listings) and JSON
    Lines files (title, date, body, url, publisher). The graph is validated with SHACL before
    anything is written. Exit codes: 0 built; 1 the graph does not conform; 2 bad input or usage.
    """
    progress = sys.stderr.isatty() and not quiet
    count = [0]

    def on_problem(problem) -> None:
        label = "error" if problem.fatal else "warning"
        click.echo(f"{label}: {problem}", err=True)

    def on_article(article) -> None:
        count[0] += 1
        if progress:
            click.echo(f"\r  extracted {count[0]} article(s)", err=True, nl=False)

    result = run_build(sources or (Path("seeds"),), out_dir, base=base, model=model, strict=strict,
                       jobs=jobs, load_store=not no_store, on_problem=on_problem, on_article=on_article,
                       extractor=extractor)
    if progress:
        click.echo("", err=True)
    if not quiet:
        click.echo(f"Built {result.turtle}" + (f" and {result.store}" if result.store else "")
                   + " (validated: conforms)", err=True)
        click.echo(summary_table(result.counts), err=True)
