"""Time extraction against spaCy alone on the same text: kg's pipeline, the plain-spaCy baseline.

    python bench/extract_speed.py [SOURCES...] [--repeat R] [--runs 3] [--json]

The seed articles (or SOURCES) are repeated R times (default: enough for about 500 articles).
Progress goes to stderr; the table (or --json) to stdout. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kg.extract.baseline import extract_baseline
from kg.extract.nlp import DEFAULT_MODEL, load
from kg.extract.pipeline import article_text, extract
from kg.reader import Article, read_sources

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET_ARTICLES = 500
BATCH_SIZE = 16  # what kg build uses, for all three


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def best_times(jobs: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Best wall-clock seconds of each job over `runs` rounds, after one warm-up run of each.

    Each round runs every job once, in turn, so a slow spell on a shared machine falls on all
    of them rather than on whichever happened to be timed then.
    """
    for name, job in jobs.items():
        _log(f"warm-up: {name}")
        job()
    best = {name: math.inf for name in jobs}
    for round_ in range(1, runs + 1):
        for name, job in jobs.items():
            _log(f"run {round_}/{runs}: {name}")
            start = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def measure(articles: list[Article], model: str = DEFAULT_MODEL, runs: int = 3) -> dict[str, float]:
    """Seconds for spaCy alone, the kg extraction and the baseline on `articles`."""
    nlp = load(model)  # the same loaded pipeline for all three (load is cached)
    texts = [article_text(a) for a in articles]
    jobs = {
        "spacy": lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)),
        "kg": lambda: extract(articles, model, batch_size=BATCH_SIZE),
        "spacy-baseline": lambda: extract_baseline(articles, model, batch_size=BATCH_SIZE),
    }
    return best_times(jobs, runs)


def table(seconds: dict[str, float], articles: int) -> str:
    """Seconds, articles per second and the ratio to spaCy alone, one row per job."""
    rows = [f"{'job':<16}{'seconds':>10}{'articles/s':>12}{'x spaCy':>10}"]
    for name, value in seconds.items():
        rows.append(f"{name:<16}{value:>10.2f}{articles / value:>12.1f}{value / seconds['spacy']:>10.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table or JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[SEEDS],
                        help="article files or directories (default: seeds/)")
    parser.add_argument("--repeat", type=int, default=None,
                        help=f"copies of the articles (default: enough for ~{TARGET_ARTICLES})")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per job; the best counts")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="installed spaCy pipeline")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    read = read_sources(args.sources)
    if not read.articles:
        parser.error("no article found in the sources")
    repeat = args.repeat or max(1, math.ceil(TARGET_ARTICLES / len(read.articles)))
    articles = read.articles * repeat
    characters = sum(len(article_text(a)) for a in articles)
    seconds = measure(articles, args.model, max(1, args.runs))
    if args.json:
        print(json.dumps({
            "articles": len(articles), "distinct_articles": len(read.articles), "repeat": repeat,
            "characters": characters, "runs": args.runs, "model": args.model,
            "jobs": {name: {"seconds": round(value, 4),
                            "articles_per_second": round(len(articles) / value, 2),
                            "ratio_to_spacy": round(value / seconds["spacy"], 3)}
                     for name, value in seconds.items()},
        }, indent=2))
    else:
        print(f"{len(articles)} articles ({len(read.articles)} x {repeat}), {characters} characters, "
              f"model {args.model}, best of {args.runs} runs")
        print(table(seconds, len(articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
