"""One exception hierarchy; only ``racegraph.cli`` turns these into messages and exit codes."""

from __future__ import annotations


class RacegraphError(Exception):
    """Base of every error racegraph raises on purpose. ``exit_code`` is what the CLI returns."""

    exit_code: int = 1


class UsageError(RacegraphError):
    """Bad command-line usage or parameters."""

    exit_code = 2


class InputError(RacegraphError):
    """An input file is unreadable or not what racegraph expects (names file and line)."""

    exit_code = 2


class ShapeViolation(RacegraphError):
    """Data does not conform to the SHACL shapes."""

    exit_code = 1


class QueryError(RacegraphError):
    """A saved or ad-hoc query cannot be run as asked."""

    exit_code = 3


class UnknownQuery(QueryError):
    exit_code = 4


class ParameterError(QueryError):
    exit_code = 5


class QuerySyntaxError(QueryError):
    exit_code = 6


class UpdateRefused(QueryError):
    exit_code = 7


class StoreError(RacegraphError):
    """The embedded store is missing or broken (e.g. no graph built yet)."""

    exit_code = 8


class EndpointError(RacegraphError):
    """A remote SPARQL endpoint is unreachable, slow, or refused the request."""

    exit_code = 10


class EndpointTimeout(EndpointError):
    exit_code = 11


class EndpointAuthError(EndpointError):
    exit_code = 12
