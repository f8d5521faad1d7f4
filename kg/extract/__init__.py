"""Extraction: articles in, an Extraction out. EXTRACTORS names the extractors `kg build` offers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extract.model import Extraction
from kg.extract.nlp import DEFAULT_MODEL
from kg.reader import Article

#: `(articles, model, *, batch_size=16, n_process=1, progress=None) -> Extraction`
Extractor = Callable[..., Extraction]


# Each extractor imports its module on first call: the pipeline pulls in the gazetteer and
# word lists, which commands that never extract should not pay for at start-up.
def _kg(articles: Sequence[Article], model: str = DEFAULT_MODEL, **options) -> Extraction:
    """The kg pipeline: mentions, resolution, posts, meetings, partnerships."""
    from kg.extract.pipeline import extract

    return extract(articles, model, **options)


def _spacy_baseline(articles: Sequence[Article], model: str = DEFAULT_MODEL, **options) -> Extraction:
    """Plain spaCy entities, for comparison."""
    from kg.extract.baseline import extract_baseline

    return extract_baseline(articles, model, **options)


EXTRACTORS: dict[str, Extractor] = {"kg": _kg, "spacy-baseline": _spacy_baseline}
