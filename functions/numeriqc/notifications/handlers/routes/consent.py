"""Consent and citizens' routes: record, look up, withdraw, unsubscribe (page and one-click), erasure."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse

from numeriqc.core import clock
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.i18n import Language, negotiate
from numeriqc.notifications import deps, unsubscribe_page
from numeriqc.notifications.handlers.routes.resolver import CONSENT, CREATED, app, once
from numeriqc.notifications.models import (
    Consent,
    ConsentImport,
    ConsentImportIn,
    ConsentIn,
    ConsentLookup,
    ErasureIn,
    ErasureOut,
)

ImportId = Annotated[str, Path(description="Identifiant de l'importation / import id", max_length=40)]


@app.post(
    "/v1/consents", tags=[CONSENT], security=KEY_REQUIRED, summary="Enregistrer / record", responses=CREATED
)
def record_consent(request: ConsentIn) -> Response[Consent]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    recorded = deps.citizens().record_consent(caller.org_id, request, clock.now())
    return json_response(recorded.model_dump(mode="json"), 201)


@app.post("/v1/consents/lookup", tags=[CONSENT], security=KEY_REQUIRED, summary="Consulter / look up")
def lookup_consent(request: ConsentLookup) -> Consent:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.citizens().lookup_consent(caller.org_id, request)


@app.post("/v1/consents/withdraw", tags=[CONSENT], security=KEY_REQUIRED, summary="Retirer / withdraw")
def withdraw_consent(request: ConsentLookup) -> Consent:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.citizens().withdraw_consent(caller.org_id, request, clock.now())


def _language() -> Language:
    return negotiate(app.current_event.headers.get("accept-language"))


@app.post(
    "/v1/consents/imports",
    tags=[CONSENT],
    security=KEY_REQUIRED,
    summary="Importer des consentements existants : lignes JSON ou CSV téléversé / "
    "import existing consents: JSON rows or uploaded CSV",
    responses=CREATED,
)
def import_consents(
    request: ConsentImportIn, idempotency_key: IdempotencyKey = None
) -> Response[ConsentImport]:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    created = once(
        caller,
        idempotency_key,
        request,
        lambda: deps.consent_importer().submit(caller, request, clock.now(), _language()),
    )
    return json_response(created, 201, {"Location": f"/v1/consents/imports/{created['import_id']}"})


@app.get(
    "/v1/consents/imports/<import_id>",
    tags=[CONSENT],
    security=KEY_REQUIRED,
    summary="Une importation de consentements / one consent import",
)
def get_consent_import(import_id: ImportId) -> ConsentImport:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.consent_importer().read(caller, import_id, _language())


@app.post(
    "/v1/consents/imports/<import_id>/start",
    tags=[CONSENT],
    security=KEY_REQUIRED,
    summary="Importer le CSV téléversé / import the uploaded CSV",
)
def start_consent_import(import_id: ImportId) -> ConsentImport:
    caller = current_caller(app, Scope.NOTIFICATIONS_SEND)
    return deps.consent_importer().start(caller, import_id, clock.now(), _language())


Lang = Annotated[
    Language | None,
    Query(
        description="Langue de la page (sinon Accept-Language) / the page's language (else Accept-Language)"
    ),
]
_HTML_PAGE: dict[int, OpenAPIResponse] = {
    200: {"description": "Page HTML / HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}
}


def _page_language(lang: Language | None) -> Language:
    return lang or negotiate(app.current_event.headers.get("accept-language"))


def _html(page: str) -> Response[str]:
    headers = {
        "Content-Security-Policy": unsubscribe_page.CONTENT_SECURITY_POLICY,
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",  # the token is in the URL: never hand it to another site
    }
    return Response(status_code=200, content_type="text/html; charset=utf-8", body=page, headers=headers)


@app.get(
    "/v1/unsubscribe/<token>",
    tags=[CONSENT],
    summary="Page de confirmation du désabonnement / unsubscribe confirmation page",
    description="Ouvrir le lien ne désabonne pas : la page propose le bouton qui envoie le POST. / "
    "Opening the link does not unsubscribe: the page offers the button that sends the POST.",
    responses=_HTML_PAGE,
)
def unsubscribe_page_view(token: Annotated[str, Path(max_length=400)], lang: Lang = None) -> Response[str]:
    # Public, and read-only: link scanners and prefetchers follow GETs (RFC 8058 section 3.2).
    deps.citizens().check_unsubscribe_token(token)
    return _html(unsubscribe_page.confirmation(_page_language(lang), token))


@app.post(
    "/v1/unsubscribe/<token>",
    tags=[CONSENT],
    summary="Désabonnement en un clic (RFC 8058) / one-click unsubscribe",
    responses=_HTML_PAGE,
)
def one_click_unsubscribe(token: Annotated[str, Path(max_length=400)], lang: Lang = None) -> Response[Any]:
    # Public: mail clients POST `List-Unsubscribe=One-Click` here; the signed token is the authority.
    deps.citizens().unsubscribe(token, clock.now())
    if unsubscribe_page.wants_html(app.current_event.headers.get("accept")):
        return _html(unsubscribe_page.done(_page_language(lang)))  # the confirmation page's button
    return json_response({"unsubscribed": True}, 200)


@app.post(
    "/v1/citizens/erasure",
    tags=[CONSENT],
    security=KEY_REQUIRED,
    summary="Effacer ce que la plateforme détient sur un citoyen / erase a citizen's data",
)
def erase(request: ErasureIn) -> ErasureOut:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return deps.citizens().erase(caller.org_id, request)
