"""Statements: citizens read, vote, submit and report them; organizations add and moderate them
(rules in statements.py)."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.consultations import deps
from numeriqc.consultations.handlers.routes.parameters import (
    PUBLIC,
    TAG,
    ConsultationIdPath,
    StatementIdPath,
    problem,
    source_ip,
)
from numeriqc.consultations.models import (
    ModerationIn,
    OrgStatementIn,
    ReportIn,
    ReportReceipt,
    Statement,
    StatementIn,
    StatementList,
    StatementReceipt,
    StatementStatus,
    VoteIn,
    VoteReceipt,
)
from numeriqc.core import events
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped
_LIMITED = {429: problem("Trop de requêtes / too many requests"), 404: problem("Introuvable / not found")}


@router.get(
    "/v1/public/consultations/<consultation_id>/statements",
    tags=[PUBLIC],
    summary="Énoncés approuvés / approved statements",
)
def published_statements(consultation_id: ConsultationIdPath) -> StatementList:
    return StatementList(items=deps.statements().published(consultation_id))


@router.post(
    "/v1/public/consultations/<consultation_id>/statements",
    tags=[PUBLIC],
    summary="Proposer un énoncé (modéré avant publication) / submit a statement (moderated first)",
    responses={201: {"description": "En attente de modération / awaiting moderation"}, **_LIMITED},
)
def submit_statement(
    consultation_id: ConsultationIdPath, request: StatementIn, idempotency_key: IdempotencyKey = None
) -> Response[StatementReceipt]:
    def submit() -> dict[str, Any]:
        done = deps.statements().submit(consultation_id, request, source_ip(router), events.current())
        receipt = StatementReceipt(
            statement_id=done.statement.statement_id, status=done.statement.status, removed=done.removed
        )
        return receipt.model_dump(mode="json")

    receipt = idempotent_write(
        router,
        org_id=f"public:{consultation_id}",
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=submit,
    )
    logger.info(
        "statement submitted",
        extra={"consultation_id": consultation_id, "statement_id": receipt["statement_id"]},
    )
    return json_response(receipt, status=201)


@router.put(
    "/v1/public/consultations/<consultation_id>/statements/<statement_id>/vote",
    tags=[PUBLIC],
    summary="Voter : d'accord, pas d'accord, passer / vote: agree, disagree, pass",
    responses=_LIMITED,
)
def vote(consultation_id: ConsultationIdPath, statement_id: StatementIdPath, request: VoteIn) -> VoteReceipt:
    return deps.statements().vote(consultation_id, statement_id, request, source_ip(router))


@router.post(
    "/v1/public/consultations/<consultation_id>/statements/<statement_id>/reports",
    tags=[PUBLIC],
    summary="Signaler un énoncé / report a statement",
    responses={409: problem("Déjà signalé / already reported"), **_LIMITED},
)
def report(
    consultation_id: ConsultationIdPath, statement_id: StatementIdPath, request: ReportIn
) -> ReportReceipt:
    hidden = deps.statements().report(consultation_id, statement_id, request.participant)
    logger.info(
        "statement reported", extra={"consultation_id": consultation_id, "statement_id": statement_id}
    )
    return ReportReceipt(statement_id=statement_id, hidden=hidden)


@router.get(
    "/v1/consultations/<consultation_id>/statements",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Énoncés, dont la file de modération / statements, including the moderation queue",
)
def all_statements(
    consultation_id: ConsultationIdPath,
    status: Annotated[
        StatementStatus | None, Query(description="pending, approved, rejected, hidden")
    ] = None,
) -> StatementList:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)
    return StatementList(items=deps.statements().all(consultation, status))


@router.post(
    "/v1/consultations/<consultation_id>/statements",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Ajouter un énoncé (approuvé) / add a statement (approved)",
    responses={201: {"description": "Ajouté / added"}},
)
def add_statement(
    consultation_id: ConsultationIdPath, request: OrgStatementIn, idempotency_key: IdempotencyKey = None
) -> Response[Statement]:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)

    def add() -> dict[str, Any]:
        return deps.statements().add(consultation, request).model_dump(mode="json")

    added = idempotent_write(
        router,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=add,
    )
    return json_response(added, status=201)


@router.patch(
    "/v1/consultations/<consultation_id>/statements/<statement_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Modérer : approuver, rejeter, masquer / moderate: approve, reject, hide",
)
def moderate(
    consultation_id: ConsultationIdPath, statement_id: StatementIdPath, request: ModerationIn
) -> Statement:
    caller = current_caller(router, Scope.CONSULTATIONS_MANAGE)
    consultation = deps.authoring().owned(caller.org_id, consultation_id)
    return deps.statements().moderate(consultation, statement_id, request)
