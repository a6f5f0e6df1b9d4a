"""The citizens' routes (public, no key): read a consultation in their language, answer, results
(rules in participation.py and results.py)."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.router import APIGatewayHttpRouter

from numeriqc.consultations import deps
from numeriqc.consultations.handlers.routes.parameters import PUBLIC, ConsultationIdPath, problem, source_ip
from numeriqc.consultations.models import (
    AnswersIn,
    ParticipationReceipt,
    PublicConsultation,
    Results,
    VerificationIn,
    VerificationSent,
)
from numeriqc.consultations.public_view import rendered, visible
from numeriqc.core import clock
from numeriqc.core.http import json_response
from numeriqc.core.i18n import negotiate
from numeriqc.core.observability import logger

router = APIGatewayHttpRouter()  # type: ignore[no-untyped-call]  # Powertools leaves __init__ untyped


@router.get(
    "/v1/public/consultations/<consultation_id>",
    tags=[PUBLIC],
    summary="Lire une consultation dans sa langue / read a consultation in one's language",
    description="Public, sans clé; la langue suit Accept-Language. / Public, no key; Accept-Language.",
    responses={404: problem("Introuvable / not found")},
)
def read_consultation(consultation_id: ConsultationIdPath) -> PublicConsultation:
    return rendered(visible(deps.store(), consultation_id), _language(), clock.now())


def _language() -> str:
    return negotiate(router.current_event.headers.get("accept-language"))


@router.put(
    "/v1/public/consultations/<consultation_id>/answers",
    tags=[PUBLIC],
    summary="Répondre, ou changer ses réponses / answer, or change one's answers",
    description=(
        "Public, sans clé. `participant` est un secret que la page garde : renvoyer les mêmes "
        "réponses ne compte qu'une fois, en envoyer d'autres les remplace (la dernière compte). "
        "/ Public, no key. `participant` is a secret the page keeps: sending the same answers "
        "counts once, sending others replaces them (the last one counts)."
    ),
    responses={429: problem("Trop de requêtes / too many requests"), 404: problem("Introuvable / not found")},
)
def answer(consultation_id: ConsultationIdPath, request: AnswersIn) -> ParticipationReceipt:
    receipt = deps.participation().answer(consultation_id, request, source_ip(router))
    # Ids and counts only: never an answer, a region or the client's address.
    logger.info(
        "participation",
        extra={"consultation_id": consultation_id, "changed": receipt.changed, "removed": receipt.removed},
    )
    return receipt


@router.post(
    "/v1/public/consultations/<consultation_id>/verifications",
    tags=[PUBLIC],
    summary="Recevoir un code par texto / get a code by SMS",
    description=(
        "Public, sans clé. Pour une consultation `eligibility: sms` : un code à 6 chiffres, valide "
        "10 minutes, envoyé par le service de notifications; 5 essais, 3 codes au plus. "
        "/ Public, no key. For an `eligibility: sms` consultation: a 6-digit code, valid 10 "
        "minutes, sent by the notification service; 5 tries, at most 3 codes."
    ),
    responses={
        202: {"description": "Code envoyé / code sent"},
        429: problem("Trop de requêtes / too many requests"),
        404: problem("Introuvable / not found"),
    },
)
def send_code(consultation_id: ConsultationIdPath, request: VerificationIn) -> Response[VerificationSent]:
    sent = deps.sms_verification().send(visible(deps.store(), consultation_id), request, source_ip(router))
    logger.info("verification code requested", extra={"consultation_id": consultation_id})  # never the number
    return json_response(sent, status=202)


@router.get(
    "/v1/public/consultations/<consultation_id>/results",
    tags=[PUBLIC],
    summary="Résultats publiés (ou en direct si choisi) / published results (or live if chosen)",
    responses={403: problem("Pas encore publiés / not published yet")},
)
def public_results(consultation_id: ConsultationIdPath) -> Results:
    return deps.results().read(visible(deps.store(), consultation_id), organization=False)
