"""Article-level corrections to the mentions the tagger and the name rules found.

Each step looks at one article's mentions together: a name cut short by a headline's capitals
or by "and", a surname the tagger missed or took for a place.
"""

from __future__ import annotations

import bisect
import re

from kg.extract import lexicon as lx
from kg.extract.gazetteer import lookup_place
from kg.extract.model import Mention


def with_bare_surnames(mentions, doc, sentences):
    """"Pevkur and Häkkänen signed": a surname alone, where the tagger saw no name, is the person
    the article names in full elsewhere."""
    text = doc.text
    starts = [sent.start_char for sent in sentences]
    taken = [(m.start, m.end) for m in mentions]
    surnames = _surnames(mentions)
    capitalised = surnames - {m.text.split()[-1] for m in mentions if m.kind == "person"}
    added = []
    for surname in surnames:
        if len(surname) < 4 or not surname[0].isupper() or (
                lookup_place(surname) is not None and surname not in capitalised):
            continue  # a family name written in capitals is known to be one, even if a town has it
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w’'-])", text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if re.match(r"\s+[A-Z]", text[match.end():match.end() + 2]):
                continue  # "Sandvik Group": the name goes on, it is something else
            added.append(Mention("person", surname, match.start(), match.end(),
                                 bisect.bisect_right(starts, match.start()) - 1, 0))
    return sorted(mentions + added, key=lambda m: m.start)


def without_surnames_as_places(mentions):
    """"Ms Kos said": a person's surname is not the island of that name; nor, in "Rodrigo Chaves
    Robles" ... "President Chaves", is the first of two family names."""
    surnames = _surnames(mentions) | {words[-2] for m in mentions if m.kind == "person"
                                      and len(words := m.text.split()) > 2 and words[-2][0].isupper()}
    return [m for m in mentions if not (m.kind == "location" and m.text in surnames)]


def _surnames(mentions) -> set[str]:
    """The family names of the persons named in full: the last word, or a first word written in
    capitals ("KOBAYASHI Haruto" ... "Minister Kobayashi")."""
    full = [m.text.split() for m in mentions if m.kind == "person" and len(m.text.split()) > 1]
    return {words[-1] for words in full} | {words[0].title() for words in full
                                           if words[0].isupper() and len(words[0]) > 2}


def without_fragments(mentions, doc, title_end: int):
    """Bodies whose name was cut short: "Example Air" in "Example Air and Sea Defence (EASD)
    Conference" (the name runs on after "and"), or a headline's capitals ("Example Air and Sea
    Defence experts meet") naming what the body never repeats. A body's last word, an acronym
    or a well-known name is kept."""
    text = doc.text
    body = text[title_end:]

    def doubtful(m) -> bool:
        return (m.kind == "organisation" and not m.text.isupper() and m.text not in lx.WELL_KNOWN_NAMES
                and m.text.split()[-1] not in lx.ORG_HEADS)

    # "the Example Review questionnaire": a name that modifies a common noun names a thing.
    modifiers = {m.start for m in mentions if doubtful(m) and _modifies_a_noun(doc, m)}
    starts = {m.start for m in mentions} - modifiers
    kept = []
    for m in mentions:
        if doubtful(m):
            if m.start in modifiers or (m.start < title_end and m.text not in body):
                continue
            runs_on = re.match(r"\s+and\s+(?=[A-Z])", text[m.end:])
            if runs_on and m.end + runs_on.end() not in starts:
                continue
        kept.append(m)
    return kept


def _modifies_a_noun(doc, mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    return (last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ == "NOUN"
            and last.head.text.islower())


# Words of a portfolio ("Foreign Affairs, European Union and Cooperation"), which a tagger may
# take for a body or a person when a title lists several portfolios.
_PORTFOLIO_WORDS = frozenset({
    "Cooperation", "Co-operation", "Affairs", "Union", "Expatriates", "Emigrants", "Diaspora", "Trade",
    "Development", "Integration", "Investment", "Industry", "Economy", "Security", "Defence", "Defense",
    "Relations", "Tourism", "Culture", "Energy", "Finance", "Justice", "Health", "Education",
    "Environment", "Agriculture", "Innovation", "Digital", "Commerce", "Abroad", "Worship", "Nationals",
})
_LIST_AFTER_OFFICE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Commissioner)\s+(?:of|for)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*)*(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*,\s+$"
)


_ORG_HEADS = frozenset(lx.ORG_HEADS)
_AND_AFTER_OFFICE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+and\s+$")


def without_portfolio_lists(mentions, text: str):
    """"the Minister of Foreign Affairs, African Cooperation and Expatriates": the words after the
    comma continue the office's portfolio; they name no person and no body."""
    kept = []
    for mention in mentions:
        if mention.kind == "organisation" and re.search(r"\bMinister\s+(?:of|for)\s+(?:the\s+)?$",
                                                        text[max(0, mention.start - 30):mention.start]):
            continue  # "the Minister of the Armed Forces": the office's portfolio, no body
        if mention.kind == "organisation" and mention.text.endswith(" Cabinet") and \
                text.startswith(" Secretary", mention.end):
            continue  # "Roads and Transport Cabinet Secretary": Kenya's minister, no body
        if (mention.kind in ("person", "organisation") and _AND_AFTER_OFFICE.search(text[max(0, mention.start - 120):mention.start])
                and not set(mention.text.split()) & _ORG_HEADS):
            continue  # "the Minister of Finance and National Revenue": the office's second portfolio
        closes = " and " in mention.text or re.match(r"\s+and\s+[A-Z]", text[mention.end:mention.end + 6])
        if (mention.kind in ("person", "organisation") and closes
                and set(re.findall(r"[\w-]+", mention.text)) & _PORTFOLIO_WORDS
                and _LIST_AFTER_OFFICE.search(text[max(0, mention.start - 150):mention.start])):
            continue
        kept.append(mention)
    return kept
