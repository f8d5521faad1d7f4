"""Who the parties of a partnership sentence are: the pairs and lists of parties it names.

Each reading takes a spaCy sentence and its entity mentions (`found`: start offset in the article
and entity, in text order) and returns the groups of parties it states, or nothing.
"""

from __future__ import annotations

import re

from kg.extract import lexicon as lx
from kg.extract.gazetteer import country_of_demonym
from kg.extract.model import Entity
from kg.extract.resolve import unique_entities


_COOPERATING = re.compile(
    r"^(?:[^.;:]{0,70}?\b(?:their|its)\s+(?:\w+\s+)?(?:cooperation|co-operation|partnership|relations|relationship)\b"
    r"|\s*(?:(?:have\s+|has\s+|had\s+|will\s+)?(?:today\s+|\w+ly\s+)?(?:signed|sign|concluded|conclude)\s+(?:a|an|the)\b"
    r"|agreed\s+to\s+(?:set\s+up|form|create|establish)\s+a\s+joint\b"
    # "agreed to deepen cooperation on ...", "will strengthen defence ties"
    r"|\s*(?:(?:have|has|had|will|today)\s+)?(?:agreed|agree|decided|pledged|committed|resolved)?\s*(?:to\s+)?"
    r"(?:further\s+)?(?:deepen|strengthen|expand|enhance|intensify|step\s+up|broaden|boost|upgrade|elevate)\w*\s+"
    r"(?:the\s+|their\s+|bilateral\s+)?(?:\w+\s+){0,2}?(?:cooperation|co-operation|partnership|ties|relations)\b"
    r"|(?:will|to|shall|agreed\s+to)\s+(?:\w+ly\s+)?(?:cooperate|co-operate|work\s+together)\b"
    # "The UK and Estonia also work side by side in the X", "have long worked closely together"
    r"|\s*(?:also\s+|already\s+|(?:have|has)\s+(?:long\s+|also\s+)?)?(?:work|worked|stand|stood)\s+"
    r"(?:side\s+by\s+side|(?:closely\s+)?together|hand\s+in\s+hand)\b))",
    re.IGNORECASE)


_RELATION_BEFORE = re.compile(
    r"\b(?:partnership|cooperation|co-operation|relations|agreement|arrangement|accord|contract|memorandum[\w ]*?|"
    r"letter of intent|declaration of intent|dialogue)"
    # "a Letter of Intent on maritime search and rescue between A and B"
    r"(?:\s+(?:on|for|in|of)\s+[^.;,()]{0,60}?)?\s+between\s+(?:the\s+)?$",
    re.IGNORECASE)


def _party(entity: Entity) -> bool:
    return entity.kind == "organisation" or entity.place_kind == "country"


def _adjacent_parties(sent, found):
    """Each two parties named one after the other in a sentence, with the text before the first,
    between the two and after the second (an acronym in brackets after a name is its name)."""
    text = sent.text
    # "the X Coast Guard (XCG) and the Y": a name and its acronym are one writing of one party
    found = [item for i, item in enumerate(found) if i == 0 or item[1] is not found[i - 1][1]]
    for (a_at, a), (b_at, b) in zip(found, found[1:]):
        if a is b or not (_party(a) and _party(b)):
            continue
        a_start, b_start = a_at - sent.start_char, b_at - sent.start_char
        a_end = a_start + name_length(text, a_start, a)
        b_end = b_start + name_length(text, b_start, b)
        yield a, b, text[:a_start], text[a_end:b_start], text[b_end:]


# ")": after an acronym in brackets; "and the shipbuilder X": a company named after what it does
_AND_BETWEEN = re.compile(r"\)?\s*(?:\([A-Z]{2,8}\))?\s+and\s+(?:the\s+)?(?:(?:[A-Z][a-z]+\s+)?(?:[a-z-]+\s+)?"
                          + lx.COMPANY_TRADES + r"\s+)?")


def coordinated_pairs(sent, found) -> list[list[Entity]]:
    """"the partnership between X and Y", "X and Y step up their cooperation": pairs of named parties."""
    return [[a, b] for a, b, before, between, after in _adjacent_parties(sent, found)
            if _AND_BETWEEN.fullmatch(between)
            and (_RELATION_BEFORE.search(before) or _COOPERATING.match(re.sub(r"^\s*\([A-Z]{2,8}\)", "", after)))]


_LIST_BETWEEN = re.compile(
    r"\b(?:partnership|cooperation|co-operation|venture|consortium|agreement|memorandum[\w ]*?|programme|alliance|"
    r"mechanism|format|dialogue)"
    r"\s+(?:between|of)\s+(?:the\s+)?$", re.IGNORECASE)
# "the confederation that brings together A, B and C" (a named framework's members are each its
# owner's partners instead: "the Mediterranean Dialogue brings together NATO and A, B and C")
_BRINGS_TOGETHER = re.compile(r"\b(?:brings|bringing|brought)\s+together\s+(?:the\s+)?$", re.IGNORECASE)
_TOGETHER_AFTER = re.compile(r"^\s*(?:\([A-Z]{2,8}\))?\s+(?:are|were|have been|will be)\s+(?:\w+ing)\s+(?:\w+\s+)?"
                             r"(?:together|jointly)\b|^\s*(?:\([A-Z]{2,8}\))?\s+(?:jointly|together)\s+(?!with\b)\w+"
                             # "A, B and C have cooperated within the X", "which A, B and C launched in 2020"
                             r"|^\s*(?:\([A-Z]{2,8}\))?\s+(?:have|has|had)\s+(?:cooperated|co-operated|worked together|partnered"
                             r"|been\s+bound\s+together)\b"
                             r"|^\s*(?:\([A-Z]{2,8}\))?\s+(?:jointly\s+)?(?:launched|established|founded|created|concluded)\s+(?:in|on)\b")
_LIST_GAP = re.compile(r"\)?\s*(?:\([A-Z]{2,8}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


_FOUNDED_WITH = re.compile(r"\s*(?:\([A-Z]{2,8}\)\s*)?(?:jointly\s+)?(?:set\s+up|established|founded|launched|created|formed)\b"
                           r"[^.;]{0,50}?\b(?:together|jointly)\s+with\s+(?:the\s+)?")


def with_governments(sent, found, lookup) -> list:
    """"an agreement between Rheinmetall and the Lithuanian government": a government named by its
    nationality is its state, a party like any other."""
    extra = []
    for match in re.finditer(r"\b([A-Z][a-z]+)\s+[Gg]overnment\b", sent.text):
        place = country_of_demonym(match.group(1))
        state = lookup(place.name) if place is not None else None
        at = sent.start_char + match.start(1)
        if state is not None and all(start != at for start, _ in found):
            extra.append((at, state))
    return sorted(found + extra, key=lambda item: item[0]) if extra else found


def founded_together(sent, found) -> list[list[Entity]]:
    """"which A set up in 2024 together with B and C": one partnership of the founders."""
    text = sent.text
    parties = [(at - sent.start_char, e) for at, e in found if _party(e)]
    for i, (at, first) in enumerate(parties):
        head = _FOUNDED_WITH.match(text, at + name_length(text, at, first))
        if head is None:
            continue
        run, end = [first], head.end()
        for other_at, other in parties[i + 1:]:
            if other_at < end or (other_at > end and not _LIST_GAP.fullmatch(text[end:other_at])):
                break
            run.append(other)
            end = other_at + name_length(text, other_at, other)
        members = unique_entities(run)
        if len(members) >= 2:
            return [members]
    return []


def listed_parties(sent, found, gathered: bool = True) -> list[list[Entity]]:
    """"a joint venture between A, B and C", "which A, B and C are developing together": one
    partnership of three or more parties; with `gathered`, also "X brings together A, B and C"."""
    text = sent.text
    parties = [(at - sent.start_char, e) for at, e in found if _party(e)]
    for i in range(len(parties)):
        run = [parties[i]]
        for at, entity in parties[i + 1:]:
            last_at, last = run[-1]
            gap = text[last_at + name_length(text, last_at, last):at]
            if entity is last or not _LIST_GAP.fullmatch(gap):
                break
            run.append((at, entity))
        members = unique_entities(e for _, e in run)
        if len(members) < 3 or " and " not in text[run[0][0]:run[-1][0]]:
            continue
        last_at, last = run[-1]
        after = text[last_at + name_length(text, last_at, last):]
        if _LIST_BETWEEN.search(text[:run[0][0]]) or _TOGETHER_AFTER.match(after) or (
                gathered and _BRINGS_TOGETHER.search(text[:run[0][0]])):
            return [members]
    return []


THEIR = re.compile(r"^\s*Their\s+(?:\w+\s+)?(?:cooperation|co-operation|partnership|relationship|relations)\b")
_IS_PARTNER_OF = re.compile(
    r"^\s*(?:\([A-Z]{2,8}\))?\s*(?:is|are|remains|has been|have been|was)\s+(?:(?:a|an|the)\s+)?"
    r"(?:\w+\s+){0,3}?partners?\s+(?:of|for|to|with)\s+(?:the\s+)?$")
# "NATO’s close cooperation with the EU Force": the owner of the cooperation and its other side
_POSSESSIVE_WITH = re.compile(r"^[’']s\s+(?:\w+\s+){0,3}?(?:cooperation|co-operation|partnership|relations|relationship|"
                              r"ties)\s+with\s+(?:the\s+)?$")
_IS_ONE_OF = re.compile(r"^\s*(?:is|are|remains)\s+(?:one of|among)\s+(?:the\s+)?$")
_POSSESSIVE_PARTNERS = re.compile(r"^[’']s\s+(?:\w+\s+){0,3}?partners\b")


def partner_of(sent, found) -> list[Entity] | None:
    """"X is a key partner for Y", "X is one of Y’s most valued partners"."""
    return next(([a, b] for a, b, _, between, after in _adjacent_parties(sent, found)
                 if _IS_PARTNER_OF.match(between) or _POSSESSIVE_WITH.match(between)
                 or (_IS_ONE_OF.match(between) and _POSSESSIVE_PARTNERS.match(after))),
                None)


def among_partners(sent, found) -> list[list[Entity]]:
    """"X and Y are among Z’s closest partners": one partnership of Z with each subject."""
    adjacent = list(_adjacent_parties(sent, found))
    for i, (a, b, _, between, after) in enumerate(adjacent):
        if not (_IS_ONE_OF.match(between) and _POSSESSIVE_PARTNERS.match(after)):
            continue
        subjects = [a]
        for left, right, _, gap, _ in reversed(adjacent[:i]):
            if right is not subjects[-1] or not _LIST_GAP.fullmatch(gap):
                break
            subjects.append(left)
        return [[b, subject] for subject in reversed(subjects) if subject is not b]
    return []


_AND_FOR = re.compile(r"^\s*(?:\([A-Z]{2,8}\))?\s*,?\s+and\s+(?:also\s+)?(?:for|of|to|with)\s+(?:the\s+)?$")


def partners_of(sent, found) -> list[list[Entity]]:
    """"X is a strategic partner for Y and for Z": one partnership of X with each."""
    adjacent = list(_adjacent_parties(sent, found))
    for i, (a, b, _, between, _) in enumerate(adjacent):
        if _IS_PARTNER_OF.match(between):
            groups = [[a, b]]
            for c_left, c, _, more, _ in adjacent[i + 1:]:
                if c_left is not groups[-1][1] or not _AND_FOR.match(more):
                    break
                groups.append([a, c])
            return groups
    return []


def joined_pair(sent, found) -> list[Entity] | None:
    """Two parties written "X and (the) Y" in a sentence."""
    return next(([a, b] for a, b, _, between, _ in _adjacent_parties(sent, found) if _AND_BETWEEN.fullmatch(between)),
                None)


def name_length(text: str, at: int, entity: Entity) -> int:
    """How long the name written at `at` is (the longest of the entity's names found there)."""
    lengths = [len(n) for n in entity.names() if text.startswith(n, at)]
    written = re.match(r"[\w’'&.-]+(?:\s+[A-Z][\w’'&.-]*)*", text[at:])
    return max(lengths, default=written.end() if written else 0)


TWO = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:ministers|leaders|sides|secretaries|delegations|heads|"
                  r"countries|governments|co-chairs|co-chairmen|chairs|foreign ministers|defence ministers|"
                  r"prime ministers|presidents)\b|\bbilateral\s+(?:cooperation|co-operation|relations|ties)\b",
                  re.IGNORECASE)


def signatories(sent, found, sentences, by_sentence, index, posts) -> list[Entity]:
    """The parties the signatories of an agreement hold office for."""
    persons = unique_entities(e for _, e in found if e.kind == "person")
    two = TWO.search(sent.text)
    if len(persons) < 2 and (two or re.search(r"\bbilateral\b", sent.text)):
        earlier = [e for i in range(index - 1, -1, -1)
                   for _, e in sorted(by_sentence.get(i, []), key=lambda item: -item[0]) if e.kind == "person"]
        if two and re.search(r"ministers|leaders", two.group(0), re.IGNORECASE):
            # "the two ministers signed": the last two ministers named, not the generals after them;
            # "the two leaders": the last two named who hold any office
            ministers = "minister" in two.group(0).lower()
            holding = {id(holder) for holder, title, _, _, _ in posts
                       if not ministers or re.search(r"Minister|President|Chancellor|King|Queen|Emir", title)}
            earlier = [e for e in earlier if id(e) in holding] or earlier
        persons = unique_entities(earlier)[:2]
    if len(persons) != 2:
        return []
    offices = []
    for person in persons:
        held = [org for holder, _, org, _, _ in posts if holder is person and org is not None]
        held.sort(key=lambda org: org.place_kind != "country")  # a minister signs for the state
        if held:
            offices.append(held[0])
    # "signed on behalf of the EU by X, Minister of Denmark": X signs for the EU, not for Denmark
    behalf = [e for at, e in found if _party(e) and re.search(r"\bon\s+behalf\s+of\s+(?:the\s+)?$",
                                                            sent.text[:at - sent.start_char])]
    if behalf and offices:
        offices[0] = behalf[0]
    parties = unique_entities(offices)
    return parties if len(parties) == 2 and len(offices) == 2 else []
