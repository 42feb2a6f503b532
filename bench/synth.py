"""Write a realistic synthetic racegraph dataset (TriG) of about N triples, deterministically.

The data follows docs/design.md: a reference graph (championships, sub-championships,
classes, manufacturers, car models, countries, venues, FIA categories), then one named graph
per synthetic article holding the article node, the entities it mentions (types, labels,
aliases), direct triples of confirmed facts, and statement / n-ary nodes with provenance
(prov:wasDerivedFrom, rg:asOf, rg:sentence, offsets, rule, confidence). Seasons x
championships x events (rounds with two races) x results x drivers; several articles report
on each event with claims whose status changes over time.

The saved queries' example parameters (Valentino Rossi, Maxime Martin, WRT, FIA WEC, LMGT3,
"GTWC Europe Sprint Cup 2023 Round 2 Misano", Belgium, ...) exist in the output, so
bench/query_latency.py can run every saved query with its example.

    python bench/synth.py --triples 1000000 --out /tmp/synth-1m.trig

Prints one JSON line: {"bench": "synth", "triples": ..., "articles": ..., "out": ...}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

BASE = "https://w3id.org/racegraph/"
ID = BASE + "id/"
RG = BASE + "ontology#"
GRAPH = BASE + "graph/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

CHAMPIONSHIPS = [
    ("fia-wec", "FIA World Endurance Championship", ["WEC", "FIA WEC"], None),
    ("gtwc-europe", "GT World Challenge Europe", ["GTWC", "GTWC Europe"], None),
    (
        "gtwc-europe-sprint-cup",
        "GT World Challenge Europe Sprint Cup",
        ["Sprint Cup", "GTWC Sprint Cup", "GTWC Europe Sprint Cup"],
        "gtwc-europe",
    ),
    (
        "gtwc-europe-endurance-cup",
        "GT World Challenge Europe Endurance Cup",
        ["Endurance Cup", "GTWC Endurance Cup"],
        "gtwc-europe",
    ),
    ("imsa", "IMSA WeatherTech SportsCar Championship", ["IMSA"], None),
    ("elms", "European Le Mans Series", ["ELMS"], None),
    ("dtm", "DTM", ["Deutsche Tourenwagen Masters"], None),
    ("motogp", "MotoGP", ["MotoGP World Championship"], None),
]
SHORT = {
    "fia-wec": "FIA WEC",
    "gtwc-europe": "GTWC Europe",
    "gtwc-europe-sprint-cup": "GTWC Europe Sprint Cup",
    "gtwc-europe-endurance-cup": "GTWC Europe Endurance Cup",
    "imsa": "IMSA",
    "elms": "ELMS",
    "dtm": "DTM",
    "motogp": "MotoGP",
}
CLASSES = ["hypercar", "lmgt3", "lmp2", "gte", "gold-cup", "silver-cup", "pro", "gtd", "lmp3"]
CLASS_LABELS = {
    "hypercar": "Hypercar",
    "lmgt3": "LMGT3",
    "lmp2": "LMP2",
    "gte": "GTE",
    "gold-cup": "Gold Cup",
    "silver-cup": "Silver Cup",
    "pro": "Pro",
    "gtd": "GTD",
    "lmp3": "LMP3",
}
MANUFACTURERS = [
    "BMW", "Audi", "Ferrari", "Porsche", "Chevrolet", "Aston Martin", "Lamborghini", "Ford",
    "McLaren", "Lexus", "Oreca", "Mercedes-AMG", "Toyota", "Peugeot", "Cadillac", "Alpine",
    "Honda", "Ligier", "Ducati", "Yamaha",
]  # fmt: skip
COUNTRIES = [
    ("it", "Italy", "Italian"), ("be", "Belgium", "Belgian"), ("de", "Germany", "German"),
    ("fr", "France", "French"), ("au", "Australia", "Australian"), ("gb", "United Kingdom",
    "British"), ("es", "Spain", "Spanish"), ("nl", "Netherlands", "Dutch"), ("us", "United States",
    "American"), ("jp", "Japan", "Japanese"), ("dk", "Denmark", "Danish"), ("ar", "Argentina",
    "Argentinian"), ("bh", "Bahrain", "Bahraini"), ("pt", "Portugal", "Portuguese"),
    ("at", "Austria", "Austrian"), ("ch", "Switzerland", "Swiss"), ("br", "Brazil", "Brazilian"),
]  # fmt: skip
VENUES = [
    ("misano", "Misano", "it"), ("monza", "Monza", "it"), ("spa", "Spa-Francorchamps", "be"),
    ("le-mans", "Le Mans", "fr"), ("paul-ricard", "Paul Ricard", "fr"),
    ("nurburgring", "Nürburgring", "de"), ("hockenheim", "Hockenheim", "de"),
    ("brands-hatch", "Brands Hatch", "gb"), ("silverstone", "Silverstone", "gb"),
    ("barcelona", "Barcelona", "es"), ("zandvoort", "Zandvoort", "nl"),
    ("sebring", "Sebring", "us"), ("daytona", "Daytona", "us"), ("fuji", "Fuji", "jp"),
    ("bahrain", "Bahrain International Circuit", "bh"), ("portimao", "Portimão", "pt"),
    ("red-bull-ring", "Red Bull Ring", "at"), ("interlagos", "Interlagos", "br"),
]  # fmt: skip
FIRST = [
    "Alex",
    "Ben",
    "Carlos",
    "Dani",
    "David",
    "Dries",
    "Charles",
    "Elena",
    "Felipe",
    "Gianmaria",
    "Harry",
    "Ivan",
    "Jack",
    "Jose",
    "Kevin",
    "Laura",
    "Lucas",
    "Marco",
    "Mattia",
    "Nicki",
    "Nico",
    "Oliver",
    "Pietro",
    "Rafael",
    "Raffaele",
    "Robin",
    "Sam",
    "Sophia",
    "Thomas",
    "Tom",
    "Ugo",
    "Victor",
    "Yannick",
    "Zane",
    "Augusto",
    "Antonio",
    "Ayhancan",
    "Calan",
    "Jean-Baptiste",
    "Niklas",
    "Dirk",
    "Miguel",
    "Nick",
    "Sheldon",
    "Kelvin",
    "Laurens",
    "Mikkel",
    "Raffaele",
    "Ricky",
    "Sebastien",
]
LAST = [
    "Aitken",
    "Bird",
    "Buemi",
    "Conway",
    "Costa",
    "Di",
    "Resta",
    "Estre",
    "Fuoco",
    "Giovinazzi",
    "Habsburg",
    "Hartley",
    "Ilott",
    "Jaminet",
    "Kobayashi",
    "Lietz",
    "Lotterer",
    "Makowiecki",
    "Nato",
    "Pier",
    "Guidi",
    "Rast",
    "Tandy",
    "Van",
    "der",
    "Linde",
    "Vandoorne",
    "Vervisch",
    "Weerts",
    "Wittmann",
    "Yelloly",
    "Zanardi",
    "Farfus",
    "Eng",
    "Marciello",
    "Juncadella",
    "Rigon",
    "Sorensen",
    "Lopez",
    "Neubauer",
    "Simmenauer",
    "Williams",
    "Krutten",
    "Muller",
    "Vanthoor",
    "Catsburg",
    "Pedersen",
]
RULES = ["results.table", "competesIn.plan", "memberOf.with", "eventOf.round", "coDriver.pair"]
STATUSES = [("confirmed", "confirmed"), ("likely", "increasingly likely"),
            ("planned", "certain"), ("uncertain", "uncertain")]  # fmt: skip


_TRIPLES_PER_ARTICLE = 900  # measured average of article() below


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def rg(term: str) -> str:
    return f"<{RG}{term}>"


def lit(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in out.split("-") if p)


class Writer:
    def __init__(self, out: Iterator[None] | None = None) -> None:
        self.lines: list[str] = []
        self.count = 0

    def t(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"  {s} {p} {o} .\n")
        self.count += 1


A = f"<{RDF}type>"
LABEL = f"<{RDFS}label>"
ALT = f"<{SKOS}altLabel>"


def reference(w: Writer, manufacturers: list[str], cars: list[tuple[str, str, str]]) -> None:
    for key, label, alts, parent in CHAMPIONSHIPS:
        node = iri(f"championship/{key}")
        w.t(node, A, rg("Championship"))
        w.t(node, LABEL, lit(label) + "@en")
        for alt in alts:
            w.t(node, ALT, lit(alt) + "@en")
        if parent:
            w.t(node, A, rg("SubChampionship"))
            w.t(node, rg("subChampionshipOf"), iri(f"championship/{parent}"))
    for key in CLASSES:
        w.t(iri(f"class/{key}"), A, rg("RaceClass"))
        w.t(iri(f"class/{key}"), LABEL, lit(CLASS_LABELS[key]) + "@en")
    for name in manufacturers:
        w.t(iri(f"manufacturer/{slug(name)}"), A, rg("Manufacturer"))
        w.t(iri(f"manufacturer/{slug(name)}"), LABEL, lit(name) + "@en")
    for key, label, maker in cars:
        w.t(iri(f"car/{key}"), A, rg("CarModel"))
        w.t(iri(f"car/{key}"), LABEL, lit(label) + "@en")
        w.t(iri(f"car/{key}"), rg("manufacturer"), iri(f"manufacturer/{slug(maker)}"))
    for code, name, demonym in COUNTRIES:
        w.t(iri(f"country/{code}"), A, rg("Country"))
        w.t(iri(f"country/{code}"), LABEL, lit(name) + "@en")
        w.t(iri(f"country/{code}"), ALT, lit(demonym) + "@en")
    for key, name, country in VENUES:
        w.t(iri(f"venue/{key}"), A, rg("Venue"))
        w.t(iri(f"venue/{key}"), LABEL, lit(name) + "@en")
        w.t(iri(f"venue/{key}"), rg("locatedIn"), iri(f"country/{country}"))
    for cat in ("platinum", "gold", "silver", "bronze"):
        w.t(iri(f"fia-category/{cat}"), A, rg("FIACategory"))
        w.t(iri(f"fia-category/{cat}"), LABEL, lit(cat.title()) + "@en")


def generate(target: int, seed: int, out: Path) -> dict[str, object]:
    rnd = random.Random(seed)
    n_articles = max(10, target // _TRIPLES_PER_ARTICLE)
    n_drivers = max(40, n_articles // 4)
    n_teams = max(10, n_articles // 40)
    cars = [(f"{slug(m)}-gt3", f"{m} GT3", m) for m in MANUFACTURERS[:12]] + [
        ("bmw-m4-gt3", "BMW M4 GT3", "BMW"),
        ("bmw-z4-gt3", "BMW Z4 GT3", "BMW"),
        ("oreca-07", "Oreca 07", "Oreca"),
    ]
    names: list[str] = ["Valentino Rossi", "Maxime Martin"]
    seen = set(names)
    while len(names) < n_drivers:
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        names.append(name)
    drivers = [(slug(n), n, rnd.choice(COUNTRIES)[0]) for n in names]
    drivers[0] = ("valentino-rossi", "Valentino Rossi", "it")
    drivers[1] = ("maxime-martin", "Maxime Martin", "be")
    teams = ["WRT"] + [f"Team {rnd.choice(LAST)} Racing {i}" for i in range(1, n_teams)]
    years = list(range(2015, 2025))
    champs = [c[0] for c in CHAMPIONSHIPS]
    calendar: list[tuple[str, int, int, str]] = []
    for champ in champs:
        for year in years:
            for rnd_no in range(1, 9):
                venue = VENUES[(rnd_no * 7 + champs.index(champ) * 3 + year) % len(VENUES)][0]
                if (champ, year, rnd_no) == ("gtwc-europe-sprint-cup", 2023, 2):
                    venue = "misano"
                calendar.append((champ, year, rnd_no, venue))

    w = Writer()
    with out.open("w", encoding="utf-8") as fh:
        fh.write(f"# synthetic racegraph data, seed {seed}, target {target} triples\n")
        fh.write(f"<{GRAPH}reference> {{\n")
        reference(w, MANUFACTURERS, cars)
        fh.writelines(w.lines)
        fh.write("}\n")
        w.lines.clear()
        for a in range(n_articles):
            champ, year, rnd_no, venue = calendar[rnd.randrange(len(calendar))]
            if a % 200 == 0:  # the Misano round of the saved queries' examples
                champ, year, rnd_no, venue = "gtwc-europe-sprint-cup", 2023, 2, "misano"
            force = a % 100 in (1, 2)  # entry lists, rules and tests of the examples
            if a % 100 == 1:
                champ, year, rnd_no, venue = "fia-wec", 2024, 1, "bahrain"
            elif a % 100 == 2:
                champ, year, rnd_no, venue = "fia-wec", 2023, 8, "bahrain"
            article(w, rnd, a, champ, year, rnd_no, venue, drivers, teams, cars, force=force)
            fh.write(f"<{GRAPH}article/{a:06d}_synth> {{\n")
            fh.writelines(w.lines)
            fh.write("}\n")
            w.lines.clear()
    return {"bench": "synth", "triples": w.count, "articles": n_articles,
            "drivers": n_drivers, "teams": n_teams, "seed": seed, "out": str(out)}  # fmt: skip


def article(
    w: Writer,
    rnd: random.Random,
    index: int,
    champ: str,
    year: int,
    rnd_no: int,
    venue: str,
    drivers: list[tuple[str, str, str]],
    teams: list[str],
    cars: list[tuple[str, str, str]],
    *,
    force: bool = False,
) -> None:
    stem = f"{index:06d}_synth"
    art = iri(f"article/{stem}")
    race_day = dt.date(year, 3, 1) + dt.timedelta(days=(rnd_no - 1) * 21 + rnd.randrange(5))
    published = race_day + dt.timedelta(days=rnd.randrange(1, 60))
    pub = typed(published.isoformat(), "date")
    w.t(art, A, f"<{SCHEMA}NewsArticle>")
    w.t(art, A, f"<{PROV}Entity>")
    w.t(art, LABEL, lit(f"{stem}.txt"))
    w.t(art, f"<{SCHEMA}datePublished>", pub)
    w.t(art, rg("fileName"), lit(f"{stem}.txt"))
    w.t(art, rg("wordCount"), typed(rnd.randrange(200, 900), "nonNegativeInteger"))
    w.t(art, rg("pipelineVersion"), lit("1"))
    counter = [0]

    def node(kind: str, klass: str) -> str:
        counter[0] += 1
        n = iri(f"{kind}/{stem}/{counter[0]:04x}")
        w.t(n, A, rg(klass))
        w.t(n, f"<{PROV}wasDerivedFrom>", art)
        w.t(n, rg("asOf"), pub)
        start = rnd.randrange(0, 4000)
        w.t(n, rg("sentence"), lit(f"Sentence {counter[0]} of article {stem} about {kind}."))
        w.t(n, rg("charStart"), typed(start, "nonNegativeInteger"))
        w.t(n, rg("charEnd"), typed(start + 80, "nonNegativeInteger"))
        w.t(n, rg("extractionRule"), lit(rnd.choice(RULES)))
        w.t(n, rg("confidence"), typed(f"0.{rnd.randrange(5, 10)}", "decimal"))
        return n

    def statement(s: str, p: str, o: str, *, direct: bool = True, klass: str = "Statement") -> str:
        n = node("statement", klass)
        w.t(n, f"<{RDF}subject>", s)
        w.t(n, f"<{RDF}predicate>", rg(p))
        w.t(n, f"<{RDF}object>", o)
        if direct:
            w.t(s, rg(p), o)
        return n

    champ_iri = iri(f"championship/{champ}")
    season = iri(f"season/{champ}/{year}")
    gyear = typed(year, "gYear")
    w.t(season, A, rg("Season"))
    w.t(season, rg("seasonOf"), champ_iri)
    w.t(season, rg("year"), gyear)
    venue_name = next(v[1] for v in VENUES if v[0] == venue)
    event_key = f"{champ}-{year}-r{rnd_no}"
    event = iri(f"event/{event_key}")
    event_label = f"{SHORT[champ]} {year} Round {rnd_no} {venue_name}"
    w.t(event, A, rg("Round"))
    w.t(event, LABEL, lit(event_label))
    w.t(art, f"<{SCHEMA}mentions>", event)
    st = statement(event, "eventOf", champ_iri)
    w.t(st, rg("year"), gyear)
    w.t(st, rg("season"), season)
    w.t(st, rg("round"), typed(rnd_no, "positiveInteger"))
    w.t(event, rg("round"), typed(rnd_no, "positiveInteger"))
    statement(event, "heldAt", iri(f"venue/{venue}"))
    races = []
    for r in (1, 2):
        race = iri(f"event/{event_key}-race-{r}")
        w.t(race, A, rg("Race"))
        w.t(race, LABEL, lit(f"{SHORT[champ]} {year} {venue_name} Race {r}"))
        w.t(race, rg("partOfEvent"), event)
        day = race_day + dt.timedelta(days=r - 1)
        w.t(race, rg("date"), typed(day.isoformat(), "date"))
        es = statement(race, "eventOf", champ_iri)
        w.t(es, rg("year"), gyear)
        w.t(es, rg("round"), typed(rnd_no, "positiveInteger"))
        races.append((race, day))

    # the crews of this article: 3 to 6 cars of two drivers each
    crew_count = rnd.randrange(3, 7)
    crews = []
    pool = drivers if rnd.random() < 0.7 else drivers[: max(20, len(drivers) // 10)]
    picked = rnd.sample(range(len(pool)), crew_count * 2)
    if index % 12 == 0 and 0 not in picked:
        picked[0] = 0  # Rossi: a popular driver, in one article in twelve
    if index % 24 == 0 and 1 not in picked:
        picked[1] = 1  # Martin, Rossi's co-driver
    for c in range(crew_count):
        pair = [pool[picked[2 * c]], pool[picked[2 * c + 1]]]
        team = teams[0] if (c == 0 and index % 12 == 0) else rnd.choice(teams)
        car = rnd.choice(cars)
        cls = rnd.choice(CLASSES[:5])
        crews.append((pair, team, car, cls, rnd.randrange(1, 100)))
    for pair, team, car, cls, number in crews:
        team_iri = iri(f"team/{slug(team)}")
        w.t(team_iri, A, rg("Team"))
        w.t(team_iri, LABEL, lit(team))
        w.t(art, f"<{SCHEMA}mentions>", team_iri)
        for key, name, country in pair:
            d = iri(f"person/{key}")
            w.t(d, A, rg("Driver"))
            w.t(d, LABEL, lit(name))
            w.t(d, ALT, lit(name.split()[-1]))
            w.t(art, f"<{SCHEMA}mentions>", d)
            if rnd.random() < 0.5:
                statement(d, "nationality", iri(f"country/{country}"))
            m = statement(d, "memberOf", team_iri)
            w.t(m, rg("championship"), champ_iri)
            w.t(m, rg("year"), gyear)
            w.t(m, rg("season"), season)
            status, modality = rnd.choice(STATUSES) if rnd.random() < 0.3 else STATUSES[0]
            pc = statement(
                d, "competesIn", champ_iri, direct=status == "confirmed",
                klass="ParticipationClaim",
            )  # fmt: skip
            w.t(pc, rg("championship"), champ_iri)
            w.t(pc, rg("year"), typed(year + (status != "confirmed"), "gYear"))
            w.t(pc, rg("raceClass"), iri(f"class/{cls}"))
            w.t(pc, rg("claimStatus"), rg(status))
            w.t(pc, rg("modality"), lit(modality))
            entry = node("entry", "Entry")
            for p, o in (
                ("driver", d), ("carModel", iri(f"car/{car[0]}")), ("team", team_iri),
                ("championship", champ_iri), ("raceClass", iri(f"class/{cls}")),
            ):  # fmt: skip
                w.t(entry, rg(p), o)
            w.t(entry, rg("raceNumber"), typed(number, "nonNegativeInteger"))
            w.t(entry, rg("year"), gyear)
            w.t(d, rg("drives"), iri(f"car/{car[0]}"))
            if rnd.random() < 0.1:
                statement(d, "worksDriverFor", iri(f"manufacturer/{slug(car[2])}"))
            if rnd.random() < 0.05:
                t = node("title", "Title")
                w.t(t, rg("holder"), d)
                count = rnd.randrange(1, 10)
                w.t(t, rg("titleText"), lit(f"{count}-time champion"))
                w.t(t, rg("count"), typed(count, "nonNegativeInteger"))
                w.t(t, rg("discipline"), lit(SHORT[champ]))
            if rnd.random() < 0.05:
                ca = node("category", "CategoryAssignment")
                w.t(ca, rg("driver"), d)
                cat = rnd.choice(["platinum", "gold", "silver", "bronze"])
                w.t(ca, rg("category"), iri(f"fia-category/{cat}"))
                w.t(ca, rg("previousCategory"), iri("fia-category/gold"))
                w.t(d, rg("fiaCategory"), iri(f"fia-category/{cat}"))
        a_, b_ = pair
        cd = statement(iri(f"person/{a_[0]}"), "coDriver", iri(f"person/{b_[0]}"))
        w.t(cd, rg("event"), event)
        w.t(cd, rg("year"), gyear)
    # results of both races, a pole position, a win statement
    for race, day in races:
        order = rnd.sample(range(len(crews)), len(crews))
        for pos, c in enumerate(order, start=1):
            pair, team, car, cls, number = crews[c]
            res = node("result", "Result")
            w.t(res, rg("race"), race)
            w.t(res, rg("position"), typed(pos, "positiveInteger"))
            overall = rnd.random() < 0.7
            w.t(res, rg("classification"), lit("overall" if overall else "class"))
            if not overall:
                w.t(res, rg("resultClass"), iri(f"class/{cls}"))
            for key, _, _ in pair:
                w.t(res, rg("driver"), iri(f"person/{key}"))
            w.t(res, rg("team"), iri(f"team/{slug(team)}"))
            w.t(res, rg("carModel"), iri(f"car/{car[0]}"))
            w.t(res, rg("raceNumber"), typed(number, "nonNegativeInteger"))
            w.t(res, rg("date"), typed(day.isoformat(), "date"))
        gp = node("grid", "GridPosition")
        w.t(gp, rg("race"), race)
        w.t(gp, rg("position"), typed(1, "positiveInteger"))
        w.t(gp, rg("gridKind"), lit("pole"))
        for key, _, _ in crews[order[-1]][0]:
            w.t(gp, rg("driver"), iri(f"person/{key}"))
        winner = crews[order[0]]
        ws = statement(iri(f"person/{winner[0][0][0]}"), "won", race)
        w.t(ws, rg("carModel"), iri(f"car/{winner[2][0]}"))
    # occasional team, class and entry-list facts
    if force or rnd.random() < 0.3:
        team_iri = iri(f"team/{slug(crews[0][1])}")
        boss = iri(f"person/boss-{slug(crews[0][1])}")
        w.t(boss, A, rg("Person"))
        w.t(boss, LABEL, lit(f"Boss of {crews[0][1]}"))
        statement(team_iri, "teamPrincipal", boss)
        statement(team_iri, "basedIn", iri(f"country/{rnd.choice(COUNTRIES)[0]}"))
    if force or rnd.random() < 0.2:
        ec = node("entry-count", "EntryCount")
        w.t(ec, rg("championship"), champ_iri)
        w.t(ec, rg("year"), gyear)
        w.t(ec, rg("season"), season)
        w.t(ec, rg("raceClass"), iri(f"class/{'lmgt3' if force else rnd.choice(CLASSES[:4])}"))
        w.t(ec, rg("count"), typed(rnd.randrange(5, 40), "nonNegativeInteger"))
        w.t(ec, rg("claimStatus"), rg("provisional"))
        for maker in rnd.sample(MANUFACTURERS, 3):
            me = node("manufacturer-entry", "ManufacturerEntry")
            w.t(me, rg("manufacturerOfEntry"), iri(f"manufacturer/{slug(maker)}"))
            w.t(me, rg("championship"), champ_iri)
            w.t(me, rg("year"), gyear)
            w.t(me, rg("raceClass"), iri(f"class/{'lmgt3' if force else rnd.choice(CLASSES[:4])}"))
            w.t(me, rg("cars"), typed(rnd.randrange(1, 4), "nonNegativeInteger"))
    if force or rnd.random() < 0.05:
        lr = node("lineup-rule", "LineupRule")
        cls = "lmgt3" if force else rnd.choice(CLASSES[:4])
        w.t(lr, rg("raceClass"), iri(f"class/{cls}"))
        w.t(lr, rg("championship"), champ_iri)
        w.t(lr, rg("year"), gyear)
        w.t(lr, rg("ruleText"), lit("one professional, at least one bronze"))
        for i, (cat, minimum, strict) in enumerate(
            (("gold", "false", "typically"), ("bronze", "true", "required"))
        ):
            req = iri(f"lineup-rule/{stem}/{counter[0]:04x}-{i}")
            w.t(lr, rg("requirement"), req)
            w.t(req, A, rg("LineupRequirement"))
            w.t(req, rg("category"), iri(f"fia-category/{cat}"))
            w.t(req, rg("count"), typed(1, "nonNegativeInteger"))
            w.t(req, rg("minimum"), f'"{minimum}"^^<{XSD}boolean>')
            w.t(req, rg("strictness"), lit(strict))
        rp = statement(iri("class/lmgt3"), "replaces", iri(f"class/{rnd.choice(['gte', 'lmp2'])}"))
        w.t(rp, rg("championship"), iri("championship/fia-wec"))
        w.t(rp, rg("year"), typed(2024, "gYear"))
    if force or rnd.random() < 0.05:
        d = iri(f"person/{crews[0][0][0][0]}")
        if force:
            d = iri("person/valentino-rossi")
        test = iri(f"event/{champ}-{year}-rookie-test")
        w.t(test, A, rg("Test"))
        w.t(test, LABEL, lit(f"{SHORT[champ]} {year} rookie test"))
        w.t(test, rg("heldAt"), iri(f"venue/{venue}"))
        w.t(test, rg("eventOf"), champ_iri)
        ts = statement(d, "testedCar", iri(f"car/{rnd.choice(cars)[0]}"))
        w.t(ts, rg("event"), test)
        w.t(ts, rg("team"), iri(f"team/{slug(crews[0][1])}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=100_000, help="about this many triples")
    parser.add_argument("--out", type=Path, required=True, help="TriG file to write")
    parser.add_argument("--seed", type=int, default=20231106)
    args = parser.parse_args(argv)
    summary = generate(args.triples, args.seed, args.out)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
