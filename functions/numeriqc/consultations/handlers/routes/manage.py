"""The organizations' consultations: write, schedule, close, publish results, archive, read results
and analysis, upload invitation codes (rules in authoring.py, results.py, analysis.py, invitations.py)."""

from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.consultations import deps
from numeriqc.consultations.handlers.routes.parameters import TAG, ConsultationIdPath, ExportIdPath, problem
from numeriqc.consultations.models import (
    Analysis,
    Consultation,
    ConsultationIn,
    ConsultationList,
    Export,
    ExportIn,
    InvitationsAdded,
    InvitationsIn,
    Results,
    ScheduleIn,
    SmsPollSendIn,
    SmsPollSent,
)
from numeriqc.core import events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped
_CONFLICT = {409: problem("État ou version incompatible / incompatible state or version")}


@router.post(
    "/v1/consultations",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Créer une consultation (brouillon) / create a consultation (draft)",
    responses={201: {"description": "Brouillon créé / draft created"}},
)
def create_consultation(
    request: ConsultationIn, idempotency_key: IdempotencyKey = None
) -> Response[Consultation]:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)

    def create() -> dict[str, Any]:
        return deps.authoring().create(caller.org_id, request).model_dump(mode="json")

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    logger.info("consultation created", extra={"consultation_id": created["consultation_id"]})
    location = f"/v1/consultations/{created['consultation_id']}"
    return json_response(created, status=201, headers={"Location": location})


@router.get("/v1/consultations", tags=[TAG], security=KEY_REQUIRED, summary="Mes consultations / mine")
def list_consultations() -> ConsultationList:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return ConsultationList(items=deps.authoring().list(caller.org_id))


@router.get(
    "/v1/consultations/<consultation_id>", tags=[TAG], security=KEY_REQUIRED, summary="Une consultation / one"
)
def get_consultation(consultation_id: ConsultationIdPath) -> Consultation:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return deps.authoring().get(caller.org_id, consultation_id)


@router.put(
    "/v1/consultations/<consultation_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Modifier (ouverte : textes seulement) / edit (once open: texts only)",
    responses=_CONFLICT,
)
def edit_consultation(consultation_id: ConsultationIdPath, request: ConsultationIn) -> Consultation:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return deps.authoring().edit(caller.org_id, consultation_id, request)


@router.post(
    "/v1/consultations/<consultation_id>/schedule",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Planifier l'ouverture et la fermeture / schedule opening and closing",
    responses=_CONFLICT,
)
def schedule_consultation(consultation_id: ConsultationIdPath, request: ScheduleIn) -> Consultation:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return deps.authoring().schedule(caller.org_id, consultation_id, request)


@router.post(
    "/v1/consultations/<consultation_id>/close",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Fermer maintenant / close now",
    responses=_CONFLICT,
)
def close_consultation(consultation_id: ConsultationIdPath) -> Consultation:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return deps.authoring().close_now(caller.org_id, consultation_id)


@router.post(
    "/v1/consultations/<consultation_id>/publish",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Publier les résultats / publish the results",
    responses=_CONFLICT,
)
def publish_results(consultation_id: ConsultationIdPath) -> Consultation:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return deps.authoring().publish_results(caller.org_id, consultation_id, events.current())


@router.post(
    "/v1/consultations/<consultation_id>/archive",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Archiver / archive",
    responses=_CONFLICT,
)
def archive_consultation(consultation_id: ConsultationIdPath) -> Consultation:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    return deps.authoring().archive(caller.org_id, consultation_id)


@router.get(
    "/v1/consultations/<consultation_id>/results",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Résultats (en direct si choisi, sinon après la fermeture) / results",
)
def organization_results(consultation_id: ConsultationIdPath) -> Results:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)
    return deps.results().read(consultation, organization=True)


@router.get(
    "/v1/consultations/<consultation_id>/analysis",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Groupes d'opinion (dernier instantané) / opinion groups (latest snapshot)",
)
def get_analysis(consultation_id: ConsultationIdPath) -> Analysis:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    deps.authoring().owned(caller.org_id, consultation_id)
    return deps.analyses().latest(consultation_id)


@router.post(
    "/v1/consultations/<consultation_id>/invitations",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Téléverser des codes d'invitation (CSV) / upload invitation codes (CSV)",
)
def upload_invitations(consultation_id: ConsultationIdPath, request: InvitationsIn) -> InvitationsAdded:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)
    added = deps.invitations().upload(consultation, request.csv)
    logger.info("invitation codes added", extra={"consultation_id": consultation_id, "count": added})
    return InvitationsAdded(added=added)


@router.post(
    "/v1/consultations/<consultation_id>/sms-poll",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Envoyer un sondage par texto aux numéros consentants / send an SMS poll to consenting numbers",
    responses={202: {"description": "Textos en file / texts queued"}},
)
def send_sms_poll(
    consultation_id: ConsultationIdPath, request: SmsPollSendIn, idempotency_key: IdempotencyKey = None
) -> Response[SmsPollSent]:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)

    def send() -> dict[str, Any]:
        sent = deps.sms_polls().send(consultation, request, key_kind=caller.kind.value)
        return sent.model_dump(mode="json")

    sent = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=send,
    )
    logger.info(
        "SMS poll queued",
        extra={"consultation_id": consultation_id, "send_id": sent["send_id"], "count": sent["queued"]},
    )
    return json_response(sent, status=202)


@router.post(
    "/v1/consultations/<consultation_id>/exports",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Exporter en données ouvertes (CSV, JSON) / export as open data (CSV, JSON)",
    responses={202: {"description": "Exportation en file / export queued"}},
)
def create_export(
    consultation_id: ConsultationIdPath, request: ExportIn, idempotency_key: IdempotencyKey = None
) -> Response[Export]:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)

    def create() -> dict[str, Any]:
        return deps.export_jobs().create(consultation, request, deps.export_queue()).model_dump(mode="json")

    created = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    location = f"/v1/consultations/{consultation_id}/exports/{created['export_id']}"
    return json_response(created, status=202, headers={"Location": location})


@router.get(
    "/v1/consultations/<consultation_id>/exports/<export_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="État d'une exportation et lien de téléchargement / export status and download link",
)
def get_export(consultation_id: ConsultationIdPath, export_id: ExportIdPath) -> Export:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    deps.authoring().owned(caller.org_id, consultation_id)
    export = deps.export_jobs().get(consultation_id, export_id, deps.files())
    if export.download_url:  # who was handed a download link, and when (the bucket keeps no access log)
        logger.info("export link issued", extra={"export_id": export_id, "key_id": caller.key_id})
    return export
