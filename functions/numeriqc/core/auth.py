"""Who is calling: the organization context that the API key authorizer resolved, and scope checks.

The authorizer never denies (see docs/decisions/0001): it tells the function whether the key was
valid, so that the 401/403 answers are problem+json in the caller's language.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from numeriqc.core.i18n import Message
from numeriqc.core.problems import Forbidden, Unauthenticated


class Scope(StrEnum):
    """What an API key may do. Kept in one place: the CLI, the authorizer and the docs read it."""

    NOTIFICATIONS_SEND = "notifications:send"
    NOTIFICATIONS_MANAGE = "notifications:manage"
    FEEDBACK_READ = "feedback:read"
    FEEDBACK_MANAGE = "feedback:manage"
    CONSULTATIONS_MANAGE = "consultations:manage"
    EXCHANGE_PUBLISH = "exchange:publish"
    EXCHANGE_CONSUME = "exchange:consume"
    BAROMETER_REPORT = "barometer:report"
    EVENTS_SUBSCRIBE = "events:subscribe"


class KeyKind(StrEnum):
    """GOV.UK Notify's key kinds: a test key never reaches a real recipient."""

    TEST = "test"
    LIVE = "live"


@dataclass(frozen=True)
class Caller:
    org_id: str
    key_id: str
    kind: KeyKind
    scopes: frozenset[str]

    def require(self, scope: Scope) -> "Caller":
        if scope not in self.scopes:
            raise Forbidden(_MISSING_SCOPE, scope=scope.value)
        return self


KEY_REASONS = {
    "missing": Message(
        "Fournissez votre clé d'API dans l'en-tête Authorization: Bearer <clé>.",
        "Send your API key in the Authorization: Bearer <key> header.",
    ),
    "invalid": Message("Cette clé d'API n'est pas reconnue.", "This API key is not recognised."),
    "revoked": Message("Cette clé d'API a été révoquée.", "This API key has been revoked."),
    "expired": Message("Cette clé d'API est expirée.", "This API key has expired."),
}
_MISSING_SCOPE = Message(
    "La clé d'API n'a pas la portée « {scope} ».", "The API key does not have the '{scope}' scope."
)
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="numeriqc"'}


def caller_from_context(context: dict[str, Any] | None) -> Caller:
    """The caller described by the authorizer's context, or a 401 problem saying why there is none."""
    context = context or {}
    if str(context.get("authenticated")).lower() != "true":
        reason = str(context.get("reason") or "missing")
        raise Unauthenticated(KEY_REASONS.get(reason, KEY_REASONS["invalid"]), headers=_CHALLENGE)
    return Caller(
        org_id=str(context["org_id"]),
        key_id=str(context["key_id"]),
        kind=KeyKind(str(context["kind"])),
        scopes=frozenset(str(context.get("scopes", "")).split()),
    )


def authorizer_context(app: Any) -> dict[str, Any]:
    """The Lambda authorizer's context of the current HTTP API request."""
    authorizer = app.current_event.request_context.authorizer
    return dict(authorizer.get_lambda or {}) if authorizer else {}


def current_caller(app: Any, scope: Scope) -> Caller:
    """The calling organization, checked to hold `scope`: what every protected route starts with."""
    return caller_from_context(authorizer_context(app)).require(scope)
