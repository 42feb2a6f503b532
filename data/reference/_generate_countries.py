# ruff: noqa: E501  (the data table keeps one country per line)
"""One-off generator of countries.ttl (not imported by racegraph; pycountry is not a dependency).

ISO 3166-1 codes and default English names come from pycountry; labels overrides,
demonyms, Wikidata QIDs and alternative names are typed in below. Run:

    .venv/bin/pip install pycountry
    .venv/bin/python data/reference/_generate_countries.py > data/reference/countries.ttl
"""

from __future__ import annotations

import pycountry

# iso2: (label override or "", demonyms ";"-separated, QID or "", altLabels ";"-separated)
TABLE = """
AD||Andorran|Q228|
AE||Emirati;Emirian|Q878|UAE;Emirates;U.A.E.
AF||Afghan|Q889|
AG||Antiguan;Barbudan|Q781|Antigua
AI||Anguillan|Q25228|
AL||Albanian|Q222|
AM||Armenian|Q399|
AO||Angolan|Q916|
AQ||Antarctic|Q51|
AR||Argentine;Argentinian;Argentinean|Q414|
AS||American Samoan|Q16641|
AT||Austrian|Q40|
AU||Australian;Aussie|Q408|
AW||Aruban|Q21203|
AX|Åland|Ålandish;Åland Island|Q5689|Åland Islands;Aland
AZ||Azerbaijani;Azeri|Q227|
BA||Bosnian;Herzegovinian;Bosnian and Herzegovinian|Q225|Bosnia;Bosnia-Herzegovina
BB||Barbadian;Bajan|Q244|
BD||Bangladeshi|Q902|
BE||Belgian|Q31|
BF||Burkinabé;Burkinabe|Q965|
BG||Bulgarian|Q219|
BH||Bahraini|Q398|Kingdom of Bahrain
BI||Burundian|Q967|
BJ||Beninese|Q962|
BL||Barthélemois|Q25362|St. Barthélemy;St Barts;Saint Barts
BM||Bermudian|Q23635|
BN|Brunei|Bruneian|Q921|Brunei Darussalam
BO||Bolivian|Q750|Plurinational State of Bolivia
BQ|Caribbean Netherlands|Bonairean;Caribbean Netherlands|Q27561|Bonaire, Sint Eustatius and Saba;Bonaire
BR||Brazilian|Q155|Brasil
BS||Bahamian|Q778|The Bahamas
BT||Bhutanese|Q917|
BV||Bouvet Island|Q23408|
BW||Botswanan;Motswana|Q963|
BY||Belarusian|Q184|Belarus;Byelorussia
BZ||Belizean|Q242|
CA||Canadian|Q16|
CC|Cocos (Keeling) Islands|Cocos Island|Q36004|Cocos Islands;Keeling Islands
CD|Democratic Republic of the Congo|Congolese|Q974|DR Congo;DRC;Congo-Kinshasa;Congo, The Democratic Republic of the
CF||Central African|Q929|CAR
CG|Republic of the Congo|Congolese|Q971|Congo;Congo-Brazzaville
CH||Swiss|Q39|Switzerland;Swiss Confederation
CI|Côte d'Ivoire|Ivorian|Q1008|Ivory Coast;Cote d'Ivoire
CK||Cook Islands;Cook Islander|Q26988|
CL||Chilean|Q298|
CM||Cameroonian|Q1009|
CN||Chinese|Q148|People's Republic of China;PRC;Mainland China
CO||Colombian|Q739|
CR||Costa Rican|Q800|
CU||Cuban|Q241|
CV||Cabo Verdean;Cape Verdean|Q1011|Cape Verde
CW||Curaçaoan|Q25279|Curacao
CX||Christmas Island|Q31063|
CY||Cypriot|Q229|
CZ||Czech|Q213|Czech Republic
DE||German|Q183|Deutschland;Federal Republic of Germany
DJ||Djiboutian|Q977|
DK||Danish;Dane|Q35|
DM||Dominican|Q784|Commonwealth of Dominica
DO||Dominican|Q786|
DZ||Algerian|Q262|
EC||Ecuadorian|Q736|
EE||Estonian|Q191|
EG||Egyptian|Q79|
EH||Sahrawi;Western Saharan|Q6250|
ER||Eritrean|Q986|
ES||Spanish;Spaniard|Q29|España;Espana
ET||Ethiopian|Q115|
FI||Finnish;Finn|Q33|
FJ||Fijian|Q712|
FK|Falkland Islands|Falkland Island;Falkland Islander|Q9648|Falklands;Malvinas;Falkland Islands (Malvinas)
FM|Micronesia|Micronesian|Q702|Federated States of Micronesia
FO||Faroese|Q4628|Faroes;Faeroe Islands
FR||French;Frenchman;Frenchwoman|Q142|
GA||Gabonese|Q1000|
GB||British;Briton;Brit;English;Englishman;Englishwoman;Scottish;Scot;Scotsman;Scotswoman;Welsh;Welshman;Welshwoman;Northern Irish|Q145|UK;U.K.;Great Britain;Britain;United Kingdom of Great Britain and Northern Ireland;England;Scotland;Wales;Northern Ireland
GD||Grenadian|Q769|
GE||Georgian|Q230|
GF||French Guianese|Q3769|
GG||Guernsey;Guernseyman|Q25230|
GH||Ghanaian|Q117|
GI||Gibraltarian|Q1410|
GL||Greenlandic|Q223|
GM||Gambian|Q1005|The Gambia
GN||Guinean|Q1006|
GP||Guadeloupean|Q17012|
GQ||Equatorial Guinean;Equatoguinean|Q983|
GR||Greek|Q41|Hellas
GS||South Georgia and the South Sandwich Islands|Q35086|South Georgia
GT||Guatemalan|Q774|
GU||Guamanian|Q16635|
GW||Bissau-Guinean|Q1007|
GY||Guyanese|Q734|
HK||Hong Kong;Hongkonger;Hong Konger|Q8646|
HM||Heard Island;McDonald Islands|Q131198|
HN||Honduran|Q783|
HR||Croatian;Croat|Q224|
HT||Haitian|Q790|
HU||Hungarian|Q28|
ID||Indonesian|Q252|
IE||Irish;Irishman;Irishwoman|Q27|Republic of Ireland;Eire
IL||Israeli|Q801|
IM||Manx|Q9676|
IN||Indian|Q668|
IO||British Indian Ocean Territory||BIOT;Chagos Islands
IQ||Iraqi|Q796|
IR||Iranian|Q794|Islamic Republic of Iran;Persia
IS||Icelandic;Icelander|Q189|
IT||Italian|Q38|Italia
JE||Jersey;Jerseyman|Q785|
JM||Jamaican|Q766|
JO||Jordanian|Q810|
JP||Japanese|Q17|Nippon
KE||Kenyan|Q114|
KG||Kyrgyz;Kyrgyzstani|Q813|Kirghizia
KH||Cambodian|Q424|
KI||I-Kiribati|Q710|
KM||Comoran;Comorian|Q970|
KN||Kittitian;Nevisian|Q763|St Kitts and Nevis;St. Kitts and Nevis
KP||North Korean|Q423|DPRK;Democratic People's Republic of Korea
KR||South Korean;Korean|Q884|Korea;Republic of Korea
KW||Kuwaiti|Q817|
KY||Caymanian|Q5785|
KZ||Kazakh;Kazakhstani|Q232|
LA||Lao;Laotian|Q819|Lao People's Democratic Republic
LB||Lebanese|Q822|
LC||Saint Lucian|Q760|St Lucia;St. Lucia
LI||Liechtensteiner;Liechtenstein|Q347|
LK||Sri Lankan|Q854|Ceylon
LR||Liberian|Q1014|
LS||Basotho;Mosotho|Q1013|
LT||Lithuanian|Q37|
LU||Luxembourgish;Luxembourger|Q32|
LV||Latvian|Q211|
LY||Libyan|Q1016|
MA||Moroccan|Q1028|
MC||Monégasque;Monacan;Monegasque|Q235|Principality of Monaco
MD||Moldovan|Q217|Republic of Moldova
ME||Montenegrin|Q236|
MF|Saint Martin|Saint-Martinoise|Q126125|Saint Martin (French part);St. Martin
MG||Malagasy|Q1019|
MH||Marshallese|Q709|
MK||Macedonian;North Macedonian|Q221|Macedonia;FYROM
ML||Malian|Q912|
MM||Burmese;Myanma|Q836|Burma
MN||Mongolian|Q711|
MO|Macao|Macanese|Q14773|Macau
MP||Northern Marianan|Q16644|
MQ||Martiniquais;Martinican|Q17054|
MR||Mauritanian|Q1025|
MS||Montserratian|Q13353|
MT||Maltese|Q233|
MU||Mauritian|Q1027|
MV||Maldivian|Q826|
MW||Malawian|Q1020|
MX||Mexican|Q96|México
MY||Malaysian|Q833|
MZ||Mozambican|Q1029|
NA||Namibian|Q1030|
NC||New Caledonian|Q33788|
NE||Nigerien|Q1032|
NF||Norfolk Island|Q31057|
NG||Nigerian|Q1033|
NI||Nicaraguan|Q811|
NL||Dutch;Dutchman;Dutchwoman;Netherlandic|Q55|Holland;The Netherlands
NO||Norwegian|Q20|
NP||Nepali;Nepalese|Q837|
NR||Nauruan|Q697|
NU||Niuean|Q34020|
NZ||New Zealander;New Zealand;Kiwi|Q664|Aotearoa
OM||Omani|Q842|
PA||Panamanian|Q804|
PE||Peruvian|Q419|
PF||French Polynesian|Q30971|Tahiti
PG||Papua New Guinean|Q691|PNG
PH||Filipino;Philippine|Q928|
PK||Pakistani|Q843|
PL||Polish|Q36|
PM||Saint-Pierrais;Miquelonnais|Q34617|St. Pierre and Miquelon
PN|Pitcairn Islands|Pitcairn Island|Q35672|Pitcairn
PR||Puerto Rican|Q1183|
PS|Palestine|Palestinian|Q219060|State of Palestine;Palestine, State of
PT||Portuguese|Q45|
PW||Palauan|Q695|
PY||Paraguayan|Q733|
QA||Qatari|Q846|
RE||Réunionese;Réunionnais|Q17070|Reunion
RO||Romanian|Q218|
RS||Serbian;Serb|Q403|
RU|Russia|Russian|Q159|Russian Federation
RW||Rwandan|Q1037|
SA||Saudi;Saudi Arabian|Q851|KSA;Kingdom of Saudi Arabia
SB||Solomon Islander;Solomon Islands|Q685|
SC||Seychellois|Q1042|
SD||Sudanese|Q1049|
SE||Swedish;Swede|Q34|
SG||Singaporean|Q334|
SH|Saint Helena, Ascension and Tristan da Cunha|Saint Helenian|Q192184|Saint Helena;St Helena
SI||Slovenian;Slovene|Q215|
SJ||Svalbard|Q842829|Svalbard and Jan Mayen Islands
SK||Slovak;Slovakian|Q214|Slovak Republic
SL||Sierra Leonean|Q1044|
SM||Sammarinese|Q238|
SN||Senegalese|Q1041|
SO||Somali|Q1045|
SR||Surinamese|Q730|Surinam
SS||South Sudanese|Q958|
ST|São Tomé and Príncipe|São Toméan;Santomean|Q1039|Sao Tome and Principe
SV||Salvadoran|Q792|
SX|Sint Maarten|Sint Maartener|Q26273|Sint Maarten (Dutch part)
SY||Syrian|Q858|Syrian Arab Republic
SZ||Swazi;Eswatini|Q1050|Swaziland
TC||Turks and Caicos Islander;Turks and Caicos Island|Q18221|Turks and Caicos
TD||Chadian|Q657|
TF||French Southern Territories|Q129003|French Southern and Antarctic Lands
TG||Togolese|Q945|
TH||Thai|Q869|Siam
TJ||Tajik;Tajikistani|Q863|
TK||Tokelauan|Q36823|
TL||Timorese;East Timorese|Q574|East Timor
TM||Turkmen|Q874|
TN||Tunisian|Q948|
TO||Tongan|Q678|
TR||Turkish;Turk|Q43|Turkey;Turkiye
TT||Trinidadian;Tobagonian|Q754|Trinidad;Trinidad & Tobago
TV||Tuvaluan|Q672|
TW||Taiwanese|Q865|Chinese Taipei;Republic of China
TZ||Tanzanian|Q924|United Republic of Tanzania
UA||Ukrainian|Q212|
UG||Ugandan|Q1036|
UM||United States Minor Outlying Islands||U.S. Minor Outlying Islands
US||American|Q30|USA;U.S.A.;U.S.;United States of America;America;the States
UY||Uruguayan|Q77|
UZ||Uzbek;Uzbekistani|Q265|
VA|Vatican City|Vatican|Q237|Holy See;Vatican;Holy See (Vatican City State)
VC||Vincentian|Q757|St Vincent and the Grenadines;St. Vincent
VE||Venezuelan|Q717|Bolivarian Republic of Venezuela
VG|British Virgin Islands|British Virgin Islander|Q25305|Virgin Islands, British;BVI
VI|United States Virgin Islands|U.S. Virgin Islander|Q11703|US Virgin Islands;U.S. Virgin Islands;Virgin Islands, U.S.
VN||Vietnamese|Q881|Viet Nam
VU||Ni-Vanuatu;Vanuatuan|Q686|
WF||Wallisian;Futunan|Q35555|Wallis and Futuna Islands
WS||Samoan|Q683|
YE||Yemeni|Q805|
YT||Mahoran|Q17063|
ZA||South African|Q258|RSA
ZM||Zambian|Q953|
ZW||Zimbabwean|Q954|
"""

HEADER = """\
# ISO 3166-1 countries (all 249 codes). Generated once by _generate_countries.py from
# pycountry (codes, names) plus hand-typed labels, demonyms, alternative names and Wikidata
# QIDs. Edit the generator's table and regenerate, or edit this file directly.
@prefix rg: <https://w3id.org/racegraph/ontology#> .
@prefix country: <https://w3id.org/racegraph/id/country/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix wd: <http://www.wikidata.org/entity/> .
"""


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def main() -> None:
    rows: dict[str, tuple[str, list[str], str, list[str]]] = {}
    for line in TABLE.strip().splitlines():
        iso2, label, demonyms, qid, alts = line.split("|")
        assert iso2 not in rows, iso2
        rows[iso2] = (
            label,
            [d for d in demonyms.split(";") if d],
            qid,
            [a for a in alts.split(";") if a],
        )
    codes = {c.alpha_2 for c in pycountry.countries}
    assert codes == set(rows), sorted(codes ^ set(rows))
    out = [HEADER]
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        label, demonyms, qid, alts = rows[c.alpha_2]
        name = label or getattr(c, "common_name", None) or c.name
        alt = set(alts)
        for other in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if other and other != name:
                alt.add(other)
        alt -= {name}
        lines = [
            f"country:{c.alpha_2.lower()} a rg:Country",
            f"    rdfs:label {_lit(name)}",
            f'    rg:iso2 "{c.alpha_2}"',
            f'    rg:iso3 "{c.alpha_3}"',
            "    rg:demonym " + " , ".join(_lit(d) for d in demonyms),
        ]
        if alt:
            lines.append("    skos:altLabel " + " , ".join(_lit(a) for a in sorted(alt)))
        if qid:
            lines.append(f"    skos:exactMatch wd:{qid}")
        out.append(" ;\n".join(lines) + " .\n")
    print("\n".join(out), end="")


if __name__ == "__main__":
    main()
