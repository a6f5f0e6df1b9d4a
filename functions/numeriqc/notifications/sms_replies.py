"""Inbound SMS (SNS two-way SMS): STOP / ARRÊT / ARRET / FIN, AIDE / HELP / INFO, START / ABONNER,
then answers to the questions the platform asked by SMS (sms_questions.py): keywords always win.

STOP is platform-wide for the number (see consent.py) and honoured by the senders at once; START
also asks SNS to take the number off its own opt-out list. Each inbound message is handled once
(a conditional marker on its id), so a redelivered STOP does not send a second confirmation.
"""

from datetime import datetime, timedelta
from typing import Any

from numeriqc.core.observability import logger
from numeriqc.notifications import addresses, consent, keywords
from numeriqc.notifications.models import Channel
from numeriqc.notifications.ports import (
    Conflict,
    ConsentRecords,
    InboundMarkers,
    RecipientHasher,
    SmsProvider,
)
from numeriqc.notifications.sms_questions import SmsQuestions

REPLIES = {
    keywords.Keyword.STOP: keywords.STOP_REPLY,
    keywords.Keyword.HELP: keywords.HELP_REPLY,
    keywords.Keyword.START: keywords.START_REPLY,
}


class SmsReplies:
    def __init__(
        self,
        inbound: InboundMarkers,
        consents: ConsentRecords,
        sms: SmsProvider,
        hash_recipient: RecipientHasher,
        questions: SmsQuestions | None = None,
    ) -> None:
        self._inbound = inbound
        self._consents = consents
        self._sms = sms
        self._hash_recipient = hash_recipient
        self._questions = questions

    def handle_reply(self, payload: dict[str, Any], now: datetime) -> keywords.Keyword:
        number = addresses.normalise_phone(str(payload["originationNumber"]))
        if isinstance(number, addresses.Invalid):
            logger.warning("inbound SMS from an unparseable number")
            return keywords.Keyword.OTHER
        body = str(payload.get("messageBody", ""))
        word = keywords.keyword(body)
        if word is keywords.Keyword.OTHER:
            self._answer(number, body, now)
            return word
        message_id = str(payload.get("inboundMessageId") or "")
        if message_id:
            try:
                self._inbound.mark_inbound_handled(message_id, int((now + timedelta(days=7)).timestamp()))
            except Conflict:
                return word  # already handled
        rh = self._recipient_hash(number)
        if word is keywords.Keyword.STOP:
            consent.opt_out(self._consents, Channel.SMS, rh, now)
        elif word is keywords.Keyword.START:
            consent.opt_in(self._consents, Channel.SMS, rh)
            try:
                self._sms.opt_in(number)
            except Exception as error:  # SNS allows one opt-in per 30 days; our own list is what counts
                logger.info("SNS opt-in refused", extra={"error_type": type(error).__name__})
        try:
            self._sms.reply(number, REPLIES[word])
        except Exception as error:  # a confirmation that cannot go out must not undo the opt-out
            logger.warning("reply not sent", extra={"error_type": type(error).__name__})
        logger.info("inbound keyword", extra={"keyword": word.value})
        return word

    def _recipient_hash(self, number: str) -> str:
        return self._hash_recipient(addresses.hash_key(Channel.SMS, number))

    def _answer(self, number: str, body: str, now: datetime) -> None:
        """A reply that is not a keyword: the answer to the number's last open question, if any.
        A redelivered answer is sent again (the asking service counts one answer per key); help
        and "closed" messages are sent once by their own conditional counts."""
        if self._questions is None:
            logger.info("inbound SMS without keyword")
            return
        routed = self._questions.route(number, self._recipient_hash(number), body, now)
        if routed.text is not None:
            try:
                self._sms.reply(number, routed.text)
            except Exception as error:  # counted as told: a second help would be the loop we avoid
                logger.warning("reply not sent", extra={"error_type": type(error).__name__})
        logger.info("inbound SMS answer", extra={"outcome": routed.outcome.value})
