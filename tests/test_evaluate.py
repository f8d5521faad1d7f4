"""Specification of `kg evaluate`: how a graph is scored against gold annotation files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import evaluate, format_report, gold_as_graph, load_gold, load_graph, report_to_dict

DATA = Path(__file__).parent / "data" / "evaluate"

PREFIXES = """
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix a: <https://w3id.org/newskg/id/article/> .
@prefix p: <https://w3id.org/newskg/id/person/> .
@prefix o: <https://w3id.org/newskg/id/organisation/> .
@prefix l: <https://w3id.org/newskg/id/location/> .
@prefix post: <https://w3id.org/newskg/id/post/> .
@prefix m: <https://w3id.org/newskg/id/meeting/> .
@prefix pa: <https://w3id.org/newskg/id/partnership/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

TITLE = "Ministers of the Baltic Forum meet in Riga"


def graph(turtle: str, title: str = TITLE) -> Graph:
    """A graph of one article node `a:x` titled `title`, plus the given Turtle."""
    g = Graph()
    g.parse(data=PREFIXES + f'a:x a kg:Article ; dcterms:title "{title}" .\n' + turtle, format="turtle")
    return g


def write_gold(folder: Path, name: str = "01.json", title: str = TITLE, **lists: list) -> Path:
    """One gold file with every list present (empty unless given)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {"article": {"title": title, "date": "2030-01-01"}}
    for key in ("persons", "organisations", "locations", "meetings", "partnerships", "ignore"):
        data[key] = lists.get(key, [])
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def person(name: str, *aliases: str, posts: list | None = None) -> dict:
    return {"name": name, "aliases": list(aliases), "posts": posts or []}


def org(name: str, *aliases: str) -> dict:
    return {"name": name, "aliases": list(aliases)}


TWO_PEOPLE = {"persons": [person("Ilze Ozola", "Ozola"), person("Jonas Petras", "Petras")]}


# --- the fixture corpus --------------------------------------------------------------------


def test_a_graph_holding_exactly_the_gold_scores_one_everywhere() -> None:
    report = evaluate(load_graph(DATA / "perfect.ttl"), load_gold(DATA / "gold"))
    for kind, s in report.scores.items():
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), kind
    assert report.scores["persons"].tp == 3
    assert report.scores["meeting_participants"].tp == 6
    assert all(not items for items in report.misses.values())
    assert all(not items for items in report.spurious.values())
    assert len(report.articles_matched) == 2 and report.articles_unmatched == []


# --- persons, organisations, locations -----------------------------------------------------


def test_a_missed_person_lowers_recall_only(tmp_path: Path) -> None:
    g = graph('p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .')
    s = evaluate(g, load_gold(write_gold(tmp_path, **TWO_PEOPLE)))
    assert (s.scores["persons"].tp, s.scores["persons"].fp, s.scores["persons"].fn) == (1, 0, 1)
    assert s.scores["persons"].precision == 1.0 and s.scores["persons"].recall == 0.5
    assert s.misses["persons"] == ["Jonas Petras"]


def test_a_spurious_person_lowers_precision_only(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .
        p:j a kg:Person ; rdfs:label "Jonas Petras" ; kg:mentionedIn a:x .
        p:q a kg:Person ; rdfs:label "Riga Castle" ; kg:mentionedIn a:x .
    """)
    s = evaluate(g, load_gold(write_gold(tmp_path, **TWO_PEOPLE)))
    assert (s.scores["persons"].tp, s.scores["persons"].fp, s.scores["persons"].fn) == (2, 1, 0)
    assert s.scores["persons"].recall == 1.0 and s.scores["persons"].precision == pytest.approx(2 / 3)
    assert s.spurious["persons"] == ["Riga Castle"]


def test_a_person_split_into_two_nodes_is_one_match_and_one_duplicate(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .
        p:o2 a kg:Person ; rdfs:label "Ozola" ; kg:mentionedIn a:x .
        p:j a kg:Person ; rdfs:label "Jonas Petras" ; kg:mentionedIn a:x .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **TWO_PEOPLE)))
    s = report.scores["persons"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert report.duplicate_count("persons") == 1
    [(name, nodes)] = report.duplicates["persons"]
    assert name == "Ilze Ozola"
    assert sorted(nodes) == ["https://w3id.org/newskg/id/person/o", "https://w3id.org/newskg/id/person/o2"]


def test_one_node_merging_two_gold_people_earns_only_one_match(tmp_path: Path) -> None:
    gold = {"persons": [person("Ilze Ozola"), person("Jonas Petras")]}
    g = graph('p:both a kg:Person ; rdfs:label "Ilze Ozola" ; skos:altLabel "Jonas Petras" ; '
              "kg:mentionedIn a:x .")
    s = evaluate(g, load_gold(write_gold(tmp_path, **gold))).scores["persons"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)


def test_honorifics_case_and_accents_are_ignored_when_matching_names(tmp_path: Path) -> None:
    gold = {"persons": [person("Ilze Ozola"), person("Gen Kato")],
            "locations": [{"name": "Rīga", "kind": "city"}]}
    g = graph("""
        p:o a kg:Person ; rdfs:label "Dr ILZE OZOLA" ; kg:mentionedIn a:x .
        p:k a kg:Person ; rdfs:label "Mr Gen Kato" ; kg:mentionedIn a:x .
        l:r a kg:Location, kg:City ; rdfs:label "Riga" ; kg:mentionedIn a:x .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **gold)))
    assert report.scores["persons"].f1 == 1.0
    assert report.scores["locations"].f1 == 1.0


def test_a_rank_is_not_confused_with_a_given_name(tmp_path: Path) -> None:
    g = graph('p:k a kg:Person ; rdfs:label "Kato" ; kg:mentionedIn a:x .')
    s = evaluate(g, load_gold(write_gold(tmp_path, persons=[person("Gen Kato")]))).scores["persons"]
    assert s.tp == 0


def test_ignore_list_suppresses_false_positives_only_in_articles_that_mention_them(tmp_path: Path) -> None:
    write_gold(tmp_path, "01.json", organisations=[org("Baltic Forum")], ignore=["Forum Press Office"])
    write_gold(tmp_path, "02.json", title="Baltic Forum opens office")
    g = graph("""
        o:f a kg:Organisation ; rdfs:label "Baltic Forum" ; kg:mentionedIn a:x .
        o:press a kg:Organisation ; rdfs:label "the Forum Press Office" ; kg:mentionedIn a:x .
        a:y a kg:Article ; dcterms:title "Baltic Forum opens office" .
        o:press2 a kg:Organisation ; rdfs:label "Forum Press Office" ; kg:mentionedIn a:y .
    """)
    report = evaluate(g, load_gold(tmp_path))
    s = report.scores["organisations"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert report.spurious["organisations"] == ["Forum Press Office"]


def test_gold_entities_from_different_files_sharing_a_name_are_one_entity(tmp_path: Path) -> None:
    write_gold(tmp_path, "01.json", persons=[person("Ilze Ozola", "Ozola")])
    write_gold(tmp_path, "02.json", title="Ozola travels to Vilnius",
               persons=[person("Ozola", "Minister Ilze Ozola-Berzina")])
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola-Berzina" ; kg:mentionedIn a:x .
    """)
    report = evaluate(g, load_gold(tmp_path))
    s = report.scores["persons"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert report.articles_unmatched == ["Ozola travels to Vilnius"]


def test_locations_of_any_subclass_count_but_other_types_do_not(tmp_path: Path) -> None:
    gold = {"locations": [{"name": "Latvia", "kind": "country"}, {"name": "Baltic Sea", "kind": "region"}]}
    g = graph("""
        l:lv a kg:Country ; rdfs:label "Latvia" ; kg:mentionedIn a:x .
        o:sea a kg:Organisation ; rdfs:label "Baltic Sea" ; kg:mentionedIn a:x .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **gold)))
    assert (report.scores["locations"].tp, report.scores["locations"].fn) == (1, 1)
    assert report.scores["organisations"].fp == 1


def test_only_content_of_matched_articles_is_scored(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .
        p:j a kg:Person ; rdfs:label "Jonas Petras" ; kg:mentionedIn a:x .
        a:other a kg:Article ; dcterms:title "An article the gold does not cover" .
        p:z a kg:Person ; rdfs:label "Zane Kalnina" ; kg:mentionedIn a:other .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **TWO_PEOPLE)))
    assert report.scores["persons"].fp == 0 and report.scores["persons"].f1 == 1.0


def test_articles_match_on_normalised_titles(tmp_path: Path) -> None:
    g = graph('p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .',
              title="ministers of the baltic forum meet in riga.")
    report = evaluate(g, load_gold(write_gold(tmp_path, persons=[person("Ilze Ozola")])))
    assert report.articles_matched == [TITLE] and report.scores["persons"].tp == 1


# --- posts ---------------------------------------------------------------------------------


POSTS_GOLD = {
    "persons": [person("Ilze Ozola", posts=[{"title": "Minister of Foreign Affairs", "organisation": "Latvia"}]),
                person("Jonas Petras", posts=[{"title": "Chair", "organisation": None}])],
    "organisations": [org("Baltic Forum")],
    "locations": [{"name": "Latvia", "kind": "country"}],
}


def test_posts_match_on_person_title_words_and_organisation(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:holdsPost post:fm ; kg:mentionedIn a:x .
        post:fm a kg:Post ; kg:title "Foreign Affairs Minister" ; kg:postIn l:lv ; prov:wasDerivedFrom a:x .
        l:lv a kg:Country ; rdfs:label "Latvia" ; kg:mentionedIn a:x .
        p:j a kg:Person ; rdfs:label "Jonas Petras" ; kg:holdsPost post:chair ; kg:mentionedIn a:x .
        post:chair a kg:Post ; kg:title "Chair" ; prov:wasDerivedFrom a:x .
    """)
    s = evaluate(g, load_gold(write_gold(tmp_path, **POSTS_GOLD))).scores["posts"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


def test_a_gold_post_without_organisation_accepts_a_graph_post_with_one(tmp_path: Path) -> None:
    g = graph("""
        p:j a kg:Person ; rdfs:label "Jonas Petras" ; kg:holdsPost post:chair ; kg:mentionedIn a:x .
        post:chair a kg:Post ; kg:title "Chair" ; kg:postIn o:f ; prov:wasDerivedFrom a:x .
        o:f a kg:Organisation ; rdfs:label "Baltic Forum" ; kg:mentionedIn a:x .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **POSTS_GOLD)))
    assert (report.scores["posts"].tp, report.scores["posts"].fp, report.scores["posts"].fn) == (1, 0, 1)
    assert report.misses["posts"] == ["Ilze Ozola: Minister of Foreign Affairs (Latvia)"]


def test_a_post_with_the_wrong_title_or_missing_organisation_does_not_match(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:holdsPost post:fm, post:dm ; kg:mentionedIn a:x .
        post:fm a kg:Post ; kg:title "Minister of Foreign Affairs" ; prov:wasDerivedFrom a:x .
        post:dm a kg:Post ; kg:title "Minister of Defence" ; kg:postIn l:lv ; prov:wasDerivedFrom a:x .
        l:lv a kg:Country ; rdfs:label "Latvia" ; kg:mentionedIn a:x .
    """)
    s = evaluate(g, load_gold(write_gold(tmp_path, **POSTS_GOLD))).scores["posts"]
    assert (s.tp, s.fp, s.fn) == (0, 2, 2)


# --- meetings ------------------------------------------------------------------------------


MEETING_GOLD = {
    **TWO_PEOPLE,
    "organisations": [org("Baltic Forum")],
    "locations": [{"name": "Riga", "kind": "city"}],
    "meetings": [
        {"label": "Forum ministers meet", "participants": ["Ozola", "Petras"], "location": "Riga",
         "start": "2030-01-02", "end": "2030-01-02", "status": "held"},
        {"label": "Ozola briefs the Forum", "participants": ["Ilze Ozola", "Baltic Forum"],
         "location": None, "start": "2030-01-03", "end": "2030-01-03", "status": "held"},
    ],
}


def test_meetings_are_scored_as_per_article_sets_over_all_derived_meetings(tmp_path: Path) -> None:
    # One graph meeting holding everything is as good as two: the sets are per article.
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .
        p:j a kg:Person ; rdfs:label "Jonas Petras" ; kg:mentionedIn a:x .
        o:f a kg:Organisation ; rdfs:label "Baltic Forum" ; kg:mentionedIn a:x .
        l:r a kg:City ; rdfs:label "Riga" ; kg:mentionedIn a:x .
        m:1 a kg:Meeting ; kg:participant p:o, p:j, o:f ; kg:location l:r ;
            kg:startDate "2030-01-02"^^xsd:date, "2030-01-03"^^xsd:date ; prov:wasDerivedFrom a:x .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **MEETING_GOLD)))
    for kind, tp in (("meeting_participants", 3), ("meeting_locations", 1), ("meeting_start_dates", 2)):
        s = report.scores[kind]
        assert (s.tp, s.fp, s.fn) == (tp, 0, 0), kind


def test_meeting_misses_and_extras_count_against_recall_and_precision(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .
        p:z a kg:Person ; rdfs:label "Zane Kalnina" ; kg:mentionedIn a:x .
        l:t a kg:City ; rdfs:label "Tallinn" ; kg:mentionedIn a:x .
        m:1 a kg:Meeting ; kg:participant p:o, p:z ; kg:location l:t ;
            kg:startDate "2030-01-02"^^xsd:date, "2030-02-01"^^xsd:date ; prov:wasDerivedFrom a:x .
    """)
    report = evaluate(g, load_gold(write_gold(tmp_path, **MEETING_GOLD)))
    s = report.scores
    assert (s["meeting_participants"].tp, s["meeting_participants"].fp, s["meeting_participants"].fn) == (1, 1, 2)
    assert (s["meeting_locations"].tp, s["meeting_locations"].fp, s["meeting_locations"].fn) == (0, 1, 1)
    assert (s["meeting_start_dates"].tp, s["meeting_start_dates"].fp, s["meeting_start_dates"].fn) == (1, 1, 1)
    assert report.spurious["meeting_participants"] == [f"{TITLE}: Zane Kalnina"]
    assert sorted(report.misses["meeting_participants"]) == [f"{TITLE}: Baltic Forum", f"{TITLE}: Jonas Petras"]


def test_meetings_of_an_unmatched_article_count_as_misses(tmp_path: Path) -> None:
    report = evaluate(graph(""), load_gold(write_gold(tmp_path, title="Another title", **MEETING_GOLD)))
    assert report.scores["meeting_participants"].fn == 3
    assert report.scores["meeting_start_dates"].fn == 2
    assert report.articles_unmatched == ["Another title"]


def _two_articles(tmp_path: Path) -> Path:
    meeting = {"label": "Forum ministers meet", "participants": ["Ilze Ozola"], "location": None,
               "start": "2030-01-02", "end": None, "status": "planned"}
    write_gold(tmp_path, "01.json", persons=[person("Ilze Ozola")], meetings=[meeting])
    write_gold(tmp_path, "02.json", title="Forum ministers met in Riga",
               persons=[person("Ilze Ozola")], meetings=[{**meeting, "status": "held"}])
    return tmp_path


def test_an_event_reported_in_two_articles_is_merged_when_one_meeting_derives_from_both(tmp_path: Path) -> None:
    g = graph("""
        a:y a kg:Article ; dcterms:title "Forum ministers met in Riga" .
        m:1 a kg:Meeting ; prov:wasDerivedFrom a:x, a:y .
    """)
    [merge] = evaluate(g, load_gold(_two_articles(tmp_path))).event_merges
    assert merge.label == "Forum ministers meet" and merge.merged
    assert merge.meetings == ["https://w3id.org/newskg/id/meeting/1"]
    assert merge.articles == [TITLE, "Forum ministers met in Riga"]


def test_an_event_split_into_two_meetings_is_reported_as_not_merged(tmp_path: Path) -> None:
    g = graph("""
        a:y a kg:Article ; dcterms:title "Forum ministers met in Riga" .
        m:1 a kg:Meeting ; prov:wasDerivedFrom a:x .
        m:2 a kg:Meeting ; prov:wasDerivedFrom a:y .
    """)
    [merge] = evaluate(g, load_gold(_two_articles(tmp_path))).event_merges
    assert not merge.merged and merge.meetings == []


# --- partnerships --------------------------------------------------------------------------


PARTNER_GOLD = {
    "organisations": [org("Baltic Forum"), org("Forum Science Office", "FSO"), org("Riga University")],
    "locations": [{"name": "Latvia", "kind": "country"}],
    "partnerships": [{"parties": [["Latvia"], ["Forum Science Office", "Baltic Forum"]],
                      "framework": None, "since": None}],
}


@pytest.mark.parametrize("second", ["o:fso", "o:f"])
def test_a_partnership_party_matches_any_of_its_acceptable_names(tmp_path: Path, second: str) -> None:
    g = graph(f"""
        l:lv a kg:Country ; rdfs:label "Latvia" ; kg:mentionedIn a:x .
        o:f a kg:Organisation ; rdfs:label "Baltic Forum" ; kg:mentionedIn a:x .
        o:fso a kg:Organisation ; rdfs:label "FSO" ; kg:mentionedIn a:x .
        pa:1 a kg:Partnership ; kg:partner {second}, l:lv ; prov:wasDerivedFrom a:x .
    """)
    s = evaluate(g, load_gold(write_gold(tmp_path, **PARTNER_GOLD))).scores["partnerships"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


@pytest.mark.parametrize("partners", ["o:f, o:fso", "l:lv, o:f, o:u", "l:lv"])
def test_a_partnership_needs_a_one_to_one_assignment_of_parties(tmp_path: Path, partners: str) -> None:
    g = graph(f"""
        l:lv a kg:Country ; rdfs:label "Latvia" .
        o:f a kg:Organisation ; rdfs:label "Baltic Forum" .
        o:fso a kg:Organisation ; rdfs:label "Forum Science Office" .
        o:u a kg:Organisation ; rdfs:label "Riga University" .
        pa:1 a kg:Partnership ; kg:partner {partners} ; prov:wasDerivedFrom a:x .
    """)
    s = evaluate(g, load_gold(write_gold(tmp_path, **PARTNER_GOLD))).scores["partnerships"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_a_partnership_stated_twice_in_one_article_counts_once(tmp_path: Path) -> None:
    g = graph("""
        l:lv a kg:Country ; rdfs:label "Latvia" .
        o:f a kg:Organisation ; rdfs:label "Baltic Forum" .
        pa:1 a kg:Partnership ; kg:partner l:lv, o:f ; prov:wasDerivedFrom a:x .
        pa:2 a kg:Partnership ; kg:partner o:f, l:lv ; prov:wasDerivedFrom a:x .
    """)
    s = evaluate(g, load_gold(write_gold(tmp_path, **PARTNER_GOLD))).scores["partnerships"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


# --- loading gold and graphs ---------------------------------------------------------------


def test_gold_that_is_not_json_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: not valid JSON"):
        load_gold(tmp_path)


def test_gold_missing_a_list_is_an_input_error(tmp_path: Path) -> None:
    path = write_gold(tmp_path) / "01.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["ignore"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"01\.json: the gold file lacks the key 'ignore'"):
        load_gold(tmp_path)


@pytest.mark.parametrize("lists", [
    {"meetings": [{"label": "x", "participants": ["Nobody Known"], "location": None, "start": None}]},
    {"meetings": [{"label": "x", "participants": [], "location": "Atlantis", "start": None}]},
    {"persons": [person("Ilze Ozola", posts=[{"title": "Chair", "organisation": "Unknown Body"}])]},
    {"partnerships": [{"parties": [["Latvia"], ["Unknown Body"]]}],
     "locations": [{"name": "Latvia", "kind": "country"}]},
])
def test_gold_names_that_resolve_to_no_entity_of_the_file_are_input_errors(tmp_path: Path, lists: dict) -> None:
    write_gold(tmp_path, **lists)
    with pytest.raises(InputError, match=r"01\.json: .*is not the name or alias of any"):
        load_gold(tmp_path)


def test_a_gold_directory_must_exist_and_hold_gold_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a directory"):
        load_gold(tmp_path / "missing")
    with pytest.raises(InputError, match="holds no"):
        load_gold(tmp_path)


def test_graph_files_are_read_by_extension_and_bad_ones_are_input_errors(tmp_path: Path) -> None:
    nt = tmp_path / "g.nt"
    load_graph(DATA / "perfect.ttl").serialize(nt, format="nt", encoding="utf-8")
    assert len(load_graph(nt)) == len(load_graph(DATA / "perfect.ttl"))
    (tmp_path / "g.xyz").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="unknown RDF file extension"):
        load_graph(tmp_path / "g.xyz")
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ttl: cannot parse as turtle"):
        load_graph(tmp_path / "bad.ttl")


# --- report and CLI ------------------------------------------------------------------------


def _imperfect(tmp_path: Path) -> Path:
    """The fixture graph without one person node."""
    g = load_graph(DATA / "perfect.ttl")
    g.remove((g.namespace_manager.expand_curie("person:mari-saar"), None, None))
    path = tmp_path / "imperfect.ttl"
    g.serialize(path, format="turtle")
    return path


def test_format_report_is_a_table_then_the_lists(tmp_path: Path) -> None:
    text = format_report(evaluate(load_graph(_imperfect(tmp_path)), load_gold(DATA / "gold")))
    lines = text.splitlines()
    assert lines[0].split() == ["type", "tp", "fp", "fn", "dup", "P", "R", "F1"]
    assert lines[1].split() == ["persons", "2", "0", "1", "0", "1.000", "0.667", "0.800"]
    assert "  persons: Mari Saar" in lines
    assert "  merged: Varga visits Tallinn (2 articles)" in lines


def test_cli_prints_the_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(DATA / "perfect.ttl"), str(DATA / "gold")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].split() == ["persons", "3", "0", "0", "0", "1.000", "1.000", "1.000"]
    assert "Articles matched: 2 of 2" in result.stdout


def test_cli_json_output_is_the_report_dict(tmp_path: Path) -> None:
    graph_path = _imperfect(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", str(graph_path), str(DATA / "gold"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == report_to_dict(evaluate(load_graph(graph_path), load_gold(DATA / "gold")))
    assert data["scores"]["persons"] == {"tp": 2, "fp": 0, "fn": 1, "precision": 1.0,
                                         "recall": 0.6667, "f1": 0.8, "duplicates": 0}
    assert data["misses"]["persons"] == ["Mari Saar"]


def test_cli_min_f1_floors_set_the_exit_code(tmp_path: Path) -> None:
    args = ["evaluate", str(_imperfect(tmp_path)), str(DATA / "gold")]
    runner = CliRunner()
    met = runner.invoke(cli, [*args, "--min-f1", "persons=0.8", "--min-f1", "locations=1"])
    assert met.exit_code == 0, met.output
    failed = runner.invoke(cli, [*args, "--min-f1", "persons=0.9", "--min-f1", "locations=1"])
    assert failed.exit_code == 1
    assert "persons: F1 0.800 is below the floor 0.900" in failed.stderr
    assert "locations" not in failed.stderr


@pytest.mark.parametrize("floor", ["people=0.5", "persons", "persons=high", "persons=2"])
def test_cli_rejects_malformed_floors(floor: str) -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(DATA / "perfect.ttl"), str(DATA / "gold"),
                                      "--min-f1", floor])
    assert result.exit_code == 2
    assert "--min-f1" in result.stderr


def test_cli_bad_inputs_give_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text("@prefix broken", encoding="utf-8")
    gold = tmp_path / "gold"
    shutil.copytree(DATA / "gold", gold)
    runner = CliRunner()
    for args, needle in (
        ([str(tmp_path / "bad.ttl"), str(gold)], "bad.ttl: cannot parse as turtle"),
        ([str(tmp_path / "none.ttl"), str(gold)], "none.ttl: no such file"),
        ([str(DATA / "perfect.ttl"), str(tmp_path / "nowhere")], "nowhere: not a directory"),
    ):
        result = runner.invoke(cli, ["evaluate", *args])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("Error: ") and needle in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_ignored_names_are_not_spurious_meeting_participants(tmp_path: Path) -> None:
    g = graph("""
        p:o a kg:Person ; rdfs:label "Ilze Ozola" ; kg:mentionedIn a:x .
        o:press a kg:Organisation ; rdfs:label "Forum Press Office" ; kg:mentionedIn a:x .
        m:1 a kg:Meeting ; kg:participant p:o, o:press ; prov:wasDerivedFrom a:x .
    """)
    gold = {**MEETING_GOLD, "ignore": ["Forum Press Office"]}
    s = evaluate(g, load_gold(write_gold(tmp_path, **gold))).scores["meeting_participants"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 2)


@pytest.mark.parametrize(("lists", "message"), [
    ({"persons": ["Ilze Ozola"]}, r"persons\[0\] lacks the key 'name'"),
    ({"organisations": [{"name": "Forum", "aliases": "F"}]}, r"organisations\[0\]: 'aliases' must be a list"),
    ({"meetings": [{"participants": []}]}, r"meetings\[0\] lacks the key 'label'"),
])
def test_malformed_gold_items_are_input_errors_naming_the_item(tmp_path: Path, lists: dict, message: str) -> None:
    write_gold(tmp_path, **lists)
    with pytest.raises(InputError, match=r"01\.json: " + message):
        load_gold(tmp_path)


# --- agreement: one gold annotation scored against another ------------------------------


def test_an_annotation_agrees_fully_with_itself() -> None:
    gold = load_gold(DATA / "gold")
    report = evaluate(gold_as_graph(gold), gold)
    for kind, s in report.scores.items():
        assert (s.fp, s.fn) == (0, 0), kind
    assert report.scores["persons"].tp == 3 and report.scores["meeting_participants"].tp == 6
    assert [m.merged for m in report.event_merges] == [True]
    assert all(not d for d in report.duplicates.values())


def test_an_annotation_of_the_same_text_agrees_only_where_it_says_the_same(tmp_path: Path) -> None:
    first = write_gold(tmp_path / "first", **MEETING_GOLD)
    # The second annotator misses the Forum and places the first meeting at the Castle.
    second = write_gold(
        tmp_path / "second",
        persons=MEETING_GOLD["persons"],
        locations=[{"name": "Riga Castle"}],
        meetings=[{"label": "Ministers meet", "participants": ["Ilze Ozola", "Jonas Petras"],
                   "location": "Riga Castle", "start": "2030-01-02"}])
    s = evaluate(gold_as_graph(load_gold(second)), load_gold(first)).scores
    assert (s["persons"].tp, s["persons"].fp, s["persons"].fn) == (2, 0, 0)
    assert (s["organisations"].tp, s["organisations"].fn) == (0, 1)
    assert (s["locations"].tp, s["locations"].fp, s["locations"].fn) == (0, 1, 1)
    assert (s["meeting_participants"].tp, s["meeting_participants"].fn) == (2, 1)
    assert (s["meeting_locations"].fp, s["meeting_locations"].fn) == (1, 1)
    assert (s["meeting_start_dates"].tp, s["meeting_start_dates"].fn) == (1, 1)


def test_partnership_parties_and_posts_are_compared_like_an_extractor_s(tmp_path: Path) -> None:
    minister = person("Ilze Ozola", posts=[{"title": "Minister of Defence", "organisation": "Latvia"}])
    lists = {"persons": [minister], "organisations": [org("Baltic Forum")],
             "locations": [{"name": "Latvia"}, {"name": "Estonia"}],
             "partnerships": [{"parties": ["Latvia", "Estonia"]}]}
    first = write_gold(tmp_path / "first", **lists)
    second = write_gold(tmp_path / "second", **{
        **lists, "persons": [person("Ilze Ozola", posts=[{"title": "Deputy Minister of Defence", "organisation": "Latvia"}])],
        "partnerships": [{"parties": ["Latvia", "Estonia", "Baltic Forum"]}]})
    s = evaluate(gold_as_graph(load_gold(second)), load_gold(first)).scores
    assert (s["posts"].tp, s["posts"].fp, s["posts"].fn) == (0, 1, 1)  # another title
    assert (s["partnerships"].tp, s["partnerships"].fp, s["partnerships"].fn) == (0, 1, 1)


def test_cli_scores_a_gold_directory_against_another(tmp_path: Path) -> None:
    second = tmp_path / "second"
    shutil.copytree(DATA / "gold", second)
    result = CliRunner().invoke(cli, ["evaluate", str(second), str(DATA / "gold")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].split() == ["persons", "3", "0", "0", "0", "1.000", "1.000", "1.000"]


def test_cli_a_bad_gold_directory_in_place_of_the_graph_is_a_one_line_error(tmp_path: Path) -> None:
    bad = write_gold(tmp_path / "bad", title=TITLE)
    (bad / "01.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(bad), str(DATA / "gold")])
    assert result.exit_code != 0
    assert "01.json" in result.output and "not valid JSON" in result.output
    assert "Traceback" not in result.output
