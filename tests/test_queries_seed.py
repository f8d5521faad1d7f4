"""Every saved query answers its question on the graph built from the seed articles.

The expected rows are facts the seed texts state (checked against the hand-made gold in
tests/gold/), never whatever the extractor happens to output: each test asserts that the answer
contains such facts, plus properties every answer must have (e.g. a parameter really filters).
Each query also gives the same rows on the embedded store and on rdflib's in-memory graph.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from rdflib.term import Node

from kg.build import build
from kg.namespaces import KG
from kg.queries import get_query, query_names, run_saved
from kg.store import MemoryStore, open_store

ROOT = Path(__file__).resolve().parent.parent
# NATO's label may be its full name or its acronym, depending on which mention names it first.
NATO = {"North Atlantic Treaty Organization", "NATO"}
GEONAMES = "https://sws.geonames.org/"
HELD, PLANNED = str(KG.Held), str(KG.Planned)

COVERED: set[str] = set()


def covers(name: str) -> Callable:
    """Mark a test as the seed case of saved query `name` (see the completeness test below)."""

    def mark(test: Callable) -> Callable:
        COVERED.add(name)
        return test

    return mark


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    """The seed graph, built once for the module with the embedded store."""
    return build([ROOT / "seeds"], tmp_path_factory.mktemp("seed-build"), load_store=True)


@pytest.fixture(scope="module")
def ask(seed_build) -> Callable[..., list[dict[str, str]]]:
    """Run a saved query on both stores, check they agree, and return rows as {var: text}."""
    stores = {"embedded": open_store(seed_build.store, create=False),
              "memory": MemoryStore(seed_build.graph)}

    def run(name: str, params: Mapping[str, str] | None = None) -> list[dict[str, str]]:
        query = get_query(name)
        embedded = run_saved(query, stores["embedded"], params or {})
        memory = run_saved(query, stores["memory"], params or {})
        assert embedded.variables == memory.variables
        # Every saved query orders its rows down to a unique key, so the lists must match.
        assert embedded.rows == memory.rows, f"{name}: the two stores disagree"
        return [{v: _text(t) for v, t in zip(embedded.variables, row)} for row in embedded.rows]

    return run


def _text(term: Node | None) -> str:
    return "" if term is None else str(term)


def project(rows: list[dict[str, str]], *columns: str) -> set[tuple[str, ...]]:
    """The distinct values of some columns."""
    return {tuple(row[c] for c in columns) for row in rows}


def test_the_seed_build_conforms_and_has_a_store(seed_build):
    assert seed_build.report.conforms
    assert seed_build.store is not None and seed_build.store.is_dir()


# ---------------------------------------------------------------- posts and people


@covers("posts-of-person")
def test_posts_of_person_gives_the_secretary_general_post_of_mark_rutte(ask):
    rows = ask("posts-of-person", {"person_name": "Mark Rutte"})
    assert {row["name"] for row in rows} == {"Mark Rutte"}
    assert any(row["title"] == "Secretary General" and row["post_in_label"] in NATO for row in rows)


@covers("posts-of-person")
def test_posts_of_person_gives_ministers_and_presidents_with_their_country(ask):
    assert ("Minister of Defence", "Germany") in project(
        ask("posts-of-person", {"person_name": "Boris Pistorius"}), "title", "post_in_label")
    assert ("President", "Czechia") in project(
        ask("posts-of-person", {"person_name": "petr pavel"}), "title", "post_in_label")


@covers("holders-of-post")
def test_holders_of_post_finds_the_nato_secretary_general(ask):
    rows = ask("holders-of-post", {"title": "Secretary General", "organisation_name": "NATO"})
    assert "Mark Rutte" in {row["name"] for row in rows}
    assert all(row["post_title"].lower() == "secretary general" for row in rows)
    assert all(row["post_in_label"] in NATO for row in rows)


@covers("holders-of-post")
def test_holders_of_post_lists_prime_ministers_with_their_countries(ask):
    rows = ask("holders-of-post", {"title": "prime minister"})
    assert {("Shigeru Ishiba", "Japan"), ("Kristrún Frostadóttir", "Iceland"),
            ("Edi Rama", "Albania")} <= project(rows, "name", "post_in_label")


@covers("people-of-organisation")
def test_people_of_organisation_lists_nato_officials_with_their_titles(ask):
    rows = ask("people-of-organisation", {"organisation_name": "NATO"})
    assert {row["organisation_label"] for row in rows} <= NATO
    assert {
        ("Mark Rutte", "Secretary General"),
        ("Radmila Shekerinska", "Deputy Secretary General"),
        ("Javier Colomina", "Special Representative for the Southern Neighbourhood"),
        ("Jean-Charles Ellermann-Kingombe",
         "Assistant Secretary General for Innovation, Hybrid and Cyber"),
    } <= project(rows, "name", "title")


# ---------------------------------------------------------------- meetings


@covers("meetings-of-person")
def test_meetings_of_person_gives_dates_places_and_status_of_mark_rutte_s_meetings(ask):
    rows = ask("meetings-of-person", {"person_name": "Mark Rutte"})
    assert {row["name"] for row in rows} == {"Mark Rutte"}
    assert {
        ("2025-02-03", "Brussels", HELD),            # informal meeting of EU leaders
        ("2025-05-16", "Tirana", HELD),              # European Political Community
        ("2025-05-21", "NATO Headquarters", PLANNED),  # receives the President of Czechia
        ("2025-05-26", "Dayton", HELD),              # NATO Parliamentary Assembly
    } <= project(rows, "start", "place", "status")
    assert ("2025-02-14", "2025-02-15") in project(rows, "start", "end")  # Munich conference


@covers("meeting-participants")
def test_meeting_participants_of_the_meeting_with_the_president_of_czechia(ask):
    everyone: dict[str, set[str]] = {}
    for row in ask("meeting-participants"):
        everyone.setdefault(row["meeting"], set()).add(row["name"])
    met = [m for m, names in everyone.items() if {"Mark Rutte", "Petr Pavel"} <= names]
    assert met, "no meeting has both Mark Rutte and Petr Pavel as participants"
    rows = ask("meeting-participants", {"meeting": f"<{met[0]}>"})
    assert {row["meeting"] for row in rows} == {met[0]}
    assert {"Mark Rutte", "Petr Pavel"} <= {row["name"] for row in rows}
    assert {row["start"] for row in rows} == {"2025-05-21"}


@covers("meetings-in-date-range")
def test_meetings_in_date_range_gives_the_meetings_of_one_day(ask):
    rows = ask("meetings-in-date-range", {"from": "2025-05-16", "to": "2025-05-16"})
    assert ("2025-05-16", "Tirana", HELD) in project(rows, "start", "place", "status")
    for row in rows:  # every meeting returned overlaps the day
        assert row["start"] <= "2025-05-16" <= (row["end"] or row["start"])


@covers("meetings-in-date-range")
def test_meetings_in_date_range_without_bounds_gives_every_dated_meeting_in_order(ask):
    rows = ask("meetings-in-date-range")
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts)
    assert {"2025-02-03", "2025-05-21"} <= set(starts)


@covers("meetings-in-place")
def test_meetings_in_place_gives_the_meeting_in_tirana(ask):
    rows = ask("meetings-in-place", {"place_name": "Tirana"})
    assert ("2025-05-16", "Tirana", HELD) in project(rows, "start", "venue_label", "status")


@covers("meetings-in-place")
def test_meetings_in_a_country_include_those_in_its_cities(ask):
    rows = ask("meetings-in-place", {"place_name": "Albania"})
    assert {row["place_label"] for row in rows} == {"Albania"}
    assert {("2025-05-16", "Tirana"), ("2025-04-09", "Albania")} <= project(
        rows, "start", "venue_label")


@covers("most-active-people")
def test_most_active_people_puts_the_secretary_general_first(ask):
    rows = ask("most-active-people", {"min_meetings": "2"})
    assert rows[0]["name"] == "Mark Rutte"
    assert int(rows[0]["meetings"]) >= 10
    assert {"Radmila Shekerinska", "Giuseppe Cavo Dragone", "Javier Colomina"} <= {
        row["name"] for row in rows}
    assert all(int(row["meetings"]) >= 2 for row in rows)


@covers("who-met-whom")
def test_who_met_whom_lists_the_people_mark_rutte_met(ask):
    rows = ask("who-met-whom", {"person_name": "Mark Rutte"})
    assert {row["a_name"] for row in rows} == {"Mark Rutte"}
    assert {"Petr Pavel", "Kristrún Frostadóttir", "Shigeru Ishiba", "Gen Nakatani",
            "Keith Kellogg", "Ursula von der Leyen", "John Healey", "Boris Pistorius",
            "North Atlantic Council"} <= {row["b_name"] for row in rows}


@covers("places-visited-by-person")
def test_places_visited_by_mark_rutte_with_their_countries(ask):
    rows = ask("places-visited-by-person", {"person_name": "Mark Rutte"})
    assert {("Tokyo", "Japan"), ("Tirana", "Albania"), ("Dayton", "United States"),
            ("Brussels", "Belgium")} <= project(rows, "place_label", "country_label")


# ---------------------------------------------------------------- organisations and partnerships


@covers("organisation-timeline")
def test_organisation_timeline_of_nato_has_its_meetings_and_partnerships_in_order(ask):
    rows = ask("organisation-timeline", {"organisation_name": "NATO"})
    assert {row["organisation_label"] for row in rows} <= NATO
    assert {("2025-02-03", "meeting"), ("2025-05-16", "meeting"), ("2025-05-21", "meeting"),
            ("1995", "partnership")} <= project(rows, "date", "kind")
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates)


@covers("partners-of")
def test_partners_of_japan_and_tunisia_include_nato(ask):
    assert {row["partner_label"] for row in ask("partners-of", {"party_name": "Japan"})} & NATO
    tunisia = ask("partners-of", {"party_name": "Tunisia"})
    assert any(row["partner_label"] in NATO and row["framework"] == "Mediterranean Dialogue"
               and row["since"] == "1995" for row in tunisia)


@covers("partnership-frameworks")
def test_partnership_frameworks_gives_the_members_of_the_mediterranean_dialogue(ask):
    rows = ask("partnership-frameworks", {"framework_name": "mediterranean dialogue"})
    assert {row["framework"] for row in rows} == {"Mediterranean Dialogue"}
    assert ("Tunisia", "1995") in project(rows, "member_label", "since")
    assert {row["member_label"] for row in rows} & NATO


# ---------------------------------------------------------------- articles, evidence, lookup


@covers("articles-mentioning")
def test_articles_mentioning_a_person_give_the_article_that_names_them(ask):
    rows = ask("articles-mentioning", {"entity_name": "Keith Kellogg"})
    assert ("NATO Secretary General welcomes United States Special Envoy Keith Kellogg to the "
            "North Atlantic Council", "2025-02-17") in project(rows, "title", "date")
    rows = ask("articles-mentioning", {"entity_name": "Petr Pavel"})
    assert ("NATO Secretary General meets the President of Czechia", "2025-05-21") in project(
        rows, "title", "date")


@covers("evidence-of-fact")
def test_evidence_of_the_secretary_general_post_quotes_sentences_naming_him(ask):
    posts = [row["post"] for row in ask("posts-of-person", {"person_name": "Mark Rutte"})
             if row["title"] == "Secretary General"]
    rows = ask("evidence-of-fact", {"fact": f"<{posts[0]}>"})
    assert {row["fact"] for row in rows} == {posts[0]}
    assert any("Secretary General Mark Rutte" in row["sentence"] for row in rows)
    assert all(row["article_title"] for row in rows)


@covers("find-entity")
def test_find_entity_finds_a_person_by_part_of_the_name_ignoring_case(ask):
    rows = ask("find-entity", {"text": "rutte"})
    assert ("Mark Rutte", str(KG.Person)) in project(rows, "label", "type")
    assert ("Keith Kellogg", str(KG.Person)) in project(
        ask("find-entity", {"text": "KELLOGG"}), "label", "type")


@covers("entities-with-external-links")
def test_entities_with_external_links_give_geonames_for_countries_and_cities(ask):
    countries = ask("entities-with-external-links", {"class": "kg:Country"})
    assert {row["type"] for row in countries} == {str(KG.Country)}
    assert {("Japan", GEONAMES + "1861060/"), ("Czechia", GEONAMES + "3077311/"),
            ("Belgium", GEONAMES + "2802361/")} <= project(countries, "label", "link")
    everything = ask("entities-with-external-links")
    assert {("Tokyo", str(KG.City), GEONAMES + "1850147/"),
            ("Brussels", str(KG.City), GEONAMES + "2800866/")} <= project(
        everything, "label", "type", "link")


def test_every_saved_query_has_a_seed_case():
    assert COVERED == set(query_names())
