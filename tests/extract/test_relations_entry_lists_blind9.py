"""Entry-list and team rules found on blind sets 7 and 9 (tests/extract/blind7, blind9), each
with a sentence of its own: reserves among counted cars, full-season entries, class counts
worded 'remains the largest class with' / 'In X there are' / 'cars run in', make counts with
weaker verbs ('has', 'supplies', 'leads the way with', 'has the most cars'), 'a lone make',
'the remaining N', 'a pair of cars each', 'two apiece' with 'provide', a count spread over two
classes, and a principal quoted in a paragraph about a team another team is named in."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.extract.pipeline import load_pipeline
from racegraph.reference import load_reference
from tests.extract._relations_harness import CAR, ROUND, TEST, C, D, E, K, M, P, T, has, roles, run

PUB = dt.date(2026, 5, 4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(load_reference())


def test_reserves_among_the_listed_cars_and_full_season_entries() -> None:
    text = (
        "The Asian Le Mans Series has issued its provisional entry list for 2026 with 38 cars "
        "listed, of which three are reserves. The 35 full-season entries are two fewer than "
        "last year."
    )
    facts = run(text, [("Asian Le Mans Series", "alms", C)], published=PUB)
    kw = {"championship": "alms", "season": 2026}
    assert has(facts, "entryCount", count=38, status="provisional", **kw)
    assert has(facts, "entryCount", count=3, **kw)
    assert has(facts, "entryCount", count=35, **kw)
    assert has(facts, "entryCount", championship="alms", season=2025, count=37)


def test_class_counts_remains_largest_there_are_and_run_in() -> None:
    text = (
        "The provisional entry list of the 2026 Michelin Le Mans Cup has 40 cars.\n\n"
        "GT3 remains the largest class with 22 cars. In LMP3 there are 12 cars, including two "
        "reserves.\n\n"
        "The other six entries run in the Prototype Cup."
    )
    facts = run(
        text,
        [
            ("Michelin Le Mans Cup", "mlmc", C),
            ("GT3", "gt3", K),
            ("LMP3", "lmp3", K),
            ("Prototype Cup", "proto-cup", K),
        ],
        published=PUB,
    )
    kw = {"championship": "mlmc", "season": 2026}
    assert has(facts, "entryCount", count=22, status="provisional", **{"class": "gt3"}, **kw)
    assert has(facts, "entryCount", count=12, **{"class": "lmp3"}, **kw)
    assert has(facts, "entryCount", count=2, **{"class": "lmp3"}, **kw)
    assert has(facts, "entryCount", count=6, **{"class": "proto-cup"}, **kw)
    for k in ("gt3", "lmp3", "proto-cup"):
        assert has(facts, "classOf", s=k, o="mlmc", season=2026)


def test_make_counts_with_weaker_verbs_a_lone_make_and_the_remaining_cars() -> None:
    text = (
        "In the GTD class of the 2026 IMSA SportsCar Championship, Lamborghini leads the way "
        "with six Huracans, Ford has three Mustangs and a lone Acura rounds out the field. "
        "Ginetta supplies five of the cars in LMP3 and Ligier the remaining four."
    )
    facts = run(
        text,
        [
            ("GTD", "gtd", K),
            ("IMSA SportsCar Championship", "imsa", C),
            ("Lamborghini", "lamborghini", M),
            ("Huracans", "lamborghini-huracan", CAR),
            ("Ford", "ford", M),
            ("Mustangs", "ford-mustang", CAR),
            ("Acura", "acura", M),
            ("Ginetta", "ginetta", M),
            ("LMP3", "lmp3", K),
            ("Ligier", "ligier", M),
        ],
        published=PUB,
    )
    kw = {"championship": "imsa", "season": 2026, "class": "gtd"}
    assert has(facts, "manufacturerEntry", manufacturer="lamborghini", cars=6, **kw)
    assert has(facts, "manufacturerEntry", manufacturer="ford", cars=3, **kw)
    assert has(facts, "manufacturerEntry", manufacturer="acura", cars=1, **kw)
    assert has(facts, "manufacturerEntry", manufacturer="ginetta", cars=5, **{"class": "lmp3"})
    assert has(facts, "manufacturerEntry", manufacturer="ligier", cars=4, **{"class": "lmp3"})


def test_has_a_number_of_things_that_are_not_cars_is_no_entry() -> None:
    text = "In the GTD class, Ford has three wins and Acura has two podiums this season."
    facts = run(text, [("GTD", "gtd", K), ("Ford", "ford", M), ("Acura", "acura", M)])
    assert not roles(facts, "manufacturerEntry")


def test_most_cars_a_pair_each_two_apiece_and_a_count_over_two_classes() -> None:
    text = (
        "The 2026 Le Mans Cup entry list is out. Ligier again has the most cars, with eleven. "
        "In LMP3, Duqueine and Ginetta each enter a pair of cars. Audi runs four R8s across "
        "the Pro class and the Am class, and BMW and Ford provide two cars apiece."
    )
    facts = run(
        text,
        [
            ("Le Mans Cup", "lmc", C),
            ("Ligier", "ligier", M),
            ("LMP3", "lmp3", K),
            ("Duqueine", "duqueine", M),
            ("Ginetta", "ginetta", M),
            ("Audi", "audi", M),
            ("R8s", "audi-r8", CAR),
            ("Pro class", "pro", K),
            ("Am class", "am", K),
            ("BMW", "bmw", M),
            ("Ford", "ford", M),
        ],
        published=PUB,
    )
    assert has(facts, "manufacturerEntry", manufacturer="ligier", cars=11)
    assert has(facts, "manufacturerEntry", manufacturer="duqueine", cars=2, **{"class": "lmp3"})
    assert has(facts, "manufacturerEntry", manufacturer="ginetta", cars=2, **{"class": "lmp3"})
    assert not has(facts, "manufacturerEntry", manufacturer="ginetta", cars=1)
    assert has(facts, "manufacturerEntry", manufacturer="audi", cars=4, **{"class": None})
    assert has(facts, "manufacturerEntry", manufacturer="bmw", cars=2)
    assert has(facts, "manufacturerEntry", manufacturer="ford", cars=2)


def test_a_quoted_principal_speaks_for_the_paragraphs_team_not_a_team_in_the_quote() -> None:
    text = (
        "Iron Lynx confirmed its programme on Monday.\n\n"
        'Akkodis ASP returns with three cars. "Emil Frey and Dinamic will be quick, but we '
        'want the title," said team principal Jean-Marc Rigal.\n\n'
        "Sandro Rossi, who runs Iron Lynx, said the team would focus on the Gold Cup."
    )
    facts = run(
        text,
        [
            ("Iron Lynx", "iron-lynx", T),
            ("Akkodis ASP", "akkodis-asp", T),
            ("Emil Frey", "emil-frey", T),
            ("Dinamic", "dinamic", T),
            ("Jean-Marc Rigal", "jean-marc-rigal", P),
            ("Sandro Rossi", "sandro-rossi", P),
        ],
        published=PUB,
    )
    assert has(facts, "teamPrincipal", s="akkodis-asp", o="jean-marc-rigal")
    assert not has(facts, "teamPrincipal", s="dinamic")
    assert has(facts, "teamPrincipal", s="iron-lynx", o="sandro-rossi")


def test_a_quote_paragraph_without_a_team_takes_the_storys_team() -> None:
    text = (
        "Tempesta Racing has signed two new drivers for 2026, replacing drivers who left "
        "for Garage 59.\n\n"
        '"Both of them know the car," said team principal Chris Froggatt.'
    )
    facts = run(
        text,
        [
            ("Tempesta Racing", "tempesta", T),
            ("Garage 59", "garage-59", T),
            ("Chris Froggatt", "chris-froggatt", P),
        ],
        published=PUB,
    )
    assert has(facts, "teamPrincipal", s="tempesta", o="chris-froggatt")
    assert not has(facts, "teamPrincipal", s="garage-59")


def test_the_season_opens_with_an_event_is_round_one_of_the_storys_championship() -> None:
    text = (
        "The International GT Open has published its 2026 entry list with 30 cars.\n\n"
        "The campaign kicks off with the Portimao weekend in April. Teams can test before "
        "the pre-season test at Estoril."
    )
    facts = run(
        text,
        [
            ("International GT Open", "gt-open", C),
            ("the Portimao weekend", "portimao-weekend", E, ROUND),
            ("the pre-season test at Estoril", "gt-open-pre-season-test", E, TEST),
        ],
        published=PUB,
    )
    assert has(facts, "eventOf", s="portimao-weekend", o="gt-open", season=2026, round=1)
    assert has(facts, "eventOf", s="gt-open-pre-season-test", o="gt-open", season=2026)


def test_a_team_entering_n_models_in_a_one_class_story_takes_that_class() -> None:
    text = (
        "Cadillac has confirmed its Hypercar plans for the 2026 FIA World Endurance "
        "Championship.\n\n"
        "Jota will again enter two V-Series.Rs, run from its base in Kidlington."
    )
    facts = run(
        text,
        [
            ("Cadillac", "cadillac", M),
            ("Hypercar", "hypercar", K),
            ("FIA World Endurance Championship", "wec", C),
            ("Jota", "jota", T),
            ("V-Series.Rs", "cadillac-v-series-r", CAR),
        ],
        published=PUB,
    )
    assert has(
        facts,
        "manufacturerEntry",
        manufacturer="cadillac",
        cars=2,
        team="jota",
        **{"class": "hypercar"},
    )


def test_plural_model_numbers_are_car_models_not_teams(nlp: Language) -> None:
    from racegraph.extract.mentions import extract_mentions

    ref = load_reference()
    doc = nlp("Iron Dames will enter two 296s and Jota three 963s next year.")
    cands = extract_mentions(doc, ref)
    labels = {doc[c.start : c.end].text: (c.label, c.iri) for c in cands}
    assert labels["963s"][0] == "REF" and str(labels["963s"][1]).endswith("porsche-963")
    assert labels["296s"][0] == "REF" and str(labels["296s"][1]).endswith("ferrari-296-gt3")


def test_a_class_a_driver_is_entered_in_is_a_class_of_the_championship() -> None:
    text = (
        "Emil Frey Racing has signed Thierry Vermeulen for the 2026 GT World Challenge "
        "Europe Sprint Cup, where he will drive in the Silver Cup."
    )
    facts = run(
        text,
        [
            ("Emil Frey Racing", "emil-frey", T),
            ("Thierry Vermeulen", "thierry-vermeulen", D),
            ("GT World Challenge Europe Sprint Cup", "gtwc-sprint", C),
            ("Silver Cup", "silver-cup", K),
        ],
        published=PUB,
    )
    assert has(facts, "competesIn", s="thierry-vermeulen", **{"class": "silver-cup"})
    assert has(facts, "classOf", s="silver-cup", o="gtwc-sprint", season=2026)
