"""Inbound SMS (SNS two-way SMS -> SQS): STOP / ARRÊT / ARRET / FIN, AIDE / HELP / INFO, START / ABONNER.

STOP is platform-wide for the number (see consent.py) and honoured by the senders at once; START
also asks SNS to take the number off its own opt-out list. Each inbound message is handled once
(a conditional marker on its id), so a redelivered STOP does not send a second confirmation.
"""

import json
from datetime import timedelta
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.notifications import addresses, consent, keywords, timing
from numeriqc.notifications.consumers import consume
from numeriqc.notifications.context import Context, context
from numeriqc.notifications.models import Channel
from numeriqc.notifications.store import Conflict

REPLIES = {
    keywords.Keyword.STOP: keywords.STOP_REPLY,
    keywords.Keyword.HELP: keywords.HELP_REPLY,
    keywords.Keyword.START: keywords.START_REPLY,
}


def message_of(body: str) -> dict[str, Any]:
    """The two-way SMS payload, whether SNS delivered it raw or in its envelope."""
    payload: dict[str, Any] = json.loads(body)
    if payload.get("Type") == "Notification" and "Message" in payload:
        payload = json.loads(payload["Message"])
    return payload


def handle_reply(ctx: Context, payload: dict[str, Any]) -> keywords.Keyword:
    now = timing.now()
    number = addresses.normalise_phone(str(payload["originationNumber"]))
    if isinstance(number, addresses.Invalid):
        logger.warning("inbound SMS from an unparseable number")
        return keywords.Keyword.OTHER
    word = keywords.keyword(str(payload.get("messageBody", "")))
    if word is keywords.Keyword.OTHER:
        logger.info("inbound SMS without keyword")
        return word
    message_id = str(payload.get("inboundMessageId") or "")
    if message_id:
        try:
            ctx.store.put(
                {
                    "pk": f"INBOUND#{message_id}",
                    "sk": "INBOUND",
                    "expires_at": int((now + timedelta(days=7)).timestamp()),
                },
                new=True,
            )
        except Conflict:
            return word  # already handled
    rh = ctx.recipient_hash(addresses.hash_key(Channel.SMS, number))
    if word is keywords.Keyword.STOP:
        consent.opt_out(ctx.store, Channel.SMS, rh, now)
    elif word is keywords.Keyword.START:
        consent.opt_in(ctx.store, Channel.SMS, rh)
        try:
            ctx.sms._client.opt_in_phone_number(phoneNumber=number)
        except Exception as error:  # SNS allows one opt-in per 30 days; our own list is what counts
            logger.info("SNS opt-in refused", extra={"error_type": type(error).__name__})
    try:
        ctx.sms.reply(number, REPLIES[word])
    except Exception as error:  # a confirmation that cannot go out must not undo the opt-out
        logger.warning("reply not sent", extra={"error_type": type(error).__name__})
    logger.info("inbound keyword", extra={"keyword": word.value})
    return word


def handle(record: SQSRecord) -> None:
    handle_reply(context(), message_of(record.body))


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], lambda_context: LambdaContext) -> dict[str, Any]:
    return consume(event, lambda_context, handle)
