"""Consent and citizens' routes: record, look up, withdraw, one-click unsubscribe, erasure."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path

from numeriqc.core import clock
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, json_response
from numeriqc.notifications import deps
from numeriqc.notifications.handlers.routes.resolver import CONSENT, CREATED, app
from numeriqc.notifications.models import Consent, ConsentIn, ConsentLookup, ErasureIn, ErasureOut


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


@app.post(
    "/v1/unsubscribe/<token>",
    tags=[CONSENT],
    summary="Désabonnement en un clic (RFC 8058) / one-click unsubscribe",
)
def one_click_unsubscribe(token: Annotated[str, Path(max_length=400)]) -> Response[Any]:
    # Public: mail clients POST `List-Unsubscribe=One-Click` here; the signed token is the authority.
    deps.citizens().unsubscribe(token, clock.now())
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
