"""Each extraction component on small invented texts (no seed facts)."""

import datetime
import types

import pytest

from kg.extract import events, partnerships, posts as post_rules
from kg.extract.mentions import classify_name, clean_name, find_mentions
from kg.extract.nlp import load
from kg.extract.posts import post_after, post_before
from kg.extract.resolve import resolve_article
from kg.extract.pipeline import extract, article_text
from kg.reader import Article


@pytest.fixture(scope="module")
def nlp():
    return load()


def _article(title, body, date=datetime.date(2030, 5, 6), publisher="NATO"):
    return Article(title=title, body=body, date=date, reference_date=date, publisher=publisher,
                   url=None, sources=("test.txt",))


@pytest.mark.parametrize("raw, clean", [
    ("Mr Arne Falk", "Arne Falk"), ("Lieutenant General Ola Berg", "Ola Berg"),
    ("the Alliance", "Alliance"), ("Colonel (IT AR) Lia Bruni", "Lia Bruni"),
    ("Ruritania’s", "Ruritania"),
])
def test_clean_name_drops_honorifics_ranks_articles_and_possessives(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize("name, hint, kind", [
    ("press@example.org", "organisation", None),
    ("@ExampleMinistry", "organisation", None),
    ("Media", "organisation", None),
    ("Q&A", "organisation", None),
    ("Allied Chiefs of Defence", "organisation", None),
    ("Comprehensive Assistance Package", "organisation", None),
    ("Mediterranean Dialogue", "organisation", None),
    ("Polish", "location", None),
    ("H.E", "organisation", None),
    ("North Atlantic Council", "organisation", "organisation"),
    ("Brussels", "organisation", "location"),
    ("Eastport Naval Base", "organisation", "location"),
])
def test_classify_name_rejects_noise_and_types_names(name, hint, kind):
    assert classify_name(name, hint) == kind


@pytest.mark.parametrize("before, title, owner", [
    ("On Monday, NATO Deputy Secretary General ", "Deputy Secretary General", "NATO"),
    ("he met the Minister of Defence, Mr ", "Minister of Defence", None),
    ("talks with Freedonia’s Foreign Minister ", "Foreign Minister", "Freedonia"),
    ("hosted by the Chair of the Ruritanian Military Committee, Admiral ",
     "Chair of the Ruritanian Military Committee", None),
])
def test_a_title_written_before_a_name_is_read_as_a_post(before, title, owner):
    post = post_before(before)
    assert post is not None and post.title == title and post.owner == owner


def test_a_title_after_a_name_in_apposition_is_read_as_a_post():
    post = post_after(", Chief Scientist of the Example Agency, said")
    assert post is not None and post.title == "Chief Scientist of the Example Agency"


def test_a_list_of_ministers_does_not_run_into_the_next_name():
    post = post_before("the Minister of Trade, Arne Falk, the Minister of Economy, Trade and Industry, Mr ")
    assert post is not None and post.title == "Minister of Economy, Trade and Industry"


def test_surnames_and_honorific_forms_resolve_to_the_full_name(nlp):
    doc = nlp("Prime Minister Arne Voskuilen met Ola Nordmann on Monday. Mr Voskuilen said the talks went well.")
    mentions, pairs = find_mentions(doc)
    entities = resolve_article(mentions, pairs, "a1").entities
    persons = [e for e in entities if e.kind == "person"]
    falk = [e for e in persons if e.label == "Arne Voskuilen"]
    assert len(falk) == 1 and "Voskuilen" in falk[0].aliases


def test_an_acronym_defined_in_the_text_is_one_organisation_with_its_full_name(nlp):
    doc = nlp("The Joint Logistics Support Group (JLSG) met in Oslo. Later the JLSG published a report.")
    mentions, pairs = find_mentions(doc)
    orgs = [e for e in resolve_article(mentions, pairs, "a1").entities if e.kind == "organisation"]
    assert [(o.label, "JLSG" in o.aliases) for o in orgs] == [("Joint Logistics Support Group", True)]


def test_announcements_are_planned_and_reports_held():
    assert events.status("The Minister will visit Oslo on 3 June.", "Minister to visit Norway") == "planned"
    assert events.status("The Minister visited Oslo on 3 June.", "Minister visits Norway") == "held"


def test_meeting_types_follow_the_words_of_the_text():
    assert events.meeting_type("Foreign Ministers met in Oslo", 0) == "Ministerial"
    assert events.meeting_type("The Minister visited the base", 1) == "Visit"
    assert events.meeting_type("Ann met Bo", 2) == "BilateralMeeting"


def test_partnership_frameworks_and_start_years_are_read():
    text = "Freedonia joined the Northern Cooperation Initiative in 2004."
    assert partnerships.framework(text) == "Northern Cooperation Initiative"
    assert partnerships.since(text, []) == 2004


def test_the_pipeline_yields_one_person_with_a_post_a_meeting_and_its_date():
    article = _article(
        "Deputy Secretary General visits Norway",
        "On Tuesday (6 May 2030), NATO Deputy Secretary General Arne Voskuilen visited Oslo, "
        "where he met the Prime Minister of Norway, Ms Kari Nordvik.",
    )
    extraction = extract([article])
    persons = {e.label for e in extraction.entities.values() if e.kind == "person"}
    assert {"Arne Voskuilen", "Kari Nordvik"} <= persons
    titles = {(p.title, p.organisation) for p in extraction.posts}
    assert ("Deputy Secretary General", "organisation/north-atlantic-treaty-organization") in titles
    assert ("Prime Minister", "location/norway") in titles
    (meeting,) = extraction.meetings
    assert meeting.start == datetime.date(2030, 5, 6)
    assert meeting.location == "location/oslo"
    assert meeting.status == "held"


def test_the_journalists_logistics_after_media_advisory_are_not_parsed():
    article = _article("Title", "Body text.\n\nMedia advisory\n\n10:00 (CET) Remarks by Ann Example")
    assert "Ann Example" not in article_text(article)


def _entities(extraction, kind):
    return {e.label: e for e in extraction.entities.values() if e.kind == kind}


def _posts(extraction):
    """(holder, title, organisation or country) of every post, by label."""
    labels = {k: e.label for k, e in extraction.entities.items()}
    return {(labels[p.holder], p.title, labels.get(p.organisation)) for p in extraction.posts}


def _titles(extraction):
    """(title, organisation or country) of every post, by label."""
    return {(title, where) for _, title, where in _posts(extraction)}


def test_a_back_reference_to_a_body_joins_the_body_named_before():
    article = _article("Agency signs contract", "The Northern Logistics Agency signed a contract on 6 May 2030. "
                       "The Agency said the work starts in June.")
    orgs = _entities(extract([article]), "organisation")
    assert "Northern Logistics Agency" in orgs and "Agency" not in orgs


def test_members_listed_for_a_framework_each_partner_the_publisher():
    article = _article("Partners meet", "On 6 May 2030, the Secretary General met representatives of the "
                       "three NCI partners (Freedonia, Ruritania and Sylvania). The Northern Cooperation "
                       "Initiative (NCI) was launched in 2004.")
    article = _article("Partners meet", "The Northern Cooperation Initiative (NCI) was launched in 2004. On 6 May "
                       "2030, officials met representatives of the three NCI partners (Norway, Sweden and Denmark).")
    partnerships = extract([article]).partnerships
    pairs = {frozenset(p.partners) for p in partnerships}
    nato = "organisation/north-atlantic-treaty-organization"
    assert {frozenset({nato, f"location/{c}"}) for c in ("norway", "sweden", "denmark")} <= pairs
    assert all(p.framework == "Northern Cooperation Initiative" for p in partnerships)


def test_names_inside_a_quotation_take_no_part_in_the_meeting():
    article = _article("Minister meets minister", "On 6 May 2030, Defence Minister Arne Voskuilen met Ola "
                       "Brekkeby in Oslo. “All the pressure is now on Ivan Petrovsky,” Mr Voskuilen said.")
    (meeting,) = extract([article]).meetings
    assert "person/ivan-petrovsky" not in meeting.participants
    assert {"person/arne-voskuilen", "person/ola-brekkeby"} <= meeting.participants


def test_a_telephone_call_has_no_place():
    article = _article("Telephone conversation between ministers", "On 6 May 2030, Minister Arne Voskuilen "
                       "held a telephone conversation in Oslo with Foreign Minister Ola Brekkeby.")
    (meeting,) = extract([article]).meetings
    assert meeting.location is None and meeting.meeting_type == "Call"


def test_an_abbreviation_one_article_defines_joins_names_in_another():
    first = _article("Board meets", "The Northern Science & Technology (S&T) Partnership met. The Northern "
                     "Science & Technology Board met in Oslo on 6 May 2030.")
    second = _article("Board report", "The Northern S&T Board published a report on 7 May 2030.")
    boards = [e for e in extract([first, second]).entities.values()
              if e.kind == "organisation" and "Board" in e.label]
    assert len(boards) == 1


def test_an_announcement_and_its_report_are_one_meeting():
    advisory = _article("Minister to visit Oslo", "On 6 May 2030, Minister of Defence Arne Voskuilen will "
                        "meet the Prime Minister of Norway, Ms Kari Nordvik, in Oslo.")
    report = _article("Minister visits Oslo", "On 6 May 2030, Minister of Defence Arne Voskuilen met the Prime "
                      "Minister of Norway, Kari Nordvik, at the Government Guest House in Oslo.",
                      date=datetime.date(2030, 5, 7))
    meetings = extract([advisory, report]).meetings
    assert len(meetings) == 1
    assert meetings[0].status == "held" and len(meetings[0].articles) == 2


@pytest.mark.parametrize("after, title, where", [
    (", Director of Cyber Policy at the Example Signals Directorate (ESD). They", "Director of Cyber Policy",
     "Example Signals Directorate"),
    (", Executive Vice President at Northwind Systems Ltd. It", "Executive Vice President", "Northwind Systems Ltd"),
    (", commander of Multinational Division North-West (MND-NW), said", "Commander of Multinational Division North-West",
     None),
    (" (Director, Logistics and Resources Division, IMS), and", "Director, Logistics and Resources Division", "IMS"),
])
def test_a_title_after_a_name_may_say_where_the_office_is_held(after, title, where):
    post = post_after(after)
    assert post is not None and (post.title, post.where) == (title, where)


def test_a_title_with_a_portfolio_in_brackets_keeps_the_portfolio():
    post = post_after(" (Assistant Secretary General, Regional Planning), Ms")
    assert post.portfolio == "Assistant Secretary General, Regional Planning"


def test_a_body_named_x_of_y_may_own_the_title_before_a_name():
    post = post_before("attributable to Department of Trade Spokesperson ")
    assert (post.title, post.owner) == ("Spokesperson", "Department of Trade")


def test_the_office_is_held_where_the_text_says_at_or_in():
    article = _article("Agency signs agreement", "On 6 May 2030 the Northern Logistics Agency signed an agreement "
                       "with Ms Ida Varga, Director of Procurement at the Eastland Ministry of Defence.")
    extraction = extract([article])
    assert ("Director of Procurement", "Eastland Ministry of Defence") in _titles(extraction)


def test_a_counterpart_holds_the_office_in_the_country_of_the_adjective():
    article = _article("Ministers meet", "Freedonia’s Minister of Defence Arne Voskuilen hosted his Norwegian "
                       "counterpart, Minister of Defence Kari Nordvik, in Oslo on 6 May 2030.", publisher=None)
    extraction = extract([article])
    assert ("Kari Nordvik", "Minister of Defence", "Norway") in _posts(extraction)


def test_a_shortened_title_in_the_same_article_is_not_a_second_office():
    article = _article("Special Representative Voskuilen visits Oslo",
                       "NATO’s Special Representative for the Northern Region, Mr Arne Voskuilen, "
                       "visited Oslo on 6 May 2030. Special Representative Voskuilen met students.")
    titles = {p.title for p in extract([article]).posts}
    assert titles == {"Special Representative for the Northern Region"}


def test_an_acronym_after_a_title_and_its_board_names_the_board(nlp):
    doc = nlp("The Chief Engineer and Chair of the Example Research Board (ERB), Dr Ola Berg, spoke.")
    mentions, pairs = find_mentions(doc)
    assert [(p.full, p.acronym) for p in pairs] == [("Example Research Board", "ERB")]


def _orgs_of(title, body):
    return set(_entities(extract([_article(title, body, publisher=None)]), "organisation"))


def test_a_body_named_with_no_break_spaces_is_one_name():
    assert "Eastland Diet Council for Maritime Security" in _orgs_of(
        "Ministers meet", "He met Members of the\xa0Eastland Diet\xa0Council for Maritime Security on 6 May 2030.")


def test_a_name_that_runs_on_after_and_is_not_a_body():
    orgs = _orgs_of("Experts meet", "The fourth Example Air and Sea Defence (EASD) Conference took place in Oslo.")
    assert not any(o.startswith("Example Air") and o != "Example Air and Sea Defence" for o in orgs)


def test_names_modifying_a_common_noun_are_not_bodies():
    orgs = _orgs_of("Minister hands over questionnaire", "The Minister handed over the completed Integrity "
                    "Self-Assessment and Peer Review questionnaire to the Northern Logistics Agency on 6 May 2030.")
    assert orgs == {"Northern Logistics Agency"}


def test_a_division_of_a_directorate_is_a_body_of_its_own():
    orgs = _orgs_of("Programme continues", "In Mons the Outreach Directorate Liaison Division continued the "
                    "programme on 6 May 2030.")
    assert {"Outreach Directorate", "Liaison Division"} <= orgs


def _partners(extraction):
    labels = {key: e.label for key, e in extraction.entities.items()}
    return {frozenset(labels[k] for k in p.partners) for p in extraction.partnerships}


@pytest.mark.parametrize("sentence, parties", [
    ("The Secretary reaffirmed the strong partnership between Norway and Chile as friends.", {"Norway", "Chile"}),
    ("The visit takes place as the Northern Logistics Agency and the African Union step up their cooperation.",
     {"Northern Logistics Agency", "African Union"}),
    ("Norway and Chile today signed a memorandum at the Example Centre in Luxembourg.", {"Norway", "Chile"}),
])
def test_two_parties_named_together_in_a_relationship_are_partners(sentence, parties):
    article = _article("Ministers meet", f"On 6 May 2030 the ministers met. {sentence}", publisher=None)
    assert frozenset(parties) in _partners(extract([article]))


def test_the_signatories_offices_name_the_parties_of_an_agreement():
    article = _article("Agency signs agreement", (
        "On 6 May 2030 the agreement was signed by Dr Ida Varga, Director of Procurement at the Northern "
        "Logistics Agency, and by Mr Ola Berg, Chief Executive Officer at Fjordline Systems Group."), publisher=None)
    assert frozenset({"Northern Logistics Agency", "Fjordline Systems Group"}) in _partners(extract([article]))


def test_a_country_and_partners_in_different_clauses_are_not_partners():
    article = _article("Ministers meet", "On 6 May 2030 the Ministers met in Oslo, focusing on defence investment, "
                       "Allied support to Chile, and cooperation with partners.")
    assert not any("Chile" in parties for parties in _partners(extract([article])))


def _meetings(extraction):
    labels = {key: e.label for key, e in extraction.entities.items()}
    return [({labels[p] for p in m.participants}, labels.get(m.location)) for m in extraction.meetings]


def test_activities_listed_with_also_are_meetings_of_their_own():
    article = _article("Admiral visits Norway", (
        "On 6 May 2030 Admiral Arne Voskuilen met the Prime Minister of Norway, Ms Kari Nordvik, in Norway. "
        "He also delivered a lecture to the Northern Staff College in Bergen."), publisher=None)
    meetings = _meetings(extract([article]))
    assert len(meetings) == 2
    assert ({"Arne Voskuilen", "Northern Staff College"}, "Bergen") in meetings


def test_the_owner_of_a_visited_site_hosts_the_visit():
    article = _article("Minister visits industry", "On 6 May 2030 Minister of Defence Arne Voskuilen visited "
                       "Fjordline Electric’s Harbour Works in Bergen.", publisher=None)
    (participants, _), = _meetings(extract([article]))
    assert "Fjordline Electric" in participants


def test_a_committee_sits_with_its_chair():
    article = _article("Council meets committee", (
        "On 6 May 2030 the Chair of the Northern Security Committee, Ms Kari Nordvik, led a meeting of "
        "the Northern Council and the Northern Security Committee in Oslo."), publisher=None)
    (participants, _), = _meetings(extract([article]))
    assert {"Kari Nordvik", "Northern Council", "Northern Security Committee"} <= participants


def test_a_trip_that_moves_on_to_another_city_is_another_meeting():
    article = _article("Officers visit", (
        "On 6 May 2030 the officers met Admiral Arne Voskuilen at the Northern Headquarters in Oslo. "
        "All participants then travelled to Bergen, where the Northern Staff College continued the programme."),
        publisher=None)
    places = {place for _, place in _meetings(extract([article]))}
    assert "Bergen" in places


def test_a_stop_on_a_trip_is_a_visit():
    article = _article("Minister visits Norway", (
        "On 6 May 2030 Minister of Defence Arne Voskuilen travelled to Norway. "
        "He began at the Fjordvik Air Base, where he met pilots."), publisher=None)
    places = {place for _, place in _meetings(extract([article]))}
    assert "Fjordvik Air Base" in places


def test_a_name_with_a_middle_initial_after_a_title_is_a_person():
    article = _article("Ministers meet", "On 6 May 2030 Norway’s Minister of Defence Tore B. Hansvik hosted "
                       "students in Oslo.", publisher=None)
    assert "Tore B. Hansvik" in _entities(extract([article]), "person")


def test_a_commissioner_sits_on_the_commission_the_article_names():
    article = _article("Council meets", "On 6 May 2030 the Northern Council met in Oslo. The European Commission "
                       "was represented by Kari Nordvik, Commissioner for Fisheries.", publisher=None)
    extraction = extract([article])
    assert ("Commissioner for Fisheries", "European Commission") in _titles(extraction)


def test_a_persons_surname_is_not_a_place():
    article = _article("Commissioner speaks", "On 6 May 2030 Commissioner Anna Kos met students in Oslo. "
                       "Ms Kos said the talks went well.", publisher=None)
    assert "Kos" not in _entities(extract([article]), "location")


def test_a_body_named_head_of_word_owns_the_title_after_it():
    article = _article("Readout", "On 6 May 2030 the following is attributable to Department of Trade Spokesperson "
                       "Kari Nordvik: the Secretary met Arne Voskuilen in Oslo.", publisher=None)
    extraction = extract([article])
    assert ("Spokesperson", "Department of Trade") in _titles(extraction)


def test_a_town_the_gazetteer_lacks_is_a_city_of_the_country_written_after_it():
    article = _article("Agency signs contract", "The contract was signed on 6 May 2030 at the Agency’s "
                       "headquarters in Brettelbach, Luxembourg, by Minister of Defence Arne Voskuilen and "
                       "Ms Kari Nordvik.", publisher=None)
    extraction = extract([article])
    towns = {e.label: e for e in extraction.entities.values() if e.place_kind == "city"}
    assert "Brettelbach" in towns
    assert extraction.entities[towns["Brettelbach"].country].label == "Luxembourg"
    assert [place for _, place in _meetings(extraction)] == ["Brettelbach"]


def test_meeting_a_need_is_not_a_meeting():
    assert not events.is_meeting_sentence("The company would double production to meet demand.")
    assert events.is_meeting_sentence("The Minister will meet the President.")


@pytest.mark.parametrize("body, parties", [
    ("On 6 May 2030 Norway and the African Union met in Oslo. Norway and the African Union share many goals. "
     "Their cooperation is guided by a joint declaration.", {"Norway", "African Union"}),
    ("On 6 May 2030 ministers met in Oslo. “The African Union is a key partner for Norway,” she said.",
     {"Norway", "African Union"}),
    ("On 6 May 2030 ministers met in Oslo. Chile is one of Norway’s most valued partners.", {"Norway", "Chile"}),
])
def test_partners_stated_by_a_back_reference_or_a_partner_of_phrase(body, parties):
    assert frozenset(parties) in _partners(extract([_article("Ministers meet", body, publisher=None)]))


def test_the_partnership_for_peace_is_a_framework():
    assert partnerships.framework("Norway joined the Partnership for Peace in 1994.") == "Partnership for Peace"


def test_the_publisher_is_an_entity_only_when_a_fact_rests_on_it():
    quiet = _article("Ministers meet", "On 6 May 2030 Arne Voskuilen met Kari Nordvik in Oslo.",
                     publisher="Council of the European Union")
    assert "Council of the European Union" not in _entities(extract([quiet]), "organisation")


def test_a_body_named_across_its_acronym_is_one_body(nlp):
    doc = nlp("The course was organised by the Northern Cooperative Security (NCS) Division in Oslo.")
    mentions, pairs = find_mentions(doc)
    assert ("organisation", "Northern Cooperative Security Division") in {(m.kind, m.text) for m in mentions}
    assert [(p.full, p.acronym) for p in pairs] == [("Northern Cooperative Security Division", "NCS")]


def test_a_committee_owned_by_a_parliament_is_named_without_its_owner(nlp):
    doc = nlp("She took part in a meeting of the Northern Parliament’s Committee on Fisheries (FISH) on Monday.")
    assert "Committee on Fisheries" in {p.full for p in find_mentions(doc)[1]}


def test_organising_and_opening_an_event_are_taking_part():
    assert events.is_meeting_sentence("The event, jointly organised by the Example Division, began.")
    assert events.is_meeting_sentence("Colonel Ola Berg opened the programme by stating his aims.")


def test_a_visit_to_two_sites_in_one_sentence_is_two_visits():
    article = _article("Minister to visit Norway", (
        "On 6 May 2030 Minister of Defence Arne Voskuilen will meet Ms Kari Nordvik in Oslo. "
        "He will also visit the Haakonsvern Naval Base and the Fjordline Harbour Works."), publisher=None)
    places = [place for _, place in _meetings(extract([article]))]
    assert {"Haakonsvern Naval Base", "Fjordline Harbour Works"} <= set(places)


def test_an_announcement_and_its_report_are_one_meeting_placed_where_the_report_says():
    advisory = _article("Minister to visit Norway", "On 6 May 2030 Minister of Defence Arne Voskuilen will "
                        "meet Ms Kari Nordvik in Oslo.", publisher=None)
    report = _article("Minister visits Norway", "On 6 May 2030 Minister of Defence Arne Voskuilen met "
                      "Ms Kari Nordvik in Bergen.", date=datetime.date(2030, 5, 7), publisher=None)
    extraction = extract([advisory, report])
    (meeting,) = extraction.meetings
    assert meeting.status == "held" and len(meeting.articles) == 2
    assert extraction.entities[meeting.location].label == "Bergen"


def test_a_bare_surname_the_tagger_missed_is_the_person_named_in_full():
    article = _article("Voskuilen and Nordvik sign letter", (
        "On 6 May 2030 Voskuilen and Nordvik signed a letter of intent in Oslo. "
        "“It makes sense,” said Minister of Defence Arne Voskuilen. Ms Kari Nordvik agreed."), publisher=None)
    (participants, _), = _meetings(extract([article]))
    assert {"Arne Voskuilen", "Kari Nordvik"} <= participants


def test_a_possibility_is_not_a_meeting():
    assert not events.is_meeting_sentence("The first contracts could be signed in early 2031.")


@pytest.mark.parametrize("sentence", [
    "The Northern delegation was led by Ms Kari Nordvik.",
    "Mr Arne Voskuilen handed over the questionnaire to Ms Kari Nordvik.",
])
def test_delegations_and_handovers_are_meetings(sentence):
    assert events.is_meeting_sentence(sentence)


@pytest.mark.parametrize("sentence, absent", [
    ("The Agency will act as a single buyer for the Allies that join it, starting with Chile.", "Chile"),
    ("India joined the Combined Naval Group, the naval partnership headquartered in Bahrain.", "Bahrain"),
    ("The Chiefs discussed the Alliance’s support to Chile and cooperation with partners.", "Chile"),
])
def test_countries_that_are_no_party_to_a_partnership(sentence, absent):
    article = _article("Agency news", f"On 6 May 2030 the Northern Logistics Agency met in Oslo. {sentence}")
    assert not any(absent in parties for parties in _partners(extract([article])))


def test_the_day_of_an_election_discussed_is_not_the_day_of_the_meeting():
    article = _article("Minister in Oslo", "On 6 May 2030 Minister of Defence Arne Voskuilen met Ms Kari Nordvik "
                       "in Oslo. In his meeting with Ms Nordvik, he discussed the elections scheduled for 28 September.",
                       publisher=None)
    assert {m.start for m in extract([article]).meetings} == {datetime.date(2030, 5, 6)}


def test_a_parliament_named_in_its_committee_is_an_organisation_too():
    article = _article("Minister meets MPs", "On 6 May 2030 Minister of Defence Arne Voskuilen met members of the "
                       "Defence Committee of the Storting, led by its chair, Kari Nordvik.", publisher=None)
    extraction = extract([article])
    orgs = {e.key: e.label for e in extraction.entities.values() if e.kind == "organisation"}
    assert {"Defence Committee of the Storting", "Storting"} <= set(orgs.values())
    assert ("Chair", "Defence Committee of the Storting") in _titles(extraction)


def test_every_pair_of_partners_in_a_sentence_is_read():
    article = _article("Ministers call", "On 6 May 2030 the ministers discussed cooperation between Norway and "
                       "Chile, which has grown since Saab and Baykar agreed to set up a joint venture.", publisher=None)
    found = _partners(extract([article]))
    assert {frozenset({"Norway", "Chile"}), frozenset({"Saab", "Baykar"})} <= found


def test_two_titles_before_a_name_share_their_owner():
    posts = post_rules.posts_before("signed by Freedonia’s Ambassador to Norway and Head of Mission to NATO, Mr ")
    assert {(p.title, p.owner) for p in posts} == {("Ambassador to Norway", "Freedonia"),
                                                   ("Head of Mission to NATO", "Freedonia")}


def test_two_titles_after_a_name_are_two_posts():
    posts = post_rules.posts_after(", Member of the Northern Council and Minister of Foreign Affairs of Norway, in Oslo")
    assert [p.title for p in posts] == ["Member of the Northern Council", "Minister of Foreign Affairs of Norway"]


def test_a_counterpart_from_a_country_holds_the_office_there():
    article = _article("Ministers meet", "On 6 May 2030 Norway’s Minister of Foreign Affairs Arne Voskuilen received "
                       "his counterpart from Sweden, Ms Kari Nordvik, in Oslo.", publisher=None)
    extraction = extract([article])
    assert ("Kari Nordvik", "Minister of Foreign Affairs", "Sweden") in _posts(extraction)


def test_a_traveller_does_not_hold_office_in_the_country_visited():
    article = _article("Visit", "Prime Minister Arne Voskuilen paid a two-day visit to Poland on 12-13 May 2030. "
                       "On the first day, he met President Kari Nordvik in Warsaw. On the second day, he travelled "
                       "to Krakow, where he met Mayor Ola Berg.", publisher=None)
    extraction = extract([article])
    labels = {k: e.label for k, e in extraction.entities.items()}
    posts = {(labels[p.holder], p.title): labels.get(p.organisation) for p in extraction.posts}
    assert posts[("Arne Voskuilen", "Prime Minister")] is None
    assert {(m.start, labels.get(m.location)) for m in extraction.meetings} >= {
        (datetime.date(2030, 5, 12), "Warsaw"), (datetime.date(2030, 5, 13), "Kraków")}


def test_a_portfolio_before_minister_is_part_of_the_title():
    article = _article("Talks in Oslo", "On 6 May 2030 External Affairs Minister Arne Voskuilen held talks with "
                       "Ms Kari Nordvik in Oslo.", publisher="Ministry of External Affairs, Norway")
    assert "External Affairs Minister" in {p.title for p in extract([article]).posts}


def test_a_sentence_ends_only_after_closing_punctuation_or_a_line_break(nlp):
    doc = nlp("Strategic partnership\n\nNorway and Sweden agreed on 6 May 2030 to deepen their relations. "
              "The contract was signed by Ms Ida A. Varga.")
    assert [s.text.strip() for s in doc.sents] == [
        "Strategic partnership", "Norway and Sweden agreed on 6 May 2030 to deepen their relations.",
        "The contract was signed by Ms Ida A. Varga."]


def test_two_parties_that_agree_to_deepen_their_relations_are_partners():
    article = _article("Strategic partnership", "Norway and Sweden agreed on 6 May 2030 to elevate their relations "
                       "to a strategic partnership.", publisher=None)
    assert frozenset({"Norway", "Sweden"}) in _partners(extract([article]))


def test_the_two_sides_of_bilateral_cooperation_are_the_states_of_the_two_ministers():
    article = _article("Ministers hold talks", "On 6 May 2030 Norwegian Foreign Minister Arne Voskuilen held talks "
                       "with Chilean Foreign Minister Kari Nordvik in Oslo. The two sides agreed to strengthen "
                       "bilateral cooperation in trade and defence.", publisher=None)
    assert frozenset({"Norway", "Chile"}) in _partners(extract([article]))


def test_a_videoconference_is_a_call_but_attending_via_video_is_not():
    assert events.meeting_type("The ministers held a videoconference on trade.", 2) == "Call"
    assert events.meeting_type("The Chiefs met General Ola Berg (attending via videoconference).", 2) != "Call"


def test_a_ministry_and_a_well_known_company_are_two_bodies():
    orgs = _orgs_of("Contract signed", "On 6 May 2030 the Eastland Ministry of National Defence and Rheinmetall "
                    "signed a contract in Oslo.")
    assert {"Eastland Ministry of National Defence", "Rheinmetall"} <= orgs


def test_a_parliament_named_by_its_one_word_name_holds_its_speakers_office():
    article = _article("Speaker meets", "The Speaker of the Storting, Kari Nordvik, met Ola Berg in Oslo on "
                       "6 May 2030.", publisher=None)
    extraction = extract([article])
    assert ("Speaker", "Storting") in _titles(extraction)


def test_a_release_that_opens_with_media_advisory_keeps_its_announcement():
    article = _article("Deputy Secretary General to visit Norway", "Media advisory\n\nOn 8 May 2030 the NATO Deputy "
                       "Secretary General, Ms Kari Nordvik, will visit Oslo.\n\nMedia advisory\n\n10:00 Arrival")
    text = article_text(article)
    assert "Kari Nordvik" in text and "Arrival" not in text


def test_the_setting_of_a_meeting_is_not_a_party_to_it():
    article = _article("Sidelines", "On the sidelines of the Northern Assembly in Oslo on 6 May 2030, Foreign Minister "
                       "Arne Voskuilen met Ms Kari Nordvik.", publisher=None)
    (participants, _), = _meetings(extract([article]))
    assert participants == {"Arne Voskuilen", "Kari Nordvik"}


def test_the_country_after_a_name_is_where_the_office_is_held():
    article = _article("Palace", "President Arne Voskuilen received Prime Minister Kari Nordvik of Chile in Vilnius "
                       "on 6 May 2030.", publisher=None)
    extraction = extract([article])
    assert ("Kari Nordvik", "Chile") in {(holder, where) for holder, _, where in _posts(extraction)}


def test_a_commander_of_a_command_named_with_its_city_is_not_a_person():
    article = _article("Visit", "On 6 May 2030 he met Lieutenant General Ola Berg, Commander of Joint Force Command "
                       "Bergen, in Oslo.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Ola Berg"}
    assert ("Commander", "Joint Force Command Bergen") in _titles(extraction)


def test_a_permanent_representative_of_a_country_to_nato():
    article = _article("Visit", "On 6 May 2030 he met Ambassador Kari Nordvik, the Permanent Representative of Chile "
                       "to NATO, in Oslo.", publisher=None)
    extraction = extract([article])
    assert ("Permanent Representative to NATO", "Chile") in _titles(extraction)


def test_two_states_ministries_of_defence_are_two_nodes():
    first = _article("Minister in Oslo", "On 6 May 2030 Norway’s Ministry of Defence signed a contract in Oslo.",
                     publisher=None)
    second = _article("Minister in Santiago", "On 7 May 2030 the Ministry of Defence signed a contract in Santiago.",
                      publisher="Government of Chile")
    orgs = _entities(extract([first, second]), "organisation")
    assert {"Ministry of Defence of Norway", "Ministry of Defence of Chile"} <= set(orgs)
    assert "Ministry of Defence" in orgs["Ministry of Defence of Norway"].aliases


def test_a_hyphenated_director_general_is_a_title():
    post = post_before("met the Director-General of the Northern Military Staff, Lieutenant General ")
    assert post is not None and post.title == "Director-General of the Northern Military Staff"


def test_a_partnership_since_a_month_and_year_starts_that_year():
    assert partnerships.since("The EU and Chile have a strategic partnership since March 2024.", []) == 2024


@pytest.mark.parametrize("name", ["Liberty Monument", "Harbour War Memorial", "Northern Chancellery"])
def test_monuments_memorials_and_chancelleries_are_places(name):
    assert classify_name(name, "organisation") == "location"


def test_the_organ_of_a_well_known_body_is_named_with_its_acronym(nlp):
    doc = nlp("The Association of Southeast Asian Nations (ASEAN) Secretariat and the Organization of American "
              "States (OAS) General Secretariat signed a memorandum.")
    orgs = {m.text for m in find_mentions(doc)[0] if m.kind == "organisation"}
    assert {"ASEAN Secretariat", "OAS General Secretariat", "Association of Southeast Asian Nations",
            "Organization of American States"} <= orgs


def test_the_first_of_two_surnames_stands_for_the_person():
    article = _article("Talks", "On 6 May 2030 Minister of Foreign Affairs José Manuel Albares Bueno met Ms Kari "
                       "Nordvik in Madrid. Mr Albares thanked Ms Nordvik.", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"José Manuel Albares Bueno", "Kari Nordvik"}


def test_a_minister_of_state_of_a_country():
    qatar = types.SimpleNamespace(place_kind="country")
    title, where = post_rules.split_title(post_after(", Minister of State of Qatar, said"),
                                          lambda n: qatar if n in ("Qatar", "State of Qatar") else None)
    assert (title, where) == ("Minister of State", qatar)


@pytest.mark.parametrize("sentence, post", [
    ("talks with the Secretary General of the Northern Islands Forum (NIF), Arne Voskuilen.",
     ("Arne Voskuilen", "Secretary General", "Northern Islands Forum")),
    ("talks with Arne Voskuilen, High Representative of the Northern Union for Foreign Affairs and Security Policy.",
     ("Arne Voskuilen", "High Representative for Foreign Affairs and Security Policy", "Northern Union")),
    ("talks with the Executive Secretary of the Northern Authority on Development (NAD), Dr Arne Voskuilen.",
     ("Arne Voskuilen", "Executive Secretary", "Northern Authority on Development")),
    ("talks with Arne Voskuilen, Secretary General of the Organization for Security and Co-operation in Europe.",
     ("Arne Voskuilen", "Secretary General", "Organization for Security and Co-operation in Europe")),
    ("talks with the Chief of the Ruritanian General Staff (RGS), General Arne Voskuilen.",
     ("Arne Voskuilen", "Chief", "Ruritanian General Staff")),
    ("talks with Arne Voskuilen, Commander of the National Armed Forces of Ruritania.",
     ("Arne Voskuilen", "Commander", "National Armed Forces of Ruritania")),
])
def test_an_office_of_a_named_body_is_held_in_that_body(sentence, post):
    article = _article("Talks", f"On 6 May 2030 Ms Kari Nordvik held {sentence}", publisher=None)
    assert post in _posts(extract([article]))


def test_a_spokesperson_for_an_official_is_not_that_official():
    article = _article("Readout", "The following was issued by the Spokesperson for UN Secretary-General Arne "
                       "Voskuilen on 6 May 2030. The Spokesperson for the Secretary-General, Kari Nordvik, added "
                       "details.", publisher=None)
    posts = _posts(extract([article]))
    assert ("Arne Voskuilen", "Secretary-General", "United Nations") in posts
    assert ("Kari Nordvik", "Spokesperson for the Secretary-General", None) in posts
    assert not any(p[0] == "Arne Voskuilen" and p[1].startswith("Spokesperson") for p in posts)


def test_two_offices_of_one_person_are_held_in_the_state_the_text_gives_for_either():
    article = _article("Talks in Vilnius", "On 6 May 2030 Minister of Foreign Affairs Arne Voskuilen met Kari "
                       "Nordvik, Deputy Prime Minister and Minister of Foreign Affairs of Norway, who is on a "
                       "working visit to Lithuania. The Deputy Prime Minister and Minister of Defence of Denmark, "
                       "Ola Berg, joined them. Later, Foreign Minister Nordvik met Prime Minister Lia Bruni.",
                       publisher="Ministry of Foreign Affairs of Lithuania")
    posts = _posts(extract([article]))
    assert {("Kari Nordvik", "Deputy Prime Minister", "Norway"), ("Ola Berg", "Deputy Prime Minister", "Denmark"),
            ("Ola Berg", "Minister of Defence", "Denmark")} <= posts
    assert ("Kari Nordvik", "Foreign Minister", "Lithuania") not in posts


def test_a_counterpart_whose_own_office_is_stated_keeps_that_office():
    article = _article("Talks in Oslo", "On 6 May 2030 the Minister of National Defence, Arne Voskuilen, met his "
                       "Portuguese counterpart, Kari Nordvik. The Minister of Defence of Portugal, Ms Nordvik, "
                       "thanked him.", publisher="Ministry of National Defence of Norway")
    posts = {p for p in _posts(extract([article])) if p[0] == "Kari Nordvik"}
    assert posts == {("Kari Nordvik", "Minister of Defence", "Portugal")}


def test_numbered_military_units_keep_their_number():
    article = _article("Visit", "On 6 May 2030 the minister visited the 125th Infantry Battalion and the 13 Light "
                       "Brigade, then met soldiers of 1 Example Corps.", publisher=None)
    orgs = set(_entities(extract([article]), "organisation"))
    assert {"125th Infantry Battalion", "13 Light Brigade", "1 Example Corps"} <= orgs
    assert "Light Brigade" not in orgs


def test_a_parliament_known_by_one_word_is_an_organisation_not_a_person():
    article = _article("Visit", "On 6 May 2030 the Speaker of the Seimas, Arne Voskuilen, received Kari Nordvik. "
                       "She later addressed the Storting.", publisher=None)
    extraction = extract([article])
    assert {"Seimas", "Storting"} <= set(_entities(extraction, "organisation"))
    assert "Seimas" not in _entities(extraction, "person")
    assert ("Arne Voskuilen", "Speaker", "Seimas") in _posts(extraction)


def test_an_exercise_is_neither_a_body_nor_a_place():
    article = _article("Visit", "On 6 May 2030 troops took part in Exercise Northern Lantern.", publisher=None)
    extraction = extract([article])
    assert not any("Lantern" in e.label for e in extraction.entities.values())


def test_a_body_named_short_later_is_the_body_named_in_full():
    article = _article("Talks", "On 6 May 2030 the Norway-Ruritania Joint Commission met in Oslo. The Joint "
                       "Commission agreed a plan.", publisher=None)
    orgs = _entities(extract([article]), "organisation")
    assert set(orgs) == {"Norway-Ruritania Joint Commission"}
    assert "Joint Commission" in orgs["Norway-Ruritania Joint Commission"].aliases


def test_portfolios_listed_in_a_title_are_neither_persons_nor_bodies():
    article = _article("Talks", "On 6 May 2030 the Minister for Foreign Affairs, European Union and Cooperation, "
                       "Arne Voskuilen, received the Minister of Foreign Affairs, African Cooperation and "
                       "Expatriates of the Kingdom of Morocco, Kari Nordvik.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Arne Voskuilen", "Kari Nordvik"}
    assert not _entities(extraction, "organisation")
    assert ("Kari Nordvik", "Minister of Foreign Affairs, African Cooperation and Expatriates", "Morocco") \
        in _posts(extraction)


def test_a_headline_verb_is_not_part_of_a_name():
    article = _article("Foreign Minister Arne Voskuilen Holds Talks with Kari Nordvik",
                       "On 6 May 2030 Arne Voskuilen held talks with Kari Nordvik.", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"Arne Voskuilen", "Kari Nordvik"}


def test_indian_honorifics_are_not_part_of_a_name():
    assert clean_name("Shri Arun Kumar") == "Arun Kumar"


def test_buildings_named_the_local_way_are_facilities():
    article = _article("Talks", "On 6 May 2030 Arne Voskuilen received Kari Nordvik at Palazzo Verdi in Rome.",
                       publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Palazzo Verdi"].place_kind == "facility"


def test_an_acronym_defines_a_body_named_with_at_and_a_place():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik visited the Northern Nations Office at Vienna (NNOV). "
                       "The NNOV hosted her.", publisher=None)
    orgs = _entities(extract([article]), "organisation")
    assert set(orgs) == {"Northern Nations Office at Vienna"} and "NNOV" in orgs["Northern Nations Office at Vienna"].aliases


def test_a_counterpart_holds_the_office_of_the_person_named_just_before():
    article = _article("Talks in Oslo", "On 6 May 2030 Prime Minister Ola Berg welcomed Prime Minister Lia Bruni "
                       "of Sweden. Minister of Foreign Affairs Arne Voskuilen and his Swedish counterpart Kari "
                       "Nordvik discussed Arctic security.", publisher="Government of Norway")
    posts = {p for p in _posts(extract([article])) if p[0] == "Kari Nordvik"}
    assert posts == {("Kari Nordvik", "Minister of Foreign Affairs", "Sweden")}


def test_a_facility_lies_in_the_place_named_after_it_not_in_any_country_of_the_sentence():
    article = _article("Talks", "On 6 May 2030 Prime Minister Ola Berg welcomed the Prime Minister of the Republic "
                       "of Poland, Lia Bruni, at Kramer’s Villa. Later they met at the Blue Pavilion House in Oslo.",
                       publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Kramer’s Villa"].place_kind == "facility" and places["Kramer’s Villa"].country != places["Poland"].key
    assert places["Blue Pavilion House"].country == places["Norway"].key


@pytest.mark.parametrize("sentence, place", [
    ("met Kari Nordvik at the Prime Minister’s Official Residence.", "Prime Minister’s Official Residence"),
    ("met Kari Nordvik at the Palace on the Isle in Warsaw.", "Palace on the Isle"),
    ("visited Camp Example, where he met Kari Nordvik.", "Camp Example"),
    ("met Kari Nordvik at Example Nehru Bhawan in New Delhi.", "Example Nehru Bhawan"),
])
def test_named_buildings_are_meeting_places(sentence, place):
    article = _article("Talks", f"On 6 May 2030 Arne Voskuilen {sentence}", publisher=None)
    extraction = extract([article])
    places = _entities(extraction, "location")
    assert places[place].place_kind == "facility"
    assert any(m.location == places[place].key for m in extraction.meetings)


def test_a_title_before_a_name_does_not_run_back_over_another_name():
    article = _article("Ministers sign", "Minister of Defence Arne Voskuilen and Estonia’s Minister of Defence Kari "
                       "Nordvik signed a memorandum of understanding on coastal defence in Helsinki on 6 May 2030.",
                       publisher="Ministry of Defence of Finland")
    extraction = extract([article])
    assert ("Kari Nordvik", "Minister of Defence", "Estonia") in _posts(extraction)
    assert frozenset({"Finland", "Estonia"}) in _partners(extraction)


def test_a_ministrys_release_makes_its_state_the_partner():
    article = _article("Talks", "On 6 May 2030 Lithuania’s minister met Kari Nordvik of Moldova. The ministers "
                       "welcomed the strategic partnership with Moldova.",
                       publisher="Ministry of Foreign Affairs of the Republic of Lithuania")
    found = _partners(extract([article]))
    assert frozenset({"Lithuania", "Moldova"}) in found
    assert not any("Ministry" in name for pair in found for name in pair)


def test_a_partner_for_two_parties_is_a_partnership_with_each():
    article = _article("Talks", "On 6 May 2030 the minister stressed that Morocco is a strategic partner for Spain "
                       "and for the European Union.", publisher=None)
    found = _partners(extract([article]))
    assert {frozenset({"Morocco", "Spain"}), frozenset({"Morocco", "European Union"})} <= found
    assert frozenset({"Spain", "European Union"}) not in found


def test_a_country_where_troops_are_is_no_party_to_an_agreement():
    article = _article("Visit", "On 6 May 2030 the minister said: “Our soldiers in Latvia and our new agreement "
                       "with Lithuania show our resolve.”", publisher="Government of Sweden")
    assert frozenset({"Latvia", "Lithuania"}) not in _partners(extract([article]))


def test_an_organ_that_approves_a_partnership_acts_for_its_organisation():
    article = _article("Partnership", "On 6 May 2030 the North Atlantic Council approved a new Individually "
                       "Tailored Partnership Programme with Austria.", publisher="NATO")
    found = _partners(extract([article]))
    assert frozenset({"North Atlantic Treaty Organization", "Austria"}) in found
    assert not any("Council" in name for pair in found for name in pair)


def test_a_dateline_city_sets_the_state_of_the_hosts_offices():
    article = _article("Commissioner in Chisinau", "Chisinau, 6 May 2030 – Commissioner Kari Nordvik today met "
                       "officials. At the Government House, Prime Minister Arne Voskuilen signed a financing "
                       "agreement.", publisher="European Commission")
    assert ("Arne Voskuilen", "Prime Minister", "Moldova") in _posts(extract([article]))


def test_a_directorate_general_is_defined_by_its_dg_acronym():
    article = _article("Signing", "On 6 May 2030 the Commission’s Directorate-General for Northern Neighbourhood "
                       "(DG NORTH) signed a contract. Arne Voskuilen, Director-General of DG NORTH, attended.",
                       publisher="European Commission")
    extraction = extract([article])
    orgs = _entities(extraction, "organisation")
    assert "DG NORTH" in orgs["Directorate-General for Northern Neighbourhood"].aliases
    assert ("Arne Voskuilen", "Director-General", "Directorate-General for Northern Neighbourhood") in _posts(extraction)
    assert not any("Commission" in name and "Directorate" in other
                   for pair in _partners(extraction) for name in pair for other in pair)


def test_an_agreement_named_after_its_parties_is_no_body():
    article = _article("Relations", "On 6 May 2030 the EU-Moldova Association Agreement marked ten years.",
                       publisher=None)
    assert "EU-Moldova Association" not in _entities(extract([article]), "organisation")


def test_two_parties_that_will_cooperate_are_partners():
    article = _article("Signing", "On 6 May 2030 the ministers signed a memorandum under which the Northern "
                       "Development Agency (NDA) and Chile will cooperate on training.", publisher=None)
    assert frozenset({"Northern Development Agency", "Chile"}) in _partners(extract([article]))


def test_in_a_list_of_names_each_followed_by_its_title_the_title_goes_with_the_name_before():
    article = _article("Chiefs meet", "On 6 May 2030 General Arne Voskuilen, Commander of the Ruritanian Defence "
                       "Forces, Lieutenant General Kari Nordvik, Commander of the Freedonian Land Forces, and "
                       "General Ola Berg, Chief of Defence of Norway, met in Oslo.", publisher=None)
    posts = _posts(extract([article]))
    assert ("Arne Voskuilen", "Commander", "Ruritanian Defence Forces") in posts
    assert ("Kari Nordvik", "Commander", "Freedonian Land Forces") in posts
    assert ("Kari Nordvik", "Commander", "Ruritanian Defence Forces") not in posts


def test_a_unit_named_with_its_direction_is_a_body_its_commander_serves_in():
    article = _article("Visit", "On 6 May 2030 they were joined by Brigadier General Kari Nordvik, Commander of "
                       "Multinational Division West (MND-W).", publisher=None)
    extraction = extract([article])
    assert ("Kari Nordvik", "Commander", "Multinational Division West") in _posts(extraction)


def test_a_governor_holds_an_office_of_the_region_but_not_in_it_as_a_body():
    # The shapes let a post be held only in an organisation or a country: "Governor of Texas"
    # keeps the region in its title.
    article = _article("Visit", "On 6 May 2030 Minister Ola Berg met the Governor of Texas, Kari Nordvik, in Austin.",
                       publisher=None)
    assert ("Kari Nordvik", "Governor of Texas", None) in _posts(extract([article]))


@pytest.mark.parametrize("region", ["Eastern Mediterranean", "Gulf of Guinea", "Canary Islands", "Darfur",
                                    "Transnistria", "Gaza Strip"])
def test_well_known_regions_are_places(region):
    article = _article("Talks", f"On 6 May 2030 Kari Nordvik discussed security in the {region} with Ola Berg.",
                       publisher=None)
    assert region in _entities(extract([article]), "location")


def test_the_gulf_in_a_text_about_a_named_gulf_is_that_gulf():
    article = _article("Talks", "On 6 May 2030 Finland and Estonia agreed to defend the Gulf of Finland together. "
                       "The Gulf is a shared space.", publisher=None)
    places = _entities(extract([article]), "location")
    assert "Gulf of Finland" in places and not any(name.startswith("Gulf ") and name != "Gulf of Finland"
                                                   for name in places)


def test_bodies_that_send_representatives_take_part_but_member_states_do_not_make_a_body_take_part():
    article = _article("Consultations", "On 6 May 2030 the Northern Union convened a consultative meeting in Oslo, "
                       "jointly with the Pacific Islands Forum, attended by Kari Nordvik and representatives of the "
                       "League of Arab States and the European Union. Representatives of every EU member state "
                       "also took part.", publisher=None)
    extraction = extract([article])
    labels = {k: e.label for k, e in extraction.entities.items()}
    participants = {labels[k] for m in extraction.meetings for k in m.participants}
    assert {"Pacific Islands Forum", "League of Arab States", "European Union", "Kari Nordvik"} <= participants


def test_a_body_talked_about_or_the_occasion_of_a_meeting_is_not_a_participant():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik met Ola Berg in New York, on the margins of the 85th "
                       "session of the United Nations General Assembly, to discuss the work of the Northern Mine "
                       "Countermeasures Task Group.", publisher=None)
    extraction = extract([article])
    labels = {k: e.label for k, e in extraction.entities.items()}
    participants = {labels[k] for m in extraction.meetings for k in m.participants}
    assert participants == {"Kari Nordvik", "Ola Berg"}


def test_the_secretary_general_with_a_hyphen_stands_for_the_holder_named_before():
    article = _article("Readout", "The following readout was issued by the Spokesperson for UN Secretary-General "
                       "Arne Voskuilen: The Secretary-General met today with Kari Nordvik in Vienna on 6 May 2030.",
                       publisher="United Nations")
    extraction = extract([article])
    labels = {k: e.label for k, e in extraction.entities.items()}
    assert any({"Arne Voskuilen", "Kari Nordvik"} <= {labels[k] for k in m.participants} for m in extraction.meetings)


@pytest.mark.parametrize("sentence, parties", [
    ("the joint venture between Saab, Nammo and Patria.", {"Saab", "Nammo", "Patria"}),
    ("the new fighter, which Italy, Norway and Japan are developing together.", {"Italy", "Norway", "Japan"}),
])
def test_three_or_more_parties_listed_together_are_one_partnership(sentence, parties):
    article = _article("Talks", f"On 6 May 2030 the ministers reviewed {sentence}", publisher=None)
    assert frozenset(parties) in _partners(extract([article]))


def test_two_states_that_sign_a_declaration_are_the_partners_not_the_ministry_that_recalls_it():
    article = _article("Talks", "On 6 May 2030 the Ministry of Foreign Affairs recalls that Lithuania and Moldova "
                       "signed a joint declaration on strategic partnership in 2023.",
                       publisher="Ministry of Foreign Affairs of the Republic of Lithuania")
    found = _partners(extract([article]))
    assert frozenset({"Lithuania", "Moldova"}) in found
    assert not any("Ministry" in name for pair in found for name in pair)


@pytest.mark.parametrize("sentence, person, post", [
    ("Prime Minister KOBAYASHI Haruto received her.", "KOBAYASHI Haruto", "Prime Minister"),
    ("she met the Foreign Minister of the Republic of Indonesia, H.E. Sutanto.", "Sutanto", "Foreign Minister"),
    ("she met Secretary of National Defense of the Republic of the Philippines Arnel Q. Santos Jr.",
     "Arnel Q. Santos", "Secretary of National Defense"),
    ("she met the Commander of the Royal Netherlands Army, Lieutenant General Arne Voskuilen.",
     "Arne Voskuilen", "Commander"),
])
def test_names_written_the_way_other_countries_write_them(sentence, person, post):
    article = _article("Talks", f"On 6 May 2030 Kari Nordvik said {sentence}", publisher=None)
    extraction = extract([article])
    assert person in _entities(extraction, "person")
    assert any(p[0] == person and p[1] == post for p in _posts(extraction))
    assert "Netherlands Army" not in _entities(extraction, "person")


def test_what_is_left_of_a_title_is_no_name():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik met the Personal Envoy of the Northern Union for "
                       "the Arctic, Mr Arne Voskuilen.", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"Kari Nordvik", "Arne Voskuilen"}


def test_calling_on_a_head_of_state_is_a_meeting_but_calling_on_parties_is_not():
    article = _article("Visit", "On 6 May 2030 the Minister called on President Kari Nordvik at the Blue Palace. "
                       "On 7 May 2030 the Minister called on all parties to respect the ceasefire.", publisher=None)
    extraction = extract([article])
    places = _entities(extraction, "location")
    assert [m.location for m in extraction.meetings] == [places["Blue Palace"].key]


def test_a_town_named_by_the_city_it_lies_near_is_a_meeting_place():
    article = _article("Visit", "On 8 October 2030, the Admiral travelled to Reitan, near Bodø, where he met Ola "
                       "Berg.", publisher=None)
    extraction = extract([article])
    places = _entities(extraction, "location")
    assert places["Reitan"].country == places["Norway"].key
    assert any(m.location == places["Reitan"].key for m in extraction.meetings)


def test_a_citys_international_centre_is_a_venue():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik met Ola Berg at the Vienna International Centre.",
                       publisher=None)
    extraction = extract([article])
    assert _entities(extraction, "location")["Vienna International Centre"].place_kind == "facility"
    assert "Vienna International Centre" not in _entities(extraction, "organisation")


def test_offices_listed_with_their_holders_in_order_go_to_each_holder():
    article = _article("Ministers meet", "On 6 May 2030 the meeting brought together the foreign ministers of "
                       "France, Germany and the United Kingdom – Jean Roux, Hans Weber and Tom Hill – as well as "
                       "Kari Nordvik.", publisher=None)
    posts = _posts(extract([article]))
    assert {("Jean Roux", "Foreign Minister", "France"), ("Hans Weber", "Foreign Minister", "Germany"),
            ("Tom Hill", "Foreign Minister", "United Kingdom")} <= posts
    assert not any(p[0] == "Kari Nordvik" for p in posts)


def test_a_signatory_on_behalf_of_a_body_signs_for_that_body():
    article = _article("Signing", "On 6 May 2030 the partnership was signed on behalf of the EU by Arne Voskuilen, "
                       "Minister for Foreign Affairs of Denmark, and by Kari Nordvik, Minister for Foreign Affairs "
                       "of Iceland.", publisher=None)
    found = _partners(extract([article]))
    assert frozenset({"European Union", "Iceland"}) in found and frozenset({"Denmark", "Iceland"}) not in found


def test_parties_brought_together_with_others_are_no_list_of_partners():
    article = _article("Partners", "On 6 May 2030 the Alliance said that bringing Chile, Peru and Ukraine together "
                       "with Norway marks a step change.", publisher=None)
    assert not any(len(pair) >= 3 for pair in _partners(extract([article])))


def test_a_press_contact_line_names_no_body_or_person():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik met Ola Berg in Oslo.\n\nGovernment Office, Press "
                       "Department – media@example.org\nSpecial Adviser Arne Voskuilen, tel. +47 000 00 000",
                       publisher=None)
    extraction = extract([article])
    assert not _entities(extraction, "organisation")
    assert set(_entities(extraction, "person")) == {"Kari Nordvik", "Ola Berg"}


def test_the_second_of_two_titles_is_held_in_the_body_it_names_not_in_the_shared_owner():
    article = _article("Report", "On 6 May 2030 NATO Chief Scientist and Chair of the NATO Northern Research Board "
                       "(NRB), Dr Arne Voskuilen, presented the report. Romanian Chief of the Defence Staff Kari "
                       "Nordvik attended.", publisher="NATO")
    posts = _posts(extract([article]))
    assert ("Arne Voskuilen", "Chair", "NATO Northern Research Board") in posts
    assert ("Kari Nordvik", "Chief of the Defence Staff", "Romania") in posts


def test_a_visit_later_in_another_city_is_a_meeting_of_its_own():
    article = _article("Visit", "On 6 May 2030 Defence Secretary Arne Voskuilen hosted Kari Nordvik at Lancaster "
                       "House. Later, Ms Nordvik visited Examplecorp in Barrow-in-Furness.", publisher=None)
    extraction = extract([article])
    places = _entities(extraction, "location")
    assert {m.location for m in extraction.meetings} == {places["Lancaster House"].key,
                                                        places["Barrow in Furness"].key}


def test_a_family_name_in_capitals_after_mr_is_a_name_and_the_surname_later_joins_it():
    article = _article("Ministers meet", "On 6 May 2030 Mr. KOBAYASHI Haruto, Minister for Foreign Affairs of Japan, "
                       "met Kari Nordvik. Minister Kobayashi welcomed her.", publisher=None)
    extraction = extract([article])
    persons = _entities(extraction, "person")
    assert set(persons) == {"KOBAYASHI Haruto", "Kari Nordvik"} and "Kobayashi" in persons["KOBAYASHI Haruto"].aliases
    assert ("KOBAYASHI Haruto", "Minister for Foreign Affairs", "Japan") in _posts(extraction)


def test_a_partnership_programme_is_a_framework_not_a_party():
    article = _article("Partner", "On 6 May 2030 officials recalled that Austria joined the Partnership for Peace "
                       "in 1995.", publisher="NATO")
    extraction = extract([article])
    assert "Partnership for Peace" not in _entities(extraction, "organisation")
    partnership = next(p for p in extraction.partnerships)
    labels = {k: e.label for k, e in extraction.entities.items()}
    assert {labels[k] for k in partnership.partners} == {"North Atlantic Treaty Organization", "Austria"}
    assert partnership.framework == "Partnership for Peace" and partnership.since == 1995


def test_a_companys_acronym_after_the_word_company_is_a_body():
    article = _article("Energy", "On 6 May 2030 the Hungarian state energy company MVM and the Northern Oil "
                       "Company (NOC) signed a memorandum of understanding.", publisher=None)
    extraction = extract([article])
    assert "MVM" in _entities(extraction, "organisation")
    assert frozenset({"MVM", "Northern Oil Company"}) in _partners(extraction)


@pytest.mark.parametrize("sentence, parties", [
    ("Belgium, the Netherlands and Luxembourg have cooperated within the Benelux since 1944.",
     {"Belgium", "Netherlands", "Luxembourg"}),
    ("They reviewed the agreement, which Chile, Norway and Singapore launched in 2020.",
     {"Chile", "Norway", "Singapore"}),
])
def test_three_states_that_cooperate_or_launched_something_together_are_one_partnership(sentence, parties):
    article = _article("Summit", f"On 6 May 2030 the leaders met. {sentence}", publisher=None)
    assert frozenset(parties) in _partners(extract([article]))


def test_two_countries_named_as_parties_are_partners_even_if_one_is_also_a_place():
    article = _article("Generals", "On 6 May 2030 the two generals discussed the protection of the airspace of "
                       "Norway and Sweden under the framework agreement signed by the two countries in 2022, and "
                       "the Norwegian contribution to the Multinational Battlegroup in Sweden.", publisher=None)
    assert frozenset({"Norway", "Sweden"}) in _partners(extract([article]))


def test_malaysian_honours_are_not_part_of_a_name():
    assert clean_name("Dato’ Seri Utama Haji Mohamad bin Haji Hasan") == "Mohamad bin Haji Hasan"


def test_a_capital_named_like_its_country_is_a_second_place_that_lies_in_it():
    article = _article("Summit", "On 6 May 2030 the leaders met in Luxembourg City. Luxembourg hosted the summit.",
                       publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Luxembourg City"].place_kind == "city" and places["Luxembourg"].place_kind == "country"
    assert places["Luxembourg City"].country == places["Luxembourg"].key


@pytest.mark.parametrize("sentence, place", [
    ("was received at the Presidential Palace of Cidade Nova.", "Presidential Palace of Cidade Nova"),
    ("visited the Northfield military training area with Ola Berg.", "Northfield military training area"),
    ("was received at the Presidential Complex in Ankara.", "Presidential Complex"),
])
def test_more_kinds_of_named_sites_are_facilities(sentence, place):
    article = _article("Visit", f"On 6 May 2030 Minister Kari Nordvik {sentence}", publisher=None)
    assert _entities(extract([article]), "location")[place].place_kind == "facility"


def test_the_two_ministers_who_sign_are_the_last_two_ministers_named_not_the_generals_after_them():
    article = _article("Ministers meet", "On 6 May 2030 Federal Minister of Defence Kari Nordvik received Swiss "
                       "Defence Minister Arne Voskuilen in Vienna. They were joined by the Chief of the General "
                       "Staff, General Ola Berg, and the Chief of the Armed Forces, Lieutenant General Lia Bruni. "
                       "The two ministers signed a letter of intent on cooperation in mountain training.",
                       publisher="Federal Ministry of Defence of Austria")
    assert frozenset({"Austria", "Switzerland"}) in _partners(extract([article]))


def test_two_companies_that_have_signed_a_memorandum_are_partners():
    article = _article("Energy", "On 6 May 2030 the minister said that the Northern Gas Company and the Southern "
                       "Oil Company (SOC) have signed a memorandum of understanding.", publisher=None)
    assert frozenset({"Northern Gas Company", "Southern Oil Company"}) in _partners(extract([article]))


def test_a_region_that_ends_a_title_is_not_the_first_word_of_the_holders_name():
    article = _article("Visit", "On 6 May 2030 Northern Bank Vice President for Europe and Central Asia Antonella "
                       "Rossi met Kari Nordvik.", publisher=None)
    extraction = extract([article])
    assert "Antonella Rossi" in _entities(extraction, "person")
    assert ("Antonella Rossi", "Vice President for Europe and Central Asia", "Northern Bank") in _posts(extraction)


def test_a_body_in_a_city_is_the_body_and_the_city():
    article = _article("Visit", "On 6 May 2030 Kari Nordvik visited the Northern Union General Secretariat in "
                       "Jeddah.", publisher=None)
    extraction = extract([article])
    assert "Northern Union General Secretariat" in _entities(extraction, "organisation")
    assert "Jeddah" in _entities(extraction, "location")


def test_a_sentences_first_word_is_no_part_of_the_owner_of_a_title():
    article = _article("Talks", "On 6 May 2030 the minister met officials. With Montenegro’s Minister of Foreign "
                       "Affairs, Ervin Novak, he discussed the accession talks.", publisher="Government of Croatia")
    assert ("Ervin Novak", "Minister of Foreign Affairs", "Montenegro") in _posts(extract([article]))


def test_a_brigade_named_by_its_number_and_its_commander():
    article = _article("Visit", "On 6 May 2030 the minister will be hosted by the Commander of the 1st Brigade, "
                       "Brigadier Nick Fox, and by the Chief of the Defence Force, General David Jones.",
                       publisher="Australian Department of Defence")
    extraction = extract([article])
    assert "1st Brigade" in _entities(extraction, "organisation")
    assert {("Nick Fox", "Commander", "1st Brigade"), ("David Jones", "Chief of the Defence Force", "Australia")} \
        <= _posts(extraction)


@pytest.mark.parametrize("name", ["Arsenal JSCo", "Northern Shipyards d.o.o."])
def test_company_forms_of_other_countries_mark_bodies(name):
    assert classify_name(name, "person") == "organisation"


def test_the_sentence_that_sums_up_a_trip_is_no_meeting_of_its_own():
    article = _article("Visit to Ruritania", "Ola Berg concluded yesterday a two-day official visit to Mongolia. "
                       "On Monday, 5 May 2030, Ms Berg was received at the State Palace in Ulaanbaatar by Kari "
                       "Nordvik. On Tuesday, 6 May 2030, Ms Berg held talks with Arne Voskuilen.", publisher=None,
                       date=datetime.date(2030, 5, 7))
    extraction = extract([article])
    labels = {k: e.label for k, e in extraction.entities.items()}
    assert sorted(sorted(labels[k] for k in m.participants) for m in extraction.meetings) == [
        ["Arne Voskuilen", "Ola Berg"], ["Kari Nordvik", "Ola Berg"]]


def test_counterparts_listed_each_after_their_country_hold_the_hosts_office_there():
    article = _article("Trilateral", "On 6 May 2030 the Minister of Foreign Affairs, George Papas, hosted his "
                       "counterparts from the Republic of Cyprus, Andreas Kyprianou, and the Republic of Armenia, "
                       "Aram Petrosyan.", publisher="Ministry of Foreign Affairs of Greece")
    posts = _posts(extract([article]))
    assert {("Andreas Kyprianou", "Minister of Foreign Affairs", "Cyprus"),
            ("Aram Petrosyan", "Minister of Foreign Affairs", "Armenia")} <= posts


def test_a_trilateral_mechanism_between_three_states_and_a_peace_agreement_is_no_partnership():
    article = _article("Trilateral", "On 6 May 2030 the ministers reaffirmed the trilateral cooperation mechanism "
                       "between Greece, Cyprus and Armenia. They welcomed the peace agreement between Armenia and "
                       "Azerbaijan.", publisher=None)
    found = _partners(extract([article]))
    assert frozenset({"Greece", "Cyprus", "Armenia"}) in found and frozenset({"Armenia", "Azerbaijan"}) not in found


def test_a_deputy_secretary_of_a_department_holds_office_in_the_department():
    article = _article("Talks", "On 6 May 2030 the Deputy Secretary of the Department of Foreign Affairs and "
                       "Trade, Helen Marsh, met Kari Nordvik.", publisher=None)
    assert ("Helen Marsh", "Deputy Secretary", "Department of Foreign Affairs and Trade") in _posts(extract([article]))


def test_two_meetings_of_the_same_people_on_one_day_at_two_sites_are_two_nodes():
    article = _article("Visit", "On 6 May 2030 Arne Voskuilen and Kari Nordvik will also visit the Northern Naval "
                       "Base and the Eastport Harbour Works.", publisher=None)
    extraction = extract([article])
    assert len({(m.label, m.start) for m in extraction.meetings}) == len(extraction.meetings) == 2


@pytest.mark.parametrize("sentence, pair", [
    ("They reaffirmed the strength of the U.S.-Estonia defense relationship.", {"United States", "Estonia"}),
    ("The OSCE-ASEAN Directors General Conference took place in Vienna.",
     {"Organization for Security and Co-operation in Europe", "Association of Southeast Asian Nations"}),
])
def test_parties_joined_by_a_hyphen_before_a_word_of_working_together(sentence, pair):
    article = _article("Talks", f"On 6 May 2030 officials met. {sentence}", publisher=None)
    assert frozenset(pair) in _partners(extract([article]))


def test_a_body_posted_in_a_place_is_named_with_it():
    article = _article("Visit", "On 6 May 2030 the minister visited the NATO Liaison Office in Amman, the EU "
                       "Mission in Armenia and the Multinational Battlegroup in Slovakia.", publisher=None)
    orgs = _entities(extract([article]), "organisation")
    assert {"NATO Liaison Office in Amman", "EU Mission in Armenia", "Multinational Battlegroup in Slovakia"} <= set(orgs)


@pytest.mark.parametrize("name", ["Central Military Club", "Krško Nuclear Power Plant"])
def test_clubs_and_power_plants_are_places(name):
    assert classify_name(name, "organisation") == "location"


def test_a_city_that_shares_a_persons_name_is_a_place_where_someone_travels_to():
    article = _article("Visit", "On 6 May 2030 Minister Ola Berg said she will travel to Darwin next week.",
                       publisher=None)
    extraction = extract([article])
    places = _entities(extraction, "location")
    assert places["Darwin"].place_kind == "city" and places["Darwin"].country == places["Australia"].key
    assert "Darwin" not in _entities(extraction, "person")


def test_where_the_parties_then_met_places_the_meeting_they_already_have():
    article = _article("Ministers meet", "On 6 May 2030 the Minister of Defence of Norway, Arne Voskuilen, welcomed "
                       "Kari Nordvik to Oslo. The Ministers then met at the Government Guest House.", publisher=None)
    assert _meetings(extract([article])) == [({"Arne Voskuilen", "Kari Nordvik"}, "Government Guest House")]


def test_a_site_visited_in_the_city_travelled_to_is_the_place_of_that_visit():
    article = _article("Minister visits", (
        "On 6 May 2030 Arne Voskuilen met Kari Nordvik in Oslo. On 7 May 2030, Ms Nordvik will travel to "
        "Bergen to visit the Haakonsvern Naval Base, where she will be hosted by Commodore Ola Berg."),
        publisher=None)
    assert ({"Kari Nordvik", "Ola Berg"}, "Haakonsvern Naval Base") in _meetings(extract([article]))


def test_someone_new_met_later_that_day_is_another_meeting_in_its_own_place():
    article = _article("Visit", "On 6 May 2030 Mr Arne Voskuilen was received by the President of Norway, Kari Nordvik, "
                       "at the Royal Palace in Oslo. In the afternoon, he met the Minister of Defence, Ola Berg, "
                       "in Bergen.", publisher=None)
    meetings = _meetings(extract([article]))
    assert ({"Arne Voskuilen", "Kari Nordvik"}, "Royal Palace") in meetings
    assert any(where == "Bergen" and "Ola Berg" in people for people, where in meetings)


def test_the_sentence_giving_the_days_of_a_trip_is_no_meeting_of_its_own():
    article = _article("Visit", "On Thursday and Friday (8 and 9 May 2030), Mr Arne Voskuilen will visit Norway, "
                       "where he will meet Kari Nordvik and Ola Berg. On Thursday, 8 May, he will meet Ms Nordvik "
                       "at the Royal Palace in Oslo. On Friday, 9 May, he and Mr Berg will visit the Haakonsvern "
                       "Naval Base.", publisher=None)
    places = {where for _, where in _meetings(extract([article]))}
    assert places == {"Royal Palace", "Haakonsvern Naval Base"}


def test_an_announced_meeting_joins_the_reported_meeting_at_its_own_site_not_the_trip():
    advisory = _article("Minister to visit Norway", "On 8 May 2030, Minister of Defence Arne Voskuilen will meet "
                        "the President of Norway, Ms Kari Nordvik, at the Royal Palace in Oslo.")
    report = _article("Minister in Norway", "Mr Arne Voskuilen visited Norway on 8 May 2030, where he met Kari "
                      "Nordvik and Ola Berg. At the Royal Palace in Oslo, Mr Voskuilen and Ms Nordvik discussed "
                      "security.", date=datetime.date(2030, 5, 9))
    extraction = extract([advisory, report])
    places = {k: e.label for k, e in extraction.entities.items()}
    both = [m for m in extraction.meetings if len(m.articles) == 2]
    assert [places[m.location] for m in both] == ["Royal Palace"]


def test_a_summit_whose_decisions_are_recalled_does_not_name_the_meeting():
    article = _article("Talks", "On 6 May 2030 Mr Arne Voskuilen met Kari Nordvik in Oslo to discuss the decisions "
                       "taken at the Northern Summit in Bergen.", publisher=None)
    assert [m.label for m in extract([article]).meetings] == ["Arne Voskuilen meets Kari Nordvik"]


@pytest.mark.parametrize("sentence", [
    "The Admiral hosted the Chiefs of Defence of the Northern Allies at Eastern Regional Command Headquarters "
    "(ERCH) on 6 May 2030.",
    "The Admiral visited Nordhav Dynamics AG and Eastern Regional Command Headquarters (ERCH) on 6 May 2030.",
])
def test_an_acronym_spelled_out_after_at_or_and_names_only_what_it_spells(nlp, sentence):
    _, pairs = find_mentions(nlp(sentence))
    assert [(p.full, p.acronym) for p in pairs] == [("Eastern Regional Command Headquarters", "ERCH")]


def test_those_taking_part_in_a_meeting_are_its_participants():
    article = _article("Chiefs meet", "On 6 May 2030 Admiral Arne Voskuilen hosted the chiefs of defence in Oslo. "
                       "Taking part were General Kari Nordvik of Sweden and General Ola Berg of Denmark.",
                       publisher=None)
    (participants, _), = _meetings(extract([article]))
    assert {"Arne Voskuilen", "Kari Nordvik", "Ola Berg"} <= participants


def test_a_company_with_and_without_its_legal_form_and_a_command_with_and_without_allied_are_one_node_each():
    first = _article("Visit", "On 6 May 2030 Kari Nordvik visited Nordhav Dynamics AG. She also visited Allied Joint Force "
                     "Command Northport (JFC Northport).", publisher=None)
    second = _article("Talks", "On 7 May 2030 Ola Berg met executives of Nordhav Dynamics and officers of Joint "
                      "Force Command Northport.", publisher=None, date=datetime.date(2030, 5, 7))
    orgs = _entities(extract([first, second]), "organisation")
    assert len([o for o in orgs if "Nordhav" in o]) == 1
    assert len([o for o in orgs if "Northport" in o]) == 1


@pytest.mark.parametrize("sentence, name", [
    ("On 6 May 2030 the Minister was received by His Majesty King Haakon VIII at the Royal Palace.", "Haakon VIII"),
    ("On 6 May 2030 he met Sheikh Hamad bin Khalid bin Saud Al Rashed, Minister of Foreign Affairs.",
     "Hamad bin Khalid bin Saud Al Rashed"),
])
def test_royal_styles_and_gulf_honours_are_no_part_of_a_name_but_the_family_name_is(sentence, name):
    persons = _entities(extract([_article("Visit", sentence, publisher=None)]), "person")
    assert set(persons) == {name}


def test_a_body_named_in_another_language_keeps_its_small_words(nlp):
    _, pairs = find_mentions(nlp("The Nordische Gesellschaft für Technische Zusammenarbeit (NGTZ) will expand."))
    assert [(p.full, p.acronym) for p in pairs] == [("Nordische Gesellschaft für Technische Zusammenarbeit", "NGTZ")]


@pytest.mark.parametrize("sentence, post", [
    ("On 6 May 2030 the Commander-in-Chief of the Armed Forces of Ruritania, General Ola Berg, spoke.",
     ("Ola Berg", "Commander-in-Chief", "Armed Forces of Ruritania")),
    ("On 6 May 2030 she met the President of the Government of Spain, Kari Nordvik.",
     ("Kari Nordvik", "President of the Government", "Spain")),
    ("On 6 May 2030 Norway's Minister of Foreign Affairs H.E. Kari Nordvik met Ola Berg.",
     ("Kari Nordvik", "Minister of Foreign Affairs", "Norway")),
])
def test_whole_offices_and_a_style_between_title_and_name(sentence, post):
    assert post in _posts(extract([_article("Talks", sentence, publisher=None)]))


def test_someone_met_on_the_same_day_meets_the_traveller_in_the_city_not_the_first_building():
    article = _article("Visit", "In Oslo, Minister Arne Voskuilen called on President Kari Nordvik at the Royal "
                       "Palace on 6 May 2030. On the same day, he met Minister of Defence Ola Berg.", publisher=None)
    meetings = _meetings(extract([article]))
    assert ({"Arne Voskuilen", "Ola Berg"}, "Oslo") in meetings
    assert ({"Arne Voskuilen", "Kari Nordvik"}, "Royal Palace") in meetings


def test_a_town_placed_in_a_part_of_a_country_is_a_place():
    article = _article("Visit", "On 6 May 2030 Kari Nordvik visited the Nordhav plant in Kvalsundet, in northern "
                       "Norway.", publisher=None)
    places = _entities(extract([article]), "location")
    assert "Kvalsundet" in places and places["Kvalsundet"].country_code == "NO"


def test_the_building_where_the_traveller_met_someone_places_that_meeting():
    article = _article("Visit", "On 6 May 2030 Kari Nordvik visited the Haakonsvern Naval Base. Later that day, "
                       "she travelled to Oslo, where she met Prime Minister Ola Berg at the Government Guest House.",
                       publisher=None)
    assert ({"Kari Nordvik", "Ola Berg"}, "Government Guest House") in _meetings(extract([article]))


def test_a_title_written_before_a_name_is_that_persons_not_a_reference_to_the_earlier_holder():
    article = _article("Talks", "On 6 May 2030 Minister of Defence Ola Berg opened the conference in Oslo. "
                       "On 7 May 2030, Minister Arne Voskuilen met Kari Nordvik in Bergen.", publisher=None)
    assert ({"Arne Voskuilen", "Kari Nordvik"}, "Bergen") in _meetings(extract([article]))


@pytest.mark.parametrize("sentence, pair", [
    ("Portugal and the Netherlands agreed to deepen cooperation on the production of unmanned systems.",
     {"Portugal", "Netherlands"}),
    ("The ministers witnessed the signing of an arrangement between PT Nusa Kapal Indonesia and the shipbuilder "
     "Fjordyard on patrol vessels.", {"PT Nusa Kapal Indonesia", "Fjordyard"}),
    ("The Ukrainian drone maker Skyfalk and the Nordic Defence Industries Association (NDIA) signed a "
     "memorandum of understanding.", {"Skyfalk", "Nordic Defence Industries Association"}),
])
def test_deepening_cooperation_and_arrangements_between_companies_named_by_their_trade(sentence, pair):
    article = _article("Talks", f"On 6 May 2030 Kari Nordvik met Ola Berg in Oslo. {sentence}", publisher=None)
    assert frozenset(pair) in _partners(extract([article]))


def test_a_company_named_after_its_trade_keeps_its_whole_name():
    article = _article("Deal", "On 6 May 2030 the agency signed a framework agreement with the Norwegian company "
                       "Fjell Defence & Aerospace in Oslo.", publisher=None)
    assert "Fjell Defence & Aerospace" in _entities(extract([article]), "organisation")


def test_well_known_un_programmes_and_groupings_are_bodies():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik thanked Jordan for delivering aid together with the "
                       "World Food Programme (WFP). They discussed BRICS.", publisher=None)
    orgs = _entities(extract([article]), "organisation")
    assert {"World Food Programme", "BRICS"} <= set(orgs) and "WFP" in orgs["World Food Programme"].aliases


def test_the_body_that_owns_a_programme_is_a_body_and_the_programme_is_named_without_it():
    article = _article("Partners", "On 6 May 2030 Minister Kari Nordvik thanked the Vermont National Guard for its "
                       "support since 1993, when Montenegro and the State of Vermont became partners under the U.S. "
                       "National Guard Bureau's State Partnership Program (SPP).", publisher=None)
    extraction = extract([article])
    assert "National Guard Bureau" in _entities(extraction, "organisation")
    assert {p.framework for p in extraction.partnerships} == {"State Partnership Program"}


def test_a_body_that_sends_a_delegation_led_by_its_head_takes_part():
    article = _article("Visit", "On 6 May 2030 Minister of Defence Ola Berg received a delegation of the Vermont "
                       "National Guard led by its Adjutant General, Major General Gregory Knight, in Oslo. The "
                       "Adjutant General of the Vermont National Guard, Major General Gregory Knight, thanked him.",
                       publisher=None)
    (participants, _), = _meetings(extract([article]))
    assert "Vermont National Guard" in participants


def test_plural_ranks_before_surnames_and_press_lines_with_handles_name_no_one():
    article = _article("Exercise", "On 6 May 2030 Major General Gregory Knight met Lieutenant General Ola Berg in "
                       "Oslo. Today, Generals Knight and Berg observed the exercise.\n\nPress Bureau Nordhav | "
                       "Instagram: @nordhav_example", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"Gregory Knight", "Ola Berg"}


def test_the_region_around_a_city_is_a_region_of_the_citys_country():
    article = _article("Visit", "On 6 May 2030 Kari Nordvik and Ola Berg visited a repair facility in the Kyiv "
                       "region.", publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Kyiv region"].place_kind == "region" and places["Kyiv region"].country_code == "UA"


def test_welcoming_an_agreement_is_no_meeting_and_a_date_things_run_from_dates_no_meeting():
    article = _article("Council", "On 6 May 2030 Kari Nordvik chaired the Council in Oslo. The Council reviewed the "
                       "agreement in force since 1 March 2021. Both sides welcomed the peace agreement initialled in "
                       "Bergen in August.", publisher=None)
    extraction = extract([article])
    assert [m.start for m in extraction.meetings] == [datetime.date(2030, 5, 6)]
    assert _meetings(extraction)[0][1] == "Oslo"


def test_he_then_held_talks_with_someone_new_is_another_meeting_in_the_same_city():
    article = _article("Visit", "In Amman on 6 May 2030, Minister Ola Berg was received by His Majesty King Haakon "
                       "VIII at the Royal Palace. He then held talks with Kari Nordvik, Minister of Foreign Affairs.",
                       publisher=None)
    meetings = _meetings(extract([article]))
    assert ({"Ola Berg", "Kari Nordvik"}, "Amman") in meetings and ({"Ola Berg", "Haakon VIII"}, "Royal Palace") in meetings


@pytest.mark.parametrize("sentence, place, kind", [
    ("Generals Ola Berg and Kari Nordvik observed the exercise at the Skarv barracks near Oslo.", "Skarv barracks",
     "facility"),
    ("On Tuesday, Ola Berg will visit the Defence University in Sentul, Bogor Regency.", "Bogor Regency", "region"),
])
def test_lower_case_buildings_and_regencies_are_places(sentence, place, kind):
    places = _entities(extract([_article("Visit", f"On 6 May 2030 Kari Nordvik met Ola Berg. {sentence}",
                                         publisher=None)]), "location")
    assert places[place].place_kind == kind


def test_a_title_that_ran_into_the_holders_given_name_names_the_state_alone():
    from kg.extract.pipeline import _without_given_names
    from kg.extract.posts import post_before
    post = _without_given_names(post_before("receives Prime Minister of Somalia Hamza "), ["Hamza"])
    assert (post.title, post.complement) == ("Prime Minister of Somalia", "Somalia")


def test_the_visit_of_a_leader_to_a_city_does_not_make_the_leader_an_office_holder_there():
    article = _article("Joint statement", "On 6 May 2030 Minister of External Affairs Kari Nordvik met Minister of "
                       "Foreign Affairs Ola Berg in New Delhi. The Ministers reviewed the partnership between India and "
                       "Indonesia, launched in 2018 during the visit of Prime Minister Narendra Modi to Jakarta.",
                       publisher="Ministry of External Affairs (India)")
    assert ("Narendra Modi", "Prime Minister", "India") in _posts(extract([article]))


@pytest.mark.parametrize("sentence, expected", [
    ("Mr Berg praised the work of the OSCE with its Asian partners – Japan, Thailand and Australia – on border "
     "security.", {frozenset({"Organization for Security and Co-operation in Europe", c})
                   for c in ("Japan", "Thailand", "Australia")}),
    ("They discussed NATO’s close cooperation with the European Union Force in Bosnia and Herzegovina.",
     {frozenset({"North Atlantic Treaty Organization", "European Union Force in Bosnia and Herzegovina"})}),
    ("They discussed the Black Sea Task Group, which Romania set up in 2024 together with Bulgaria and Türkiye.",
     {frozenset({"Romania", "Bulgaria", "Türkiye"})}),
])
def test_partners_listed_in_dashes_a_bodys_cooperation_with_another_and_founders_together(sentence, expected):
    article = _article("Talks", f"On 6 May 2030 Ms Kari Nordvik met Mr Ola Berg in Oslo. {sentence}", publisher="NATO")
    assert expected <= _partners(extract([article]))


def test_a_mission_is_named_with_the_body_it_is_accredited_to():
    article = _article("Signing", "On 6 May 2030 the documents were signed by the Head of the Mission of Norway to "
                       "NATO, Ambassador Kari Nordvik.", publisher=None)
    orgs = _entities(extract([article]), "organisation")
    assert "Mission of Norway to NATO" in orgs


def test_a_capitalised_run_whose_holder_is_named_next_ends_a_bodys_name_not_a_persons():
    article = _article("Visit", "On 6 May 2030 Ms Kari Nordvik was received at the Palace by the Chairman of the "
                       "State Great Hural, Batbold Ganzorig, with whom she discussed oversight.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Kari Nordvik", "Batbold Ganzorig"}
    assert ("Batbold Ganzorig", "Chairman", "State Great Hural") in _posts(extraction)


@pytest.mark.parametrize("short, full", [
    ("B. Nordvik", "Baiba Nordvik"), ("Mohamed Khaled", "Mohamed Khaled Nordin"),
    ("Mohamad Hasan", "Mohamad bin Haji Hasan"), ("Faisal bin Farhan", "Faisal bin Farhan bin Abdullah"),
])
def test_a_person_written_short_is_the_person_written_in_full(short, full):
    from kg.extract.resolve import same_person_written_short
    assert same_person_written_short(short, full)


@pytest.mark.parametrize("short, full", [("C. Nordvik", "Baiba Nordvik"), ("John Smith", "John Smithson"),
                                         ("Kari Nordvik", "Ola Kari Nordvik")])
def test_another_person_is_not_a_short_writing(short, full):
    from kg.extract.resolve import same_person_written_short
    assert not same_person_written_short(short, full)


@pytest.mark.parametrize("sentence, persons", [
    ("Minister of Foreign Affairs Prince Faisal bin Khalid met Kari Nordvik.", {"Faisal bin Khalid", "Kari Nordvik"}),
    ("He was accompanied by the Chief of Defence Force, General Tan Sri Mohammad Ab Rahman.", {"Mohammad Ab Rahman"}),
    ("The Cabinet Secretary for Foreign and Diaspora Affairs, Hon. Ola Berg, hosted Kari Nordvik.",
     {"Ola Berg", "Kari Nordvik"}),
    ("Kari Nordvik toured the frigate HMCS Harry DeWolf.", {"Kari Nordvik"}),
])
def test_styles_portfolios_and_ships_are_no_persons(sentence, persons):
    article = _article("Visit", f"On 6 May 2030 the delegation arrived. {sentence}", publisher=None)
    assert set(_entities(extract([article]), "person")) == persons


def test_a_headline_that_opens_with_its_verb_names_no_one():
    article = _article("Foreign Minister Receives Thai Counterpart in Riyadh", "On 6 May 2030 Minister Kari Nordvik "
                       "received Minister Ola Berg in Riyadh.", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"Kari Nordvik", "Ola Berg"}


@pytest.mark.parametrize("sentence, post", [
    ("the Chief of Defence Staff, General Ola Berg, spoke.", ("Ola Berg", "Chief of Defence Staff", "Nigeria")),
    ("Kenya's Cabinet Secretary for Foreign and Diaspora Affairs, Ola Berg, spoke.",
     ("Ola Berg", "Cabinet Secretary for Foreign and Diaspora Affairs", "Kenya")),
])
def test_national_offices_of_other_traditions(sentence, post):
    article = _article("Talks", f"On 6 May 2030 in Abuja, {sentence}", publisher=None)
    assert post in _posts(extract([article]))


def test_a_convention_centre_named_with_its_acronym_is_a_building_and_capacity_building_is_none():
    article = _article("Consultation", "On 6 May 2030 Kari Nordvik chaired a consultation at the Nordhavn "
                       "International Convention Centre (NICC). They discussed NATO's Defence Capacity Building "
                       "package for Norway.", publisher=None)
    extraction = extract([article])
    places = _entities(extraction, "location")
    assert places["Nordhavn International Convention Centre"].place_kind == "facility"
    assert "Defence Capacity Building" not in places
    assert "Nordhavn International Convention Centre" not in _entities(extraction, "organisation")


def test_an_initial_and_a_surname_are_a_person_and_a_city_may_be_written_with_city():
    article = _article("Visit", "On 6 May 2030 Minister Kari Nordvik and Minister Ola Berg met in Pasay City. "
                       "Nordvik and O. Berg visited the plant.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Kari Nordvik", "Ola Berg"}
    assert _entities(extraction, "location")["Pasay"].country_code == "PH"


def test_a_body_named_with_for_keeps_its_whole_name_in_a_title():
    article = _article("Talks", "On 6 May 2030 the Minister and the Director General of the International "
                       "Organization for Migration (IOM), Kari Nordvik, signed an agreement.", publisher=None)
    assert ("Kari Nordvik", "Director General", "International Organization for Migration") in _posts(
        extract([article]))


def test_the_spokesperson_a_release_is_attributed_to_is_not_its_protagonist():
    article = _article("Secretary's meeting", "The below is attributable to Spokesperson Ann Roe:\n\nSecretary of "
                       "State Kari Nordvik met today with Malaysian Minister of Foreign Affairs Ola Berg in Kuala "
                       "Lumpur.", publisher="U.S. Department of State")
    assert ("Kari Nordvik", "Secretary of State", "United States") in _posts(extract([article]))


@pytest.mark.parametrize("sentence, bodies", [
    ("the minister visited the Cyber Command of the Norwegian Defence Forces.",
     {"Cyber Command", "Norwegian Defence Forces"}),
    ("she visited the 1st Motorised Infantry Brigade of the National Army of Moldova. The National Army trains "
     "with Allies.", {"1st Motorised Infantry Brigade", "National Army of Moldova"}),
    ("they met at the Diplomatic Institute of the Norwegian Ministry of Foreign Affairs.",
     {"Diplomatic Institute", "Ministry of Foreign Affairs of Norway"}),  # labelled the one way for every state
])
def test_a_body_and_the_body_it_belongs_to_are_two_nodes(sentence, bodies):
    article = _article("Visit", f"On 6 May 2030 Kari Nordvik arrived. On 7 May 2030 {sentence}", publisher=None)
    assert set(_entities(extract([article]), "organisation")) == bodies


def test_a_press_office_footer_is_no_news():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik met Ola Berg in Oslo.\n\nPress Office of the Ministry "
                       "of Foreign Affairs\ne-mail: press@example.org", publisher=None)
    assert not _entities(extract([article]), "organisation")


def test_ministries_named_with_their_state_answer_to_their_bare_name_and_letters_of_intent_bind_coast_guards():
    article = _article("Talks", "On 6 May 2030 they witnessed the signing of a Memorandum of Understanding on rice "
                       "trade between the Department of Agriculture of Norway and the Ministry of Trade of Sweden, and "
                       "of a Letter of Intent on maritime search and rescue between the Norwegian Coast Guard (NCG) "
                       "and the Swedish Coast Guard.", publisher=None)
    extraction = extract([article])
    orgs = _entities(extraction, "organisation")
    assert "Department of Agriculture" in orgs["Department of Agriculture of Norway"].aliases
    assert {frozenset({"Department of Agriculture of Norway", "Ministry of Trade of Sweden"}),
            frozenset({"Norwegian Coast Guard", "Swedish Coast Guard"})} <= _partners(extraction)


def test_the_two_co_chairs_reviewing_a_strategic_partnership_make_their_states_partners():
    article = _article("Joint Commission", "On 6 May 2030 Norway's Secretary of Foreign Affairs Kari Nordvik welcomed "
                       "the Minister of Foreign Affairs of Sweden, Ola Berg. The two Co-Chairs reviewed the "
                       "implementation of the Strategic Partnership established in 2015.", publisher=None)
    assert frozenset({"Norway", "Sweden"}) in _partners(extract([article]))


@pytest.mark.parametrize("sentence, place, kind, code", [
    ("Later, the Minister met the Premier of Nova Scotia at Province House.", "Nova Scotia", "region", "CA"),
    ("They toured the Dead Sea resorts.", "Dead Sea", "region", None),
    ("Ms Nordvik will visit RMAF Base Butterworth in Penang.", "RMAF Base Butterworth", "facility", None),
])
def test_provinces_seas_and_bases_named_after_their_word_are_places(sentence, place, kind, code):
    places = _entities(extract([_article("Visit", f"On 6 May 2030 Kari Nordvik met Ola Berg. {sentence}",
                                         publisher=None)]), "location")
    assert places[place].place_kind == kind and (code is None or places[place].country_code == code)


def test_a_region_inside_a_frameworks_name_is_no_place():
    article = _article("Partner", "On 6 May 2030 officials recalled that Jordan joined the Mediterranean Dialogue "
                       "in 1995.", publisher="NATO")
    assert "Mediterranean" not in _entities(extract([article]), "location")


@pytest.mark.parametrize("text", [
    "The reception was attended by Vice Minister Eng. Ola Berg of the ministry.",
    "He paid a courtesy call on President Kari R. Nordvik Jr. at the Palace.",
])
def test_abbreviations_and_initials_end_no_sentence(nlp, text):
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("sentence, post", [
    ("Defence Minister Kari Nordvik received the Deputy Prime Minister and Minister for Defence of Australia, The "
     "Hon Ola Berg MP, today.", ("Ola Berg", "Minister for Defence", "Australia")),
    ("The reception was attended by Vice Minister of Foreign Affairs Eng. Ola Berg.",
     ("Ola Berg", "Vice Minister of Foreign Affairs", "Saudi Arabia")),
    ("The Prime Cabinet Secretary, Hon. Ola Berg, chaired the consultation.",
     ("Ola Berg", "Prime Cabinet Secretary", "Saudi Arabia")),
])
def test_styles_written_the_house_way_do_not_hide_the_office(sentence, post):
    article = _article("Talks", f"On 6 May 2030 in Riyadh, Kari Nordvik spoke. {sentence}",
                       publisher="Ministry of Foreign Affairs Saudi Arabia")
    assert post in _posts(extract([article]))


@pytest.mark.parametrize("sentence, signatories", [
    ("The ministers witnessed the signing of an arrangement between Fjordyard Shipbuilding and the Nordhav "
     "Defence Agency on patrol vessels.", {"Fjordyard Shipbuilding", "Nordhav Defence Agency"}),
    ("In the presence of the two ministers, the drone maker Skyfalk and the Nordic Defence Industries Association "
     "(NDIA) signed a memorandum of understanding.", {"Skyfalk", "Nordic Defence Industries Association"}),
])
def test_bodies_signing_in_the_presence_of_the_ministers_take_part_in_their_meeting(sentence, signatories):
    article = _article("Talks", f"On 6 May 2030 Minister Kari Nordvik met Minister Ola Berg in Oslo. {sentence}",
                       publisher=None)
    assert any(signatories <= people for people, _ in _meetings(extract([article])))


def test_people_signing_in_the_presence_of_leaders_bring_no_bodies_they_sign_about():
    article = _article("Talks", "On 6 May 2030 President Kari Nordvik received President Ola Berg in Oslo. In the "
                       "presence of both presidents, the two foreign ministers, Ann Roe and Per Lund, signed a "
                       "memorandum on cooperation between the Nordhav Development Agency and the Berg Institute.",
                       publisher=None)
    assert all("Nordhav Development Agency" not in people for people, _ in _meetings(extract([article])))


def test_a_government_named_by_its_nationality_is_a_party_and_being_joined_by_someone_is_no_partnership():
    article = _article("Visit", "On 6 May 2030 Mr Ola Berg was welcomed by Rheinmetall CEO Kari Nordvik and joined "
                       "by Germany's Defence Minister Per Lund. Ms Nordvik presented plans for a new plant in "
                       "Lithuania, built under an agreement between Rheinmetall and the Lithuanian government, and "
                       "for joint ventures in Romania and Ukraine.", publisher=None)
    found = _partners(extract([article]))
    assert frozenset({"Rheinmetall", "Lithuania"}) in found and frozenset({"Rheinmetall", "Ukraine"}) not in found
    assert not any("Germany" in parties for parties in found)


def test_a_second_and_after_a_ministrys_two_portfolios_opens_another_body_and_a_state_after_the_acronym_owns_it():
    article = _article("Consultations", "On 6 May 2030 Deputy Minister Kari Nordvik met Dr Ola Berg, Deputy Secretary "
                       "of the Department of Foreign Affairs and Trade (DFAT) of Australia. They witnessed the signing "
                       "of a memorandum between the Ministry of Industry and Construction and Geoscience Australia.",
                       publisher="Ministry of Foreign Affairs of Kazakhstan")
    orgs = _entities(extract([article]), "organisation")
    assert "Department of Foreign Affairs and Trade of Australia" in orgs
    assert "Geoscience Australia" in orgs and "Ministry of Industry and Construction of Kazakhstan" in orgs


def test_three_coordinated_offices_and_a_referring_tanaiste():
    article = _article("Visit", "The Tánaiste and Minister for Foreign Affairs and Trade and Minister for Defence, "
                       "Kari Nordvik, visited Lebanon. On 6 May 2030, the Tánaiste met Ola Berg in Beirut.",
                       publisher="Department of Foreign Affairs of Ireland")
    extraction = extract([article])
    titles = {title for holder, title, _ in _posts(extraction) if holder == "Kari Nordvik"}
    assert {"Tánaiste", "Minister for Foreign Affairs and Trade", "Minister for Defence"} <= titles
    assert any({"Kari Nordvik", "Ola Berg"} <= people for people, _ in _meetings(extraction))


def test_a_state_named_with_of_is_not_the_state_named_inside_it():
    article = _article("Call", "On 6 May 2030 they discussed the deepening military cooperation between Russia and "
                       "the Democratic People's Republic of Korea (DPRK) with the Prime Minister of Barbados, Kari "
                       "Nordvik.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "location")) == {"Russia", "North Korea", "Barbados"}
    assert frozenset({"Russia", "North Korea"}) in _partners(extraction)


def test_someone_accompanying_a_visitor_takes_part_in_the_visit():
    article = _article("Visit", "On 6 May 2030 Minister Kari Nordvik visited the Halden Shipyard. She was accompanied "
                       "by the Commander of the Royal Norwegian Navy, Vice-Admiral Ola Berg.", publisher=None)
    assert any({"Kari Nordvik", "Ola Berg"} <= people for people, _ in _meetings(extract([article])))


def test_the_partners_joint_body_is_not_one_more_party():
    article = _article("Joint press release following the sixth EU-Norway Partnership Council", "Brussels, 6 May "
                       "2030 – The sixth meeting of the Partnership Council between the European Union and Norway "
                       "took place yesterday in Brussels.", publisher=None)
    found = _partners(extract([article]))
    assert frozenset({"Norway", "European Union"}) in found
    assert not any("EU-Norway Partnership Council" in parties for parties in found)


@pytest.mark.parametrize("dateline, city", [
    ("OSTRAVA, 6th May, 2030 (XNA) -- ", "Ostrava"),
    ("Ostrava / Information Office / 6 May 2030\n\n", "Ostrava"),
])
def test_datelines_in_capitals_or_with_slashes_place_the_release(dateline, city):
    article = _article("Ministers meet", f"{dateline}Kari Nordvik met Ola Berg today.", publisher=None)
    extraction = extract([article])
    assert city in _entities(extraction, "location")
    assert _meetings(extraction) == [({"Kari Nordvik", "Ola Berg"}, city)]


def test_people_listed_with_the_state_each_speaks_for_are_persons():
    article = _article("Ministers meet", "Vienna, 6 May 2030 – Taking part were Kari Nordvik (Norway), Ola Berg "
                       "(Sweden) and Đorđe Marković (Serbia). The Hofburg Palace (Austria) hosted them.", publisher=None)
    assert {"Kari Nordvik", "Ola Berg", "Đorđe Marković"} == set(_entities(extract([article]), "person"))


def test_a_family_name_joined_to_its_article_is_part_of_the_name():
    article = _article("Visit", "On 6 May 2030 the Minister was received by President Omar Hassan el-Masri. "
                       "President el-Masri welcomed him.", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"Omar Hassan el-Masri"}


def test_the_end_of_a_states_name_after_a_title_is_no_person():
    article = _article("Visit", "On 6 May 2030 she met the Prime Minister of Papua New Guinea, the Hon Kari Nordvik "
                       "MP, in Port Moresby, and PNG's Minister for Defence, Ola Berg.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Kari Nordvik", "Ola Berg"}
    assert set(_entities(extraction, "location")) == {"Papua New Guinea", "Port Moresby"}
    assert ("Ola Berg", "Minister for Defence", "Papua New Guinea") in _posts(extraction)


def test_hyphenated_ranks_and_service_chiefs_leave_the_office_whole():
    article = _article("Visit", "On 6 May 2030 Kari Nordvik met the Chief of Navy, Rear-Admiral Ola Berg, and the "
                       "Chief of the Naval Forces Staff, Vice-Admiral Per Lund.", publisher=None)
    extraction = extract([article])
    titles = {(holder, title) for holder, title, _ in _posts(extraction)}
    assert {("Ola Berg", "Chief of Navy"), ("Per Lund", "Chief of the Naval Forces Staff")} <= titles
    assert not _entities(extraction, "organisation")


def test_buildings_named_the_local_way_or_as_mansions_are_facilities():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik received Ola Berg at the Palácio das Laranjeiras in "
                       "Lisbon. Later, Per Lund received him at the Presidential Mansion.", publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Palácio das Laranjeiras"].place_kind == "facility"
    assert places["Presidential Mansion"].place_kind == "facility"
    assert "Palacio" not in places


def test_a_second_portfolio_after_and_is_no_body():
    article = _article("Talks", "On 6 May 2030 the Prime Minister was joined by the Minister of Finance and National "
                       "Revenue, Kari Nordvik.", publisher=None)
    assert "National Revenue" not in _entities(extract([article]), "organisation")


def test_a_title_held_by_someone_named_before_is_not_a_second_office():
    article = _article("Talks", "On 6 May 2030 Prime Minister Kari Nordvik met the Secretary-General of the OECD, "
                       "Ola Berg. The Prime Minister and Secretary-General Berg discussed trade.", publisher=None)
    assert not any(holder == "Ola Berg" and title == "Prime Minister" for holder, title, _ in _posts(extract([article])))


def test_on_the_side_of_a_state_gives_the_offices_of_that_state():
    article = _article("Talks", "On 6 May 2030 Prime Minister Kari Nordvik received the President of Chile, Ola "
                       "Berg. On the Chilean side, the Minister of Foreign Affairs, Per Lund, took part.",
                       publisher="Prime Minister's Office (Norway)")
    assert ("Per Lund", "Minister of Foreign Affairs", "Chile") in _posts(extract([article]))


def test_a_strategic_dialogue_between_two_states_is_a_partnership():
    article = _article("Talks", "On 6 May 2030 the two leaders agreed to launch a strategic dialogue between Norway "
                       "and Chile.", publisher=None)
    assert frozenset({"Norway", "Chile"}) in _partners(extract([article]))


def test_a_ministry_named_by_its_nationality_is_the_ministry_of_that_state():
    first = _article("Signing", "On 6 May 2030 the Danish Ministry of Defence signed a contract.", publisher=None)
    second = _article("Visit", "On 7 May 2030 the Ministry of Defence of Denmark hosted a visit.", publisher=None)
    orgs = _entities(extract([first, second]), "organisation")
    assert list(orgs) == ["Ministry of Defence of Denmark"]
    assert {"Danish Ministry of Defence", "Ministry of Defence"} <= orgs["Ministry of Defence of Denmark"].aliases


def test_offices_joined_by_a_dash_are_both_held():
    article = _article("Talks", "Astana, 6 May 2030 – Deputy Prime Minister – Minister of Foreign Affairs of the "
                       "Republic of Kazakhstan Kari Nordvik received Ola Berg.", publisher=None)
    posts = _posts(extract([article]))
    assert {("Kari Nordvik", "Deputy Prime Minister", "Kazakhstan"),
            ("Kari Nordvik", "Minister of Foreign Affairs", "Kazakhstan")} <= posts


def test_an_envoy_of_a_body_is_an_office_not_a_body():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik received the European Union Special Representative for "
                       "Central Asia, Ola Berg.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "organisation")) == {"European Union"}
    assert ("Ola Berg", "Special Representative for Central Asia", "European Union") in _posts(extraction)


def test_a_service_chief_holds_office_in_the_publishing_state():
    article = _article("Visit", "On 6 May 2030 the Minister will visit the naval base, where he will be hosted by "
                       "Chief of Navy Rear-Admiral Ola Berg.", publisher="Ministry of Defence, Singapore")
    assert ("Ola Berg", "Chief of Navy", "Singapore") in _posts(extract([article]))


def test_relations_between_two_states_are_a_partnership():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik and Ola Berg reaffirmed the longstanding defence "
                       "relations between Norway and Chile.", publisher=None)
    assert frozenset({"Norway", "Chile"}) in _partners(extract([article]))


def test_offices_listed_for_states_then_an_apposition_then_their_holders():
    article = _article("Ministers meet", "On 6 May 2030, Allies were joined by the Foreign Ministers of Norway and "
                       "Chile, the Alliance's partners in the South: Senator Kari Nordvik and Mr Ola Berg.",
                       publisher="NATO")
    posts = _posts(extract([article]))
    assert {("Kari Nordvik", "Foreign Minister", "Norway"), ("Ola Berg", "Foreign Minister", "Chile")} <= posts
    assert not any(title == "Senator" for _, title, _ in posts)  # a form of address before a name


def test_the_host_of_the_place_the_narrative_went_to_holds_office_there():
    article = _article("Minister travels", "Foreign Minister Kari Nordvik travelled to the Middle East on 6 May "
                       "2030.\n\nOn Tuesday, Nordvik flew on to Cairo, where he met his counterpart. Later in the day, "
                       "Nordvik was received by President Ola Berg.", publisher="Ministry for Foreign Affairs of Norway")
    posts = _posts(extract([article]))
    assert ("Ola Berg", "President", "Egypt") in posts


def test_a_head_of_government_and_a_battlegroups_commander_hold_offices():
    article = _article("Visit", "On 6 May 2030 the Minister was received by the Head of Government, Mr. Kari Nordvik. "
                       "They were briefed by Colonel Ola Berg, Commander of the Multinational Battlegroup Sylvania.",
                       publisher="Ministry of Foreign Affairs of Morocco")
    extraction = extract([article])
    posts = _posts(extraction)
    assert ("Kari Nordvik", "Head of Government", "Morocco") in posts
    assert ("Ola Berg", "Commander", "Multinational Battlegroup Sylvania") in posts
    assert set(_entities(extraction, "person")) == {"Kari Nordvik", "Ola Berg"}


def test_the_two_companies_that_signed_are_the_partners_not_the_state_named_with_them():
    article = _article("Talks", "On 6 May 2030 they discussed Norway's industrial projects, including the plant to "
                       "be built by Examplecorp AG and the state-owned company Nordmetal under the joint venture "
                       "agreement the two companies signed earlier this year.", publisher=None)
    assert frozenset({"Examplecorp AG", "Nordmetal"}) in _partners(extract([article]))


def test_members_a_framework_includes_partner_its_owner_and_a_joint_centre_owns_nothing():
    article = _article("Call", "Qatar joined the Istanbul Cooperation Initiative (ICI) in 2005, and its officers "
                       "attend courses at the NATO-ICI Regional Centre in Kuwait. The ICI, launched in 2004, also "
                       "includes Bahrain and Kuwait.", publisher="NATO")
    found = _partners(extract([article]))
    assert {frozenset({"North Atlantic Treaty Organization", c}) for c in ("Qatar", "Bahrain", "Kuwait")} <= found
    assert not any("NATO-ICI Regional Centre" in parties for parties in found)


def test_a_national_body_named_beside_a_framework_the_publisher_runs_does_not_own_it():
    article = _article("Conference", "On 6 May 2030 the Admiral thanked Jordan, a Mediterranean Dialogue partner "
                       "since 1995, and praised the Jordan Armed Forces' contribution to exercises.", publisher="NATO")
    assert frozenset({"North Atlantic Treaty Organization", "Jordan"}) in _partners(extract([article]))


@pytest.mark.parametrize("sentence, holder, title, state", [
    ("The Amir received on Sunday Omani Foreign Minister Sayyid Kari bin Hamad Al Nordvik.",
     "Kari bin Hamad Al Nordvik", "Foreign Minister", "Oman"),
    ("He conveyed a message from His Majesty Sultan Ola bin Tarik of the Sultanate of Oman.",
     "Ola bin Tarik", "Sultan", "Oman"),
    ("It was attended on the Pakistani side by Deputy Prime Minister and Foreign Minister Per Lund.",
     "Per Lund", "Deputy Prime Minister", "Pakistan"),
])
def test_royal_styles_days_and_sides_do_not_hide_the_office_or_its_state(sentence, holder, title, state):
    article = _article("Talks", f"On 6 May 2030 talks were held. {sentence}", publisher="Kuwait News Agency")
    assert (holder, title, state) in _posts(extract([article]))


def test_sultan_is_a_given_name_unless_written_as_a_style():
    article = _article("Visit", "On 6 May 2030 he paid a courtesy call on H.E. Dr. Sultan Ahmed Al Nordvik, Minister "
                       "of Industry. His Majesty Sultan Haji Kari Bolkiah Mu'izzaddin Berg received him at Istana "
                       "Nurul Iman.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Sultan Ahmed Al Nordvik", "Kari Bolkiah Mu'izzaddin Berg"}
    assert _entities(extraction, "location")["Istana Nurul Iman"].place_kind == "facility"


def test_a_counterparts_state_decides_the_state_of_their_later_offices():
    article = _article("Talks", "On 6 May 2030 the Minister of Foreign Affairs, Kari Nordvik, received his Uruguayan "
                       "counterpart, Ola Berg, in Asunción.\n\nLater, Foreign Minister Berg was received by the "
                       "President of the Republic, Per Lund.", publisher="Ministry of Foreign Affairs of Paraguay")
    posts = _posts(extract([article]))
    assert ("Ola Berg", "Minister of Foreign Affairs", "Uruguay") in posts
    assert not any(holder == "Ola Berg" and state == "Paraguay" for holder, _, state in posts)


def test_a_bare_title_someone_else_holds_then_a_comma_refers_back_to_them():
    article = _article("Visit", "On 6 May 2030 Ola Berg held talks with Estonian Prime Minister Kari Nordvik. Speaking "
                       "at a press conference with the Prime Minister at Stenbock House, Mr Berg thanked Estonia. "
                       "The Centre’s Director, Colonel Per Lund, briefed him at the Northern Cyber Centre of "
                       "Excellence.", publisher="NATO")
    posts = _posts(extract([article]))
    assert not any(holder == "Ola Berg" and title == "Prime Minister" for holder, title, _ in posts)


def test_the_bodys_own_title_after_its_name_is_held_in_that_body():
    article = _article("Visit", "On 6 May 2030 the Secretary General toured the Northern Cyber Centre of Excellence, "
                       "where the Centre’s Director, Colonel Per Lund, briefed him.", publisher="NATO")
    assert ("Per Lund", "Director", "Northern Cyber Centre of Excellence") in _posts(extract([article]))


def test_initials_written_together_and_india_s_defence_minister():
    article = _article("Talks", "On 6 May 2030 Raksha Mantri Shri Kari Nordvik held talks in New Delhi. He was "
                       "briefed by the Managing Director of HAL, Dr D.K. Sunil, on aircraft.",
                       publisher="Press Information Bureau, Ministry of Defence, Government of India")
    extraction = extract([article])
    assert {"Kari Nordvik", "D.K. Sunil"} == set(_entities(extraction, "person"))
    assert ("Kari Nordvik", "Raksha Mantri", "India") in _posts(extraction)


def test_a_place_the_tagger_ran_into_a_building_or_a_dangling_word_is_cut_off():
    article = _article("Visit", "On 6 May 2030 Ms Amy Pope called on President Kari Nordvik at the Presidential "
                       "Secretariat in Colombo. Lithuania is a member of the Global Coalition to Defeat ISIS since "
                       "2014. They renewed the Memorandum of Understanding on Defence Cooperation. The Forum took "
                       "place at the ICE Kraków Congress Centre.", publisher=None)
    extraction = extract([article])
    orgs, places = _entities(extraction, "organisation"), _entities(extraction, "location")
    assert "Colombo" in places and not any(" in " in name for name in places)
    assert not any(name.endswith(" to") for name in orgs) and "Defence Cooperation" not in orgs
    assert places["ICE Kraków Congress Centre"].place_kind == "facility"


def test_a_named_economic_cooperation_is_still_a_body():
    article = _article("Summit", "On 6 May 2030 leaders met at the Asia-Pacific Economic Cooperation (APEC) summit.",
                       publisher=None)
    assert "Asia-Pacific Economic Cooperation" in _entities(extract([article]), "organisation")


def test_each_day_of_a_trip_told_with_its_own_city_is_a_meeting_there():
    article = _article("Visit", "Deputy Secretary General Kari Nordvik travelled to the Western Balkans on 16 and 17 "
                       "June 2030, with stops in Bosnia and Herzegovina and Montenegro.\n\nIn Sarajevo on Monday, Ms "
                       "Nordvik met the Minister of Defence, Ola Berg. Later that afternoon she held talks with the "
                       "Minister of Foreign Affairs, Per Lund.\n\nOn Tuesday, the Deputy Secretary General continued "
                       "to Podgorica. She was received by Prime Minister Anna Holm at Vila Gorica.",
                       date=datetime.date(2030, 6, 18), publisher="NATO")
    meetings = _meetings(extract([article]))
    assert ({"Kari Nordvik", "Ola Berg"}, "Sarajevo") in meetings
    assert ({"Kari Nordvik", "Per Lund"}, "Sarajevo") in meetings
    assert any("Anna Holm" in people and place == "Vila Gorica" for people, place in meetings)


def test_the_ministers_of_a_trip_take_part_in_each_day_told_of_them():
    article = _article("Visit", "On the 2nd and 3rd of October, Minister Kari Nordvik and Minister Ola Berg paid a "
                       "two-day working visit to the two navies.\n\nOn Thursday, the ministers were welcomed at the "
                       "Ostend naval base by General Per Lund.\n\nOn Friday, the visit continued in Vlissingen at the "
                       "shipyard.", date=datetime.date(2025, 10, 4), publisher=None)
    meetings = _meetings(extract([article]))
    assert ({"Kari Nordvik", "Ola Berg", "Per Lund"}, "Ostend naval base") in meetings
    assert ({"Kari Nordvik", "Ola Berg"}, "Vlissingen") in meetings


def test_buildings_named_in_french_and_another_nato_headquarters():
    article = _article("Visit", "On 6 May 2030 Kari Nordvik received Ola Berg at the Hôtel de la Chambre. He then "
                       "visited NATO Headquarters Sarajevo at Camp Butmir.", publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Hôtel de la Chambre"].place_kind == "facility"
    assert "NATO Headquarters" not in places


def test_a_centre_of_excellence_and_its_spaced_acronym_are_one_body_without_the_role_before_it():
    article = _article("Joining", "On 6 May 2030 Norway became a Contributing Participant of the NATO Arctic Warfare "
                       "Centre of Excellence (AW COE). The AW COE runs courses.", publisher="NATO")
    orgs = _entities(extract([article]), "organisation")
    assert "AW COE" in orgs["NATO Arctic Warfare Centre of Excellence"].aliases
    assert not any(name.startswith("Contributing") for name in orgs)


def test_someone_named_right_after_counterpart_is_a_person():
    article = _article("Visit", "Santiago, 6 May 2030. The Minister, Kari Nordvik, welcomed her Uruguayan counterpart, "
                       "Sandra Lazo, for an official visit.", publisher=None)
    assert {"Kari Nordvik", "Sandra Lazo"} == set(_entities(extract([article]), "person"))


def test_a_state_becoming_a_contributing_participant_of_a_centre_partners_it():
    article = _article("Joining", "On 6 May 2030 Norway formally became a Contributing Participant of the NATO Arctic "
                       "Warfare Centre of Excellence (AW COE).", publisher="NATO")
    assert frozenset({"Norway", "NATO Arctic Warfare Centre of Excellence"}) in _partners(extract([article]))


def test_a_retired_ranks_mark_ends_no_sentence_and_a_rank_alone_is_no_one():
    article = _article("Visit", "On 6 May 2030 the Minister received the Minister of Defence of the Republic of "
                       "Indonesia, Lieutenant General (ret.) Kari Nordvik, for an official visit.", publisher=None)
    extraction = extract([article])
    assert set(_entities(extraction, "person")) == {"Kari Nordvik"}
    assert ("Kari Nordvik", "Minister of Defence", "Indonesia") in _posts(extraction)


def test_two_titles_before_a_plural_verb_are_two_people():
    article = _article("Secretary General and President Kari Nordvik discuss defence", "On 6 May 2030 NATO Secretary "
                       "General Ola Berg welcomed the President of Slovenia, Kari Nordvik.", publisher="NATO")
    assert not any(holder == "Kari Nordvik" and title == "Secretary General"
                   for holder, title, _ in _posts(extract([article])))


def test_bodies_named_in_quotation_marks_keep_the_quoted_name_and_plans_are_no_bodies():
    article = _article("Visit", "On 6 May 2030 officers will attend courses at the “Carol I” National Defence "
                       "University. The President visited the Mechanised Infantry Brigade \"Iron Wolf\" in Rukla. "
                       "They discussed the new Council of Europe Action Plan for the Republic of Moldova.",
                       publisher=None)
    orgs = set(_entities(extract([article]), "organisation"))
    assert {"Carol I National Defence University", 'Mechanised Infantry Brigade "Iron Wolf"'} <= orgs
    assert not any("Action Plan" in name for name in orgs)


def test_an_arabic_family_name_with_its_article_is_the_person_and_an_al_group_a_body():
    article = _article("Talks", "On 6 May 2030 the Amir received Omani Foreign Minister Sayyid Kari bin Hamad Al "
                       "Nordvik. On Saturday, Al-Nordvik and his Kuwaiti counterpart Ola Al-Berg co-chaired the "
                       "Joint Committee in Kuwait City, where they signed a memorandum of cooperation. They "
                       "discussed attacks by Al-Shabaab.", publisher="Kuwait News Agency")
    extraction = extract([article])
    people = _entities(extraction, "person")
    assert "Al-Nordvik" in people["Kari bin Hamad Al Nordvik"].aliases and "Al-Nordvik" not in people
    assert "Al-Shabaab" in _entities(extraction, "organisation")
    assert frozenset({"Kuwait", "Oman"}) in _partners(extraction)


def test_a_coalition_named_by_its_purpose_and_states_bound_together_in_a_union():
    article = _article("Visit", "On 6 May 2030 officials recalled that Lithuania is a member of the Global Coalition "
                       "to Defeat ISIS since 2014. Belgium, the Netherlands and Luxembourg have been bound together "
                       "in the Benelux Economic Union since 1958.", publisher=None)
    extraction = extract([article])
    found = _partners(extraction)
    assert "Global Coalition to Defeat ISIS" in _entities(extraction, "organisation")
    assert frozenset({"Lithuania", "Global Coalition to Defeat ISIS"}) in found
    assert frozenset({"Belgium", "Netherlands", "Luxembourg"}) in found


def test_two_sides_agreeing_to_establish_a_joint_committee_are_partners():
    article = _article("Talks", "On 6 May 2030 the Minister of Foreign Affairs of Paraguay, Kari Nordvik, received "
                       "the Minister of Foreign Affairs of Uruguay, Ola Berg. The two sides agreed to establish a "
                       "joint committee on river navigation.", publisher=None)
    assert frozenset({"Paraguay", "Uruguay"}) in _partners(extract([article]))


def test_the_body_an_office_is_held_in_is_no_part_of_its_title():
    article = _article("Council", "On 6 May 2030 the session was opened by the Commissioner for Political Affairs, "
                       "Peace and Security of the African Union Commission, Ambassador Kari Nordvik.", publisher=None)
    assert ("Kari Nordvik", "Commissioner for Political Affairs, Peace and Security",
            "African Union Commission") in _posts(extract([article]))


def test_a_building_named_with_its_city_places_the_meeting_told_before():
    article = _article("Audience", "President Kari Nordvik received in audience today, 8 April 2030, the Secretary "
                       "General of the Council of Europe, Ola Berg, who is on an official visit to the Republic of "
                       "Moldova. The meeting took place at the Presidential Palace in Chișinău.",
                       date=datetime.date(2030, 4, 8), publisher=None)
    assert _meetings(extract([article])) == [({"Kari Nordvik", "Ola Berg"}, "Presidential Palace")]


def test_a_trip_summarised_in_a_city_is_no_meeting_when_each_day_is_told():
    article = _article("Minister receives his counterpart in Paris and Toulon", "The Minister, Kari Nordvik, received "
                       "the Minister of Defence of Indonesia, Ola Berg, for an official visit on 23 and 24 April 2025."
                       "\n\nOn Wednesday, the two ministers held official talks at the Hôtel de Brienne.\n\nOn Thursday, "
                       "Mr Berg travelled to Toulon, where he was received by Admiral Per Lund.",
                       date=datetime.date(2025, 4, 25), publisher=None)
    meetings = _meetings(extract([article]))
    assert ({"Kari Nordvik", "Ola Berg"}, "Hôtel de Brienne") in meetings
    assert not any(place == "Paris" for _, place in meetings)


def test_an_arabic_palace_is_a_facility():
    article = _article("Talks", "On 6 May 2030 Kari Nordvik received Ola Berg at Qasr Al Watan.", publisher=None)
    assert _entities(extract([article]), "location")["Qasr Al Watan"].place_kind == "facility"


def test_a_facility_lies_in_the_place_written_after_in_not_in_a_visitors_state():
    article = _article("Talks", "ABU DHABI, 6 May 2030 -- Sheikh Kari Al Nordvik received today at Qasr Al Watan "
                       "H.E. Ola Berg, Minister of Foreign Affairs of the Republic of Armenia. The Minister of State, "
                       "Per Lund, attended.", publisher="Ministry of Foreign Affairs of the United Arab Emirates")
    extraction = extract([article])
    assert _entities(extraction, "location")["Qasr Al Watan"].country_code != "AM"


def test_the_minister_of_the_armed_forces_is_an_office_not_a_body():
    article = _article("Visit", "The Minister of the Armed Forces, Kari Nordvik, received Ola Berg on 6 May 2030.",
                       publisher="French Ministry of the Armed Forces")
    extraction = extract([article])
    assert ("Kari Nordvik", "Minister of the Armed Forces", "France") in _posts(extraction)
    assert "Armed Forces" not in _entities(extraction, "organisation")


def test_an_adviser_is_an_office_and_md_abbreviates_a_given_name():
    article = _article("Talks", "Dhaka, 6 May 2030 – Adviser for Foreign Affairs Md. Kari Nordvik held talks with "
                       "Ola Berg.", publisher=None)
    extraction = extract([article])
    assert ("Kari Nordvik", "Adviser for Foreign Affairs", None) in _posts(extraction)
    assert "Adviser" not in _entities(extraction, "person")


@pytest.mark.parametrize("sentence", [
    "the Minister for Foreign Affairs and East African Cooperation, Kari Nordvik, spoke.",
    "the Minister of Foreign Affairs of the Federal Democratic Republic of Ethiopia, Kari Nordvik, spoke.",
])
def test_a_portfolio_or_a_states_long_name_before_a_holder_is_no_person(sentence):
    article = _article("Talks", f"On 6 May 2030 {sentence}", publisher=None)
    assert set(_entities(extract([article]), "person")) == {"Kari Nordvik"}


def test_a_second_office_after_and_ends_a_bodys_name_and_a_kenyan_cabinet_secretary_is_no_body():
    article = _article("Talks", "On 6 May 2030 the Deputy Chairman of the Cabinet of Ministers and Minister of Foreign "
                       "Affairs of Turkmenistan, Kari Nordvik, met Roads and Transport Cabinet Secretary Ola Berg.",
                       publisher=None)
    orgs = set(_entities(extract([article]), "organisation"))
    assert not any(" and Minister" in name or name.endswith("Cabinet") for name in orgs)


def test_a_standing_commission_of_two_states_states_their_partnership():
    article = _article("Session", "On 6 May 2030 the ministers concluded the 5th session of the Tanzania–Uganda Joint "
                       "Permanent Commission in Dar es Salaam.", publisher=None)
    assert frozenset({"Tanzania", "Uganda"}) in _partners(extract([article]))


def test_lakes_and_valleys_are_regions():
    article = _article("Visit", "On 6 May 2030 they discussed security on Lake Victoria and in the Fergana Valley "
                       "with Kari Nordvik.", publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Lake Victoria"].place_kind == "region" and places["Fergana Valley"].place_kind == "region"


def test_the_president_of_the_republic_holds_the_office_president_of_the_publishers_state():
    article = _article("Visit", "Lima, 6 May 2030. The President of the Republic, Ana Roe Vidal, received Kari "
                       "Nordvik at Government Palace.", publisher="Presidency of the Republic of Peru")
    assert ("Ana Roe Vidal", "President", "Peru") in _posts(extract([article]))


def test_a_datelines_whole_run_of_capitals_is_its_town_and_a_border_control_centre_a_facility():
    article = _article("Agreement", "Puerto Example, Corredores, 6 May 2030. Kari Nordvik and Ola Berg met at the "
                       "Puerto Example Integrated Border Control Centre.", publisher=None)
    places = _entities(extract([article]), "location")
    assert places["Puerto Example"].place_kind == "city"
    assert places["Puerto Example Integrated Border Control Centre"].place_kind == "facility"


def test_the_first_of_two_family_names_is_the_person_not_a_town_of_that_name():
    article = _article("Visit", "On 6 May 2030 President Rodrigo Chaves Robles met Kari Nordvik. \"We are friends,\" "
                       "said President Chaves.", publisher=None)
    assert "Chaves" not in _entities(extract([article]), "location")


def test_two_names_of_one_country_in_an_article_are_one_party_and_no_partnership_with_itself():
    article = _article("Visit", "On 6 May 2030 the Minister for Defence Industry, Kari Nordvik, visited the Republic "
                       "of Korea to strengthen defence cooperation between our two countries. Korea and Australia "
                       "are close partners.", publisher="Australian Government Department of Defence")
    extraction = extract([article])
    assert [e.label for e in extraction.entities.values() if e.kind == "location" and "Korea" in e.label] == \
        ["South Korea"]
    assert all(len(p) == 2 for p in _partners(extraction))


@pytest.mark.parametrize("sentence, parties", [
    ("Portugal and Greece are among Norway’s closest partners in the European Union.",
     {frozenset({"Norway", "Portugal"}), frozenset({"Norway", "Greece"})}),
    ("The UK and Estonia also work side by side in the Joint Expeditionary Force.",
     {frozenset({"United Kingdom", "Estonia"})}),
])
def test_states_among_anothers_partners_or_working_side_by_side_are_partners_and_a_setting_is_not(
        sentence, parties):
    article = _article("Visit", f"On 6 May 2030 Kari Nordvik said: {sentence}", publisher=None)
    assert _partners(extract([article])) == parties


def test_a_dated_treaty_between_two_states_gives_its_year_as_the_start():
    article = _article("Meeting", "On 6 May 2030 Kari Nordvik reaffirmed the commitment of the United States to the "
                       "Philippines under the 1951 U.S.-Philippines Mutual Defense Treaty.", publisher=None)
    extraction = extract([article])
    assert _partners(extraction) == {frozenset({"United States", "Philippines"})}
    assert [p.since for p in extraction.partnerships] == [1951]


def test_officials_listed_each_after_their_states_title_are_all_persons():
    article = _article("Meeting", "On 6 May 2030 the meeting brought together Norway's Minister of Defence Kåre "
                       "Øvrebø Lien, Chile's Minister of Defence Ola Berg, Peru's Minister for Foreign "
                       "Affairs Þóra Roe Vidal, and Spain's Minister of Defence Ana Roe.", publisher=None)
    persons = set(_entities(extract([article]), "person"))
    assert {"Kåre Øvrebø Lien", "Ola Berg", "Þóra Roe Vidal", "Ana Roe"} <= persons


def test_a_commodore_is_a_rank_not_part_of_the_name():
    article = _article("Visit", "On 6 May 2030 Ola Berg visited the Royal Example Naval Force, where he was "
                       "welcomed by its Commander, Commodore Omar Al-Rashid.", publisher=None)
    persons = set(_entities(extract([article]), "person"))
    assert "Omar Al-Rashid" in persons and not any("Commodore" in p for p in persons)


@pytest.mark.parametrize("sentence, parties", [
    ("They reviewed the work of the South Africa–Ethiopia Joint Ministerial Commission.",
     {frozenset({"South Africa", "Ethiopia"})}),
    ("She spoke of the Alliance of Sahel States, the confederation that brings together Burkina Faso, Mali and "
     "Niger.", {frozenset({"Burkina Faso", "Mali", "Niger"})}),
    ("Launched in 1994, the Mediterranean Dialogue brings together NATO and Algeria, Egypt and Jordan.",
     {frozenset({"North Atlantic Treaty Organization", c}) for c in ("Algeria", "Egypt", "Jordan")}),
])
def test_a_two_states_commission_and_a_union_of_states_are_partnerships_a_frameworks_members_each_its_owners(
        sentence, parties):
    article = _article("Talks", f"On 6 May 2030 Kari Nordvik met Ola Berg. {sentence}", publisher=None)
    assert _partners(extract([article])) == parties


def test_a_visit_to_a_state_told_by_the_meetings_inside_it_is_no_meeting_of_its_own():
    article = _article("Secretary General to visit Denmark", "On Thursday, 12 June 2025, the Secretary General, "
                       "Mr Kari Nordvik, will visit Denmark.\n\nThe Secretary General will meet the Prime Minister "
                       "of Denmark, Ms Ola Berg, at Marienborg.\n\nIn the afternoon, Mr Nordvik and the Minister of "
                       "Defence, Mr Per Lund, will visit a defence company in Ballerup.",
                       date=datetime.date(2025, 6, 10))
    meetings = _meetings(extract([article]))
    assert ({"Kari Nordvik", "Ola Berg"}, "Marienborg") in meetings
    assert not any(place == "Denmark" for _, place in meetings)


def test_a_visited_body_takes_part_but_a_body_naming_what_was_visited_does_not():
    article = _article("Minister visits industry", "On 6 May 2030 the Minister of Defence, Kari Nordvik, visited "
                       "Examplecorp Industries and the University of Example, where she met students.\n\nOn 7 May "
                       "2030 she toured the Northwind Systems site in Kiel.", date=datetime.date(2030, 5, 8),
                       publisher=None)
    meetings = _meetings(extract([article]))
    assert {"Kari Nordvik", "Examplecorp Industries", "University of Example"} in [people for people, _ in meetings]
    assert ({"Kari Nordvik"}, "Kiel") in meetings  # "she": the visitor named before; the site's owner is no party


def test_hosts_met_on_a_visit_belong_to_the_visited_country_not_to_the_datelines():
    article = _article("High Representative visits Japan", "Brussels, 2 June 2030 – The High Representative, Kari "
                       "Nordvik, visited Tokyo on 30-31 May 2030.\n\nOn 31 May, Ms Nordvik called on Prime Minister "
                       "Ola Berg at the Kantei.", date=datetime.date(2030, 6, 2), publisher="European External Action Service")
    assert ("Ola Berg", "Prime Minister", "Japan") in _posts(extract([article]))


@pytest.mark.parametrize("publisher, body, post", [
    ("Prime Minister's Office, 10 Downing Street", "Prime Minister Kari Nordvik spoke to the Prime Minister of Sweden, "
     "Ola Berg, this afternoon. The UK will send aircraft.", ("Kari Nordvik", "Prime Minister", "United Kingdom")),
    ("Office of the President of the Republic of Finland", "The President of Finland, Kari Nordvik, will visit Chile. "
     "Minister for Foreign Trade Ola Berg will accompany the President.", ("Ola Berg", "Minister for Foreign Trade",
                                                                            "Finland")),
    ("NATO", "Mr Nordvik commended Canada's leadership of the brigade in Latvia and the work of Minister of National "
     "Defence Ola Berg.", ("Ola Berg", "Minister of National Defence", "Canada")),
])
def test_the_state_of_an_office_comes_from_the_publishers_seat_a_companion_or_a_states_possessive(
        publisher, body, post):
    article = _article("Talks", body, publisher=publisher)
    assert post in _posts(extract([article]))


def test_executive_offices_joined_by_and_are_both_held_in_the_company_and_a_units_head_in_the_unit():
    article = _article("Visit", "On 6 May 2030 the President and CEO of Patria, Mr Kari Nordvik, briefed Ola Berg. "
                       "She then visited the NATO Airborne Early Warning & Control Force, where she was received by "
                       "the Force Commander, Brigadier General Per Lund, and by the Commander of JFC Brunssum, "
                       "General Ann Roe.", publisher=None)
    posts = _posts(extract([article]))
    assert {("Kari Nordvik", "President", "Patria"), ("Kari Nordvik", "CEO", "Patria"),
            ("Per Lund", "Force Commander", "NATO Airborne Early Warning & Control Force"),
            ("Ann Roe", "Commander", "Allied Joint Force Command Brunssum")} <= posts


def test_spanish_particles_belong_to_the_name():
    article = _article("Visit", "On 6 May 2030 they were received by its CEO, José Vicente de los Mozos.", publisher=None)
    assert "José Vicente de los Mozos" in _entities(extract([article]), "person")


def test_a_slash_dateline_places_the_news_in_its_second_city():
    article = _article("Secretary General visits Armenia", "Strasbourg/Yerevan, 13 May 2030 – The Secretary General, "
                       "Kari Nordvik, paid an official visit to Armenia on 12-13 May 2030.\n\nOn Monday, the Secretary "
                       "General was received by the Prime Minister of Armenia, Ola Berg.",
                       date=datetime.date(2030, 5, 13), publisher="Council of Europe")
    meetings = _meetings(extract([article]))
    assert ({"Kari Nordvik", "Ola Berg"}, "Yerevan") in meetings


def test_a_ministry_headquarters_is_no_named_building_and_a_remote_participant_makes_no_call():
    article = _article("Talks", "The Minister of Defence, Kari Nordvik, received this Tuesday at the Ministry of "
                       "Defence headquarters in Madrid her counterpart, Ola Berg.\n\nOn 7 May 2030 Ms Nordvik hosted "
                       "the defence ministers at Wawel Royal Castle in Kraków. Per Lund joined the talks by "
                       "videoconference.", date=datetime.date(2030, 5, 8), publisher=None)
    extraction = extract([article])
    assert "Defence Headquarters" not in _entities(extraction, "location")
    assert "Wawel Royal Castle" in {place for _, place in _meetings(extraction)}


def test_the_two_ministers_visiting_a_company_are_the_pair_met_before_with_the_company_and_its_head():
    article = _article("Talks", "On 6 May 2030 the Minister of Defence, Kari Nordvik, received her counterpart, "
                       "Ola Berg, in Madrid.\n\nIn the afternoon, the two ministers visited the headquarters of Indra in "
                       "Alcobendas, where they were received by its CEO, Per Lund.", publisher=None)
    assert ({"Kari Nordvik", "Ola Berg", "Indra", "Per Lund"}, "Alcobendas") in _meetings(extract([article]))
