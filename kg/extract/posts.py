"""Posts: "NATO Secretary General Jane Roe", "the Minister of Defence, Mr Arne Falk",
"Dr Jane Roe, NATO Chief Scientist", "Ukraine's Foreign Minister Ann Example" become
(person, title, organisation or country)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import lexicon as lx
from kg.names import normalise_name

_HEADS = "|".join(re.escape(h) for h in sorted(lx.TITLE_HEADS + lx.NAME_LIKE_TITLES, key=len, reverse=True))
_ADDRESS = "|".join(re.escape(h) for h in sorted(lx.HONORIFICS + lx.RANKS, key=len, reverse=True))
_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'&.\-]*"
# The words a title's complement may contain ("of Economy, Trade and Industry").
# A rank word starts the holder's name ("..., General Jane Roe"), except in a body's name ("General Staff").
_NOT_ADDRESS = rf"(?!(?:{_ADDRESS})(?!\w)(?!\s+(?:Staff|Assembly|Secretariat|Directorate|Command)\b))"  # "H.E." ends in a dot
_NUMBERED = r"\d{1,3}(?:st|nd|rd|th)?(?=\s+[A-Z])"  # "the 1st Brigade", "12 Mechanised Brigade"
_WORDS = rf"(?:{_NUMBERED}|{_NOT_ADDRESS}{_CAP})(?:\s+(?:of\s+|the\s+|for\s+|on\s+|&\s+)*{_NOT_ADDRESS}{_CAP})*"
# "of Defence", "for the Southern Neighbourhood", "of Economy, Trade and Industry": a comma
# continues the complement only inside a list closed by "and", so names after it stay out.
_COMPLEMENT = rf"(?:\s+(?:of|for|to)\s+(?:the\s+)?{_WORDS}(?:(?:,\s+{_WORDS})*\s+and\s+(?!(?:{_HEADS})\b){_WORDS})?)?"
# Modifiers that make another office of the same kind: "Deputy Assistant Secretary General",
# "Federal Foreign Minister", "Executive Vice President".
_MODIFIERS = r"(?:(?:Deputy|Assistant|Vice|Federal|First|Acting|Executive|Senior|Principal|Under|Chief|Permanent)[ -])*"
# Titles written in lower case after a name (", commander of the X Division") or after "the"
# before one ("the director of the X Agency, Dr Y"): only the heads that name one office.
_LOWER_HEADS = r"(?:commander|chair|chairman|chairwoman|chairperson|director|head|spokesperson|spokesman|president|chief)"
# "Ambassador" is a form of address too; "Ambassador to Belgium" is an office.
_TITLE = (rf"(?P<title>{_MODIFIERS}(?:{_HEADS}|{_LOWER_HEADS}(?=\s+(?:of|for)\s+(?:the\s+)?[A-Z])|"
          rf"(?<=\b[Ii]ts\s)(?i:{_LOWER_HEADS})\b|Ambassador(?=\s+to\s+(?:the\s+)?[A-Z]))(?:/(?:{_HEADS}))?{_COMPLEMENT}"
          rf"(?:\s+to\s+(?:the\s+)?{_WORDS})?)")  # "Head of Mission to NATO"
# Where the office is held, after the title: "Director of Cyber Policy at the Example Agency".
_WHERE = rf"(?:\s+(?:at|in|with)\s+(?:the\s+)?(?P<where>{_WORDS}))?"
_NOT_HEAD = rf"(?!(?:{_HEADS}|Deputy|Assistant|Vice|Federal|First|Acting|Executive|Senior|Principal|Under|Permanent)\b)"
# The owner may be a body named "X of Y" ("Department of State Spokesperson Ann Roe").
_OWNER = rf"(?P<owner>{_NOT_HEAD}{_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_NOT_HEAD}{_CAP}){{0,3}}?)(?:[’']s)?"
_BEFORE = re.compile(
    rf"(?:\b{_OWNER}\s+)?{_TITLE}(?:\s*\([A-Z]{{2,8}}\))?{_WHERE}\s*,?\s*(?:(?:{_ADDRESS}){lx.RANK_SUFFIX}\s+)*$"
)
_AFTER = re.compile(
    rf"^\s*(?:,\s*|\(\s*)(?:the\s+)?(?:{_OWNER}\s+)?{_TITLE}{_WHERE}(?=\s*[,.;)(]|\s+(?:and|who|has|had|said|will)\b|$)"
)

# "(Director, Planning Division, IMS)": a title, its portfolio, then the body it is held in.
_PAREN = re.compile(
    rf"^\s*\(\s*(?:the\s+)?(?:{_OWNER}\s+)?{_TITLE},\s*(?P<portfolio>{_WORDS}(?:\s+and\s+{_WORDS})*)(?:,\s*(?P<where>{_WORDS}))?\s*\)"
)


_PORTFOLIO = re.compile(
    r"(?:External|Foreign|Home|Interior|Finance|Defence|Defense|Trade|Economy|Justice|Health|Energy|"
    r"Education|Transport|Environment|Agriculture|Industry|Development|Labour|Labor|Culture)"
    r"(?:\s+(?:Affairs|and\s+\w+))?")


@dataclass(frozen=True)
class PostMention:
    """A title attached to a person mention, with the words naming its organisation if any."""

    title: str
    owner: str | None        # text naming the organisation/country before the title
    complement: str | None   # text after "of"/"for"/"to" in the title
    where: str | None = None  # the body after "at"/"in": "Director of X at the Y Agency"
    portfolio: str | None = None  # the full title when `where` turns out to name no body


# "Spokesperson for UN Secretary-General Jane Roe": the name goes with the last office.
_INNER = re.compile(rf"^.+?\s+for\s+(?:the\s+)?(?:(?P<owner>[A-Z]{{2,}})\s+)?(?P<title>{_MODIFIERS}(?:{_HEADS}))$")


def _split(match: re.Match[str]) -> PostMention:
    title = match.group("title").strip(" ,.")
    title = title[0].upper() + title[1:]  # "commander of X" names the office "Commander"
    owner = match.group("owner")
    if owner:
        owner = re.sub(r"[’']s$", "", owner)
        # "With Montenegro’s Minister ...": a sentence's first word is no part of the owner
        owner = re.sub(r"^(?:With|And|For|From|To|In|At|On|By|The|As|After|Before|During|Later|Then)(?:\s+|$)", "",
                       owner) or None
        # "on Sunday Omani Foreign Minister", "His Majesty Sultan": a day or a style is no owner
        owner = re.sub(r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)\s*"
                       r"|(?:His|Her)\s+(?:Majesty|Highness|Excellency|Royal\s+Highness)\s*)", "", owner or "") or None
    inner = _INNER.match(title) if match.re is _BEFORE else None
    if inner and "," not in match.string[match.end("title"):match.end()]:
        return PostMention(title=inner.group("title"), owner=inner.group("owner"), complement=None)
    complement = None
    inner = re.match(rf"^(?P<head>{_MODIFIERS}(?:{_HEADS})(?:/(?:{_HEADS}))?)\s+(?:of|for|to)\s+(?:the\s+)?(?P<rest>.+)$", title)
    if inner:
        complement = inner.group("rest")
    where = match.groupdict().get("where")
    if where:
        where = re.split(r"\.\s", where)[0]  # a sentence may end inside: "at Example Ltd. It"
    return PostMention(title=title, owner=owner, complement=complement, where=where)


def post_before(text_before: str) -> PostMention | None:
    """The title written right before a name ("NATO Secretary General" in "... Jane Roe")."""
    match = _BEFORE.search(text_before[-200:])
    return _split(match) if match else None


def posts_before(text_before: str) -> list[PostMention]:
    """Every title before a name, coordinated ones included: "Poland's Deputy Prime Minister and
    Minister of Foreign Affairs, X" gives both offices, the owner shared."""
    tail = text_before[-200:]
    match = _BEFORE.search(tail)
    if not match:
        return []
    found = [_split(match)]
    rest = tail[:match.start()]
    # "The Tánaiste and Minister for Foreign Affairs and Trade and Minister for Defence, X": up to
    # three offices, the owner written once before the first ("Deputy Prime Minister – Minister of X")
    for _ in range(2):
        earlier = re.search(rf"(?:\b{_OWNER}\s+)?{_TITLE}\s+(?:and|[–—])\s+$", rest)
        if not earlier:
            break
        first = _split(earlier)
        found.append(first)
        rest = rest[:earlier.start()]
    owner = next((f.owner for f in reversed(found) if f.owner), None)
    if owner:
        found = [f if f.owner else PostMention(f.title, owner, f.complement, f.where) for f in found]
    last = found[0]
    if last.complement and _EXECUTIVE.match(last.title):
        # "The President and CEO of Examplecorp": both offices are held in the company
        found = [f if f.complement or f.owner or not _BOARD.fullmatch(f.title) else
                 PostMention(f"{f.title} of {last.complement}", None, last.complement, f.where) for f in found]
    return found


_EXECUTIVE = re.compile(r"^(?:CEO|Chief Executive(?: Officer)?|Managing Director|Chief Operating Officer|COO)\b")
_BOARD = re.compile(r"President|Chairman|Chairwoman|Chair|Chairperson|Founder|Director")


_AND_TITLE = re.compile(rf"^\s+and\s+(?:the\s+)?(?:{_OWNER}\s+)?{_TITLE}(?=\s*[,.;)]|$)")


def posts_after(text_after: str) -> list[PostMention]:
    """Every title after a name: ", Member of X and Minister of Foreign Affairs of Y," gives both."""
    first = post_after(text_after)
    if first is None:
        return []
    found = [first]
    at = text_after.find(first.title[1:]) + len(first.title) - 1 if first.title[1:] in text_after else -1
    if at > 0:
        more = _AND_TITLE.match(text_after[at:at + 200])
        if more:
            found.append(_split(more))
    return found


def post_after(text_after: str) -> PostMention | None:
    """The title written right after a name (", NATO Chief Scientist", "(Director, ...)")."""
    match = _PAREN.match(text_after[:200])
    if match:
        post = _split(match)
        if match.group("where"):  # "(Director, Planning Division, IMS)": the portfolio is part of the title
            return PostMention(f"{post.title}, {match.group('portfolio')}", post.owner, post.complement, post.where)
        # "(Director, Example Agency)" names the body; "(Director, Defence Planning)" a portfolio
        return PostMention(post.title, post.owner, post.complement, match.group("portfolio"),
                           portfolio=f"{post.title}, {match.group('portfolio')}")
    match = _AFTER.match(text_after[:200])
    return _split(match) if match else None


# Offices whose complement names a portfolio, not a body: "Minister of Defence",
# "Commissioner for Enlargement" (but "Secretary General of the X Forum" names the body).
_PORTFOLIO_TITLE = re.compile(r"^(?:Deputy\s+)?(?:Minister|Secretary(?![\s-]General)|Commissioner|Advisor|"
                              r"Adviser|Envoy|Special Representative|Representative|Coordinator)\b")


def split_title(post: PostMention, resolve) -> tuple[str, str | None]:
    """Title words and the key of the organisation or country it is held in.

    `resolve(name)` maps a name to an entity key (organisation or country) or None. A complement
    that names a body ("Chair of the NATO Military Committee") becomes the organisation; one that
    does not ("Minister of Defence") stays part of the title.
    """
    title = post.title
    if post.complement == "Republic" and title.endswith("President of the Republic"):
        # "The President of the Republic, Jane Roe": the office is "President"; its state comes
        # from the context, as for a bare "President"
        title = title[: -len(" of the Republic")]
        post = PostMention(title, post.owner, None, post.where, post.portfolio)
    owner = resolve(post.owner) if post.owner else None
    held_in = resolve(post.complement) if owner is not None and post.complement and \
        re.search(r"\s(?:of|for)\s+(?:the\s+)?" + re.escape(post.complement) + "$", title) else None
    if _body_of_the_text(held_in) and not _PORTFOLIO_TITLE.match(title) and title not in lx.TITLE_HEADS:
        # "NATO Chief Scientist and Chair of the X Board": the board, not the shared owner
        return _without(title, post.complement), held_in
    if owner is not None:
        return title.strip(), owner  # "Dutch Permanent Representative to NATO": held for the Netherlands
    if post.owner and title == "Minister" and _PORTFOLIO.fullmatch(post.owner):
        return f"{post.owner} Minister", None  # "External Affairs Minister", "Finance Minister"
    where = resolve(post.where) if post.where else None
    if where is not None and getattr(where, "kind", None) == "organisation":
        return title.strip(), where  # "First Secretary for Cyber Policy in the Example Department"
    if post.portfolio:
        title = post.portfolio
    if title in lx.TITLE_HEADS and not post.where:
        return title, None  # "Chief of the Defence Force": one office; its state comes from the context
    if post.complement and post.where and (target := resolve(f"{post.complement} in {post.where}")) is not None:
        # "Organization for Security and Co-operation in Europe": "in" inside the body's name
        return _without(title, post.complement), target
    # "Director General of the International Organization for Migration": a known body's whole
    # name, "for" and all, before reading "for ..." as the office's portfolio
    whole = resolve(post.complement) if post.complement and " for " in post.complement and \
        re.search(r"\s(?:of|for)\s+(?:the\s+)?" + re.escape(post.complement) + "$", title) else None
    if getattr(whole, "kind", None) == "organisation" and not _PORTFOLIO_TITLE.match(title):
        return _without(title, post.complement), whole
    # "High Representative of the European Union for Foreign Affairs": the body sits between
    # the office and its portfolio.
    between = re.match(r"^(?P<head>.+?)\s+of\s+(?:the\s+)?(?P<body>.+?)\s+(?P<rest>for\s+.+)$", title)
    if between and not _PORTFOLIO_TITLE.match(title) and (target := resolve(between.group("body"))) is not None \
            and normalise_name(between.group("body")) in {normalise_name(n) for n in target.names()}:
        return f"{between.group('head')} {between.group('rest')}", target
    # "Minister for Foreign Affairs of Denmark": the last "of" may introduce the holder's state.
    for of in re.finditer(r"\s+of\s+", title):  # the longest tail first: "of the Republic of Indonesia"
        tail = title[of.end():]
        if tail.startswith("State ") and title[: of.start()].split()[-1] in ("Minister", "Secretary"):
            continue  # "Minister of State of Qatar": the office is "Minister of State", not of the "State of Qatar"
        target = resolve(tail)
        if target is not None and getattr(target, "place_kind", None) == "country":
            return title[: of.start()].strip(), target
        first_of = title.find(" of ") == of.start() or title[of.end():].startswith("the ")
        if target is not None and getattr(target, "kind", None) == "organisation" and not _PORTFOLIO_TITLE.match(title) \
                and not _names_a_body(title[: of.start()], resolve) and (_body_of_the_text(target) or first_of):
            # "Commander of the Armed Forces of Ruritania", "Chief of the General Staff of the X
            # Forces"; but "Chair of the Political and Security Committee of the EU" is the committee's
            return title[: of.start()].strip(), target
        to = re.match(r"^(.+?)(\s+to\s+.+)$", tail)  # "Permanent Representative of Chile to NATO"
        target = resolve(to.group(1)) if to else None
        if target is not None and getattr(target, "place_kind", None) == "country":
            return (title[: of.start()] + to.group(2)).strip(), target
    if post.complement:
        target = resolve(post.complement)
        narrower = re.match(r"^(.+?)\s+of\s+the\s+.+$", post.complement)
        if target is None and narrower:  # "Political and Security Committee of the European Union"
            target = resolve(narrower.group(1))
            if target is not None:
                post = PostMention(post.title[: post.title.rfind(narrower.group(1)) + len(narrower.group(1))],
                                   post.owner, narrower.group(1), post.where)
                title = post.title
        portfolio = _PORTFOLIO_TITLE.match(title)
        body_named = post.complement.split()[0] in lx.ORG_HEADS or post.complement.split()[-1] in lx.ORG_HEADS
        if portfolio and re.fullmatch(r"(?:the\s+)?Armed\s+Forces", post.complement):
            body_named = False  # "Minister of the Armed Forces": France's defence portfolio, not a body
        if target is not None and (not portfolio or getattr(target, "place_kind", None) == "country"
                                   or (body_named and getattr(target, "kind", None) == "organisation")):
            # "Deputy Secretary of the Department of X", "Secretary of the Security Council": a body
            return _without(title, post.complement), target
    return title.strip(), None


def _without(title: str, complement: str) -> str:
    """The title without its complement: "Secretary General of the X Forum" -> "Secretary General"."""
    return re.sub(r"\s+(?:of|for|to)\s+(?:the\s+)?" + re.escape(complement) + r"$", "", title).strip()


def _body_of_the_text(entity) -> bool:
    """Whether `entity` is an organisation the article names, not one proposed from a title alone."""
    return getattr(entity, "kind", None) == "organisation" and bool(getattr(entity, "articles", None))


def _names_a_body(title: str, resolve) -> bool:
    """Whether the complement of a title names a body of the text ("Chair of the X Committee")."""
    inner = re.match(r"^.+?\s+(?:of|for)\s+(?:the\s+)?(.+)$", title)
    return _body_of_the_text(resolve(inner.group(1)) if inner else None)


# Posts of international organisations: held in the publishing organisation when the text
# names no other (a government's release does not say "Minister of <country>" either, but a
# government is not known from its publisher's name alone, so national titles are left open).
_INTERNATIONAL = re.compile(
    r"^(?:Deputy |Assistant |Deputy Assistant )?Secretary[ -]General\b|^Special Representative\b|"
    r"^Chief Scientist$|^Supreme Allied Commander\b|^(?:Deputy )?Chair of the Military Committee$|"
    r"\bfor the Secretary[ -]General$"
)


def is_international_title(title: str) -> bool:
    """Whether the title is one an international organisation gives (Secretary General...)."""
    return bool(_INTERNATIONAL.search(title))


_NATIONAL = re.compile(
    r"\b(?:Minister|Prime Minister|President|Vice[- ]President|Chancellor|Foreign Secretary|"
    r"Defence Secretary|Home Secretary|Secretary of State|Secretary of|State Secretary|King|Queen|"
    r"Chief of (?:the )?(?:Defence|General) Staff|Chief of Defence|Chief of (?:the )?Defen[cs]e Forces?|"
    r"National Security Advis[eo]r|Ambassador|Federal Councillor|Cabinet Secretary|Premier|Governor|"
    r"Chief of (?:Army|Naval|Air) Staff|Commander-in-Chief|Tánaiste|Taoiseach|Emir|Crown Prince|"
    r"Chief of (?:Navy|Army|Air Force)|National Armaments Director|Head of (?:Government|State)|Amir|Sultan|"
    r"Minister-President|Raksha Mantri)\b"
)


def is_national_title(title: str) -> bool:
    """Whether the title is an office of a state (Minister, President, Secretary of State...)."""
    return bool(_NATIONAL.search(title)) and not is_international_title(title)
