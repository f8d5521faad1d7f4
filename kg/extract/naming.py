"""What a name is: a surface form cleaned of articles, honorifics and ranks, and its kind.

The shared vocabulary of the mention rules (kg.extract.mentions) and of the rules that read
acronym definitions and titles: one place that says what a person's, a body's or a place's name
looks like.
"""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.gazetteer import is_demonym, lookup_place
from kg.extract.places import is_facility_name

APOS = "’'"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ȳ"  # Latin letters with diacritics (Ș, Ț, Ł...); lower ones there are rare starts
# A name word may open with a glottal mark ("ʻAisake") and may be a regnal number ("Tupou VI").
NAME_WORD = rf"(?:(?:[{_UPPER}]\.)+|[ʻʼ‘]?[{_UPPER}][\w’'ʻ\-]*)"  # "D.K." initials written together

_LEADING = re.compile(
    r"^(?:the|The|a|an)\s+|^(?:"
    + "|".join(re.escape(h) for h in sorted(lx.HONORIFICS + lx.RANKS, key=len, reverse=True))
    + r")" + lx.RANK_SUFFIX + r"\s+"
)
# Post titles, longest first so "Deputy Secretary General" wins over "Secretary General".
TITLE_HEADS_PATTERN = "|".join(re.escape(h) for h in sorted(lx.TITLE_HEADS, key=len, reverse=True))
TITLE_PREFIX = re.compile(r"^(?:(?:NATO|EU|UN|US|UK)\s+)?(?:" + TITLE_HEADS_PATTERN + r")\b[\s,]*")


_POST_NOMINALS = re.compile(r"(?:\s+(?:MP|MEP|MSP|TD|KC|QC|OBE|CBE|MBE|KBE|PhD|Jr\.?|Sr\.?))+$")


_GATHERED_PEOPLE = re.compile(
    r"(?<=\S)\s+(?:[A-Z][a-z]+\s+)?(?:Ministers|Leaders|Members|Officials|Representatives|Chiefs|Delegates)$"
)


def clean_name(text: str) -> str:
    """A surface form without leading article, honorifics, ranks, possessive or stray punctuation."""
    text = " ".join(text.split())
    if " of the " in text:
        text = _GATHERED_PEOPLE.sub("", text)  # "Coalition of the Willing Defence Ministers"
    text = re.sub(rf"[{APOS}]s$", "", text)
    text = _POST_NOMINALS.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
    text = re.sub(r"\s+(?:of|for|and|on|the|to|in|at|with)$", "", text)  # "the Cyber Command of": the tagger stopped short
    return text.strip(" ,.;:“”\"'’()")


def is_noise(text: str) -> bool:
    """Whether a name names nothing: an e-mail, a handle, a number, a nationality, a boilerplate word."""
    folded = text.casefold()
    initial = text.lstrip("ʻʼ‘")[:1]
    if not text or not initial.isupper() and not initial.isdigit():
        return True
    if folded in lx.NOISE or lx.EMAIL.search(text) or lx.HANDLE.search(text) or "@" in text:
        return True
    if any(ch.isdigit() for ch in text) or "(" in text or ")" in text:
        return True
    if is_demonym(text) or is_demonym(text.rstrip("s")):
        return True
    return False


def ends_with(text: str, heads: tuple[str, ...]) -> bool:
    """Whether a name is one of `heads` or ends with one as its last words."""
    return any(text == h or text.endswith(" " + h) for h in heads)


def plural_head(text: str) -> bool:
    """Collective nouns ("Chiefs of Defence", "European Allies", "Generals") name no one body."""
    words = text.split()
    head = text.split(" of ")[0].split()[-1] if " of " in text else words[-1]
    return (len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us", "is"))
            and not head.isupper() and head not in lx.ORG_HEADS and head not in lx.FACILITY_HEADS
            and lookup_place(text) is None and head not in ("Nations", "Forces", "Works", "Affairs"))


_TITLE_OF = re.compile(r"\b(?:" + TITLE_HEADS_PATTERN + r")\s+(?:of|for)\s+(?:the\s+)?")


def title_of(text: str) -> str | None:
    """"Head of Cooperation Policy Branch" names the body after the title."""
    match = _TITLE_OF.match(text)
    return (text[match.end():] or None) if match else None


def from_title(text: str) -> str:
    """The text from the last post title on: "Chief Scientist and Chair of the X Board" gives
    "Chair of the X Board"."""
    starts = [m.start() for m in _TITLE_OF.finditer(text)]
    return text[starts[-1]:] if starts else text


_OWNED_ENVOY = re.compile(r"^(?:[A-Z][\w-]*\s+){1,3}(?:Special|High|Personal)\s+(?:Representative|Envoy|Coordinator)\b")


def classify_name(text: str, hint: str) -> str | None:
    """The kind of a cleaned name: person, organisation or location; None when it names nothing."""
    if is_noise(text) or (hint != "person" and plural_head(text)):
        return None
    if text in lx.WELL_KNOWN_NAMES or text in lx.ONE_WORD_BODIES:
        return "organisation"
    if text.startswith("Exercise "):
        return None  # "Exercise Northern Shield": an event, not a body or a place
    if re.fullmatch(r"(?:Partnership|Programme|Initiative|Agreement|Treaty)\s+(?:for|on|of)\s+[A-Z][\w-]+", text):
        return None  # "Partnership for Peace": a framework named by its purpose
    if ends_with(text, lx.NOT_ORG_HEADS):
        return None
    if is_facility_name(text):
        return "location"
    if lookup_place(text) is not None:
        return "location"
    if ends_with(text, lx.ORG_HEADS):
        return "organisation"
    if TITLE_PREFIX.match(text) and TITLE_PREFIX.sub("", text) == "":
        return None  # a job title alone
    if re.fullmatch(r"[A-Z][a-z]+\s+(?:Cooperation|Co-operation)", text) and lookup_place(text.split()[0]) is None:
        return None  # "a Memorandum on Defence Cooperation": a field of work, not a body
    if hint == "organisation" and re.search(r"\bAction Plan\b|\bRoadmap\b", text):
        return None  # "the Council of Europe Action Plan for Moldova": a plan, not a body
    if hint == "organisation" and _OWNED_ENVOY.search(text):
        return None  # "the European Union Special Representative for Central Asia": an office, not a body
    if re.fullmatch(r"[A-Z]+-[A-Z][a-z]+|[A-Z]+-[A-Z]+", text):
        return None  # "NATO-EU", "NATO-Ukraine": a relationship, not a body
    return hint
