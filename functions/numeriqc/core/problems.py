"""RFC 9457 problem details: every failure a client sees, in French or English.

Domain code raises a `Problem` subclass; the HTTP layer (core.http) renders it. The catalogue of
titles lives here so both languages stay side by side and a missing translation is a type error.
"""

from typing import Any

from numeriqc.core.i18n import Language, Message

PROBLEM_BASE = "https://numeriqc.quebec/problemes/"
CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    """A failure the client can act on. `slug` names the problem type; `detail` explains this case."""

    status = 400
    slug = "bad-request"
    title = Message("Requête invalide", "Bad request")

    def __init__(
        self,
        detail: Message | None = None,
        *,
        errors: list["FieldError"] | None = None,
        headers: dict[str, str] | None = None,
        **params: object,
    ) -> None:
        super().__init__(self.slug)
        self.detail = detail
        self.params = params
        self.errors = errors or []
        self.headers = headers or {}

    def body(self, language: Language, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": PROBLEM_BASE + self.slug,
            "title": self.title.render(language),
            "status": self.status,
        }
        if self.detail is not None:
            body["detail"] = self.detail.render(language, **self.params)
        if instance:
            body["instance"] = instance
        if self.errors:
            body["errors"] = [error.render(language) for error in self.errors]
        return body


class FieldError:
    """One faulty field: where it is (`body.name_fr`, `query.limit`, `header.idempotency-key`) and why."""

    def __init__(self, field: str, code: str, message: Message, **params: object) -> None:
        self.field = field
        self.code = code
        self.message = message
        self.params = params

    def render(self, language: Language) -> dict[str, str]:
        return {
            "field": self.field,
            "code": self.code,
            "detail": self.message.render(language, **self.params),
        }


class MalformedRequest(Problem):
    status = 400
    slug = "requete-malformee"
    title = Message("Requête malformée", "Malformed request")


class ValidationFailed(Problem):
    status = 422
    slug = "validation"
    title = Message("Données invalides", "Invalid data")


class Unauthenticated(Problem):
    status = 401
    slug = "non-authentifie"
    title = Message("Authentification requise", "Authentication required")


class Forbidden(Problem):
    status = 403
    slug = "acces-refuse"
    title = Message("Accès refusé", "Access denied")


class NotFound(Problem):
    status = 404
    slug = "introuvable"
    title = Message("Ressource introuvable", "Resource not found")


class MethodNotAllowed(Problem):
    status = 405
    slug = "methode-non-permise"
    title = Message("Méthode non permise", "Method not allowed")


class Conflict(Problem):
    status = 409
    slug = "conflit"
    title = Message("Conflit", "Conflict")


class PayloadTooLarge(Problem):
    status = 413
    slug = "trop-volumineux"
    title = Message("Contenu trop volumineux", "Content too large")


class UnsupportedMediaType(Problem):
    status = 415
    slug = "type-de-contenu-non-pris-en-charge"
    title = Message("Type de contenu non pris en charge", "Unsupported media type")


class TooManyRequests(Problem):
    status = 429
    slug = "trop-de-requetes"
    title = Message("Trop de requêtes", "Too many requests")


class InternalError(Problem):
    status = 500
    slug = "erreur-interne"
    title = Message("Erreur interne", "Internal error")


class Unavailable(Problem):
    status = 503
    slug = "indisponible"
    title = Message("Service indisponible", "Service unavailable")
