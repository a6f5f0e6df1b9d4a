"""The only module that knows the consultations table's layout (single-table design): every key and
index key is built here.

pk                              sk                        item
CONS#<id>                       #DEF                      the consultation (definition, status, window)
CONS#<id>                       BALLOT#<keyed hash>       a participant's current answers (text redacted)
CONS#<id>                       TALLY#Q#<cut>#<question>  counters of a question in a cut (all, region:06...)
CONS#<id>                       TALLY#N#<cut>             participants in a cut
CONS#<id>                       TALLY#D#<date>            participants first counted that (Québec) day
CONS#<id>                       STMT#<ulid>               a statement, its moderation status and vote counts
CONS#<id>                       VOTE#<keyed hash>#<stmt>  a participant's vote on a statement
CONS#<id>                       REPORT#<keyed hash>#<stmt> a participant's report of a statement
CONS#<id>                       VLOG#<keyed hash>#<stmt>  that vote, changed since the last analysis (the
                                                          analysis merges it into its matrix file, then
                                                          deletes it if unchanged meanwhile)
CONS#<id>                       #VOTES                    vote writes so far (what an analysis covers);
                                                          `matrix`, the generation of the matrix file
CONS#<id>                       #ANALYSIS                 the latest opinion-group snapshot
CONS#<id>                       CODE#<keyed hash>         an invitation code the organization uploaded
CONS#<id>                       EXPORT#<ulid>             an export job; TTL (the file lives 7 days)
CONS#<id>                       USED#<keyed hash>         that code, spent (a separate item: re-uploading
                                                          a list can never make a spent code new again)
CONS#<id>                       VERIFY#<phone hash>       the SMS code pending for a number: the code's
                                                          keyed hash, tries, sends, expiry; TTL
CONS#<id>                       PHONE#<phone hash>        that number, verified and spent (no time, no
                                                          reference: the ballot is not named)
CONS#<id>                       #SMSCODES                 verification codes sent (`sent`), against the
                                                          consultation's `sms_code_budget`
RATE#C#<hash>#<minute>          RATE                      a client's writes this minute; TTL
RATE#K#<id>#<minute>            RATE                      a consultation's writes this minute; TTL

Index ByOrg (gsi1pk = ORG#<org>, gsi1sk = CONS#<id>): an organization's consultations.
Index ByDue (gsi2pk = DUE, gsi2sk = <epoch, 12 digits>#<id>): windows opening or closing next,
  set while a transition is pending, so the every-minute schedule reads only what is due.
Index Awaiting (gsi3pk = ANALYSIS, gsi3sk = <id>): consultations with votes no analysis covers yet.

Nothing here links a ballot to anything that identifies a person: a ballot's key is a keyed hash
of a secret only the participant's page holds; codes and the client's address are keyed hashes
with other purposes, in items that name no ballot.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import suppress
from typing import Any

from numeriqc.consultations.ballots import Tallies
from numeriqc.consultations.ports import (
    AlreadyExists,
    BallotWrite,
    Changed,
    Limits,
    PendingCode,
    Tally,
    Verified,
    VoteWrite,
    WriteOutcome,
)
from numeriqc.core.dynamo import SingleTable, from_item, to_item

DEFINITION = "#DEF"
VOTES = "#VOTES"
ANALYSIS = "#ANALYSIS"
SMS_CODES = "#SMSCODES"
BY_ORG, BY_DUE, AWAITING = "ByOrg", "ByDue", "Awaiting"
CONFLICT_RETRIES = 4  # hot counters see concurrent transactions: DynamoDB cancels one, we retry it
_VOTE_CELLS = {"agree": "agree", "disagree": "disagree", "pass": "passed"}


def consultation_pk(consultation_id: str) -> str:
    return f"CONS#{consultation_id}"


def due_sk(epoch: int, consultation_id: str) -> str:
    return f"{epoch:012d}#{consultation_id}"


class ConsultationStore(SingleTable):
    # consultations ------------------------------------------------------------------------------
    def add(self, org_id: str, values: dict[str, Any]) -> None:
        item = {
            "pk": consultation_pk(values["consultation_id"]),
            "sk": DEFINITION,
            "gsi1pk": f"ORG#{org_id}",
            "gsi1sk": f"CONS#{values['consultation_id']}",
            **values,
        }
        try:
            self._client.put_item(**self._put(item, new=True)["Put"])
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise AlreadyExists(values["consultation_id"]) from error

    def consultation(self, consultation_id: str) -> dict[str, Any] | None:
        return self._clean(self._get(consultation_pk(consultation_id), DEFINITION))

    def consultations(self, org_id: str) -> list[dict[str, Any]]:
        query = {
            "IndexName": BY_ORG,
            "KeyConditionExpression": "gsi1pk = :pk",
            "ExpressionAttributeValues": to_item({":pk": f"ORG#{org_id}"}),
        }
        return [self._clean(item) or {} for item in self.iterate(query)]

    def replace(self, values: dict[str, Any], expected_version: int) -> None:
        """The whole definition, if nobody changed it since `expected_version` (else `Changed`)."""
        item = {
            **values,
            "pk": consultation_pk(values["consultation_id"]),
            "sk": DEFINITION,
            "gsi1pk": f"ORG#{values['org_id']}",
            "gsi1sk": f"CONS#{values['consultation_id']}",
            **self._due_keys(values),
        }
        try:
            self._client.put_item(
                TableName=self._table,
                Item=to_item(item),
                ConditionExpression="version = :version",
                ExpressionAttributeValues=to_item({":version": expected_version}),
            )
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise Changed(values["consultation_id"]) from error

    @staticmethod
    def _due_keys(values: dict[str, Any]) -> dict[str, Any]:
        """The next window transition the schedule must record, while there is one."""
        status = values.get("status")
        if status == "scheduled":
            moment = values["opens_epoch"]
        elif status == "open":
            moment = values["closes_epoch"]
        else:
            return {}
        return {"gsi2pk": "DUE", "gsi2sk": due_sk(int(moment), values["consultation_id"])}

    @staticmethod
    def _clean(item: dict[str, Any] | None) -> dict[str, Any] | None:
        if item is None:
            return None
        return {key: value for key, value in item.items() if not key.startswith(("pk", "sk", "gsi"))}

    # the schedule ------------------------------------------------------------------------------
    def due(self, now_epoch: int) -> list[dict[str, Any]]:
        query = {
            "IndexName": BY_DUE,
            "KeyConditionExpression": "gsi2pk = :due AND gsi2sk <= :now",
            "ExpressionAttributeValues": to_item({":due": "DUE", ":now": due_sk(now_epoch, "~")}),
        }
        return [self._clean(item) or {} for item in self.iterate(query)]

    def record_transition(self, item: dict[str, Any], status: str, next_due: int | None) -> bool:
        """Move the stored status on, once: False when another run (or an edit) got there first."""
        names = {"#status": "status"}
        values: dict[str, Any] = {":from": item["status"], ":to": status, ":version": item["version"]}
        update = "SET #status = :to"
        if next_due is None:
            update += " REMOVE gsi2pk, gsi2sk"
        else:
            update += ", gsi2sk = :due"
            values[":due"] = due_sk(next_due, item["consultation_id"])
        try:
            self._client.update_item(
                TableName=self._table,
                Key=to_item({"pk": consultation_pk(item["consultation_id"]), "sk": DEFINITION}),
                UpdateExpression=update,
                ConditionExpression="#status = :from AND version = :version",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=to_item(values),
            )
        except self._client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    def participants(self, consultation_id: str) -> int:
        """How many took part (the `all` cut's counter): one GetItem, whatever their number."""
        item = self._get(consultation_pk(consultation_id), "TALLY#N#all")
        return int(item["n"]) if item and "n" in item else 0

    # ballots -----------------------------------------------------------------------------------
    def consultation_and_ballot(
        self, consultation_id: str, ballot_key: str
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """Both in one BatchGetItem (retrying what DynamoDB leaves unprocessed)."""
        pk = consultation_pk(consultation_id)
        keys = [to_item({"pk": pk, "sk": DEFINITION}), to_item({"pk": pk, "sk": f"BALLOT#{ballot_key}"})]
        found: dict[str, dict[str, Any]] = {}
        request: dict[str, Any] = {self._table: {"Keys": keys, "ConsistentRead": True}}
        while request:
            answer = self._client.batch_get_item(RequestItems=request)
            for raw in answer.get("Responses", {}).get(self._table, []):
                item = from_item(raw)
                found[item["sk"]] = item
            request = answer.get("UnprocessedKeys") or {}
        return self._clean(found.get(DEFINITION)), self._clean(found.get(f"BALLOT#{ballot_key}"))

    def cast(self, write: BallotWrite) -> WriteOutcome:
        pk = consultation_pk(write.consultation_id)
        ballot = {"pk": pk, "sk": f"BALLOT#{write.ballot_key}", "kind": "ballot", **write.item}
        put: dict[str, Any] = {"TableName": self._table, "Item": to_item(ballot)}
        if write.previous_version is None:
            put["ConditionExpression"] = "attribute_not_exists(pk)"
        else:
            put["ConditionExpression"] = "version = :version"
            put["ExpressionAttributeValues"] = to_item({":version": write.previous_version})
        items = [*self._open_and_limits(write.consultation_id, write.now_epoch, write.limits), {"Put": put}]
        failures = ["closed", "client-rate", "consultation-rate", "changed"]
        if write.invitation_key is not None:
            items += self._spend(pk, write.invitation_key)
            failures += ["invitation", "invitation"]
        if write.verified is not None:
            items += self._spend_phone(pk, write.verified, write.now_epoch)
            failures += ["code", "phone-used"]
        items += self._counters(pk, write.tallies, write.participants, write.day)
        return self._transact(items, tuple(failures))

    def _spend_phone(self, pk: str, verified: Verified, now_epoch: int) -> list[dict[str, Any]]:
        """The pending code deleted if it still matches (unexpired, tries left), the number marked used."""
        return [
            {
                "Delete": {
                    "TableName": self._table,
                    "Key": to_item({"pk": pk, "sk": f"VERIFY#{verified.phone_key}"}),
                    "ConditionExpression": "code = :code AND tries < :max AND expires_epoch > :now",
                    "ExpressionAttributeValues": to_item(
                        {":code": verified.code_key, ":max": verified.max_tries, ":now": now_epoch}
                    ),
                }
            },
            self._put({"pk": pk, "sk": f"PHONE#{verified.phone_key}", "kind": "spent-phone"}, new=True),
        ]

    def _open_and_limits(self, consultation_id: str, now_epoch: int, limits: Limits) -> list[dict[str, Any]]:
        """The window checked at the moment of writing, and both rate counters: items 0, 1 and 2."""
        expires = (limits.minute + 1) * 60 + 120
        return [
            {
                "ConditionCheck": {
                    "TableName": self._table,
                    "Key": to_item({"pk": consultation_pk(consultation_id), "sk": DEFINITION}),
                    "ConditionExpression": "#status IN (:scheduled, :open) AND opens_epoch <= :now "
                    "AND closes_epoch > :now",
                    "ExpressionAttributeNames": {"#status": "status"},
                    "ExpressionAttributeValues": to_item(
                        {":scheduled": "scheduled", ":open": "open", ":now": now_epoch}
                    ),
                }
            },
            self._rate(f"RATE#C#{limits.client_hash}#{limits.minute}", limits.client_limit, expires),
            self._rate(f"RATE#K#{consultation_id}#{limits.minute}", limits.consultation_limit, expires),
        ]

    def _spend(self, pk: str, key: str) -> list[dict[str, Any]]:
        return [
            {
                "ConditionCheck": {
                    "TableName": self._table,
                    "Key": to_item({"pk": pk, "sk": f"CODE#{key}"}),
                    "ConditionExpression": "attribute_exists(pk)",
                }
            },
            self._put({"pk": pk, "sk": f"USED#{key}", "kind": "spent-code"}, new=True),
        ]

    def _counters(
        self, pk: str, tallies: dict[str, Tallies], people: dict[str, int], day: str | None
    ) -> list[dict[str, Any]]:
        updates: list[tuple[str, dict[str, int]]] = []
        for cut, questions in sorted(tallies.items()):
            updates += [(f"TALLY#Q#{cut}#{qid}", cells) for qid, cells in sorted(questions.items())]
        updates += [(f"TALLY#N#{cut}", {"n": delta}) for cut, delta in sorted(people.items())]
        if day is not None:
            updates.append((f"TALLY#D#{day}", {"n": 1}))
        return [self._add(pk, sk, cells) for sk, cells in updates]

    def _add(self, pk: str, sk: str, cells: dict[str, int]) -> dict[str, Any]:
        names = {f"#c{i}": cell for i, cell in enumerate(cells)}
        values = {f":c{i}": delta for i, delta in enumerate(cells.values())}
        return {
            "Update": {
                "TableName": self._table,
                "Key": to_item({"pk": pk, "sk": sk}),
                "UpdateExpression": "ADD " + ", ".join(f"#c{i} :c{i}" for i in range(len(cells))),
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": to_item(values),
            }
        }

    def _rate(self, pk: str, limit: int, expires: int) -> dict[str, Any]:
        return {
            "Update": {
                "TableName": self._table,
                "Key": to_item({"pk": pk, "sk": "RATE"}),
                "UpdateExpression": "ADD #n :one SET expires_at = :expires",
                "ConditionExpression": "attribute_not_exists(#n) OR #n < :limit",
                "ExpressionAttributeNames": {"#n": "n"},
                "ExpressionAttributeValues": to_item({":one": 1, ":limit": limit, ":expires": expires}),
            }
        }

    def _transact(self, items: list[dict[str, Any]], failures: tuple[str, ...]) -> WriteOutcome:
        """One transaction; the first failed condition, in `failures` order, names the refusal."""
        for attempt in range(CONFLICT_RETRIES):
            try:
                self._client.transact_write_items(TransactItems=items)
                return WriteOutcome("stored")
            except self._client.exceptions.TransactionCanceledException as error:
                reasons = error.response.get("CancellationReasons") or []
                codes = [reason.get("Code") for reason in reasons]
                if "ConditionalCheckFailed" in codes:
                    return WriteOutcome(failures[codes.index("ConditionalCheckFailed")])
                if attempt == CONFLICT_RETRIES - 1 or "TransactionConflict" not in codes:
                    raise
        raise AssertionError("unreachable")

    # tallies -----------------------------------------------------------------------------------
    def tallies(self, consultation_id: str) -> list[Tally]:
        """Every counter of a consultation: one Query whose size depends on the number of questions,
        cuts and days, never on the number of participants."""
        found = []
        for item in self._query_all(consultation_pk(consultation_id), "TALLY#"):
            parts = item["sk"].split("#", 3)
            cells = {k: int(v) for k, v in item.items() if k not in ("pk", "sk") and isinstance(v, int)}
            kind = {"Q": "question", "N": "people", "D": "day"}[parts[1]]
            found.append(Tally(kind, parts[2], parts[3] if len(parts) > 3 else "", cells))
        return found

    # SMS codes (PhoneCodes) --------------------------------------------------------------------
    def pending_code(self, consultation_id: str, phone_key: str) -> PendingCode | None:
        answer = self._client.get_item(
            TableName=self._table,
            Key=to_item({"pk": consultation_pk(consultation_id), "sk": f"VERIFY#{phone_key}"}),
            ConsistentRead=True,
        )
        if "Item" not in answer:
            return None
        item = from_item(answer["Item"])
        return PendingCode(
            code_key=item["code"],
            tries=int(item.get("tries", 0)),
            sends=int(item.get("sends", 0)),
            expires_epoch=int(item["expires_epoch"]),
        )

    def spend_code_budget(self, consultation_id: str, budget: int) -> int | None:
        """Count one code against the budget (one conditional ADD); the count after, or None when
        the budget was already spent."""
        try:
            answer = self._client.update_item(
                TableName=self._table,
                Key=to_item({"pk": consultation_pk(consultation_id), "sk": SMS_CODES}),
                UpdateExpression="ADD sent :one",
                ConditionExpression="attribute_not_exists(sent) OR sent < :budget",
                ExpressionAttributeValues=to_item({":one": 1, ":budget": budget}),
                ReturnValues="UPDATED_NEW",
            )
        except self._client.exceptions.ConditionalCheckFailedException:
            return None
        return int(from_item(answer["Attributes"])["sent"])

    def refund_code_budget(self, consultation_id: str) -> None:
        self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": consultation_pk(consultation_id), "sk": SMS_CODES}),
            UpdateExpression="ADD sent :less",
            ExpressionAttributeValues=to_item({":less": -1}),
        )

    def phone_used(self, consultation_id: str, phone_key: str) -> bool:
        return self._get(consultation_pk(consultation_id), f"PHONE#{phone_key}") is not None

    def start_code(
        self,
        consultation_id: str,
        phone_key: str,
        code_key: str,
        *,
        now_epoch: int,
        expires_epoch: int,
        max_sends: int,
        limits: Limits,
    ) -> str:
        """A new code for a number, with the client's rate counter, in one transaction: replacing a
        live code keeps its tries and counts a send; an expired (or no) code starts over."""
        key = to_item({"pk": consultation_pk(consultation_id), "sk": f"VERIFY#{phone_key}"})
        rate = self._rate(
            f"RATE#C#{limits.client_hash}#{limits.minute}",
            limits.client_limit,
            (limits.minute + 1) * 60 + 120,
        )
        replace = {
            "Update": {
                "TableName": self._table,
                "Key": key,
                "UpdateExpression": "SET code = :code, expires_epoch = :expires, expires_at = :ttl "
                "ADD sends :one",
                "ConditionExpression": "attribute_exists(pk) AND expires_epoch > :now AND sends < :max",
                "ExpressionAttributeValues": to_item(
                    {
                        ":code": code_key,
                        ":expires": expires_epoch,
                        ":ttl": expires_epoch + 3600,
                        ":one": 1,
                        ":now": now_epoch,
                        ":max": max_sends,
                    }
                ),
            }
        }
        outcome = self._transact([rate, replace], ("client-rate", "live"))
        if outcome.result != "live":
            return outcome.result
        fresh = {
            "Put": {
                "TableName": self._table,
                "Item": to_item(
                    {
                        "pk": consultation_pk(consultation_id),
                        "sk": f"VERIFY#{phone_key}",
                        "kind": "sms-code",
                        "code": code_key,
                        "tries": 0,
                        "sends": 1,
                        "expires_epoch": expires_epoch,
                        "expires_at": expires_epoch + 3600,
                    }
                ),
                "ConditionExpression": "attribute_not_exists(pk) OR expires_epoch <= :now",
                "ExpressionAttributeValues": to_item({":now": now_epoch}),
            }
        }
        return self._transact([rate, fresh], ("client-rate", "sends")).result

    def failed_try(self, consultation_id: str, phone_key: str, max_tries: int) -> bool:
        try:
            self._client.update_item(
                TableName=self._table,
                Key=to_item({"pk": consultation_pk(consultation_id), "sk": f"VERIFY#{phone_key}"}),
                UpdateExpression="ADD tries :one",
                ConditionExpression="attribute_exists(pk) AND tries < :max",
                ExpressionAttributeValues=to_item({":one": 1, ":max": max_tries}),
            )
        except self._client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    # invitation codes --------------------------------------------------------------------------
    def add_invitations(self, consultation_id: str, keys: list[str]) -> int:
        """BatchWriteItem, 25 at a time: uploading a code twice is harmless (spending is USED#)."""
        pk = consultation_pk(consultation_id)
        requests = [
            {"PutRequest": {"Item": to_item({"pk": pk, "sk": f"CODE#{key}", "kind": "code"})}} for key in keys
        ]
        for start in range(0, len(requests), 25):
            pending: dict[str, Any] = {self._table: requests[start : start + 25]}
            while pending:
                answer = self._client.batch_write_item(RequestItems=pending)
                pending = answer.get("UnprocessedItems") or {}
        return len(keys)

    # statements --------------------------------------------------------------------------------
    def add_statement(
        self, consultation_id: str, values: dict[str, Any], limits: Limits | None, now_epoch: int
    ) -> WriteOutcome:
        pk = consultation_pk(consultation_id)
        statement = self._put(
            {"pk": pk, "sk": f"STMT#{values['statement_id']}", "kind": "statement", **values}, new=True
        )
        if limits is None:  # the organization's own statements: no window, no rate limit
            self._client.put_item(**statement["Put"])
            return WriteOutcome("stored")
        items = [*self._open_and_limits(consultation_id, now_epoch, limits), statement]
        return self._transact(items, ("closed", "client-rate", "consultation-rate", "changed"))

    def statement(self, consultation_id: str, statement_id: str) -> dict[str, Any] | None:
        return self._clean(self._get(consultation_pk(consultation_id), f"STMT#{statement_id}"))

    def statements(self, consultation_id: str) -> list[dict[str, Any]]:
        return [
            self._clean(item) or {} for item in self._query_all(consultation_pk(consultation_id), "STMT#")
        ]

    def set_statement_status(self, consultation_id: str, statement_id: str, status: str) -> None:
        """A moderation decision; approving (again) after review starts the report count over, so a
        statement kept after review is not hidden again by the next single report."""
        reset = ", reports = :zero" if status == "approved" else ""
        values: dict[str, Any] = {":status": status, **({":zero": 0} if reset else {})}
        self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": consultation_pk(consultation_id), "sk": f"STMT#{statement_id}"}),
            UpdateExpression="SET #status = :status" + reset,
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=to_item(values),
        )

    def vote_of(self, consultation_id: str, statement_id: str, voter_key: str) -> str | None:
        item = self._get(consultation_pk(consultation_id), f"VOTE#{voter_key}#{statement_id}")
        return str(item["vote"]) if item else None

    def vote(self, write: VoteWrite) -> WriteOutcome:
        """Window, rate, the vote (unchanged since read), the statement's counts (it must be
        approved), the consultation's vote count: one transaction."""
        pk = consultation_pk(write.consultation_id)
        vote = {
            "pk": pk,
            "sk": f"VOTE#{write.voter_key}#{write.statement_id}",
            "kind": "vote",
            "vote": write.vote,
        }
        put: dict[str, Any] = {"TableName": self._table, "Item": to_item(vote)}
        if write.previous is None:
            put["ConditionExpression"] = "attribute_not_exists(pk)"
        else:
            put["ConditionExpression"] = "vote = :previous"
            put["ExpressionAttributeValues"] = to_item({":previous": write.previous})
        deltas: dict[str, int] = defaultdict(int)
        deltas[_VOTE_CELLS[write.vote]] += 1
        if write.previous is not None:
            deltas[_VOTE_CELLS[write.previous]] -= 1
        moved = {cell: delta for cell, delta in deltas.items() if delta}
        statement = self._add(pk, f"STMT#{write.statement_id}", moved or {"agree": 0})["Update"]
        statement["ConditionExpression"] = "#status = :approved"
        statement["ExpressionAttributeNames"]["#status"] = "status"
        statement["ExpressionAttributeValues"].update(to_item({":approved": "approved"}))
        items = [
            *self._open_and_limits(write.consultation_id, write.now_epoch, write.limits),
            {"Put": put},
            {"Update": statement},
            {
                "Update": {
                    "TableName": self._table,
                    "Key": to_item({"pk": pk, "sk": VOTES}),
                    "UpdateExpression": "ADD #n :one SET gsi3pk = :awaiting, gsi3sk = :id",
                    "ExpressionAttributeNames": {"#n": "n"},
                    "ExpressionAttributeValues": to_item(
                        {":one": 1, ":awaiting": "ANALYSIS", ":id": write.consultation_id}
                    ),
                }
            },
            # The change, for the analysis: one item per pair, so a vote changed twice before the
            # next analysis is read once, at its last value (no time: it says no more than the vote).
            self._put(
                {**vote, "sk": f"VLOG#{write.voter_key}#{write.statement_id}", "kind": "vote-change"},
                new=False,
            ),
        ]
        return self._transact(items, ("closed", "client-rate", "consultation-rate", "changed", "statement"))

    def report(
        self, consultation_id: str, statement_id: str, reporter_key: str, threshold: int
    ) -> WriteOutcome:
        """One report per participant and statement; the Nth hides the statement pending review."""
        pk = consultation_pk(consultation_id)
        key = to_item({"pk": pk, "sk": f"STMT#{statement_id}"})
        report = self._put(
            {"pk": pk, "sk": f"REPORT#{reporter_key}#{statement_id}", "kind": "report"}, new=True
        )
        bump = {
            "Update": {
                "TableName": self._table,
                "Key": key,
                "UpdateExpression": "ADD reports :one",
                "ConditionExpression": "#status = :approved",
                "ExpressionAttributeNames": {"#status": "status"},
                "ExpressionAttributeValues": to_item({":one": 1, ":approved": "approved"}),
            }
        }
        outcome = self._transact([report, bump], ("changed", "statement"))
        if outcome.result != "stored":
            return outcome
        try:
            self._client.update_item(
                TableName=self._table,
                Key=key,
                UpdateExpression="SET #status = :hidden",
                ConditionExpression="#status = :approved AND reports >= :threshold",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=to_item(
                    {":hidden": "hidden", ":approved": "approved", ":threshold": threshold}
                ),
            )
        except self._client.exceptions.ConditionalCheckFailedException:
            return outcome
        return WriteOutcome("stored", {"hidden": True})

    # exports -----------------------------------------------------------------------------------
    def add_export(self, values: dict[str, Any]) -> None:
        pk = consultation_pk(values["consultation_id"])
        item = {"pk": pk, "sk": f"EXPORT#{values['export_id']}", "kind": "export", **values}
        self._client.put_item(**self._put(item, new=True)["Put"])

    def export(self, consultation_id: str, export_id: str) -> dict[str, Any] | None:
        return self._clean(self._get(consultation_pk(consultation_id), f"EXPORT#{export_id}"))

    def update_export(self, consultation_id: str, export_id: str, values: dict[str, Any]) -> None:
        self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": consultation_pk(consultation_id), "sk": f"EXPORT#{export_id}"}),
            UpdateExpression="SET " + ", ".join(f"#{key} = :{key}" for key in values),
            ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeNames={f"#{key}": key for key in values},
            ExpressionAttributeValues=to_item({f":{key}": value for key, value in values.items()}),
        )

    def ballots(self, consultation_id: str) -> Iterator[dict[str, Any]]:
        """Every ballot, page after page (only exports read them all)."""
        return (
            self._clean(item) or {} for item in self._query_all(consultation_pk(consultation_id), "BALLOT#")
        )

    # analysis ----------------------------------------------------------------------------------
    def votes(self, consultation_id: str) -> list[tuple[str, str, str]]:
        found = []
        for item in self._query_all(consultation_pk(consultation_id), "VOTE#"):
            _, voter, statement_id = item["sk"].split("#", 2)
            found.append((voter, statement_id, str(item["vote"])))
        return found

    def vote_count(self, consultation_id: str) -> int:
        return self.vote_state(consultation_id)[0]

    def vote_state(self, consultation_id: str) -> tuple[int, str | None]:
        """Vote writes so far, and the generation of the matrix file the last analysis recorded."""
        answer = self._client.get_item(
            TableName=self._table,
            Key=to_item({"pk": consultation_pk(consultation_id), "sk": VOTES}),
            ConsistentRead=True,
        )
        item = from_item(answer["Item"]) if "Item" in answer else {}
        return int(item.get("n", 0)), item.get("matrix")

    def vote_changes(self, consultation_id: str) -> list[tuple[str, str, str]]:
        """The votes changed since the last analysis (consistent: a vote stored before this read is
        in it), as (voter, statement, vote)."""
        query = {
            "KeyConditionExpression": "pk = :pk AND begins_with(sk, :prefix)",
            "ExpressionAttributeValues": to_item(
                {":pk": consultation_pk(consultation_id), ":prefix": "VLOG#"}
            ),
            "ConsistentRead": True,
        }
        found = []
        for item in self.iterate(query):
            _, voter, statement_id = item["sk"].split("#", 2)
            found.append((voter, statement_id, str(item["vote"])))
        return found

    def record_matrix(self, consultation_id: str, generation: str, previous: str | None) -> bool:
        """Names the new matrix file, unless another analysis recorded one since `previous` was read."""
        condition = "attribute_not_exists(#m)" if previous is None else "#m = :previous"
        values: dict[str, Any] = {":generation": generation}
        if previous is not None:
            values[":previous"] = previous
        try:
            self._client.update_item(
                TableName=self._table,
                Key=to_item({"pk": consultation_pk(consultation_id), "sk": VOTES}),
                UpdateExpression="SET #m = :generation",
                ConditionExpression=condition,
                ExpressionAttributeNames={"#m": "matrix"},
                ExpressionAttributeValues=to_item(values),
            )
        except self._client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    def forget_vote_changes(self, consultation_id: str, changes: list[tuple[str, str, str]]) -> int:
        """Deletes the merged changes, each only if it still holds the vote merged (a vote changed
        again meanwhile stays for the next analysis). 100 per transaction; a chunk one condition
        cancels is deleted item by item. Answers how many were deleted."""
        pk = consultation_pk(consultation_id)
        deletes = [
            {
                "Delete": {
                    "TableName": self._table,
                    "Key": to_item({"pk": pk, "sk": f"VLOG#{voter}#{statement_id}"}),
                    "ConditionExpression": "vote = :vote",
                    "ExpressionAttributeValues": to_item({":vote": vote}),
                }
            }
            for voter, statement_id, vote in dict(((v, s), (v, s, x)) for v, s, x in changes).values()
        ]
        deleted = 0
        for start in range(0, len(deletes), 100):
            chunk = deletes[start : start + 100]
            try:
                self._client.transact_write_items(TransactItems=chunk)
                deleted += len(chunk)
                continue
            except self._client.exceptions.TransactionCanceledException:
                pass
            for action in chunk:
                with suppress(self._client.exceptions.ConditionalCheckFailedException):
                    self._client.delete_item(**action["Delete"])
                    deleted += 1
        return deleted

    def save_analysis(self, consultation_id: str, snapshot: dict[str, Any], votes_covered: int) -> None:
        """The snapshot; and the consultation leaves the Awaiting index if no vote came meanwhile."""
        pk = consultation_pk(consultation_id)
        self._client.put_item(TableName=self._table, Item=to_item({"pk": pk, "sk": ANALYSIS, **snapshot}))
        # When new votes arrived meanwhile the condition fails: the next minute's schedule asks again.
        with suppress(self._client.exceptions.ConditionalCheckFailedException):
            self._client.update_item(
                TableName=self._table,
                Key=to_item({"pk": pk, "sk": VOTES}),
                UpdateExpression="REMOVE gsi3pk, gsi3sk",
                ConditionExpression="#n = :covered",
                ExpressionAttributeNames={"#n": "n"},
                ExpressionAttributeValues=to_item({":covered": votes_covered}),
            )

    def analysis(self, consultation_id: str) -> dict[str, Any] | None:
        return self._clean(self._get(consultation_pk(consultation_id), ANALYSIS))

    def awaiting_analysis(self) -> list[str]:
        query = {
            "IndexName": AWAITING,
            "KeyConditionExpression": "gsi3pk = :pk",
            "ExpressionAttributeValues": to_item({":pk": "ANALYSIS"}),
        }
        return [str(item["gsi3sk"]) for item in self.iterate(query)]
