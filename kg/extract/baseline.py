"""The obvious extractor a user tries first: spaCy's named entities, taken as they come.

Used to measure what the real pipeline (kg.extract.pipeline) adds. Every PERSON entity becomes
a person, ORG an organisation, GPE/LOC/FAC a location; one entity per distinct (kind, exact
text) across the corpus. No titles stripped, no aliases merged, no gazetteer, and no posts,
meetings or partnerships.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.extract.model import Entity, Extraction
from kg.extract.nlp import DEFAULT_MODEL, load
from kg.extract.pipeline import article_text
from kg.reader import Article
from kg.slug import slugify

#: spaCy (OntoNotes) entity labels and the kind each becomes; every other label is dropped.
KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "location", "LOC": "location",
         "FAC": "location"}


def extract_baseline(articles: Sequence[Article], model: str = DEFAULT_MODEL, *, batch_size: int = 16,
                     n_process: int = 1, progress: Callable[[Article], None] | None = None) -> Extraction:
    """Entities exactly as spaCy tags them in `articles` (same parsed text as the kg pipeline)."""
    nlp = load(model)
    texts = (article_text(a) for a in articles)
    found: dict[tuple[str, str], set[str]] = {}
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size, n_process=n_process)):
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if kind is None or not ent.text.strip():
                continue
            found.setdefault((kind, ent.text), set()).add(article.key)
        if progress is not None:
            progress(article)
    return Extraction(entities=_register(found))


def _register(found: dict[tuple[str, str], set[str]]) -> dict[str, Entity]:
    """One Entity per (kind, text), keyed `kind/slug`; texts with the same slug get -2, -3, ..."""
    entities: dict[str, Entity] = {}
    # Sorted, so that which of two colliding texts gets the suffix never depends on input order.
    for (kind, text), articles in sorted(found.items()):
        stem = f"{kind}/{slugify(text)}"
        key, n = stem, 1
        while key in entities:
            n += 1
            key = f"{stem}-{n}"
        entities[key] = Entity(kind, text, articles=set(articles), key=key)
    return entities
