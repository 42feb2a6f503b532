"""Participation: competesIn with claim status / modality / season, memberOf, drives."""

from __future__ import annotations

import datetime as dt

from tests.extract._relations_harness import CAR, C, D, E, K, M, N, T, has, roles, run

PUB = dt.date(2024, 10, 14)


def test_modal_participation_statuses_and_seasons() -> None:
    text = (
        "Nico Muller is certain to start in the DTM in 2025. It is also increasingly likely "
        "that he will compete in the FIA WEC. A start in the IMSA series remains uncertain."
    )
    facts = run(
        text,
        [("Nico Muller", "nm", D), ("DTM", "dtm", C), ("FIA WEC", "wec", C), ("IMSA", "imsa", C)],
        published=PUB,
    )
    assert has(
        facts, "competesIn", s="nm", o="dtm", season=2025, status="planned", modality="certain"
    )
    assert has(
        facts,
        "competesIn",
        s="nm",
        o="wec",
        season=2025,
        status="likely",
        modality="increasingly likely",
    )
    assert has(facts, "competesIn", s="nm", o="imsa", season=2025, status="uncertain")


def test_confirmed_beats_set_to_within_an_article() -> None:
    text = (
        "Robert Kubica is set to join the WEC for the 2025 season. The Pole was officially "
        "confirmed in the WEC entry list."
    )
    facts = run(text, [("Robert Kubica", "rk", D), ("WEC", "wec", C)], published=PUB)
    got = [r for r in roles(facts, "competesIn") if r["s"] == "rk" and r.get("season") == 2025]
    assert [r["status"] for r in got] == ["confirmed"]


def test_remain_in_gives_current_and_next_season() -> None:
    text = "Raffaele Marciello will remain in the GT World Challenge Europe next season."
    facts = run(
        text,
        [("Raffaele Marciello", "rm", D), ("GT World Challenge Europe", "gtwc", C)],
        published=PUB,
    )
    assert has(facts, "competesIn", s="rm", o="gtwc", season=2024, status="confirmed")
    # a plain "will" states what is settled, for the coming season too (settle_will)
    assert has(facts, "competesIn", s="rm", o="gtwc", season=2025, status="confirmed")


def test_considered_certain_but_not_confirmed_team_participation() -> None:
    text = (
        "Manthey will race in the WEC. The participation of the German team in the LMGT3 "
        "class has not yet been confirmed, but is considered certain."
    )
    facts = run(
        text,
        [("Manthey", "manthey", T), ("WEC", "wec", C), ("LMGT3", "lmgt3", K)],
        published=PUB,
    )
    assert has(
        facts,
        "competesIn",
        s="manthey",
        o="wec",
        season=2025,
        status="planned",
        modality="considered certain, not yet confirmed",
        **{"class": "lmgt3"},
    )


def test_wishes_are_not_participation() -> None:
    text = "Jenson Button's dream to compete in the Dakar Rally remains alive."
    facts = run(text, [("Jenson Button", "jb", D), ("Dakar Rally", "dakar", C)], published=PUB)
    assert roles(facts, "competesIn") == []


def test_confirmed_driver_list_with_class() -> None:
    text = (
        "Other confirmed drivers in the Hypercar class include Mick Schumacher and Jenson Button."
    )
    facts = run(
        text,
        [
            ("Hypercar", "hypercar", K),
            ("Mick Schumacher", "ms", D),
            ("Jenson Button", "jb", D),
            ("WEC", "wec", C),
        ],
        published=PUB,
    )
    # no championship named in the sentence and none before: nothing to attach to
    assert roles(facts, "competesIn") == []
    facts = run(
        "The WEC grid grows. " + text,
        [
            ("Hypercar", "hypercar", K),
            ("Mick Schumacher", "ms", D),
            ("Jenson Button", "jb", D),
            ("WEC", "wec", C),
        ],
        published=PUB,
    )
    for d in ("ms", "jb"):
        assert has(facts, "competesIn", s=d, o="wec", status="confirmed", **{"class": "hypercar"})


def test_member_of_with_team_and_status() -> None:
    text = "Dries Vanthoor would compete there together with Team WRT in a BMW M4 GT3."
    facts = run(
        "The DTM title fight is open. " + text,
        [
            ("Dries Vanthoor", "dv", D),
            ("Team WRT", "wrt", T),
            ("BMW M4 GT3", "bmw-m4-gt3", CAR),
            ("DTM", "dtm", C),
            ("BMW", "bmw", M),
        ],
        published=PUB,
    )
    assert has(facts, "memberOf", s="dv", o="wrt", championship="dtm", status="likely")
    assert has(facts, "drives", s="dv", o="bmw-m4-gt3", team="wrt", status="likely")


def test_member_of_for_years_and_drives_for() -> None:
    text = '"I have ridden with this team for three years," said Sheldon van der Linde.'
    facts = run(
        text, [("Sheldon van der Linde", "svdl", D), ("this team", "rowe", T)], published=PUB
    )
    assert has(facts, "memberOf", s="svdl", o="rowe", season=(2022, 2023, 2024))
    facts = run(
        "Augusto Farfus drives for ROWE Racing in the DTM.",
        [("Augusto Farfus", "af", D), ("ROWE Racing", "rowe", T), ("DTM", "dtm", C)],
        published=PUB,
    )
    assert has(facts, "memberOf", s="af", o="rowe", championship="dtm")


def test_drives_with_number_team_and_class() -> None:
    text = (
        "In the WEC, Alessandro Pier Guidi will drive the Ferrari 499P #51 run by AF Corse "
        "in the Hypercar class."
    )
    facts = run(
        text,
        [
            ("WEC", "wec", C),
            ("Alessandro Pier Guidi", "apg", D),
            ("Ferrari 499P", "ferrari-499p", CAR),
            ("AF Corse", "af-corse", T),
            ("Hypercar", "hypercar", K),
            ("Ferrari", "ferrari", M),
        ],
        published=PUB,
    )
    assert has(
        facts,
        "drives",
        s="apg",
        o="ferrari-499p",
        number=51,
        team="af-corse",
        championship="wec",
        **{"class": "hypercar"},
    )
    assert has(facts, "manufacturerOf", s="ferrari-499p", o="ferrari")


def test_announcement_contest_share_and_remain_with_team() -> None:
    text = (
        "BMW has confirmed that Sheldon van der Linde will contest the 2025 FIA WEC season "
        "in the Hypercar class. The South African will share the BMW M Hybrid V8 with Robin "
        "Frijns and Rene Rast. Augusto Farfus is set to remain in the LMGT3 class with WRT."
    )
    facts = run(
        text,
        [
            ("BMW", "bmw", M),
            ("Sheldon van der Linde", "svdl", D),
            ("FIA WEC", "wec", C),
            ("Hypercar", "hypercar", K),
            ("BMW M Hybrid V8", "bmw-m-hybrid-v8", CAR),
            ("Robin Frijns", "rf", D),
            ("Rene Rast", "rr", D),
            ("Augusto Farfus", "af", D),
            ("LMGT3", "lmgt3", K),
            ("WRT", "wrt", T),
        ],
        published=dt.date(2024, 11, 18),
    )
    assert has(
        facts,
        "competesIn",
        s="svdl",
        o="wec",
        season=2025,
        status="confirmed",
        **{"class": "hypercar"},
    )
    pairs = {frozenset((r["s"], r["o"])) for r in roles(facts, "coDriver")}
    assert pairs == {  # the three share one car
        frozenset({"svdl", "rf"}),
        frozenset({"svdl", "rr"}),
        frozenset({"rf", "rr"}),
    }
    assert has(facts, "drives", s="svdl", o="bmw-m-hybrid-v8", season=2025)
    assert has(facts, "competesIn", s="af", o="wec", season=2024, status="confirmed")
    assert has(facts, "competesIn", s="af", o="wec", season=2025, status="planned")
    assert has(facts, "memberOf", s="af", o="wrt", season=2025, status="planned")


def test_sharing_the_podium_is_not_co_driving() -> None:
    text = "Lucas Auer won on Sunday and shared the podium with Marco Wittmann."
    facts = run(text, [("Lucas Auer", "la", D), ("Marco Wittmann", "mw", D)], published=PUB)
    assert roles(facts, "coDriver") == []


def test_negated_and_unlinked_subjects_give_no_participation() -> None:
    text = (
        "Mick Schumacher will not race in the DTM next season. Ferdinand Habsburg has ruled "
        "out a move to the IMSA series. Esteban Ocon could return to the WEC in 2026."
    )
    facts = run(
        text,
        [
            ("Mick Schumacher", "ms", D),
            ("DTM", "dtm", C),
            ("IMSA", "imsa", C),
            ("WEC", "wec", C),
            ("Esteban Ocon", "alpine", T),  # mis-typed by linking: not a person
        ],
        published=PUB,
    )
    assert not has(facts, "competesIn", s="ms")


def test_team_labels_give_membership() -> None:
    text = (
        "In the DTM, Rene Rast's team Schubert led early. Schubert's Sheldon van der Linde "
        "followed, ahead of ROWE drivers Marco Wittmann and Augusto Farfus."
    )
    facts = run(
        text,
        [
            ("DTM", "dtm", C),
            ("Rene Rast", "rr", D),
            ("Schubert", "schubert", T),
            ("Sheldon van der Linde", "svdl", D),
            ("ROWE", "rowe", T),
            ("Marco Wittmann", "mw", D),
            ("Augusto Farfus", "af", D),
        ],
        published=PUB,
    )
    assert has(facts, "memberOf", s="rr", o="schubert", championship="dtm")
    assert has(facts, "memberOf", s="svdl", o="schubert")
    assert has(facts, "memberOf", s="mw", o="rowe")
    assert has(facts, "memberOf", s="af", o="rowe")


def test_line_up_announcement_and_crew_sentences() -> None:
    text = (
        "Nova Racing has confirmed its line-up for the 2025 Asian Le Mans Series. Ivo Bern "
        "will share the #21 Oreca 07 with Kim Lau from Canada and the Danish Ole Holm in the "
        "LMP2 class. The second car will be driven by Raf Duyn, the 2019 karting champion, "
        "together with Abe Cole and Sam Pye."
    )
    facts = run(
        text,
        [
            ("Nova Racing", "nova", T),
            ("Asian Le Mans Series", "alms", C),
            ("Ivo Bern", "ib", D),
            ("Oreca 07", "oreca-07", CAR),
            ("Kim Lau", "kl", D),
            ("Canada", "ca", N),
            ("Danish", "dk", N),
            ("Ole Holm", "oh", D),
            ("LMP2", "lmp2", K),
            ("Raf Duyn", "rd", D),
            ("Abe Cole", "ac", D),
            ("Sam Pye", "sp", D),
        ],
        published=PUB,
    )
    for d in ("ib", "kl", "oh"):
        assert has(facts, "competesIn", s=d, o="alms", season=2025, status="confirmed")
        assert has(facts, "drives", s=d, o="oreca-07", number=21)
        assert has(facts, "memberOf", s=d, o="nova", championship="alms", season=2025)
    assert has(facts, "competesIn", s="ib", **{"class": "lmp2"})
    assert has(facts, "coDriver", s="ib", o="oh")
    assert has(facts, "coDriver", s="rd", o="sp")
    assert has(facts, "memberOf", s="ac", o="nova", season=2025)
    assert not has(facts, "coDriver", s="oh", o="rd")


def test_crew_team_named_by_the_next_sentence() -> None:
    text = (
        "Ferro has signed Lia Moor for the 2025 IMSA season. She will drive alongside Ugo "
        "Tal. Apex Racing will run the car in the GTD class."
    )
    facts = run(
        text,
        [
            ("Ferro", "ferro", M),
            ("Lia Moor", "lm", D),
            ("IMSA", "imsa", C),
            ("Ugo Tal", "ut", D),
            ("Apex Racing", "apex", T),
            ("GTD", "gtd", K),
        ],
        published=PUB,
    )
    assert has(facts, "memberOf", s="ut", o="apex", championship="imsa", season=2025)
    assert has(facts, "competesIn", s="apex", o="imsa", season=2025, **{"class": "gtd"})
    assert has(facts, "coDriver", s="lm", o="ut")


def test_alongside_co_subjects_and_appositions_in_crews() -> None:
    text = (
        "Ivo Lenz is likely to race in the Asian Le Mans Series next year alongside Al Moss "
        "and Bea Kay. Ana Reis will drive the Oreca 07 alongside Kim Lau, the former Formula 3 "
        "racer, and Ole Holm from Norway."
    )
    facts = run(
        text,
        [
            ("Ivo Lenz", "il", D),
            ("Asian Le Mans Series", "alms", C),
            ("Al Moss", "am", D),
            ("Bea Kay", "bk", D),
            ("Ana Reis", "ar", D),
            ("Oreca 07", "oreca-07", CAR),
            ("Kim Lau", "kl", D),
            ("Formula 3", "f3", C),
            ("Ole Holm", "oh", D),
            ("Norway", "no", N),
        ],
        published=PUB,
    )
    for d in ("il", "am", "bk"):
        assert has(facts, "competesIn", s=d, o="alms", season=2025, status="likely")
    for d in ("ar", "kl", "oh"):
        assert has(facts, "drives", s=d, o="oreca-07")
    assert {(r["s"], r["o"]) for r in roles(facts, "nationality")} == {("oh", "no")}


def test_crew_of_a_team_in_an_entry_list_story() -> None:
    text = (
        "Organisers published the entry list for the 2025 Bathurst 12 Hour. Kappa Racing "
        "returns with the crew of Ana Reis from Brazil, Kim Lau and Ole Holm."
    )
    facts = run(
        text,
        [
            ("the 2025 Bathurst 12 Hour", "bathurst-2025", E),
            ("Kappa Racing", "kappa", T),
            ("Ana Reis", "ar", D),
            ("Brazil", "br", N),
            ("Kim Lau", "kl", D),
            ("Ole Holm", "oh", D),
        ],
        published=PUB,
    )
    for d in ("ar", "kl", "oh"):
        assert has(facts, "memberOf", s=d, o="kappa", season=2025)
    assert has(facts, "coDriver", s="ar", o="oh", event="bathurst-2025")
