"""General knowledge about how press releases name people, posts, bodies and places.

Nothing here is about a particular article: these are titles, honorifics, the words that mark an
organisation or a facility, and the kinds of noise that official texts carry.
"""

from __future__ import annotations

import re

# Honorifics and ranks that precede a person's name (never part of the name, never a post).
HONORIFICS = (
    "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Prof", "Prof.",
    "Professor", "H.E.", "HE", "Excellency", "Ambassador", "the Honourable", "the Honorable", "The Honourable",
    "The Honorable", "The Hon", "The Hon.", "The Rt Hon", "Eng.", "Engr.", "Honourable",
    "Honorable", "the Hon", "the Hon.", "Hon", "Hon.", "Senator the Hon", "Senator", "Rt Hon",
    "Rt. Hon.", "the Rt Hon", "Right Honourable", "the Right Honourable", "Shri", "Smt", "Smt.",
    "Md.", "Mohd.",  # Muhammad as South and Southeast Asian names abbreviate it before the name
    # Malaysian and Bruneian honours written before a name
    "Dato' Seri Utama", "Dato’ Seri Utama", "Dato' Seri", "Dato’ Seri", "Dato' Sri", "Dato’ Sri", "Dato'",
    "Dato’", "Datuk Seri", "Datuk", "Tan Sri", "Tun", "Dato Seri", "Dato", "Seri Utama", "Utama", "Haji", "Hajjah",
    # royal styles and Gulf honours
    "His Majesty", "Her Majesty", "His Royal Highness", "Her Royal Highness", "His Highness", "Her Highness",
    "HRH", "H.R.H.", "H.M.", "H.H.", "Sheikh", "Sheikha", "Shaikh", "Shaikha", "Prince", "Princess", "Seri",
    "Sayyid", "Sayyida",  # Oman's styles
)
RANKS = (
    "Admiral", "Vice Admiral", "Rear Admiral", "General", "Lt Gen", "Lt. Gen.", "LTG",
    "Lieutenant General", "Major General", "Maj Gen", "Brigadier General", "Brig Gen",
    "Brigadier", "Colonel", "Col", "Lieutenant Colonel", "Lt Col", "Major", "Captain",
    "Commander", "Air Marshal", "Air Chief Marshal", "Air Vice Marshal", "Sergeant",
    "Commodore", "Air Commodore", "Lt. Col.", "Lt.", "Maj.", "Capt.", "Brig.", "Gen.",
    # plural before two surnames: "Generals Knight and Berg"
    "Generals", "Admirals", "Colonels",
)
# "Rear-Admiral", "Lieutenant-General": the same ranks hyphenated, as many navies and armies write them
RANKS += tuple(r.replace(" ", "-") for r in RANKS if " " in r and "." not in r)
# A rank may carry a service tag or a retirement mark: "Colonel (IT AR)", "Lt Gen (ret)".
RANK_SUFFIX = r"(?:\s*\((?:[Rr]et|[Rr]etd|[Rr]td|[Rr]etired|[A-Z]{2,3}(?:\s+[A-Z]{2,3})?)\.?\))?"

# Heads of post titles. A title is one of these, optionally with a complement
# ("of Defence", "for the Southern Neighbourhood", "of the NATO Military Committee").
TITLE_HEADS = (
    "Deputy Secretary General", "Assistant Secretary General", "Secretary General",
    "Secretary-General", "Deputy Prime Minister", "Prime Minister", "Vice-President",
    "Vice President", "President", "Foreign Minister", "Defence Minister", "Defense Minister",
    "Defence Secretary", "Foreign Secretary", "Home Secretary", "Secretary of State",
    "Minister", "Deputy Minister", "State Secretary", "Chancellor", "King", "Queen",
    "Crown Prince", "Emir", "Amir", "Minister-President", "Yang di-Pertuan Agong", "Yang Di-Pertuan Agong",
    "Yang di-Pertuan", "Yang Di-Pertuan", "Raksha Mantri",  # India's Defence Minister, as PIB writes it
    "Adviser", "Advisor",  # "Foreign Adviser", "Adviser for Foreign Affairs" (Bangladesh's interim government)
    "Deputy Chair", "Chair", "Chairman", "Chairwoman", "Chairperson",
    "Chairperson-in-Office", "Director General", "Director-General", "Deputy Director", "Director", "Chief Scientist",
    "Chief of Defence", "Chief of Staff", "Chief of the Defence Staff", "Chief of the General Staff",
    "Chief of General Staff", "Chief of the Naval Staff", "Chief of the Air Staff", "Chief Executive",
    "Special Representative", "Special Envoy", "Personal Envoy", "Envoy", "Special Coordinator", "High Representative",
    "Executive Vice-President", "Commissioner", "Permanent Representative",
    "Military Representative", "Supreme Allied Commander Europe",
    "Supreme Allied Commander Transformation", "Supreme Allied Commander", "Commander", "Head", "Spokesperson",
    "Spokesman", "National Security Advisor", "National Security Adviser", "Governor", "Mayor",
    "Senator", "Speaker", "Attorney General", "Secretary", "Under Secretary",
    "Assistant Secretary", "CEO", "Registrar", "General Manager", "Managing Director",
    "Chief Executive Officer", "Chief Operating Officer", "Chief Financial Officer",
    "Chief Technology Officer", "Prosecutor", "Judge", "Rector", "Member", "Executive Secretary",
    "Inspector General", "Inspector", "Force Commander", "Chief", "Tánaiste", "Taoiseach",
    "Federal Councillor", "Councillor", "Chief of the Defence Force", "Chief of Defence Force",
    "Chairman of the Joint Chiefs of Staff", "Commander-in-Chief", "Adjutant General",
    "Chief of Defence Staff", "Chief of Army Staff", "Chief of Naval Staff", "Chief of Air Staff",
    "Prime Cabinet Secretary", "Cabinet Secretary",  # Kenya's ministers
    "President of the Government",  # Spain's head of government
    "Chief of Navy", "Chief of Army", "Chief of Air Force",  # Singapore's and Australia's service chiefs
    "Chief of the Naval Forces Staff", "Chief of the Land Forces Staff", "Chief of the Air Force Staff",
)
# Offices that are also given names ("Sultan Ahmed Al Jaber"): read as offices only where a
# title is expected (kg.extract.posts), never cut off the front of a name.
NAME_LIKE_TITLES = ("Sultan",)
# Titles that stand for one post-holder when used alone ("the Secretary General said").
REFERRING_TITLES = (
    "Secretary General", "Secretary-General", "Deputy Secretary General", "Prime Minister", "President", "Chair",
    "Deputy Chair", "Minister", "Special Representative", "High Representative",
    "Director General", "Chancellor", "Foreign Minister", "Defence Minister", "Tánaiste", "Taoiseach", "Premier",
    "Amir", "Emir", "Crown Prince", "Raksha Mantri",
    "Commissioner", "Chairperson",
)

# The legal forms that end a company's name: "Acme AG" is the "Acme" of a later sentence.
COMPANY_FORMS = (
    "Ltd", "Ltd.", "Limited", "Inc", "Inc.", "plc", "PLC", "GmbH", "AG", "SE", "SA", "S.A.",
    "S.p.A.", "SpA", "Oy", "Oyj", "AB", "ASA", "AS", "A/S", "NV", "N.V.", "BV", "B.V.", "LLC",
    "Corp", "Corp.", "JSC", "JSCo", "PJSC", "OJSC", "d.o.o.", "a.s.", "Kft.", "Zrt.",
)
# The last word of a name that marks it as an organisation or a body of one.
ORG_HEADS = (
    "Organization", "Organisation", "Council", "Committee", "Staff", "Agency", "Command",
    "Centre", "Center", "Group", "Union", "Ministry", "Parliament", "Assembly", "Accelerator",
    "Mission", "Network", "Office", "Division", "Directorate", "College", "University", "Bank",
    "Board", "Commission", "Secretariat", "Forces", "Force", "Service", "Institute", "Academy",
    "Authority", "Court", "Community", "Corporation", "Company", "Industries",
    "Association", "Federation", "Foundation", "Department", "Diet", "Congress", "Senate",
    "Branch", "Representation", "Delegation", "Embassy", "Electric", "Airlines",
    "Bundestag", "Coalition", "Alliance", "Nations", "Cabinet", "Government", "Team", "Unit",
    "Hub", "Headquarters", "Secretariat", "Taskforce", "Task Force", "Army", "Navy", "Coast Guard", "Border Guard",
    "National Guard",
    *("Battalion", "Brigade", "Regiment", "Corps", "Fleet", "Squadron", "Flotilla", "Battlegroup", "Battle Group"),  # military units
    *COMPANY_FORMS,  # "Nordhav Defence Oy", "Acme Systems GmbH"
    "Group", "Holding", "Holdings", "Systems", "Technologies", "Aerospace",
)
# Heads of military units, which are often numbered: "the 12th Mechanised Brigade", "1 Corps".
UNIT_HEADS = ("Battalion", "Brigade", "Regiment", "Corps", "Division", "Fleet", "Squadron", "Flotilla", "Wing")
# Directions that end the names of military units: "Multinational Division North".
COMPASS = frozenset({"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest",
                     "North-East", "North-West", "South-East", "South-West", "Centre", "Center"})
# Legislatures known by one word: "the Diet" names a body, it does not refer back to one.
ONE_WORD_BODIES = frozenset({
    "Diet", "Bundestag", "Bundesrat", "Riksdag", "Storting", "Folketing", "Knesset", "Sejm",
    "Duma", "Oireachtas", "Eduskunta", "Althingi", "Saeima", "Seimas", "Riigikogu", "Verkhovna Rada",
})

# Names ending in these are programmes, plans or frameworks, not organisations.
NOT_ORG_HEADS = (
    "Programme", "Program", "Package", "Plan", "Initiative", "Dialogue", "Partnership",
    "Roadmap", "Strategy", "Agreement", "Accords", "Accord", "Treaty", "Summit", "Conference",
    "Session", "Meeting", "Exercise", "Policy", "Paper", "Agenda", "Concept", "Declaration",
    "Fund", "Framework", "Course", "Process", "Sentry", "Hackathon", "Days", "Day",
    "Report", "Statement", "Ministerial", "Week", "Award", "Prize", "Priorities", "Challenges",
    "Posts", "Partners", "Partner", "Studies", "Readiness", "Action", "Visit", "Visits",
)
# Last words of a named facility.
# Seats of government and institutions that news names as places, with their country.
WELL_KNOWN_FACILITIES: dict[str, str] = {
    "White House": "US", "Pentagon": "US", "Capitol": "US", "Kremlin": "RU",
    "Élysée Palace": "FR", "Elysée Palace": "FR", "Quai d’Orsay": "FR", "Quai d'Orsay": "FR",
    "Downing Street": "GB", "Lancaster House": "GB", "Chequers": "GB",
    "Egmont Palace": "BE", "Berlaymont": "BE", "Europa building": "BE", "Justus Lipsius": "BE",
    "NATO Headquarters": "BE", "Palais des Nations": "CH", "Bundeskanzleramt": "DE",
    "Zhongnanhai": "CN", "Great Hall of the People": "CN", "Blue House": "KR",
    "Kantei": "JP", "Iikura Guest House": "JP", "Rideau Hall": "CA", "Parliament Hill": "CA",
    "Hofburg": "AT", "Istana": "SG", "Istana Negara": "MY", "Istana Merdeka": "ID", "Malacañang Palace": "PH",
    "Rashtrapati Bhavan": "IN", "Hyderabad House": "IN", "Akasaka Palace": "JP", "Yongsan": "KR",
    "Temple Trees": "LK", "Union Buildings": "ZA", "Kesäranta": "FI", "Mäntyniemi": "FI", "Stenbock House": "EE",
    "Kadriorg Palace": "EE", "Bellevue Palace": "DE", "Schloss Bellevue": "DE", "Hôtel de Matignon": "FR",
    "Matignon": "FR", "Palazzo Chigi": "IT", "Quirinal Palace": "IT", "Moncloa Palace": "ES", "Lambermont": "BE",
    # seats of government and ministries whose names carry no word for a building
    "Marienborg": "DK", "Christiansborg": "DK", "Rosenbad": "SE", "Harpsund": "SE", "Binnenhof": "NL",
    "Catshuis": "NL", "Farnesina": "IT", "Bendlerblock": "DE", "Kultaranta": "FI", "Toompea": "EE",
    "Belweder": "PL", "Cotroceni": "RO", "Itamaraty": "BR", "Casa Rosada": "AR", "La Moneda": "CL",
    "Casa de Nariño": "CO", "Carondelet": "EC", "Planalto": "BR", "Los Pinos": "MX", "Beehive": "NZ",
}
# First words of a named building in the language of its country: "Palazzo Chigi", "Palais Schaumburg".
FACILITY_PREFIXES = ("Palazzo", "Palais", "Palacio", "Palácio", "Schloss", "Château", "Chateau", "Villa", "Casa",
                     "Camp", "Fort", "Wisma", "Istana",  # Wisma, Istana: "building", "palace" in Malay
                     "Hôtel", "Vila", "Pałac", "Palác", "Qasr")  # Qasr: "palace" in Arabic names
FACILITY_HEADS = (
    "Headquarters", "HQ", "Base", "Airbase", "Air Base", "Naval Base", "Palace", "Works",
    "naval base", "air base", "military base",  # "the Toulon naval base"
    "Airport", "Port", "Harbour", "Square", "Building", "Castle", "House", "Hall", "Barracks", "Mansion",
    "Range", "Shipyard", "Station", "Camp", "Garrison", "Arena", "Conference Centre", "Congress Centre",
    "Congress Center", "Exhibition Centre", "Exhibition Center", "Test Site",
    "Conference Center", "Convention Centre", "Convention Center", "Guest House", "palace", "palats",
    "Monument", "Memorial", "Cemetery", "Museum", "Chancellery", "Villa", "Residence", "Fortress",
    "Bhawan", "Bhavan",  # "building" in Hindi names: "Jawaharlal Nehru Bhawan"
    "Complex", "Power Plant", "Club", "Training Area", "training area", "military training area", "Training Ground", "training ground",
    "Proving Ground", "Alcázar", "Alcazar", "barracks", "residence",
    "Border Control Centre", "Border Control Center", "Border Crossing", "Border Post", "Checkpoint",
)

# Organisations every reader of international news knows, with their common other names.
# (canonical name, aliases...). Used to join an acronym and its full name when a text gives
# only one of them.
WELL_KNOWN_ORGANISATIONS: tuple[tuple[str, ...], ...] = (
    ("North Atlantic Treaty Organization", "NATO", "North Atlantic Treaty Organisation", "the Alliance", "OTAN"),
    ("European Union", "EU"),
    ("United Nations", "UN", "U.N."),
    ("Organization for Security and Co-operation in Europe", "OSCE", "Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"),
    ("African Union", "AU"),
    ("European Commission",),
    ("European Parliament",),
    ("Council of the European Union",),
    ("European Council",),
    ("Council of Europe",),
    ("International Monetary Fund", "IMF"),
    ("World Bank",),
    ("World Health Organization", "WHO"),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("Group of Seven", "G7", "G-7"),
    ("Group of Twenty", "G20", "G-20"),
    ("International Atomic Energy Agency", "IAEA"),
    ("Organisation for Economic Co-operation and Development", "OECD"),
    ("International Committee of the Red Cross", "ICRC"),
    ("European Defence Agency", "EDA"),
    ("European External Action Service", "EEAS"),
    ("Gulf Cooperation Council", "GCC"),
    ("League of Arab States", "Arab League"),
    ("Supreme Headquarters Allied Powers Europe", "SHAPE"),
    ("Allied Command Transformation", "ACT"),
    ("Allied Command Operations", "ACO"),
    # NATO's command structure and agencies, usually named by short forms
    ("Allied Joint Force Command Brunssum", "JFC Brunssum", "Joint Force Command Brunssum"),
    ("Allied Joint Force Command Naples", "JFC Naples", "Joint Force Command Naples"),
    ("Joint Force Command Norfolk", "JFC Norfolk"),
    ("Allied Air Command", "AIRCOM"), ("Allied Maritime Command", "MARCOM"), ("Allied Land Command", "LANDCOM"),
    ("NATO Airborne Early Warning & Control Force", "NAEW&C Force"),
    ("NATO Support and Procurement Agency", "NSPA"),
    ("NATO Communications and Information Agency", "NCIA", "NCI Agency"),
    ("NATO Science and Technology Organization", "STO", "NATO Science & Technology Organization"),
    ("Defence Innovation Accelerator for the North Atlantic", "DIANA"),
    ("North Atlantic Council", "NAC"),
    ("NATO Military Committee", "Military Committee"),
    ("International Military Staff", "IMS", "NATO International Military Staff"),
    ("NATO Parliamentary Assembly", "NPA"),
    ("European Union Military Staff", "EUMS", "EU Military Staff"),
    ("Political and Security Committee", "PSC"),
    ("Ministry of Defence", "MoD"),
    # Regional organisations and international courts.
    ("Pacific Islands Forum", "PIF"),
    ("Caribbean Community", "CARICOM"),
    ("Economic Community of West African States", "ECOWAS"),
    ("Intergovernmental Authority on Development", "IGAD"),
    ("Southern African Development Community", "SADC"),
    ("Organization of American States", "OAS"),
    ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
    ("Collective Security Treaty Organization", "CSTO"),
    ("Council of the Baltic Sea States", "CBSS"),
    ("Nordic Council",),
    ("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation", "OIC"),
    ("International Criminal Court", "ICC"),
    ("International Court of Justice", "ICJ"),
    ("Southern Common Market", "MERCOSUR", "Mercosur"),
    ("Europol",),
    ("Frontex",),
    ("Interpol",),
    ("BRICS",),
    ("Visegrad Group", "Visegrád Group", "V4"),
    ("Arctic Council",),
    ("Organization of Turkic States", "Organisation of Turkic States"),
    # United Nations programmes and agencies: bodies, though named "Programme" like a plan
    ("World Food Programme", "WFP"),
    ("United Nations Development Programme", "UNDP", "UN Development Programme"),
    ("United Nations Environment Programme", "UNEP", "UN Environment Programme"),
    ("United Nations Children's Fund", "UNICEF"),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", "UN Refugee Agency"),
    ("International Organization for Migration", "IOM"),
    ("World Trade Organization", "WTO"),
    # Large defence and aerospace companies, often named by one word the tagger reads as a person.
    ("Leonardo",), ("Baykar",), ("Rheinmetall",), ("Thales",), ("Airbus",), ("BAE Systems",),
    ("Lockheed Martin",), ("Raytheon",), ("Northrop Grumman",), ("General Dynamics",), ("Boeing",),
    ("Saab",), ("Naval Group",), ("Fincantieri",), ("Hanwha Aerospace",), ("Elbit Systems",),
    ("MBDA",), ("KNDS",), ("Patria",), ("Nammo",), ("Hensoldt",), ("Safran",), ("Dassault Aviation",),
    ("Mitsubishi Heavy Industries",), ("Anduril",), ("Palantir",), ("Hanwha Ocean",), ("Indra",),
    ("Diehl Defence",), ("Navantia",),
    ("Milrem Robotics",), ("Helsing",), ("Quantum Systems",), ("Embraer",), ("Aselsan",),
)
# Organs that act for their organisation when it takes on a partner.
ORGAN_OF = {
    "North Atlantic Council": "NATO", "NATO Military Committee": "NATO",
    "Council of the European Union": "European Union", "European Council": "European Union",
    "European Commission": "European Union",
}
# Every name and alias of the well-known organisations above.
WELL_KNOWN_NAMES = frozenset(n for names in WELL_KNOWN_ORGANISATIONS for n in names)
# The same names as a regular-expression alternation, in the order listed (those written with
# "the" left out: they are matched without it).
WELL_KNOWN_PATTERN = "|".join(re.escape(n) for names in WELL_KNOWN_ORGANISATIONS for n in names
                              if not n.startswith("the "))
# What a company named after its trade is called: "the drone maker Skyeton", "the shipbuilder Austal".
COMPANY_TRADES = r"(?:maker|manufacturer|company|firm|producer|shipbuilder|contractor|start-?up|developer|supplier)"

# Capitalised words that spaCy tags as entities but that name nobody: collective nouns,
# adjectives, roles, boilerplate headings, technologies.
NOISE = frozenset({
    "allies", "allied", "ally", "alliance's", "partners", "partner", "european", "europeans",
    "media", "h.e", "h.e.", "media advisory", "media coverage", "q&a", "q and a", "press", "press office",
    "transcripts", "transcript", "video", "photos", "uav", "uavs", "uas", "ai", "cyber",
    "drones", "nato website", "x", "twitter", "facebook", "instagram", "linkedin", "youtube",
    "eur", "usd", "gbp", "jpy", "state", "air", "sea", "land", "space",
    "cest", "cet", "gmt", "utc", "eet", "eest", "bst", "est", "edt", "pst", "jst",
    "gdp", "ceo", "ceos", "covid-19", "mfa", "head", "chair", "members", "member states", "lng",
    "ministers", "defence ministers", "foreign ministers", "leaders", "heads of state",
    "secretary general", "deputy secretary general", "the secretary general",
})

# Capitalised abbreviations of things, not bodies ("the company AI"? no: "the firm's AI").
NOISE_ACRONYMS = frozenset({"AI", "UAV", "UAS", "CEO", "GDP", "LNG", "IT", "ICT", "R&D", "HQ", "EU", "US", "UK"})

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HANDLE = re.compile(r"(?<![\w@])@\w+")
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
