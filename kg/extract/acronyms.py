"""Acronym definitions: "Full Name (ACR)" tells a body's short name, or that a name is a programme.

A press release defines its acronyms once ("the NATO Support and Procurement Agency (NSPA)") and
uses them after; reading the definition right gives the pair that joins both names in one node,
and keeps programmes and posts defined the same way ("Comprehensive Assistance Package (CAP)",
"Director General of the X Staff (DGXS)") from becoming bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import lexicon as lx
from kg.extract.naming import (APOS, NAME_WORD as _NAME_WORD, TITLE_PREFIX, classify_name, clean_name, ends_with,
                               from_title, title_of)
from kg.extract.places import is_facility_name

# "DG ENEST": a directorate-general; "MW COE": a centre of excellence
_ACRONYM = r"DG[ \t][A-Z]{2,}|[A-Z]{2,}[ \t]C[Oo]E|[A-Z][A-Za-z&]*[A-Z](?:[/-][A-Z]+)?|[A-Z]{2,}(?:-[A-Z]+)?"
# The small words inside names in other languages: "Deutsche Gesellschaft für Internationale
# Zusammenarbeit (GIZ)", "Agence française de développement (AFD)".
_FOREIGN_LINK = r"(?:für|de|del|della|des|du|la|le|les|di|van|von|der|und|et|för|och|og|do|da|dos|das)(?=[ \t]+[A-Za-zÀ-ÿ])"
_ACRONYM_DEF = re.compile(
    rf"((?:{_NAME_WORD}|&)(?:,?[ \t]+(?:of|for|and|the|in|on|to|at(?=[ \t]+[A-Z])|&|{_FOREIGN_LINK}|{_NAME_WORD})){{1,12}})"
    rf"[ \t]+\(({_ACRONYM})\)"
)
_ORG_HEAD_WORDS = "|".join(re.escape(h) for h in lx.ORG_HEADS)


@dataclass
class AcronymPair:
    """A "Full Name (ACR)" definition found in the text."""

    full: str
    acronym: str
    is_organisation: bool = True


@dataclass
class Definitions:
    """What a text's acronym definitions say: mentions as (kind, name, start, end, priority), the
    pairs, names that are no body, and spans no body name may be read in."""

    mentions: list[tuple] = field(default_factory=list)
    pairs: list[AcronymPair] = field(default_factory=list)
    not_orgs: set[str] = field(default_factory=set)
    blocked: list[tuple[int, int]] = field(default_factory=list)


def read_definitions(text: str) -> Definitions:
    """Every "Full Name (ACR)" definition of the text, read."""
    defined = Definitions()
    found, pairs, not_orgs, blocked = defined.mentions, defined.pairs, defined.not_orgs, defined.blocked
    for match in _ACRONYM_DEF.finditer(text):
        full = _spelled_out_tail(clean_name(match.group(1)), match.group(2))
        head_after = re.match(rf"[ \t]+((?:[A-Z][\w-]*[ \t]+)?(?:{_ORG_HEAD_WORDS}))\b", text[match.end():])
        own = re.split(r"\s+and\s+the\s+|,\s+the\s+", full)[-1]  # "the X Secretariat and the Y (Y) Z"
        own_at = match.start(1) + max(match.group(1).rfind(own), 0)
        if head_after and classify_name(f"{own} {head_after.group(1)}", "organisation") == "organisation":
            end = match.end() + head_after.end()
            if own in lx.WELL_KNOWN_NAMES:
                # "the Association of Southeast Asian Nations (ASEAN) Secretariat": the body's organ
                found.append(("organisation", own, own_at, own_at + len(own), 3))
                found.append(("organisation", f"{match.group(2)} {head_after.group(1)}", match.start(2), end, 3))
                pairs.append(AcronymPair(own, match.group(2)))
            else:
                # "IMS Cooperative Security (CS) Division": the body's name runs on after the acronym
                name = f"{own} {head_after.group(1)}"
                found.append(("organisation", name, own_at, end, 3))
                pairs.append(AcronymPair(name, match.group(2)))  # "the CS Director": the division's short name
            blocked.append((own_at, end))
            continue
        if "," in full and not re.search(r",[^,]*\band\b", full):
            full = clean_name(full.rsplit(",", 1)[1])  # "On 19 March, the X College (XC)"
        outer, _, inner = full.partition(" of the ")
        if inner and not ends_with(outer, lx.ORG_HEADS) and not TITLE_PREFIX.match(outer) \
                and _initials_match(match.group(2), inner):
            full = inner  # "a Contributing Participant of the X Centre of Excellence (X COE)"
        body = title_of(full) or title_of(from_title(full))
        if body is not None and _initials_match(match.group(2), body):
            # "Chief Scientist and Chair of the Example Board (EB)": the acronym names the board.
            full = clean_name(body)
            at = text.find(body, match.start(1))
            pairs.append(AcronymPair(full, match.group(2)))
            found.append(("organisation", full, at, at + len(body), 3))
            found.append(("organisation", match.group(2), match.start(2), match.end(2), 3))
            continue
        if body is not None:
            # "Director General of the X Staff (DGXS)": the acronym names the post, not the body.
            not_orgs.add(match.group(2))
            if classify_name(clean_name(body), "organisation") == "organisation":
                at = text.find(body, match.start(1))
                found.append(("organisation", clean_name(body), at, at + len(body), 2))
            continue
        full = re.split(r"\s+and\s+the\s+|,\s+the\s+", full)[-1]  # "A Ltd and the B Agency (BA)"
        full = re.sub(rf"^(?:NATO|EU)[{APOS}]s\s+", "", full)
        owned = re.split(rf"[{APOS}]s\s+", full)
        owner = None
        if len(owned) > 1 and len(owned[-1].split()) >= 2 and not re.search(r"\b(?:of|for|to)\b", owned[-2]):
            full = owned[-1]  # "the European Parliament’s Committee on Security (SEDE)": the committee
            owner = owned[-2]
        acronym = match.group(2)
        after = text[match.end():match.end() + 40]
        kind = classify_name(full, "organisation")
        followed_by_kind = re.match(r"^(?:\s+[A-Z][\w&-]*){0,2}\s+(" + "|".join(lx.NOT_ORG_HEADS) + r")\b", after)
        if kind == "organisation" and not followed_by_kind and not TITLE_PREFIX.match(full):
            pairs.append(AcronymPair(full, acronym))
            at = match.group(1).rfind(full)
            begin = match.start(1) + at if at >= 0 else match.start(1)
            found.append(("organisation", full, begin, begin + len(full) if at >= 0 else match.end(1), 3))
            found.append(("organisation", acronym, match.start(2), match.end(2), 3))
        elif kind == "location" and is_facility_name(full) and not followed_by_kind \
                and not ends_with(full, ("Headquarters", "HQ")):
            # "the Kenyatta International Convention Centre (KICC)": a building, named with its acronym
            at = match.group(1).rfind(full)
            begin = match.start(1) + at if at >= 0 else match.start(1)
            found.append(("location", full, begin, begin + len(full), 3))
            not_orgs.add(acronym)
            pairs.append(AcronymPair(full, acronym, is_organisation=False))
        else:
            not_orgs.add(acronym)  # "Comprehensive Assistance Package (CAP)": CAP is no body
            not_orgs.add(full)
            owner = re.sub(r"^(?:[A-Z]\.\s*)+", "", owner) if owner else owner  # "[U.]S. National Guard Bureau’s"
            owner_at = match.group(1).rfind(owner) if owner else -1
            if owner_at >= 0 and classify_name(clean_name(owner), "organisation") == "organisation" \
                    and ends_with(owner, (*lx.ORG_HEADS, "Bureau")):  # (a bureau owns programmes, but
                # "Political Bureau of the X" reads as a body in names the guidelines give otherwise)
                # "the National Guard Bureau’s State Partnership Program (SPP)": the owner is a body
                found.append(("organisation", owner, match.start(1) + owner_at, match.start(1) + owner_at + len(owner), 2))
                blocked.append((match.start(1) + owner_at + len(owner), match.end(2)))
            else:
                blocked.append((match.start(1), match.end(2)))
            pairs.append(AcronymPair(full, acronym, is_organisation=False))
    return defined


def _initials_match(acronym: str, name: str) -> bool:
    """Whether an acronym abbreviates the end of a name: "STB" for "NATO Science & Technology Board"."""
    if acronym.startswith("DG ") and name.startswith("Directorate-General"):
        return True  # the European Commission's departments: "DG ENEST", "DG MENA"
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", name))
    letters = re.sub(r"C[Oo]E$", "CE", acronym).replace("-", "").replace("/", "").replace("&", "").replace(" ", "")
    return bool(letters) and letters.isupper() and initials.endswith(letters[-1]) and _subsequence(letters, initials)


def _spelled_out_tail(full: str, acronym: str) -> str:
    """"the Chiefs of Defence at Supreme Headquarters Allied Powers Europe (SHAPE)", "Acme AG and
    Eastern Regional Command (ERC)": what follows "at", "with", "to" or "and" spells out the acronym
    letter for letter, so it alone is the name."""
    for part in re.split(r"\s+(?:at|with|to|by|from|and)\s+(?:the\s+)?", full)[1:]:
        if "".join(re.findall(r"\b[A-Z]", part)) == acronym and len(part.split()) >= 2:
            return part
    return full


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
