"""A remote SPARQL 1.1 endpoint, through SPARQLWrapper.

Credentials come from ``RACEGRAPH_USER`` / ``RACEGRAPH_PASSWORD`` or, failing that, from
``~/.netrc`` (the entry for the endpoint's host); they are never logged or printed.
``RACEGRAPH_AUTH=digest`` switches from HTTP basic to digest authentication.

Errors map to :class:`~racegraph.errors.EndpointError` (unreachable, server error),
:class:`~racegraph.errors.EndpointTimeout` and :class:`~racegraph.errors.EndpointAuthError`
(HTTP 401/403); a 400 answer is a :class:`~racegraph.errors.QuerySyntaxError`.
"""

from __future__ import annotations

import logging
import netrc
import os
import socket
import urllib.error
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rdflib import BNode, Graph, Literal, URIRef

from racegraph.errors import (
    EndpointAuthError,
    EndpointError,
    EndpointTimeout,
    QuerySyntaxError,
)

if TYPE_CHECKING:
    from racegraph.queries import QueryResult, Term

__all__ = ["Endpoint", "credentials_for", "run_query", "run_update"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where to send queries (``url``) and updates (``update_url``, default ``url``)."""

    url: str
    update_url: str | None = None
    timeout: float = 30.0

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EndpointError(f"not an http(s) endpoint URL: {self.url!r}")
        if self.timeout <= 0:
            raise EndpointError("the timeout must be positive")


def credentials_for(url: str, *, netrc_file: Path | None = None) -> tuple[str, str] | None:
    """``(user, password)`` for ``url``: from RACEGRAPH_USER/RACEGRAPH_PASSWORD, else the
    ``~/.netrc`` entry of its host, else ``None``.

    >>> import os; os.environ.pop("RACEGRAPH_USER", None) and None
    >>> credentials_for("http://127.0.0.1:1/sparql", netrc_file=Path("/nonexistent")) is None
    True
    """
    user = os.environ.get("RACEGRAPH_USER")
    password = os.environ.get("RACEGRAPH_PASSWORD")
    if user:
        return user, password or ""
    host = urlsplit(url).hostname
    path = netrc_file or Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    if host is None or not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as exc:
        log.warning("cannot read %s: %s", path, type(exc).__name__)
        return None
    if entry is None:
        return None
    login, _account, secret = entry
    return (login or "", secret or "") if login else None


def _wrapper(url: str, timeout: float) -> Any:
    from SPARQLWrapper import BASIC, DIGEST, POST, SPARQLWrapper

    sw = SPARQLWrapper(url)
    sw.setMethod(POST)
    sw.setTimeout(max(1, round(timeout)))
    creds = credentials_for(url)
    if creds is not None:
        digest = os.environ.get("RACEGRAPH_AUTH", "basic").lower() == "digest"
        sw.setHTTPAuth(DIGEST if digest else BASIC)
        sw.setCredentials(*creds)
    return sw


def _call(sw: Any, endpoint: Endpoint, url: str) -> Any:
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
        URITooLong,
    )

    where = _safe_url(url)
    try:
        return sw.query()
    except Unauthorized:
        raise EndpointAuthError(
            f"{where}: HTTP 401 unauthorized (set RACEGRAPH_USER/RACEGRAPH_PASSWORD or ~/.netrc)"
        ) from None
    except QueryBadFormed as exc:
        raise QuerySyntaxError(f"{where}: the endpoint rejected the query: {_short(exc)}") from None
    except EndPointNotFound:
        raise EndpointError(f"{where}: HTTP 404, no SPARQL endpoint at this URL") from None
    except URITooLong:
        raise EndpointError(f"{where}: HTTP 414, request too long") from None
    except EndPointInternalError as exc:
        raise EndpointError(f"{where}: HTTP 500 from the endpoint: {_short(exc)}") from None
    except urllib.error.HTTPError as exc:
        if exc.code == 403:
            raise EndpointAuthError(f"{where}: HTTP 403 forbidden") from None
        if exc.code in (408, 504):
            raise EndpointTimeout(f"{where}: HTTP {exc.code}, the endpoint timed out") from None
        raise EndpointError(f"{where}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise EndpointTimeout(
                f"{where}: no answer within {endpoint.timeout:g}s (--timeout)"
            ) from None
        raise EndpointError(f"{where}: unreachable ({exc.reason})") from None
    except TimeoutError:
        raise EndpointTimeout(
            f"{where}: no answer within {endpoint.timeout:g}s (--timeout)"
        ) from None
    except (ConnectionError, OSError) as exc:
        raise EndpointError(f"{where}: unreachable ({exc})") from None


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300]


def _safe_url(url: str) -> str:
    """The URL without any user:password part."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return parts._replace(netloc=netloc).geturl()


def _term(binding: dict[str, str]) -> Term:
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype), normalize=False)
    return Literal(value)


def run_query(endpoint: Endpoint, text: str) -> QueryResult:
    """Send a SELECT/ASK/CONSTRUCT/DESCRIBE query; rows as typed terms."""
    from SPARQLWrapper import JSON, TURTLE

    from racegraph.queries import QueryResult, query_form

    form = query_form(text)
    sw = _wrapper(endpoint.url, endpoint.timeout)
    sw.setQuery(text)
    if form in ("CONSTRUCT", "DESCRIBE"):
        sw.setReturnFormat(TURTLE)
        response = _call(sw, endpoint, endpoint.url)
        graph = Graph()
        try:
            graph.parse(data=_read(response, endpoint), format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            raise EndpointError(f"{_safe_url(endpoint.url)}: unreadable answer: {exc}") from None
        triples: list[tuple[Term | None, ...]] = []
        for s, p, o in graph:
            if isinstance(s, URIRef | BNode) and isinstance(o, URIRef | BNode | Literal):
                triples.append((s, URIRef(str(p)), o))
        triples.sort(key=lambda t: tuple(str(x) for x in t))
        return QueryResult(("subject", "predicate", "object"), tuple(triples))
    sw.setReturnFormat(JSON)
    response = _call(sw, endpoint, endpoint.url)
    import json

    try:
        doc = json.loads(_read(response, endpoint))
    except ValueError as exc:
        raise EndpointError(
            f"{_safe_url(endpoint.url)}: answer is not SPARQL JSON: {exc}"
        ) from None
    if "boolean" in doc:
        return QueryResult((), (), boolean=bool(doc["boolean"]))
    variables = tuple(doc.get("head", {}).get("vars", []))
    rows = tuple(
        tuple(_term(b[v]) if v in b else None for v in variables)
        for b in doc.get("results", {}).get("bindings", [])
    )
    return QueryResult(variables, rows)


def _read(response: Any, endpoint: Endpoint) -> str:
    try:
        data: bytes = response.response.read()
    except TimeoutError:
        raise EndpointTimeout(
            f"{_safe_url(endpoint.url)}: no answer within {endpoint.timeout:g}s (--timeout)"
        ) from None
    return data.decode("utf-8")


def run_update(endpoint: Endpoint, text: str) -> None:
    """Send a SPARQL UPDATE to ``endpoint.update_url`` (default: ``endpoint.url``)."""
    url = endpoint.update_url or endpoint.url
    sw = _wrapper(url, endpoint.timeout)
    sw.setQuery(text)
    response = _call(sw, endpoint, url)
    _read(response, endpoint)
