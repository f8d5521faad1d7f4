"""Name normalisation shared by extraction and evaluation: two spellings of a name compare equal.

`fold` evens out case, accents, typography and spacing; `normalise_name` also drops a leading
"the" and the honorifics and ranks that precede a name. Both are pure and need no data files.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic characters that writers use interchangeably with the plain ASCII ones.
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb`\u00b4"
_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\""
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TRANSLATE = str.maketrans(
    {**{c: "'" for c in _APOSTROPHES}, **{c: "" for c in _QUOTES}, **{c: "-" for c in _DASHES}}
)

# Honorifics, ranks and forms of address written before a name, as folded word sequences.
# "Gen" alone is not here: it is also a given name ("Gen Nakatani"); it is a rank only as the
# second word of a compound such as "Lt Gen".
_PREFIXES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(p.split())
            for p in (
                "mr", "mister", "ms", "mrs", "miss", "mx", "dr", "doctor", "sir", "dame", "lord",
                "lady", "prof", "professor", "his excellency", "her excellency", "h.e",
                "his royal highness", "her royal highness", "his majesty", "her majesty",
                "admiral", "vice admiral", "rear admiral", "vadm", "radm", "adm",
                "general", "lt gen", "lieutenant general", "maj gen", "major general",
                "brig gen", "brigadier general", "brigadier", "lt col", "lieutenant colonel",
                "colonel", "col", "major", "captain", "capt", "commander", "cdr",
                "air marshal", "air chief marshal", "air vice marshal",
                "ambassador", "president", "minister", "senator", "congressman", "congresswoman",
            )
        ),
        key=len,
        reverse=True,  # longest first, so "lt gen" wins over a shorter prefix
    )
)
# Written after a rank: "Lt Gen (ret) Keith Kellogg".
_RETIRED = {"(ret)", "(retd)", "(rtd)", "(ret.)", "(retd.)", "(retired)", "ret", "retd", "(r)"}

_TRAILING = " .,;:!?'-"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TITLE_STOPWORDS = frozenset({"of", "the", "for", "and"})


def fold(text: str) -> str:
    """Case, accents, typography, commas and spacing folded; '&' read as 'and'; no trailing punctuation."""
    text = text.translate(_TRANSLATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Commas inside a name are optional ("Analysis, Training and ..."); "&" is read as "and".
    text = text.casefold().replace("&", " and ").replace(",", " ")
    text = re.sub(r"\s*-\s*", "-", text)  # "NATO – EU" and "NATO-EU" are one spelling
    text = " ".join(text.split())
    return text.strip(_TRAILING).strip()


def _strip_prefixes(words: list[str]) -> list[str]:
    """Drop leading honorifics/ranks (repeatedly: "Mr Dr X"), keeping at least one word."""
    changed = True
    while changed:
        changed = False
        bare = [w.rstrip(".") for w in words]
        if len(words) > 1 and bare[0] == "the":
            words, changed = words[1:], True
            continue
        for prefix in _PREFIXES:
            n = len(prefix)
            if len(words) > n and tuple(bare[:n]) == prefix:
                words, changed = words[n:], True
                break
        while changed and len(words) > 1 and words[0] in _RETIRED:
            words = words[1:]
    return words


def normalise_name(name: str) -> str:
    """The comparison form of a name: folded, without a leading 'the' or honorifics and ranks."""
    current = fold(name)
    while True:  # stripping can expose another prefix or stray punctuation; each pass shortens
        # "H.E." and "Lt.Gen." are written without spaces; space them so the prefixes are seen.
        spaced = re.sub(r"^(h\.e\.|lt\.|maj\.|brig\.)(?=\S)", r"\1 ", current)
        words = [w for w in spaced.split() if _WORD.search(w)]  # lone punctuation is no word
        stripped = " ".join(_strip_prefixes(words)).strip(_TRAILING).strip() if words else ""
        if stripped == current:
            return stripped
        current = stripped


def title_words(title: str) -> frozenset[str]:
    """The words of a post title for comparison, ignoring 'of', 'the', 'for' and 'and'."""
    return frozenset(w for w in _WORD.findall(fold(title)) if w not in _TITLE_STOPWORDS)


__all__ = ["fold", "normalise_name", "title_words"]
