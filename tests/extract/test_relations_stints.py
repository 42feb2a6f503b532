"""Makes of the cars of a team membership ("with Iron Lynx in Lamborghini and Porsche cars")."""

from __future__ import annotations

from tests.extract._relations_harness import C, D, M, T, roles, run


def test_membership_gets_the_makes_of_its_cars() -> None:
    text = (
        "Mirko Bortolotti is moving on from his GT World Challenge Europe stint with Iron Lynx "
        "in Lamborghini and Porsche cars."
    )
    facts = run(
        text,
        [
            ("Mirko Bortolotti", "mb", D),
            ("GT World Challenge Europe", "gtwc-europe", C),
            ("Iron Lynx", "iron-lynx", T),
            ("Lamborghini", "lamborghini", M),
            ("Porsche", "porsche", M),
        ],
    )
    members = roles(facts, "memberOf")
    assert members, facts
    assert {r.get("manufacturers") for r in members} == {("lamborghini", "porsche")}


def test_a_make_not_followed_by_cars_is_not_a_car_of_the_stint() -> None:
    text = "Kelvin van der Linde drives for ABT in the DTM, where Audi is the manufacturer."
    facts = run(
        text,
        [
            ("Kelvin van der Linde", "kvdl", D),
            ("ABT", "abt", T),
            ("DTM", "dtm", C),
            ("Audi", "audi", M),
        ],
    )
    assert all(r.get("manufacturers") is None for r in roles(facts, "memberOf"))
