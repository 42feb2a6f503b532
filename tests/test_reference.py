"""Reference data (data/reference/*.ttl) and its loader, racegraph.reference."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from racegraph.errors import InputError
from racegraph.records import EntityType
from racegraph.reference import (
    Reference,
    ReferenceEntity,
    default_reference_dir,
    load_reference,
)
from racegraph.vocab import ID, RG, slugify

WIKIDATA = re.compile(r"http://www\.wikidata\.org/entity/Q[1-9]\d*")

# Surface forms that deliberately name two entities of the same type (see README.md).
DOCUMENTED_AMBIGUOUS: frozenset[str] = frozenset({"congolese", "dominican"})


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


def _one(ref: Reference, surface: str, t: EntityType) -> ReferenceEntity:
    hits = [e for e in ref.lookup(surface) if e.type is t]
    assert len(hits) == 1, (surface, [e.iri for e in ref.lookup(surface)])
    return hits[0]


def test_every_file_parses_on_its_own() -> None:
    files = sorted(default_reference_dir().glob("*.ttl"))
    names = {p.name for p in files}
    assert {
        "countries.ttl",
        "categories.ttl",
        "championships.ttl",
        "manufacturers.ttl",
        "venues.ttl",
        "organisations.ttl",
    } <= names
    for path in files:
        assert len(Graph().parse(path, format="turtle")) > 0, path


def test_every_entity_has_label_type_and_key(ref: Reference) -> None:
    assert ref.entities == tuple(sorted(ref.entities, key=lambda e: e.iri))
    for e in ref.entities:
        assert e.label.strip(), e.iri
        assert isinstance(e.type, EntityType)
        assert e.iri.startswith(str(ID)), e.iri
        assert e.iri.rsplit("/", 1)[1] == e.key
        assert e.key == slugify(e.key) or e.type is EntityType.COUNTRY, e.key
        assert e.aliases == tuple(sorted(e.aliases))
        assert ref.by_iri(e.iri) is e
    assert ref.by_iri(str(ID) + "championship/no-such-thing") is None


def test_iri_paths_match_types(ref: Reference) -> None:
    paths = {
        EntityType.COUNTRY: "country",
        EntityType.FIA_CATEGORY: "fia-category",
        EntityType.CHAMPIONSHIP: "championship",
        EntityType.CLASS: "class",
        EntityType.MANUFACTURER: "manufacturer",
        EntityType.CAR_MODEL: "car",
        EntityType.VENUE: "venue",
        EntityType.ORGANISATION: "organisation",
        EntityType.TEAM: "team",
    }
    for e in ref.entities:
        assert e.iri == f"{ID}{paths[e.type]}/{e.key}", e.iri


def test_teams_are_keyed_once_under_every_name(ref: Reference) -> None:
    teams = ref.of_type(EntityType.TEAM)
    assert len(teams) >= 100
    wrt = ref.by_iri(f"{ID}team/wrt")
    assert wrt is not None and "BMW M Team WRT" in wrt.aliases
    owners: dict[str, set[str]] = {}
    for t in teams:
        for form in t.surface_forms():
            owners.setdefault(form.lower(), set()).add(t.iri)
    assert not [f for f, iris in owners.items() if len(iris) > 1], "one name, two teams"


def test_countries(ref: Reference) -> None:
    countries = ref.of_type(EntityType.COUNTRY)
    assert len(countries) >= 240
    iso2s: set[str] = set()
    iso3s: set[str] = set()
    for c in countries:
        assert c.iso2 is not None and re.fullmatch(r"[A-Z]{2}", c.iso2), c.iri
        assert c.iso3 is not None and re.fullmatch(r"[A-Z]{3}", c.iso3), c.iri
        assert c.iri == f"{ID}country/{c.iso2.lower()}"
        assert c.demonyms and all(d.strip() for d in c.demonyms), c.iri
        iso2s.add(c.iso2)
        iso3s.add(c.iso3)
    assert len(iso2s) == len(iso3s) == len(countries)


def test_well_known_countries(ref: Reference) -> None:
    expected = {
        "it": ("Italy", "ITA", "Q38", "Italian"),
        "be": ("Belgium", "BEL", "Q31", "Belgian"),
        "de": ("Germany", "DEU", "Q183", "German"),
        "fr": ("France", "FRA", "Q142", "French"),
        "au": ("Australia", "AUS", "Q408", "Australian"),
        "bh": ("Bahrain", "BHR", "Q398", "Bahraini"),
        "es": ("Spain", "ESP", "Q29", "Spanish"),
        "gb": ("United Kingdom", "GBR", "Q145", "British"),
        "us": ("United States", "USA", "Q30", "American"),
        "jp": ("Japan", "JPN", "Q17", "Japanese"),
        "nl": ("Netherlands", "NLD", "Q55", "Dutch"),
    }
    for key, (label, iso3, qid, demonym) in expected.items():
        c = ref.by_iri(f"{ID}country/{key}")
        assert c is not None, key
        assert (c.label, c.iso3, c.wikidata) == (
            label,
            iso3,
            f"http://www.wikidata.org/entity/{qid}",
        )
        assert demonym in c.demonyms
        assert _one(ref, demonym, EntityType.COUNTRY) is c
        assert _one(ref, label, EntityType.COUNTRY) is c


def test_wikidata_iris_well_formed_and_unique(ref: Reference) -> None:
    owners: dict[str, str] = {}
    for e in ref.entities:
        if e.wikidata is None:
            continue
        assert WIKIDATA.fullmatch(e.wikidata), (e.iri, e.wikidata)
        assert e.wikidata not in owners, (e.iri, owners.get(e.wikidata))
        owners[e.wikidata] = e.iri


def test_at_most_one_wikidata_match_per_entity(ref: Reference) -> None:
    g = ref.graph()
    match = URIRef("http://www.w3.org/2004/02/skos/core#exactMatch")
    for e in ref.entities:
        assert len(list(g.objects(URIRef(e.iri), match))) <= 1, e.iri


@pytest.mark.parametrize(
    ("surface", "t", "key"),
    [
        ("Italian", EntityType.COUNTRY, "it"),
        ("the Italian", EntityType.COUNTRY, "it"),
        ("ITA", EntityType.COUNTRY, "it"),
        ("Belgian", EntityType.COUNTRY, "be"),
        ("Holland", EntityType.COUNTRY, "nl"),
        ("UK", EntityType.COUNTRY, "gb"),
        ("the Gulf state of Bahrain", EntityType.COUNTRY, None),
        ("Bahrain", EntityType.COUNTRY, "bh"),
        ("GTWC", EntityType.CHAMPIONSHIP, "gtwc-europe"),
        ("GTWC Europe", EntityType.CHAMPIONSHIP, "gtwc-europe"),
        (
            "Fanatec GT World Challenge Europe Powered by AWS",
            EntityType.CHAMPIONSHIP,
            "gtwc-europe",
        ),
        ("GT World Challenge Europe", EntityType.CHAMPIONSHIP, "gtwc-europe"),
        ("Sprint Cup", EntityType.CHAMPIONSHIP, "gtwc-europe-sprint-cup"),
        ("GTWC Sprint Cup", EntityType.CHAMPIONSHIP, "gtwc-europe-sprint-cup"),
        ("Endurance Cup", EntityType.CHAMPIONSHIP, "gtwc-europe-endurance-cup"),
        (
            "GT World Challenge Europe Endurance Cup",
            EntityType.CHAMPIONSHIP,
            "gtwc-europe-endurance-cup",
        ),
        ("WEC", EntityType.CHAMPIONSHIP, "fia-wec"),
        ("FIA WEC", EntityType.CHAMPIONSHIP, "fia-wec"),
        ("World Endurance Championship", EntityType.CHAMPIONSHIP, "fia-wec"),
        ("MotoGP", EntityType.CHAMPIONSHIP, "motogp"),
        ("F1", EntityType.CHAMPIONSHIP, "formula-1"),
        ("LMGT3", EntityType.CLASS, "lmgt3"),
        ("LM GT3", EntityType.CLASS, "lmgt3"),
        ("GTE class", EntityType.CLASS, "gte"),
        ("LMP2", EntityType.CLASS, "lmp2"),
        ("Hypercar", EntityType.CLASS, "hypercar"),
        ("Gold Cup", EntityType.CLASS, "gold-cup"),
        ("Pro-Am Cup", EntityType.CLASS, "pro-am-cup"),
        ("gold-ranked", EntityType.FIA_CATEGORY, "gold"),
        ("bronze-rated", EntityType.FIA_CATEGORY, "bronze"),
        ("platinum", EntityType.FIA_CATEGORY, "platinum"),
        ("silver", EntityType.FIA_CATEGORY, "silver"),
        ("BMW M", EntityType.MANUFACTURER, "bmw"),
        ("Mercedes", EntityType.MANUFACTURER, "mercedes-amg"),
        ("Z4 GT3", EntityType.CAR_MODEL, "bmw-z4-gt3"),
        ("Oreca LMP2", EntityType.CAR_MODEL, "oreca-07"),
        ("LMP2 Oreca", EntityType.CAR_MODEL, "oreca-07"),
        ("Le Mans", EntityType.VENUE, "le-mans"),
        ("Barcelona", EntityType.VENUE, "barcelona"),
        ("Montmeló", EntityType.VENUE, "barcelona"),
        ("Sakhir", EntityType.VENUE, "bahrain-international-circuit"),
        ("SRO", EntityType.ORGANISATION, "sro"),
        ("FIA", EntityType.ORGANISATION, "fia"),
        ("FIA's", EntityType.ORGANISATION, "fia"),
        ("WEC’s", EntityType.CHAMPIONSHIP, "fia-wec"),
        ("the silver category", EntityType.FIA_CATEGORY, "silver"),
        ("GT World Challenge championship", EntityType.CHAMPIONSHIP, "gtwc-europe"),
    ],
)
def test_lookup(ref: Reference, surface: str, t: EntityType, key: str | None) -> None:
    if key is None:
        assert not [e for e in ref.lookup(surface) if e.type is t]
    else:
        assert _one(ref, surface, t).key == key


def test_lookup_normalises_case_accents_and_punctuation(ref: Reference) -> None:
    wec = _one(ref, "WEC", EntityType.CHAMPIONSHIP)
    assert ref.lookup("wec") == ref.lookup(" WEC. ") == ref.lookup("WEC")
    assert wec in ref.lookup("fia wec")
    assert ref.lookup("Nurburgring") == ref.lookup("Nürburgring")
    assert ref.lookup("") == ()
    assert ref.lookup("Il Dottore") == ()  # a person's nickname, not reference data


def test_iso3_lookup_is_exact_case(ref: Reference) -> None:
    assert [e.key for e in ref.lookup("ITA")] == ["it"]
    assert ref.lookup("ita") == ()
    assert ref.lookup("can") == ()  # an English word, not Canada
    assert [e.key for e in ref.lookup("CAN")] == ["ca"]


def test_m4_gt3_and_its_manufacturer(ref: Reference) -> None:
    car = _one(ref, "M4 GT3", EntityType.CAR_MODEL)
    assert car.iri == f"{ID}car/bmw-m4-gt3"
    assert car.manufacturer is not None
    maker = ref.by_iri(car.manufacturer)
    assert maker is not None and maker.label == "BMW" and maker.type is EntityType.MANUFACTURER
    assert maker.wikidata == "http://www.wikidata.org/entity/Q26678"


def test_misano_is_in_italy(ref: Reference) -> None:
    misano = _one(ref, "Misano", EntityType.VENUE)
    assert misano.key == "misano"
    assert misano.country == f"{ID}country/it"


def test_sub_championships(ref: Reference) -> None:
    sprint = _one(ref, "Sprint Cup", EntityType.CHAMPIONSHIP)
    assert sprint.sub_championship
    assert sprint.parent == f"{ID}championship/gtwc-europe"
    subs = [e for e in ref.of_type(EntityType.CHAMPIONSHIP) if e.sub_championship]
    assert {e.key for e in subs} >= {"gtwc-europe-sprint-cup", "gtwc-europe-endurance-cup"}
    for e in ref.of_type(EntityType.CHAMPIONSHIP):
        assert (e.parent is not None) == e.sub_championship, e.iri


def test_references_between_entities_resolve(ref: Reference) -> None:
    for e in ref.entities:
        if e.parent is not None:
            parent = ref.by_iri(e.parent)
            assert parent is not None and parent.type is EntityType.CHAMPIONSHIP, e.iri
        if e.type is EntityType.CAR_MODEL:
            assert e.manufacturer is not None, e.iri
            maker = ref.by_iri(e.manufacturer)
            assert maker is not None and maker.type is EntityType.MANUFACTURER, e.iri
        if e.type is EntityType.VENUE:
            assert e.country is not None, e.iri
            country = ref.by_iri(e.country)
            assert country is not None and country.type is EntityType.COUNTRY, e.iri
    # every IRI object in our namespace points at a reference entity or a scheme term
    g = ref.graph()
    for _s, _p, o in g:
        if isinstance(o, URIRef) and str(o).startswith(str(ID)):
            assert ref.by_iri(str(o)) is not None, o


def test_no_alias_names_two_entities_of_one_type(ref: Reference) -> None:
    clashes: list[tuple[str, list[str]]] = []
    for form, entities in ref.surface_forms().items():
        by_type: dict[EntityType, list[str]] = defaultdict(list)
        for e in entities:
            by_type[e.type].append(e.iri)
        for iris in by_type.values():
            if len(iris) > 1 and form not in DOCUMENTED_AMBIGUOUS:
                clashes.append((form, iris))
    assert clashes == []
    readme = (default_reference_dir() / "README.md").read_text(encoding="utf-8")
    for form in DOCUMENTED_AMBIGUOUS:
        assert form in readme.lower()


def test_keys_required_by_the_contract(ref: Reference) -> None:
    for path in [
        "championship/fia-wec",
        "championship/gtwc-europe",
        "championship/gtwc-europe-sprint-cup",
        "championship/gtwc-europe-endurance-cup",
        "championship/motogp",
        "class/lmgt3",
        "class/lmp2",
        "class/gte",
        "class/hypercar",
        "class/gold-cup",
        "class/pro-cup",
        "class/silver-cup",
        "class/bronze-cup",
        "class/pro-am-cup",
        "car/bmw-m4-gt3",
        "car/bmw-z4-gt3",
        "car/oreca-07",
        "venue/le-mans",
        "venue/misano",
        "venue/barcelona",
        "venue/bahrain-international-circuit",
        "organisation/sro",
        "organisation/fia",
        "fia-category/platinum",
        "fia-category/gold",
        "fia-category/silver",
        "fia-category/bronze",
    ]:
        assert ref.by_iri(f"{ID}{path}") is not None, path


def test_fia_categories_are_skos_concepts(ref: Reference) -> None:
    g = ref.graph()
    skos = "http://www.w3.org/2004/02/skos/core#"
    cats = ref.of_type(EntityType.FIA_CATEGORY)
    assert sorted(e.key for e in cats) == ["bronze", "gold", "platinum", "silver"]
    for e in cats:
        s = URIRef(e.iri)
        assert (s, RDF.type, URIRef(skos + "Concept")) in g
        assert (s, URIRef(skos + "inScheme"), RG.FIACategoryScheme) in g
        assert list(g.objects(s, URIRef(skos + "notation")))


def test_no_people_results_or_events(ref: Reference) -> None:
    g = ref.graph()
    forbidden = {
        RG.Driver,
        RG.Person,
        RG.Event,
        RG.Race,
        RG.Round,
        RG.Result,
        RG.GridPosition,
        RG.Entry,
        RG.Statement,
        RG.Assertion,
        RG.Title,
        RG.CategoryAssignment,
    }
    assert not [s for s, o in g.subject_objects(RDF.type) if o in forbidden]
    people_predicates = {RG.memberOf, RG.drives, RG.worksDriverFor, RG.nationality, RG.won}
    # teams are listed by name only: where they are based and who runs them is extracted
    team_facts = {RG.basedIn, RG.principalOf, RG.teamPrincipal}
    teams = set(g.subjects(RDF.type, RG.Team))
    assert teams and not [t for t in g if t[0] in teams and t[1] in team_facts]
    assert not [t for t in g if t[1] in people_predicates]
    assert not ref.lookup("24 Hours of Le Mans")  # events are minted by the extractor


def test_graph_is_a_copy(ref: Reference) -> None:
    g = ref.graph()
    n = len(g)
    g.remove((None, None, None))
    assert len(ref.graph()) == n > 1000


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "ok.ttl").write_text(
        "@prefix rg: <https://w3id.org/racegraph/ontology#> .\n", encoding="utf-8"
    )
    (tmp_path / "bad.ttl").write_text(
        '@prefix x: <urn:x:> .\nx:a x:b x:c .\n\nx:a x:b "unterminated .\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"bad\.ttl:4"):
        load_reference(tmp_path)


def test_missing_directory_and_missing_label(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_reference(tmp_path / "nope")
    (tmp_path / "x.ttl").write_text(
        "@prefix rg: <https://w3id.org/racegraph/ontology#> .\n"
        "<https://w3id.org/racegraph/id/venue/x> a rg:Venue .\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no rdfs:label"):
        load_reference(tmp_path)


def test_small_directory_loads(tmp_path: Path) -> None:
    (tmp_path / "v.ttl").write_text(
        "@prefix rg: <https://w3id.org/racegraph/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/racegraph/id/venue/x> a rg:Venue ;\n"
        '  rdfs:label "X Ring"@en ; skos:altLabel "Xring"@en , "The X"@en ;\n'
        "  rg:locatedIn <https://w3id.org/racegraph/id/country/it> .\n",
        encoding="utf-8",
    )
    ref = load_reference(tmp_path)
    (venue,) = ref.entities
    assert venue == ReferenceEntity(
        iri=f"{ID}venue/x",
        type=EntityType.VENUE,
        key="x",
        label="X Ring",
        aliases=("The X", "Xring"),
        country=f"{ID}country/it",
    )
    assert ref.lookup("x ring") == (venue,)
    assert ref.of_type(EntityType.COUNTRY) == ()


def test_loads_fast_enough() -> None:
    start = time.perf_counter()
    load_reference()
    assert time.perf_counter() - start < 2.0  # budget 0.5 s; slack for loaded CI machines


def test_keys_are_unique_across_types() -> None:
    """Extraction uses the reference key as the entity key: two types must never share one."""
    ref = load_reference()
    keys = [e.key for e in ref.entities]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)
