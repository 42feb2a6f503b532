"""Class results whose sentence names the class only through the discourse or a bare cue:
"In GT, ... took the class win", "was second in class", "finished P3" in a class section,
"won the Gold Cup with ...", "took Silver Cup honours", "had started 14th in class" (a class
grid slot, not a finish). The bare class word "GT" is a class only where it is used as one.

Own sentences of the genre, through the whole pipeline (spaCy, linking, rules, classifier).
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from racegraph.records import EntityType, Extraction, Fact
from racegraph.reference import Reference
from tests.extract._pipeline_harness import extract

_LEDE = (
    "Apex Racing won the four-hour race at Sepang on Sunday, the second round of the 2025 "
    "Asian Le Mans Series, with Marco Bellini, Jonas Frey and Liam Carter sharing the #21 "
    "Oreca 07.\n\n"
)

_GT_SECTION = (
    _LEDE + "In GT, the #17 Harbour Motorsport Porsche 911 GT3 R of Tobias Lindqvist, Aaron "
    "Whitfield and Kenji Morimoto took the class win after starting from the GT pole. Ridgeway "
    "Racing's Ferrari 296 GT3, shared by Pablo Serrano, Hugo Lefebvre and Omar Haddad, was "
    "second in class, and the Crestline trio of Felix Hartmann/Nils Berggren/Owen Gallagher "
    "finished P3 in their BMW M4 GT3.\n\n"
    "Hartmann had started 12th in class after a qualifying penalty."
)

_CUPS = (
    "Vortex Motorsport took victory in the three-hour race at Spa on Sunday, the third round "
    "of the 2024 GT World Challenge Europe Endurance Cup, with Stefan Kowalczyk, Lorenzo "
    "Bianchi and Mathieu Renaud.\n\n"
    "Northbridge Racing won the Gold Cup with Daniel Ashworth, Peter Lindholm and Rafael "
    "Moreno in the #44 McLaren 720S GT3 Evo, and Kestrel Competition took Silver Cup honours "
    "with the Audi of Ivan Petrov, Jakob Weiss and Noah Fischer."
)

_OVERALL_AFTER_CLASS = (
    _LEDE + "The LMP3 class went to the #3 Duqueine of Victor Lambert and Remy Dubois, who "
    "also took the class pole. Andre Costa and Felipe Ramos finished fourth overall in the #12 "
    "Ligier."
)

_BARE_CLASS_CUES = (
    _LEDE + "The LMP3 class was won on Sunday by Victor Lambert and Remy Dubois in the #3 Duqueine."
)

_TOOK_THE_CLASS = (
    "Vortex Motorsport took victory in the three-hour race at Spa on Sunday, the third round "
    "of the 2024 GT World Challenge Europe Endurance Cup.\n\n"
    "In Pro-Am, the #33 Kestrel Competition Audi of Ivan Petrov and Jakob Weiss took the class "
    "after a late safety car."
)

_TITLE = (
    "Northbridge Racing won the Gold Cup title at Barcelona on Sunday with Daniel Ashworth, "
    "Peter Lindholm and Rafael Moreno, who finished fourth in the 2024 GT World Challenge "
    "Europe Endurance Cup finale."
)

_GT_WORDS = (
    "Vortex Motorsport will contest the 2025 GT World Challenge Europe with Stefan Kowalczyk. "
    "In GT racing, the team has won twice, and it also runs a car in the GT Open."
)


def _extract(nlp: Language, reference: Reference, text: str) -> Extraction:
    return extract(nlp, reference, text, published=dt.date(2025, 2, 24))


def _results(ex: Extraction, relation: str = "raceResult") -> list[Fact]:
    return [f for f in ex.facts if f.relation == relation]


def _result_of(ex: Extraction, driver: str) -> list[tuple[object, object]]:
    """(position, classification) of every result naming ``driver``."""
    return [
        (f.get("position"), f.get("classification"))
        for f in _results(ex)
        if driver in (f.get("drivers") or ())
    ]


def test_a_class_win_in_a_bare_class_section_is_in_that_class(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(nlp, reference, _GT_SECTION)
    assert _result_of(ex, "tobias-lindqvist") == [(1, "gt-class")]


def test_second_in_class_takes_the_section_class(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _GT_SECTION)
    assert _result_of(ex, "pablo-serrano") == [(2, "gt-class")]


def test_a_bare_p3_in_a_class_section_is_in_that_class(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _GT_SECTION)
    assert (3, "gt-class") in _result_of(ex, "owen-gallagher")
    assert all(c != "overall" for _, c in _result_of(ex, "owen-gallagher"))


def test_the_overall_winners_stay_overall(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _GT_SECTION)
    assert (1, "overall") in _result_of(ex, "marco-bellini")


def test_started_nth_in_class_is_a_grid_slot_not_a_finish(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(nlp, reference, _GT_SECTION)
    assert all(p != 12 for p, _ in _result_of(ex, "felix-hartmann"))
    grid = [
        f
        for f in _results(ex, "gridPosition")
        if f.get("position") == 12 and "felix-hartmann" in (f.get("drivers") or ())
    ]
    assert grid and grid[0].get("kind") == "grid"


def test_the_bare_gt_class_is_a_class_mention_where_used_as_a_class(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(nlp, reference, _GT_SECTION)
    gt = [e for e in ex.entities if e.key == "gt-class"]
    assert gt and gt[0].type is EntityType.CLASS


def test_won_the_gold_cup_is_a_class_win(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _CUPS)
    assert _result_of(ex, "daniel-ashworth") == [(1, "gold-cup")]


def test_took_silver_cup_honours_is_a_class_win(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _CUPS)
    assert (1, "silver-cup") in _result_of(ex, "noah-fischer")
    assert (1, "overall") not in _result_of(ex, "noah-fischer")


def test_an_overall_place_after_a_class_paragraph_stays_overall(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(nlp, reference, _OVERALL_AFTER_CLASS)
    assert _result_of(ex, "andre-costa") == [(4, "overall")]
    assert (1, "lmp3") in _result_of(ex, "victor-lambert")


def test_a_class_won_on_a_day_by_a_crew_is_a_class_win(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _BARE_CLASS_CUES)
    assert (1, "lmp3") in _result_of(ex, "victor-lambert")
    assert (1, "overall") not in _result_of(ex, "victor-lambert")


def test_took_the_class_is_a_class_win(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _TOOK_THE_CLASS)
    assert _result_of(ex, "jakob-weiss") == [(1, "pro-am-cup")]


def test_winning_a_class_title_is_no_class_race_win(nlp: Language, reference: Reference) -> None:
    ex = _extract(nlp, reference, _TITLE)
    assert (1, "gold-cup") not in _result_of(ex, "daniel-ashworth")


def test_gt_inside_longer_names_or_as_a_word_is_no_class(
    nlp: Language, reference: Reference
) -> None:
    ex = _extract(nlp, reference, _GT_WORDS)
    assert not [e for e in ex.entities if e.type is EntityType.CLASS]
