"""Extraction quality is measured, not hoped for: scores on gold must not fall below their floors.

The floors are the figures measured when they were set, less a small margin for harmless
changes; raise them as extraction improves. Every gold set here is a development set: the
seeds, and corpora of invented releases (bench/unseen, bench/heldout, bench/final, bench/blind,
bench/dev2 to bench/dev11) written by annotators who never saw the extractor, whose errors have
since been read while improving it, so they overstate how well extraction generalises. The
honest measures are the blind sets that no test or rule looks at (bench/blind2 to bench/blind9;
see the README).
"""

from pathlib import Path

import pytest

from kg.build import build
from kg.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parents[1]

KINDS = ("persons", "organisations", "locations", "posts", "meeting_participants", "meeting_locations",
         "meeting_start_dates", "partnerships")
# corpus: (articles, gold, floors in the order of KINDS)
CORPORA = {
    "seeds": ("seeds", "tests/gold", (0.99, 0.95, 0.97, 0.98, 0.90, 0.92, 0.90, 0.89)),
    "unseen": ("bench/unseen/articles", "bench/unseen/gold", (0.98, 0.97, 0.96, 0.96, 0.94, 0.99, 0.96, 0.94)),
    # heldout's participants fell from 0.946 to 0.926 when visited bodies became participants (as
    # most golds have them): "experts will visit the Ministry of Defence of X" and "visited the
    # International Criminal Court" add two its gold leaves out.
    "heldout": ("bench/heldout/articles", "bench/heldout/gold", (0.99, 0.95, 0.99, 0.93, 0.92, 0.96, 0.99, 0.93)),
    "final": ("bench/final/articles", "bench/final/gold", (0.99, 0.93, 0.96, 0.91, 0.92, 0.89, 0.94, 0.89)),
    # blind's posts fell from 0.939 to 0.922 when "the President of the Republic, X" became the
    # office "President", as nearly every other gold has it; this one gold writes the longer title.
    "blind": ("bench/blind/articles", "bench/blind/gold", (0.97, 0.94, 0.96, 0.91, 0.93, 0.97, 0.99, 0.89)),
    # dev2's meeting locations fell from 0.857 to 0.821 when "the X Secretariat in Jeddah" became two
    # places (the city is a place of its own): one meeting is now placed in the city its gold does not give.
    "dev2": ("bench/dev2/articles", "bench/dev2/gold", (0.96, 0.93, 0.94, 0.91, 0.93, 0.81, 0.95, 0.91)),
    # dev3's start dates fell from 0.941 to 0.923 when "CITY/CITY, date" datelines became places: a
    # visit's summary placed by its dateline city now counts as a meeting of its own (dev5's gold
    # has one such; dev3's does not).
    "dev3": ("bench/dev3/articles", "bench/dev3/gold", (0.98, 0.92, 0.94, 0.84, 0.93, 0.81, 0.92, 0.89)),
    "dev4": ("bench/dev4/articles", "bench/dev4/gold", (0.99, 0.96, 0.97, 0.91, 0.95, 0.80, 0.96, 0.85)),
    "dev5": ("bench/dev5/articles", "bench/dev5/gold", (0.97, 0.91, 0.94, 0.92, 0.88, 0.84, 0.97, 0.92)),
    "dev6": ("bench/dev6/articles", "bench/dev6/gold", (0.98, 0.93, 0.94, 0.88, 0.88, 0.88, 0.97, 0.83)),
    "dev7": ("bench/dev7/articles", "bench/dev7/gold", (0.98, 0.87, 0.96, 0.92, 0.90, 0.86, 0.99, 0.78)),
    "dev8": ("bench/dev8/articles", "bench/dev8/gold", (0.97, 0.85, 0.95, 0.89, 0.87, 0.78, 0.95, 0.73)),
    "dev9": ("bench/dev9/articles", "bench/dev9/gold", (0.93, 0.91, 0.93, 0.74, 0.90, 0.78, 0.99, 0.79)),
    "dev10": ("bench/dev10/articles", "bench/dev10/gold", (0.95, 0.86, 0.87, 0.76, 0.85, 0.65, 0.95, 0.84)),
    "dev11": ("bench/dev11/articles", "bench/dev11/gold", (0.95, 0.84, 0.84, 0.63, 0.82, 0.73, 0.94, 0.69)),
    "dev12": ("bench/dev12/articles", "bench/dev12/gold", (0.98, 0.92, 0.95, 0.92, 0.95, 0.90, 0.97, 0.77)),
    "dev13": ("bench/dev13/articles", "bench/dev13/gold", (0.95, 0.86, 0.94, 0.87, 0.87, 0.81, 0.97, 0.84)),
    "dev14": ("bench/dev14/articles", "bench/dev14/gold", (0.95, 0.86, 0.93, 0.87, 0.89, 0.70, 0.88, 0.88)),
    "dev15": ("bench/dev15/articles", "bench/dev15/gold", (0.97, 0.90, 0.93, 0.85, 0.87, 0.77, 0.97, 0.70)),
}
# Sets where no real-world entity is two nodes today; the others are kept from getting worse.
MAX_DUPLICATES = {"seeds": 0, "unseen": 0, "heldout": 0, "final": 2, "blind": 2, "dev2": 1, "dev3": 1, "dev4": 2,
                  "dev5": 0, "dev6": 1, "dev7": 1, "dev8": 1, "dev9": 4, "dev10": 1, "dev11": 5, "dev12": 1,
                  "dev13": 2, "dev14": 0, "dev15": 1}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def report(request, tmp_path_factory):
    articles, gold, _ = CORPORA[request.param]
    result = build([ROOT / articles], tmp_path_factory.mktemp(f"{request.param}-build"), load_store=False)
    return request.param, evaluate(result.graph, load_gold(ROOT / gold))


def test_every_score_stays_above_its_floor(report):
    corpus, measured = report
    floors = dict(zip(KINDS, CORPORA[corpus][2]))
    below = {kind: round(measured.scores[kind].f1, 3) for kind in KINDS if measured.scores[kind].f1 < floors[kind]}
    assert not below, f"{corpus}: below the floor {({k: floors[k] for k in below})}: {below}"


def test_duplicate_nodes_do_not_grow(report):
    corpus, measured = report
    extra = sum(len(nodes) for nodes in measured.duplicates.values())
    assert extra <= MAX_DUPLICATES[corpus], measured.duplicates


def test_every_gold_article_is_found_in_the_graph(report):
    corpus, measured = report
    assert not measured.articles_unmatched, f"{corpus}: {measured.articles_unmatched}"
