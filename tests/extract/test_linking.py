"""Linking and coreference on genre sentences that are not in the sample articles."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from racegraph.extract.context import DocContext
from racegraph.extract.linking import link_mentions
from racegraph.extract.mentions import extract_mentions
from racegraph.records import Article, EntityType
from racegraph.reference import Reference

T = EntityType


def link(
    nlp: Language, reference: Reference, text: str, published: str = "2024-03-18"
) -> DocContext:
    article = Article(
        stem="t",
        file_name="t.txt",
        published=dt.date.fromisoformat(published),
        text=text,
        sha256="",
        word_count=len(text.split()),
    )
    ctx = DocContext(article=article, doc=nlp(text), reference=reference)
    link_mentions(ctx, extract_mentions(ctx.doc, reference))
    return ctx


def types(ctx: DocContext) -> dict[str, EntityType]:
    return {key: e.type for key, e in ctx.entities.items()}


def test_people_full_name_then_surname(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Kevin Estre and Laurens Vanthoor from Belgium won the race. "
        "Estre started from pole position while Vanthoor set the fastest lap.",
    )
    estre = ctx.entities["kevin-estre"]
    assert estre.type is T.DRIVER
    assert "Estre" in estre.mentions
    assert "Vanthoor" in ctx.entities["laurens-vanthoor"].mentions
    assert "estre" not in ctx.entities


def test_team_boss_is_a_person_not_a_driver(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Team principal Andrea Piccini said Matteo Cressoni will drive the #60 car next season.",
    )
    assert ctx.entities["andrea-piccini"].type is T.PERSON
    assert ctx.entities["matteo-cressoni"].type is T.DRIVER


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        ("Porsche Lindner Motorsport won at Sebring.", "lindner", "Lindner"),
        ("Bravo Falcon Team finished sixth.", "bravo-falcon", "Bravo Falcon"),
        ("Team Kestrel confirmed its line-up.", "kestrel", "Kestrel"),
        ("The Kessler EMA squad won the race.", "kessler-ema", "Kessler EMA"),
    ],
)
def test_team_names_drop_manufacturers_and_team_words(
    nlp: Language, reference: Reference, text: str, key: str, name: str
) -> None:
    ctx = link(nlp, reference, text)
    assert ctx.entities[key].type is T.TEAM
    assert ctx.entities[key].name == name


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Porsche Penske Motorsport won at Sebring.", "penske"),
        ("Akkodis ASP Team finished sixth.", "akkodis-asp"),
        ("BMW M Team WRT confirmed its line-up.", "wrt"),
        ("The Belgian WRT squad won the race.", "wrt"),
        ("He finished third for AF Corse in a Ferrari 296 GT3.", "af-corse"),
        (
            "Vasser Sullivan took third through Jack Hawksworth and Ben Barnicoat.",
            "vasser-sullivan",
        ),
    ],
)
def test_listed_teams_are_keyed_by_the_reference(
    nlp: Language, reference: Reference, text: str, key: str
) -> None:
    ctx = link(nlp, reference, text)
    team = ctx.entities[key]
    listed = reference.by_iri(f"https://w3id.org/racegraph/id/team/{key}")
    assert listed is not None
    assert (team.type, team.name, team.reference) == (T.TEAM, listed.label, listed.iri)
    assert not [e for e in ctx.entities.values() if e.type is T.TEAM and e.key != key]


def test_team_anaphora_and_demonym(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "AF Corse will field two cars in the LMGT3 class. The Italian squad finished third.",
    )
    assert "The Italian squad" in ctx.entities["af-corse"].mentions
    assert types(ctx)["it"] is T.COUNTRY


def test_reference_entities_cars_and_classes(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Ferrari will enter two 296 GT3s in the FIA WEC, where LMGT3 replaces the GTE class.",
    )
    assert types(ctx)["ferrari"] is T.MANUFACTURER
    assert types(ctx)["fia-wec"] is T.CHAMPIONSHIP
    assert types(ctx)["lmgt3"] is T.CLASS
    assert types(ctx)["gte"] is T.CLASS
    assert any(t is T.CAR_MODEL for t in types(ctx).values())


def test_unknown_car_model_is_minted_from_maker_and_model(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(nlp, reference, "He raced a Ferrari 333 SP at Daytona.")
    assert ctx.entities["ferrari-333-sp"].type is T.CAR_MODEL


def test_main_subject_descriptors(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Mathieu Jaminet qualified fourth at Sebring. The 28-year-old later crashed, and "
        "Jaminet said the car was fine. The three-time Porsche Carrera Cup champion was upbeat.",
    )
    forms = ctx.entities["mathieu-jaminet"].mentions
    assert "The 28-year-old" in forms
    assert "The three-time Porsche Carrera Cup champion" in forms
    assert ctx.subject == "mathieu-jaminet"


def test_round_and_races_of_a_weekend(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Round three of the Sprint Cup at Zandvoort went to Team WRT. "
        "Charles Weerts won the Sunday race after finishing second in the Saturday race.",
    )
    round_key = "gtwc-europe-sprint-cup-2024-zandvoort"
    assert ctx.entities[round_key].type is T.EVENT
    assert ctx.events[round_key].round == 3
    race2 = ctx.events[round_key + "-race-2"]
    assert race2.date == dt.date(2024, 3, 17)
    assert race2.parent == round_key
    assert ctx.events[round_key + "-race-1"].date == dt.date(2024, 3, 16)


def test_series_events_take_the_championship_from_context(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "The European Le Mans Series published its provisional 2025 entry list. "
        "The series will hold the rookie test in Portimao.",
        published="2024-12-02",
    )
    assert "elms-2025-entry-list" in ctx.entities
    assert "elms-2024-rookie-test" in ctx.entities
    assert (
        "the series" in ctx.entities["elms"].mentions
        or "The series" in ctx.entities["elms"].mentions
    )


def test_keys_do_not_depend_on_the_article(nlp: Language, reference: Reference) -> None:
    a = link(nlp, reference, "Dries Vanthoor won the 24 Hours of Spa for Team WRT.")
    b = link(nlp, reference, "At the Spa 24 Hours, Dries Vanthoor drove for WRT.", "2023-07-01")
    shared = {"dries-vanthoor", "wrt", "spa-francorchamps-24-hours"}
    assert shared <= set(a.entities) & set(b.entities)


def test_weekdays_and_numbers_are_not_entities(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "On Sunday the #7 car was third, nine seconds ahead.")
    assert all(e.type is not T.PERSON for e in ctx.entities.values())
    labels = {v.label: v.value for v in ctx.values}
    assert labels.get("RACE_NUMBER") == "7"
    assert "sunday" not in ctx.entities


def test_endurance_race_names_any_duration_with_year_keys(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Ferrari won the 6 Hours of Fuji on Sunday. "
        "The squad also entered the 2025 12 Hours of Sebring. "
        "Nobody knows who will start the 24 Hours of Le Mans.",
    )
    fuji = [k for k, e in ctx.entities.items() if e.type is T.EVENT and "fuji" in k]
    assert fuji == ["fuji-6-hours-2024"]  # the weekday dates it in the published year
    assert "Sunday" in ctx.entities["fuji-6-hours-2024"].mentions
    assert "sebring-12-hours-2025" in ctx.entities
    assert "le-mans-24-hours" in ctx.entities  # no year in the sentence: no year in the key
    assert ctx.entities["le-mans-24-hours"].name == "24 Hours of Le Mans"


def test_dated_qualifying_is_a_session_of_the_race(nlp: Language, reference: Reference) -> None:
    """The session is no event of its own (FORMAT.md: a grid slot's kind says qualifying)."""
    ctx = link(
        nlp,
        reference,
        "Toyota won the 6 Hours of Fuji on Sunday. "
        "Kamui Kobayashi had been fastest in qualifying on Saturday.",
    )
    assert not [k for k in ctx.entities if "qualifying" in k]
    race = ctx.entities["fuji-6-hours-2024"]
    linked = {m.text for m in ctx.mentions if m.entity == "fuji-6-hours-2024"}
    assert {"qualifying", "Saturday", "Sunday"} <= linked
    # the session and its day refer to the race but do not name it
    assert "Sunday" in race.mentions
    assert not {"qualifying", "Saturday"} & set(race.mentions)


def test_entrant_named_like_a_person_is_a_team(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Blue Heron will field two cars in the European Le Mans Series. "
        "Marco Rossi won the title with Vortex ASP last year.",
    )
    assert types(ctx).get("blue-heron") is T.TEAM
    assert types(ctx).get("vortex-asp") is T.TEAM


def test_role_in_apposition_makes_a_person(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "Gerard Neveu, president of the series, said the car was quick.")
    assert types(ctx).get("gerard-neveu") is T.PERSON


def test_crew_sharing_a_numbered_car_are_drivers(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp, reference, "Felipe Nasr, Dane Cameron and Matt Campbell shared the #7 Porsche 963."
    )
    for key in ("felipe-nasr", "dane-cameron", "matt-campbell"):
        assert types(ctx).get(key) is T.DRIVER, key


def test_make_plus_team_word_is_a_team_name(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "WRT won the race. In GTD Pro, Corvette Racing took the class win.")
    corvette = [e for e in ctx.entities.values() if "Corvette Racing" in e.mentions]
    assert corvette and corvette[0].type is T.TEAM and corvette[0].key != "wrt"


def test_class_then_cup_is_one_sub_class(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "In the LMP3 Pro-Am class, the Polish crew took the win.")
    sub = ctx.entities["lmp3-pro-am"]
    assert sub.type is T.CLASS
    assert sub.name == "LMP3 Pro-Am"
    assert "lmp3" not in ctx.entities


def test_entry_list_and_test_day_of_a_named_race(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "The organisers published the entry list for the 2025 24 Hours of Le Mans. "
        "Test day takes place one week before the race.",
    )
    assert ctx.entities["le-mans-24-hours-2025-entry-list"].type is T.EVENT
    assert "Test day" in ctx.entities["le-mans-24-hours-2025-test-day"].mentions


# ---------------------------------------------------------------- blind3 rules


def _types(ctx: DocContext) -> dict[str, tuple[EntityType, str]]:
    return {m.text: (m.type, m.entity) for m in ctx.mentions}


def test_drove_for_makes_a_team(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Marco Rinaldi, the Italian, drove for Hartmann Sauer in 2022 before joining us.",
    )
    assert _types(ctx)["Hartmann Sauer"][0] is T.TEAM
    assert _types(ctx)["Marco Rinaldi"][0] is T.DRIVER


def test_signing_and_its_make_a_team_in_the_whole_article(
    nlp: Language, reference: Reference
) -> None:
    text = (
        "Kestrel Lane has signed Tomas Berg for the new season. "
        "Berg will race in the LMP2 class and the crew of Kestrel Lane hopes for podiums."
    )
    ctx = link(nlp, reference, text)
    teams = {m.entity for m in ctx.mentions if m.text == "Kestrel Lane"}
    assert teams and all(ctx.entities[k].type is T.TEAM for k in teams)


def test_its_makes_a_team(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "Halden Brooks celebrated its second win of the year at Sebring.")
    assert _types(ctx)["Halden Brooks"][0] is T.TEAM


def test_team_named_after_a_person_is_a_separate_entity(
    nlp: Language, reference: Reference
) -> None:
    text = "Jon Meyer Racing won at Daytona. Team owner Jon Meyer praised the crew."
    ctx = link(nlp, reference, text)
    types = _types(ctx)
    assert types["Jon Meyer Racing"][0] is T.TEAM
    assert types["Jon Meyer"][0] is T.PERSON
    assert types["Jon Meyer Racing"][1] != types["Jon Meyer"][1]


def test_multi_word_surname_tail_is_the_same_person(nlp: Language, reference: Reference) -> None:
    text = (
        "Roberto Del Castillo shared the car with Peter Lund at Monza. "
        '"We pushed hard," said Del Castillo after the race.'
    )
    ctx = link(nlp, reference, text)
    keys = {m.entity for m in ctx.mentions if m.text in {"Roberto Del Castillo", "Del Castillo"}}
    assert len(keys) == 1


def test_numbered_words_and_sponsor_in_endurance_race_names(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Rinaldi won the Twelve Hours of Sebring and then the Motul 6 Hours of Spa.",
        "2024-06-03",
    )
    events = {m.text: m.entity for m in ctx.mentions if m.type is T.EVENT}
    assert "the Twelve Hours of Sebring" in events
    assert "the Motul 6 Hours of Spa" in events
    assert events["the Motul 6 Hours of Spa"].startswith("spa")


def test_apposed_round_is_the_named_race(nlp: Language, reference: Reference) -> None:
    text = (
        "Rinaldi won the 4 Hours of Imola on Sunday, the third round of the "
        "European Le Mans Series."
    )
    ctx = link(nlp, reference, text, "2024-04-15")
    events = {m.text: m.entity for m in ctx.mentions if m.type is T.EVENT}
    race = events["the 4 Hours of Imola"]
    assert events["the third round of the European Le Mans Series"] == race
    assert ctx.events[race].round == 3
    # the weekday names the race's day: no separate race
    assert events.get("Sunday", race) == race


def test_distance_race_name_is_not_a_year(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "The season opens with the Lisbon 1500 km in March.", "2024-11-05")
    events = [e for e in ctx.entities.values() if e.type is T.EVENT]
    assert any("1500" in e.name and e.key.endswith("-2024") for e in events)


def test_race_named_after_le_mans_not_a_series(nlp: Language, reference: Reference) -> None:
    ctx = link(nlp, reference, "The field heads to the Lone Star Le Mans in Texas.")
    assert any(m.text == "Lone Star Le Mans" and m.type is T.EVENT for m in ctx.mentions)
    ctx = link(nlp, reference, "He won the European Le Mans Series title in 2022.")
    assert not any(m.type is T.EVENT for m in ctx.mentions)


def test_slash_separated_crew_is_split_into_people(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Mateo Rivas/Dane Holloway/Piet van der Berg brought the car home second, while "
        "Jonas Krieger / Emil Sandvik won the race. Rivas/Holloway/Berg led early.",
    )
    for key in ("mateo-rivas", "dane-holloway", "piet-van-der-berg", "jonas-krieger"):
        assert key in ctx.entities, key
        assert ctx.entities[key].type in {T.DRIVER, T.PERSON}
    assert "Rivas" in ctx.entities["mateo-rivas"].mentions
    assert not any("/" in e.name for e in ctx.entities.values())
    assert "dk" not in ctx.entities  # "Dane" is a given name here


def test_team_phrase_stops_before_car_and_spans_hyphenated_words(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "The #12 Team Falken BMW M4 GT3 of Tom Smith won, ahead of the car entered by "
        "Mercedes-AMG Team Kron-Haus. The #5 Corvette Racing Chevrolet Corvette Z06 GT3.R "
        "was third.",
    )
    teams = {e.name for e in ctx.entities.values() if e.type is T.TEAM}
    assert "Team Falken" in {m.text for m in ctx.mentions if m.type is T.TEAM}
    assert not any("BMW" in name for name in teams)
    assert "Mercedes-AMG Team Kron-Haus" in {m.text for m in ctx.mentions if m.type is T.TEAM}
    assert ctx.entities["corvette-racing"].type is T.TEAM
    assert "Corvette Racing" in ctx.entities["corvette-racing"].mentions


def test_parenthesised_country_code_is_a_nationality(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Jan de Wit (NED) and Marco Keller (SUI) won the race in the #33 car. "
        "The Dutchman set the fastest lap.",
    )
    assert ctx.entities["nl"].type is T.COUNTRY
    assert ctx.entities["ch"].type is T.COUNTRY
    assert not any(e.type is T.TEAM for e in ctx.entities.values())
    dutchman = [m for m in ctx.mentions if m.text == "The Dutchman"]
    assert dutchman and dutchman[0].entity == "jan-de-wit"


def test_demonym_with_no_stated_holder_is_not_guessed(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Pierre Lamotte won the race. Lamotte led every lap. Later Tim Baker and Joe Hart "
        "finished second in class. The Swiss pulled clear in the final stint.",
    )
    swiss = [m for m in ctx.mentions if m.text == "The Swiss"]
    assert not swiss or swiss[0].type is T.COUNTRY


def test_crew_after_a_car_and_named_car_models(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Tanabe passed the #100 Honda Civic Type R-GT of Kenta Mori and Daiki Oshiro "
        "with ten laps to go, while the Toyota GR Supra GT500 of Aki Sato was fifth.",
    )
    for key in ("kenta-mori", "daiki-oshiro", "aki-sato"):
        assert ctx.entities[key].type is T.DRIVER, key
    assert ctx.entities["honda-civic-type-r-gt"].type is T.CAR_MODEL
    assert ctx.entities["toyota-gr-supra-gt500"].type is T.CAR_MODEL
    assert not any(e.type is T.TEAM for e in ctx.entities.values())


def test_country_name_opening_a_person_is_a_given_name(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Chad Morgan and Jordan Whitfield will share the #40 car for Whitfield Racing. "
        "The team tested in Jordan last month.",
    )
    assert "jordan-whitfield" in ctx.entities
    jordan = [m for m in ctx.mentions if m.text == "Jordan"]
    assert all(m.start > ctx.article.text.index("tested") for m in jordan)


def test_team_name_with_connector_and_class_codes(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "KRT Team au JPS'S claimed GT500 victory on Sunday, ahead of the Team Hayabusa pair.\n\n"
        "GT300 results:\n1. #7 Ono Racing - Ken Ono / Ryo Sato",
    )
    team_mentions = {m.text for m in ctx.mentions if m.type is T.TEAM}
    assert "KRT Team au JPS'S" in team_mentions
    assert "Team Hayabusa" in team_mentions
    assert ctx.entities["gt500"].type is T.CLASS
    assert ctx.entities["gt300"].type is T.CLASS
    assert not any(m.text in {"'S", "the Team"} for m in ctx.mentions)


def test_name_between_race_number_and_car_is_the_entrant(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Second went to the #71 KTB Audi R8 LMS GT3 of Ian Moss and Lee Park, ahead of the "
        "#12 Orbis entry of Sam Hill.",
    )
    assert ctx.entities["ktb"].type is T.TEAM
    assert ctx.entities["orbis"].type is T.TEAM


def test_name_used_as_a_team_is_a_team_everywhere(nlp: Language, reference: Reference) -> None:
    ctx = link(
        nlp,
        reference,
        "Iron Wolf completed the podium with Marco Rossi and Luca Bianchi. "
        "Iron Wolf had a difficult weekend at Monza.",
    )
    assert types(ctx).get("iron-wolf") is T.TEAM
    assert "iron-wolf-team" not in ctx.entities
    assert types(ctx).get("marco-rossi") is T.DRIVER


def test_a_surname_particle_capitalised_at_a_sentence_start_is_the_same_driver(
    nlp: Language, reference: Reference
) -> None:
    ctx = link(
        nlp,
        reference,
        "Team Lanza has confirmed Piet van der Meer and Luc de Vos for the 2025 season.\n\n"
        "Van der Meer, who raced in karts last year, will share the car with De Vos. "
        "De Vos said he was ready.",
    )
    assert "de-vos" not in ctx.entities
    assert "De Vos" in ctx.entities["luc-de-vos"].mentions
