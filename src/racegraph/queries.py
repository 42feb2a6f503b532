"""Saved SPARQL queries: typed headers, typed parameters, embedded or remote execution.

A saved query is one file ``queries/NAME.rq``: a SPARQL 1.1 query preceded by ``#+`` comment
lines holding a small YAML header (in the spirit of grlc)::

    #+ summary: Teams a driver drove for, per championship and season
    #+ description: One row per statement ...
    #+ param driver: entity required — the driver (name, alias or IRI)
    #+ columns: [team, championship, season]
    #+ example: {driver: Valentino Rossi}

The header is validated strictly (unknown keys, unknown types, params the query does not use
are errors). Parameter values are converted to typed RDF terms and *bound*, never pasted into
the text: a one-row ``VALUES`` block serialised from the terms (every character of a literal
escaped, IRIs checked) is inserted as the first element of the outermost ``WHERE`` group,
found with a SPARQL tokenizer that skips comments, strings and IRIs. The same bound text runs
on the embedded pyoxigraph store and on a remote endpoint, so both give the same rows.

Why not pyoxigraph's ``substitutions`` on the embedded store: in pyoxigraph 0.5 a substituted
variable must be projected, and it is not seen as bound by ``BOUND()``/``FILTER`` expressions
(SEP-0007 semantics), so queries with an optional parameter (``FILTER(!BOUND(?p) || ...)``)
would give other rows than the standard ``VALUES`` join a remote endpoint evaluates.
``tests/test_queries.py::test_pyoxigraph_substitutions_differ_from_values`` pins this.

>>> q = parse_query(
...     "#+ summary: Labels\\n#+ param name: string required — a label\\n"
...     "#+ example: {name: WRT}\\n"
...     "SELECT ?x WHERE { GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?name } }",
...     name="labels")
>>> [(p.name, p.type, p.required) for p in q.params]
[('name', 'string', True)]
>>> print(bind_values(q.body, {"name": Literal('a "quoted" } value')}))  # doctest: +ELLIPSIS
SELECT ?x WHERE { VALUES (?name) { ("a \\"quoted\\" } value") } GRAPH ?g {...
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr as _xml_quoteattr

import pyoxigraph as ox
import yaml
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from racegraph.errors import (
    ParameterError,
    QueryError,
    QuerySyntaxError,
    UnknownQuery,
    UpdateRefused,
)
from racegraph.store import to_rdflib
from racegraph.vocab import BASE, PREFIXES

if TYPE_CHECKING:
    from racegraph.endpoint import Endpoint

__all__ = [
    "FORMATS",
    "PARAM_TYPES",
    "Param",
    "QueryResult",
    "SavedQuery",
    "Term",
    "bind_values",
    "catalogue_markdown",
    "convert_param",
    "default_queries_dir",
    "display_rows",
    "example_command",
    "list_queries",
    "load_query",
    "parse_query",
    "query_form",
    "resolve_entity",
    "run",
    "run_sparql",
    "serialize",
]

log = logging.getLogger(__name__)

Term = URIRef | Literal | BNode
"""A value in a result row (``None`` when unbound)."""

PARAM_TYPES = ("entity", "iri", "string", "integer", "year", "date")
FORMATS = ("table", "csv", "tsv", "json", "xml", "md")

_HEADER_KEYS = {"summary", "description", "columns", "example", "tags"}
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_VAR_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_PARAM_RE = re.compile(
    r"^(?P<type>[a-z]+)(?:\((?P<arg>[a-z]+)\))?"
    r"(?:\s+(?P<flag>required|default=(?P<default>\S+)))?"
    r"\s*(?:—|--)\s*(?P<help>.+)$"
)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ABS_HTTP_IRI = re.compile(r"^https?://[^/?#]+[^\s]*$")
_PREFIXED = {"rgid": BASE + "id/", "rg": BASE + "ontology#"}
_IRI_NAMESPACES = {"racegraph": BASE}
_MAX_VALUE_CHARS = 1_000_000
_DISPLAY_PREFIXES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Param:
    """One declared parameter of a saved query."""

    name: str
    type: str
    required: bool
    default: str | None
    help: str
    namespace: str | None = None

    def signature(self) -> str:
        """Short human form: ``driver`` (required) or ``season?`` (optional)."""
        return self.name if self.required else f"{self.name}?"


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A parsed, validated saved query."""

    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    example: Mapping[str, str]
    body: str
    form: str
    path: Path | None = None
    tags: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a query as typed RDF terms (``None`` for unbound).

    ``boolean`` is set for ASK queries; CONSTRUCT/DESCRIBE results come back as rows of
    ``subject, predicate, object``. ``labels`` maps IRIs of the rows to an ``rdfs:label``
    when asked for (``run(..., labels=True)``), for human-readable rendering only.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    boolean: bool | None = None
    labels: Mapping[str, str] = field(default_factory=dict)

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts of plain Python values (``int``, ``datetime.date``, ``str``…)."""
        return [
            {
                v: (None if t is None else _python_value(t))
                for v, t in zip(self.variables, row, strict=True)
            }
            for row in self.rows
        ]


def _python_value(term: Term) -> object:
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


# --- SPARQL tokenizer ----------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*(?::[A-Za-z0-9_\-.]*)?|:[A-Za-z0-9_\-.]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(text: str) -> Iterator[_Token]:
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:  # pragma: no cover - the punct branch matches anything
            break
        kind = match.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield _Token(kind, match.group(), pos)
        pos = match.end()


_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}
_QUERY_WORDS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def query_form(text: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE`` or ``UPDATE`` (first keyword after the
    prologue; comments and strings are skipped).

    >>> query_form("# INSERT in a comment\\nPREFIX x: <http://x/> ASK {}")
    'ASK'
    >>> query_form("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'UPDATE'
    """
    for tok in _tokens(text):
        if tok.kind != "word":
            continue
        word = tok.text.upper()
        if word in _QUERY_WORDS:
            return word
        if word in _UPDATE_WORDS or word == "WITH":
            return "UPDATE"
    raise QuerySyntaxError("not a SPARQL query: no SELECT, CONSTRUCT, ASK or DESCRIBE found")


def _variables(text: str) -> set[str]:
    return {tok.text[1:] for tok in _tokens(text) if tok.kind == "var"}


def _where_brace(text: str) -> tuple[int, int]:
    """Offsets of the ``{`` opening the outermost WHERE group and of its matching ``}``."""
    toks = list(_tokens(text))
    form_seen = False
    depth_paren = depth_brace = 0
    after_where = False
    open_index: int | None = None
    form = ""
    for i, tok in enumerate(toks):
        if tok.kind == "word" and tok.text.upper() in _QUERY_WORDS and not form_seen:
            form_seen, form = True, tok.text.upper()
            continue
        if not form_seen:
            continue
        if tok.kind == "punct":
            if tok.text == "(":
                depth_paren += 1
            elif tok.text == ")":
                depth_paren -= 1
            elif tok.text == "{" and depth_paren == 0 and depth_brace == 0:
                if after_where or form in ("SELECT", "ASK", "DESCRIBE"):
                    open_index = i
                    break
                depth_brace += 1  # CONSTRUCT template
            elif tok.text == "{":
                depth_brace += 1
            elif tok.text == "}":
                depth_brace -= 1
        elif tok.kind == "word" and tok.text.upper() == "WHERE" and depth_brace == 0:
            after_where = True
    if open_index is None:
        raise QuerySyntaxError("cannot find the WHERE group of the query")
    depth = 0
    for tok in toks[open_index:]:
        if tok.kind == "punct" and tok.text == "{":
            depth += 1
        elif tok.kind == "punct" and tok.text == "}":
            depth -= 1
            if depth == 0:
                return toks[open_index].start, tok.start
    raise QuerySyntaxError("unbalanced braces in the WHERE group")


# --- term serialisation --------------------------------------------------------------------

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_string(value: str) -> str:
    out = []
    for ch in value:
        if ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def term_n3(term: Term) -> str:
    """SPARQL syntax of a term, safe to put in a VALUES block.

    Like rdflib's ``term.n3()`` but always in the short quoted form with every control
    character escaped, and with IRIs checked for characters an IRIREF may not contain.

    >>> term_n3(Literal('say "hi"\\n}'))
    '"say \\\\"hi\\\\"\\\\n}"'
    >>> term_n3(Literal("2024", datatype=XSD.gYear))
    '"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    """
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(str(term)):
            raise ParameterError(f"not a valid IRI: {str(term)[:80]!r}")
        return f"<{term}>"
    if isinstance(term, BNode):
        raise ParameterError("blank nodes cannot be bound as parameters")
    quoted = f'"{_escape_string(str(term))}"'
    if term.language:
        if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
            raise ParameterError(f"bad language tag {term.language!r}")
        return f"{quoted}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{quoted}^^{term_n3(URIRef(term.datatype))}"
    return quoted


def bind_values(body: str, bindings: Mapping[str, Term]) -> str:
    """The query with one ``VALUES`` row binding ``bindings``, inserted as the first element
    of the outermost WHERE group (when that group is a sub-select, it is wrapped).

    >>> bind_values("SELECT * WHERE { ?s ?p ?o }", {"o": Literal(1)})
    'SELECT * WHERE { VALUES (?o) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) } ?s ?p ?o }'
    """
    if not bindings:
        return body
    for name in bindings:
        if not _VAR_NAME_RE.match(name):
            raise ParameterError(f"bad variable name {name!r}")
    names = sorted(bindings)
    block = (
        "VALUES ("
        + " ".join(f"?{n}" for n in names)
        + ") { ("
        + " ".join(term_n3(bindings[n]) for n in names)
        + ") }"
    )
    open_at, close_at = _where_brace(body)
    inner = body[open_at + 1 : close_at]
    first = next(iter(_tokens(inner)), None)
    if first is not None and first.kind == "word" and first.text.upper() == "SELECT":
        return body[: open_at + 1] + f" {block} {{{inner}}} " + body[close_at:]
    return body[: open_at + 1] + f" {block}" + body[open_at + 1 :]


# --- header parsing ------------------------------------------------------------------------


def default_queries_dir() -> Path:
    """``queries/`` at the project root (next to ``src/``)."""
    return Path(__file__).resolve().parents[2] / "queries"


def _header_and_body(text: str) -> tuple[list[tuple[int, str]], str]:
    header: list[tuple[int, str]] = []
    lines = text.splitlines(keepends=True)
    body_start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#+"):
            header.append((i + 1, stripped[2:].removeprefix(" ")))
            body_start = i + 1
        elif stripped == "" and not header:
            body_start = i + 1
        else:
            break
    return header, "".join(lines[body_start:])


def parse_param(name: str, spec: str, *, where: str) -> Param:
    """Parse ``TYPE [required|default=VALUE] — help``.

    >>> p = parse_param("season", "year default=2024 — the season", where="x")
    >>> (p.type, p.required, p.default, p.help)
    ('year', False, '2024', 'the season')
    """
    if not _VAR_NAME_RE.match(name) or name.startswith("_"):
        raise QueryError(f"{where}: bad parameter name {name!r}")
    match = _PARAM_RE.match(spec.strip())
    if match is None:
        raise QueryError(
            f"{where}: param {name}: expected 'TYPE [required|default=VALUE] — help', got {spec!r}"
        )
    ptype, arg = match.group("type"), match.group("arg")
    if ptype not in PARAM_TYPES:
        raise QueryError(
            f"{where}: param {name}: unknown type {ptype!r} (one of {', '.join(PARAM_TYPES)})"
        )
    namespace = None
    if arg is not None:
        if ptype != "iri" or arg not in _IRI_NAMESPACES:
            raise QueryError(f"{where}: param {name}: bad type argument {arg!r}")
        namespace = _IRI_NAMESPACES[arg]
    flag = match.group("flag") or ""
    default = match.group("default")
    param = Param(name, ptype, flag == "required", default, match.group("help").strip(), namespace)
    if default is not None and ptype != "entity":
        convert_param(param, default)  # a bad default is a header error
    return param


def parse_query(text: str, *, name: str, path: Path | None = None) -> SavedQuery:
    """Parse and validate a saved query (header + SPARQL)."""
    where = str(path) if path else name
    if not _NAME_RE.match(name):
        raise QueryError(f"{where}: query name must be kebab-case, got {name!r}")
    header, body = _header_and_body(text)
    seen: dict[str, int] = {}
    for lineno, line in header:
        key = line.split(":", 1)[0].strip()
        if key and not line.startswith((" ", "\t", "-")) and ":" in line:
            if key in seen:
                raise QueryError(f"{where}:{lineno}: duplicate header key {key!r}")
            seen[key] = lineno
    try:
        meta = yaml.safe_load("\n".join(line for _, line in header)) if header else {}
    except yaml.YAMLError as exc:
        raise QueryError(f"{where}: the #+ header is not valid YAML: {exc}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise QueryError(f"{where}: the #+ header must be a mapping of keys")
    params: list[Param] = []
    for key, value in meta.items():
        key_s = str(key)
        if key_s.startswith("param "):
            if not isinstance(value, str):
                raise QueryError(f"{where}: {key_s}: expected 'TYPE ... — help'")
            params.append(parse_param(key_s[6:].strip(), value, where=where))
        elif key_s not in _HEADER_KEYS:
            raise QueryError(
                f"{where}: unknown header key {key_s!r} "
                f"(allowed: {', '.join(sorted(_HEADER_KEYS))}, param NAME)"
            )
    summary = meta.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise QueryError(f"{where}: the header needs a '#+ summary:' line")
    description = meta.get("description", "")
    if not isinstance(description, str):
        raise QueryError(f"{where}: description must be text")
    columns = meta.get("columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise QueryError(f"{where}: columns must be a list of names")
    tags = meta.get("tags", [])
    if not isinstance(tags, list):
        raise QueryError(f"{where}: tags must be a list")
    example = meta.get("example", {})
    if not isinstance(example, dict):
        raise QueryError(f"{where}: example must be a mapping of parameter values")
    form = query_form(body)
    if form == "UPDATE":
        raise QueryError(f"{where}: saved queries are read-only; an UPDATE is not allowed")
    _check_syntax(body, where=where, line_offset=text[: len(text) - len(body)].count("\n"))
    used = _variables(body)
    for p in params:
        if p.name not in used:
            raise QueryError(f"{where}: param {p.name} is declared but ?{p.name} is not used")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryError(f"{where}: a parameter is declared twice")
    if form == "SELECT":
        projected = _projection(body)
        if projected is not None and columns and list(columns) != projected:
            raise QueryError(
                f"{where}: columns {columns} do not match the SELECT clause {projected}"
            )
    for key in example:
        if str(key) not in names:
            raise QueryError(f"{where}: example uses unknown param {key!r}")
    for p in params:
        if p.required and p.name not in example:
            raise QueryError(f"{where}: example lacks required param {p.name}")
    return SavedQuery(
        name=name,
        summary=summary.strip(),
        description=" ".join(description.split()),
        params=tuple(params),
        columns=tuple(columns),
        example={str(k): str(v) for k, v in example.items()},
        body=body,
        form=form,
        path=path,
        tags=tuple(str(t) for t in tags),
    )


def _projection(body: str) -> list[str] | None:
    """Names projected by the outermost SELECT (None for ``SELECT *``)."""
    names: list[str] = []
    depth = 0
    started = False
    last_as = False
    for tok in _tokens(body):
        if not started:
            started = tok.kind == "word" and tok.text.upper() == "SELECT"
            continue
        if tok.kind == "punct" and tok.text == "(":
            depth += 1
        elif tok.kind == "punct" and tok.text == ")":
            depth -= 1
        elif tok.kind == "punct" and tok.text == "*" and depth == 0:
            return None
        elif (tok.kind == "var" and depth == 0) or (tok.kind == "var" and depth == 1 and last_as):
            names.append(tok.text[1:])
        elif (tok.kind == "punct" and tok.text == "{") or (
            tok.kind == "word" and tok.text.upper() in ("WHERE", "FROM")
        ):
            break
        last_as = tok.kind == "word" and tok.text.upper() == "AS"
    return names


def _syntax_error(exc: SyntaxError, *, where: str, line_offset: int = 0) -> QuerySyntaxError:
    message = str(exc)
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if match:
        line = int(match.group(1)) + line_offset
        return QuerySyntaxError(
            f"{where}: SPARQL syntax error at line {line}, column {match.group(2)}: "
            f"{match.group(3).strip()}"
        )
    return QuerySyntaxError(f"{where}: SPARQL syntax error: {message}")


def _check_syntax(body: str, *, where: str, line_offset: int = 0) -> None:
    try:
        ox.Store().query(body)
    except SyntaxError as exc:
        raise _syntax_error(exc, where=where, line_offset=line_offset) from None


def load_query(name: str, *, directory: Path | None = None) -> SavedQuery:
    """The saved query ``NAME`` (``queries/NAME.rq``), or ``UnknownQuery`` with suggestions."""
    folder = directory or default_queries_dir()
    path = folder / f"{name}.rq"
    if not _NAME_RE.match(name) or not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.rq"))
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownQuery(f"no saved query {name!r}{hint} (`racegraph queries` lists them)")
    return parse_query(path.read_text(encoding="utf-8"), name=name, path=path)


def list_queries(*, directory: Path | None = None) -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    folder = directory or default_queries_dir()
    return [load_query(p.stem, directory=folder) for p in sorted(folder.glob("*.rq"))]


# --- parameter conversion ------------------------------------------------------------------


def _check_iri(value: str, *, what: str, namespace: str | None = None) -> URIRef:
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefix, _, local = value.partition(":")
    if prefix in _PREFIXED and not local.startswith("//"):
        value = _PREFIXED[prefix] + local
    if not _ABS_HTTP_IRI.match(value) or _IRI_FORBIDDEN.search(value):
        raise ParameterError(f"{what}: expected an absolute http(s) IRI, got {value[:80]!r}")
    try:
        ox.NamedNode(value)  # RFC 3987 syntax check
    except ValueError as exc:
        raise ParameterError(f"{what}: not a valid IRI ({exc}): {value[:80]!r}") from None
    if namespace is not None and not value.startswith(namespace):
        raise ParameterError(f"{what}: the IRI must be in {namespace}, got {value[:80]!r}")
    return URIRef(value)


def convert_param(param: Param, value: str) -> Term:
    """A raw string value as the typed term of ``param`` (entities are not resolved here:
    a name stays a string literal, an IRI becomes an IRI).

    >>> convert_param(Param("d", "date", True, None, ""), "2023-07-16")
    rdflib.term.Literal('2023-07-16', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    >>> convert_param(Param("y", "year", True, None, ""), "24")
    Traceback (most recent call last):
    racegraph.errors.ParameterError: parameter y: expected a 4-digit year, got '24'
    """
    what = f"parameter {param.name}"
    if len(value) > _MAX_VALUE_CHARS:
        raise ParameterError(f"{what}: value longer than {_MAX_VALUE_CHARS} characters")
    if param.type == "string":
        return Literal(value)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?[0-9]+", value.strip()):
            raise ParameterError(f"{what}: expected an integer, got {value[:80]!r}")
        return Literal(str(int(value)), datatype=XSD.integer)
    if param.type == "year":
        if not re.fullmatch(r"[0-9]{4}", value.strip()):
            raise ParameterError(f"{what}: expected a 4-digit year, got {value[:80]!r}")
        return Literal(value.strip(), datatype=XSD.gYear)
    if param.type == "date":
        try:
            day = _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ParameterError(
                f"{what}: expected a date YYYY-MM-DD, got {value[:80]!r}"
            ) from None
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
            raise ParameterError(f"{what}: expected a date YYYY-MM-DD, got {value[:80]!r}")
        return Literal(day.isoformat(), datatype=XSD.date)
    if param.type == "iri":
        return _check_iri(value.strip(), what=what, namespace=param.namespace)
    # entity: an IRI stays an IRI, anything else is a name to resolve
    stripped = value.strip()
    if stripped.startswith(("http://", "https://", "<")) or stripped.split(":", 1)[0] in _PREFIXED:
        return _check_iri(stripped, what=what)
    if not stripped:
        raise ParameterError(f"{what}: empty name")
    return Literal(stripped)


# --- backends ------------------------------------------------------------------------------


class _Backend:
    """Runs a query text with bound terms; subclasses: embedded store, remote endpoint."""

    def select(self, body: str, bindings: Mapping[str, Term]) -> QueryResult:
        raise NotImplementedError

    def update(self, body: str) -> None:
        raise NotImplementedError

    def labels(self, iris: Sequence[URIRef]) -> dict[str, str]:
        raise NotImplementedError


def _from_ox(term: object) -> Term | None:
    if term is None:
        return None
    converted = to_rdflib(term)
    if not isinstance(converted, URIRef | Literal | BNode):
        raise QueryError(f"unsupported term in results: {term!r}")
    return converted


def _to_ox(term: Term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


class _Embedded(_Backend):
    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def select(self, body: str, bindings: Mapping[str, Term]) -> QueryResult:
        text = bind_values(body, bindings) if bindings else body
        try:
            answer = self.store.query(text)
        except SyntaxError as exc:
            raise _syntax_error(exc, where="query") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"the store failed to run the query: {exc}") from exc
        return _ox_result(answer)

    def update(self, body: str) -> None:
        try:
            self.store.update(body)
        except SyntaxError as exc:
            raise _syntax_error(exc, where="update") from None
        except OSError as exc:
            raise UpdateRefused(f"the store refused the update: {exc}") from exc

    def labels(self, iris: Sequence[URIRef]) -> dict[str, str]:
        out: dict[str, str] = {}
        label = ox.NamedNode(str(RDFS.label))
        for iri in iris:
            found = sorted(
                str(getattr(q.object, "value", ""))
                for q in self.store.quads_for_pattern(ox.NamedNode(str(iri)), label, None, None)
            )
            if found:
                out[str(iri)] = found[0]
        return out


def _ox_result(answer: object) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult((), (), boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(_from_ox(sol[i]) for i in range(len(names))) for sol in answer)
        return QueryResult(names, rows)
    if isinstance(answer, ox.QueryTriples):
        triples = tuple(
            (_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)) for t in answer
        )
        return QueryResult(("subject", "predicate", "object"), triples)
    raise QueryError(f"unexpected query answer {type(answer).__name__}")


class _Remote(_Backend):
    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    def select(self, body: str, bindings: Mapping[str, Term]) -> QueryResult:
        from racegraph import endpoint as _ep

        text = bind_values(body, bindings)
        log.debug("remote query:\n%s", text)
        return _ep.run_query(self.endpoint, text)

    def update(self, body: str) -> None:
        from racegraph import endpoint as _ep

        _ep.run_update(self.endpoint, body)

    def labels(self, iris: Sequence[URIRef]) -> dict[str, str]:
        if not iris:
            return {}
        values = " ".join(term_n3(i) for i in iris)
        text = (
            "SELECT ?x ?l WHERE { VALUES ?x { " + values + " } "
            "GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
        )
        out: dict[str, str] = {}
        for x, lab in sorted(self.select(text, {}).rows, key=lambda r: str(r[1])):
            if x is not None and lab is not None:
                out.setdefault(str(x), str(lab))
        return out


def _backend(store: ox.Store | None, endpoint: Endpoint | None) -> _Backend:
    if (store is None) == (endpoint is None):
        raise QueryError("give exactly one of store= or endpoint=")
    return _Embedded(store) if store is not None else _Remote(endpoint)  # type: ignore[arg-type]


# --- entity resolution ---------------------------------------------------------------------

_RESOLVE = """
SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x ?p ?name } VALUES ?p { %s } }
"""
_RESOLVE_CI = """
SELECT DISTINCT ?x WHERE {
  GRAPH ?g { ?x ?p ?l }
  VALUES ?p {
    <http://www.w3.org/2000/01/rdf-schema#label>
    <http://www.w3.org/2004/02/skos/core#altLabel>
  }
  FILTER(LCASE(STR(?l)) = LCASE(STR(?name)))
}
"""


def resolve_entity(
    name: str, *, store: ox.Store | None = None, endpoint: Endpoint | None = None
) -> URIRef:
    """The one entity whose ``rdfs:label`` or ``skos:altLabel`` is ``name``.

    Tries, in order: exact label, exact alias, case-insensitive label or alias; the first
    tier with any match decides. Several entities in that tier -> ``ParameterError`` listing
    them; none -> ``ParameterError``.
    """
    return _resolve(name, _backend(store, endpoint), what="entity")


def _resolve(name: str, backend: _Backend, *, what: str) -> URIRef:
    tiers = (
        _RESOLVE % f"<{RDFS.label}>",
        _RESOLVE % f"<{SKOS.altLabel}>",
    )
    values = [Literal(name), Literal(name, lang="en")]
    for tier in tiers:
        found: set[str] = set()
        for value in values:
            found |= {str(r[0]) for r in backend.select(tier, {"name": value}).rows if r[0]}
        if found:
            return _one(name, found, backend, what=what)
    found = {str(r[0]) for r in backend.select(_RESOLVE_CI, {"name": Literal(name)}).rows if r[0]}
    if found:
        return _one(name, found, backend, what=what)
    raise ParameterError(f"{what}: no entity is named {name!r} (label or alias); give an IRI")


def _one(name: str, found: set[str], backend: _Backend, *, what: str) -> URIRef:
    if len(found) == 1:
        return URIRef(next(iter(found)))
    iris = sorted(found)
    labels = backend.labels([URIRef(i) for i in iris])
    listed = "; ".join(f"{labels.get(i, '?')} <{i}>" for i in iris[:10])
    more = f" and {len(iris) - 10} more" if len(iris) > 10 else ""
    raise ParameterError(f"{what}: {name!r} is ambiguous: {listed}{more}; give an IRI")


def bind_params(query: SavedQuery, params: Mapping[str, str], backend: _Backend) -> dict[str, Term]:
    """Typed terms for ``params`` (strings from the user), defaults applied, entities resolved."""
    unknown = sorted(set(params) - {p.name for p in query.params})
    if unknown:
        allowed = ", ".join(p.name for p in query.params) or "none"
        raise ParameterError(
            f"{query.name}: unknown parameter {', '.join(unknown)} (parameters: {allowed})"
        )
    out: dict[str, Term] = {}
    for p in query.params:
        raw = params.get(p.name, p.default)
        if raw is None:
            if p.required:
                raise ParameterError(
                    f"{query.name}: missing required parameter {p.name} ({p.type}): "
                    f"-p {p.name}=VALUE"
                )
            continue
        term = convert_param(p, str(raw))
        if p.type == "entity" and isinstance(term, Literal):
            term = _resolve(str(term), backend, what=f"parameter {p.name}")
        out[p.name] = term
    return out


# --- running -------------------------------------------------------------------------------


def run(
    query: str | SavedQuery,
    params: Mapping[str, str] | None = None,
    *,
    store: ox.Store | None = None,
    endpoint: Endpoint | None = None,
    limit: int | None = None,
    labels: bool = False,
    directory: Path | None = None,
) -> QueryResult:
    """Run a saved query (by name or parsed) with ``params`` and return typed rows.

    Exactly one of ``store`` (an embedded pyoxigraph store, e.g. ``open_store(Path("build"))``)
    or ``endpoint`` (:class:`racegraph.endpoint.Endpoint`) is given. ``limit`` truncates the
    rows; ``labels=True`` also fetches ``rdfs:label`` of the IRIs in the rows.
    """
    saved = query if isinstance(query, SavedQuery) else load_query(query, directory=directory)
    backend = _backend(store, endpoint)
    bindings = bind_params(saved, params or {}, backend)
    result = backend.select(saved.body, bindings)
    return _finish(result, backend, limit=limit, labels=labels)


def run_sparql(
    text: str,
    *,
    store: ox.Store | None = None,
    endpoint: Endpoint | None = None,
    allow_update: bool = False,
    limit: int | None = None,
    labels: bool = False,
) -> QueryResult:
    """Run an ad-hoc query; an UPDATE is refused unless ``allow_update``."""
    backend = _backend(store, endpoint)
    if query_form(text) == "UPDATE":
        if not allow_update:
            raise UpdateRefused("this is a SPARQL UPDATE; queries are read-only (--allow-update)")
        backend.update(text)
        return QueryResult((), ())
    return _finish(backend.select(text, {}), backend, limit=limit, labels=labels)


def _finish(
    result: QueryResult, backend: _Backend, *, limit: int | None, labels: bool
) -> QueryResult:
    rows = result.rows if limit is None else result.rows[: max(limit, 0)]
    names: dict[str, str] = {}
    if labels:
        iris = sorted({t for row in rows for t in row if isinstance(t, URIRef)})
        names = backend.labels(iris)
    return QueryResult(result.variables, rows, boolean=result.boolean, labels=names)


# --- serialisation (W3C SPARQL 1.1 result formats) -----------------------------------------


def serialize(result: QueryResult, fmt: str) -> str:
    """``csv``/``tsv``/``json``/``xml`` per the W3C SPARQL 1.1 result formats; ``md`` is a
    Markdown table of display values.

    >>> r = QueryResult(("x",), ((Literal("a,b"),), (URIRef("http://e/1"),), (None,)))
    >>> serialize(r, "csv")
    'x\\r\\n"a,b"\\r\\nhttp://e/1\\r\\n\\r\\n'
    >>> serialize(r, "tsv")
    '?x\\n"a,b"\\n<http://e/1>\\n\\n'
    """
    if fmt == "json":
        return _json(result)
    if fmt == "xml":
        return _xml(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    if fmt == "md":
        return _markdown(result)
    raise QueryError(f"unknown format {fmt!r}")


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, ensure_ascii=False) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _xml_text(value: str) -> str:
    return _xml_escape(value)


def _xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.boolean is not None:
        out += ["  <head/>", f"  <boolean>{str(result.boolean).lower()}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("  <head>")
    out += [f"    <variable name={_xml_quoteattr(v)}/>" for v in result.variables]
    out += ["  </head>", "  <results>"]
    for row in result.rows:
        out.append("    <result>")
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, URIRef):
                inner = f"<uri>{_xml_text(str(term))}</uri>"
            elif isinstance(term, BNode):
                inner = f"<bnode>{_xml_text(str(term))}</bnode>"
            elif term.language:
                inner = (
                    f"<literal xml:lang={_xml_quoteattr(term.language)}>"
                    f"{_xml_text(str(term))}</literal>"
                )
            elif term.datatype is not None and term.datatype != XSD.string:
                inner = (
                    f"<literal datatype={_xml_quoteattr(str(term.datatype))}>"
                    f"{_xml_text(str(term))}</literal>"
                )
            else:
                inner = f"<literal>{_xml_text(str(term))}</literal>"
            out.append(f"      <binding name={_xml_quoteattr(var)}>{inner}</binding>")
        out.append("    </result>")
    out += ["  </results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _csv_field(term: Term | None) -> str:
    if term is None:
        return ""
    value = f"_:{term}" if isinstance(term, BNode) else str(term)
    if any(c in value for c in '",\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _csv(result: QueryResult) -> str:
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\r\n"
    lines = [",".join(result.variables)]
    lines += [",".join(_csv_field(t) for t in row) for row in result.rows]
    return "\r\n".join(lines) + "\r\n"


def _tsv_term(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    text = str(term)
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    if term.language:
        return f'"{escaped}"@{term.language}'
    if term.datatype is not None and term.datatype != XSD.string:
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def _tsv(result: QueryResult) -> str:
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def display_value(term: Term | None, labels: Mapping[str, str]) -> str:
    """What a person sees in a table: the label of an IRI, else the IRI; a literal's text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        if iri in labels:
            return labels[iri]
        for prefix, ns in _DISPLAY_PREFIXES:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri
    return str(term)


def display_rows(result: QueryResult) -> list[list[str]]:
    """Rows of display values (labels instead of IRIs where known)."""
    return [[display_value(t, result.labels) for t in row] for row in result.rows]


def _md_cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _markdown(result: QueryResult) -> str:
    if result.boolean is not None:
        return f"{str(result.boolean).lower()}\n"
    head = "| " + " | ".join(result.variables) + " |"
    rule = "|" + "|".join("---" for _ in result.variables) + "|"
    body = ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in display_rows(result)]
    return "\n".join([head, rule, *body]) + "\n"


# --- catalogue -----------------------------------------------------------------------------


def catalogue_markdown(queries: Iterable[SavedQuery]) -> str:
    """``docs/queries.md``: every saved query with its parameters, columns and an example."""
    out = [
        "# Saved queries",
        "",
        "<!-- Generated by `racegraph queries --markdown`; do not edit by hand. -->",
        "",
        "Run one with `racegraph query NAME -p KEY=VALUE`. Entity parameters take a name, an",
        "alias or an IRI. Every row stating something an article said has `article` and",
        "`published` columns.",
        "",
        "| query | parameters | summary |",
        "|---|---|---|",
    ]
    items = list(queries)
    for q in items:
        sig = ", ".join(p.signature() for p in q.params) or "—"
        out.append(f"| [`{q.name}`](#{q.name}) | {sig} | {_md_cell(q.summary)} |")
    for q in items:
        out += ["", f"## {q.name}", "", q.summary + ("" if q.summary.endswith(".") else "."), ""]
        if q.description:
            out += [q.description, ""]
        if q.params:
            out += ["| parameter | type | required | default | meaning |", "|---|---|---|---|---|"]
            for p in q.params:
                ptype = p.type if p.namespace is None else f"{p.type} (in {p.namespace})"
                out.append(
                    f"| `{p.name}` | {ptype} | {'yes' if p.required else 'no'} | "
                    f"{p.default or ''} | {_md_cell(p.help)} |"
                )
            out.append("")
        out += [f"Columns: {', '.join(f'`{c}`' for c in q.columns)}", ""]
        out += ["```sh", example_command(q), "```"]
    return "\n".join(out) + "\n"


def example_command(query: SavedQuery) -> str:
    """The shell command running ``query`` with its header's example parameters.

    >>> example_command(parse_query("#+ summary: x\\n#+ param d: string required — d\\n"
    ...     "#+ example: {d: Valentino Rossi}\\nSELECT ?d WHERE { BIND(1 AS ?x) FILTER(?d) }",
    ...     name="x"))
    "racegraph query x -p d='Valentino Rossi'"
    """
    example = " ".join(f"-p {k}={_shell_quote(v)}" for k, v in query.example.items())
    return f"racegraph query {query.name}" + (f" {example}" if example else "")


def _shell_quote(value: str) -> str:
    return (
        value
        if re.fullmatch(r"[A-Za-z0-9_.:/-]+", value)
        else "'" + value.replace("'", "'\\''") + "'"
    )
