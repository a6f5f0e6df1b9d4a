"""The only module that knows the barometer table's layout (single-table design): every key is
built here.

pk                              sk                          item
IND                             <indicator_id>              an indicator an organization defined
REP#<indicator_id>#<period>     ORG#<org_id>                an organization's current report
REP#<indicator_id>#<period>     ORG#<org_id>#V#<000001>     every version of it, corrections included
AGG#<indicator_id>              <period>                    the period's totals across organizations
EVT#<event_id>                  EVT                         a platform event already counted; TTL
SITE                            MANIFEST                    the public site's pages and their content hashes
SITE                            SCHEDULE                    when it was last published, whether a change waits
REG#benefit                     <benefit_id>                a benefit: estimates, measurements by period
REG#achievement                 <achievement_id>            a showcase achievement

A report is ONE TransactWriteItems: the current report (conditioned on the version it replaces,
or on being the first), the new version, and the aggregate's `ADD`/`SET` delta. A platform event
is ONE transaction too: the event's claim (absent until now) and each figure's delta. An
indicator's series is one Query of its AGG# partition; the indicators one Query of IND.
"""

from datetime import UTC, datetime
from typing import Any

from numeriqc.barometer.aggregation import Delta
from numeriqc.barometer.ports import AlreadyExists, Figure, NotOwned, ReportVersion
from numeriqc.core.dynamo import SingleTable, to_attribute, to_item

INDICATORS = "IND"
MANIFEST = ("SITE", "MANIFEST")
SCHEDULE = ("SITE", "SCHEDULE")
# Hot aggregates (many organizations, many events) can see two transactions at once: retried.
CONFLICT_RETRIES = 4


def report_pk(indicator_id: str, period: str) -> str:
    return f"REP#{indicator_id}#{period}"


def current_sk(org_id: str) -> str:
    return f"ORG#{org_id}"


def versions_prefix(org_id: str) -> str:
    return f"ORG#{org_id}#V#"


def aggregate_pk(indicator_id: str) -> str:
    return f"AGG#{indicator_id}"


def claim_pk(event_id: str) -> str:
    return f"EVT#{event_id}"


def register_pk(kind: str) -> str:
    return f"REG#{kind}"


class BarometerStore(SingleTable):
    # -- indicators -----------------------------------------------------------------------------

    def add_indicator(self, item: dict[str, Any]) -> None:
        put = self._put({"pk": INDICATORS, "sk": item["indicator_id"], **item}, new=True)["Put"]
        try:
            self._client.put_item(**put)
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise AlreadyExists(item["indicator_id"]) from error

    def indicator(self, indicator_id: str) -> dict[str, Any] | None:
        return _bare(self._get(INDICATORS, indicator_id))

    def indicators(self) -> list[dict[str, Any]]:
        return [_bare(item) for item in self._query_all(INDICATORS)]  # type: ignore[misc]

    # -- reports --------------------------------------------------------------------------------

    def current_report(self, org_id: str, indicator_id: str, period: str) -> dict[str, Any] | None:
        return _bare(self._get(report_pk(indicator_id, period), current_sk(org_id)))

    def record_report(self, version: ReportVersion) -> None:
        item = version.item
        pk = report_pk(item["indicator_id"], item["period"])
        current = self._put(
            {"pk": pk, "sk": current_sk(item["org_id"]), **item}, new=version.replaces is None
        )
        if version.replaces is not None:
            current["Put"]["ConditionExpression"] = "version = :replaces"
            current["Put"]["ExpressionAttributeValues"] = {":replaces": to_attribute(version.replaces)}
        history_sk = f"{versions_prefix(item['org_id'])}{int(item['version']):06d}"
        actions = [
            current,
            self._put({"pk": pk, "sk": history_sk, **item}, new=True),
            self._aggregate_update(item["indicator_id"], item["period"], version.delta, item["recorded_at"]),
        ]
        if not self._transact(actions):
            raise AlreadyExists(pk)

    def report_history(self, org_id: str, indicator_id: str, period: str) -> list[dict[str, Any]]:
        items = self._query_all(report_pk(indicator_id, period), versions_prefix(org_id))
        return [_bare(item) for item in items]  # type: ignore[misc]

    # -- the platform's own figures -------------------------------------------------------------

    def count_once(self, event_id: str, figures: list[Figure], expires_at: int) -> bool:
        return self.count_all_once([event_id], figures, expires_at)

    def count_all_once(self, event_ids: list[str], figures: list[Figure], expires_at: int) -> bool:
        claims = [
            self._put({"pk": claim_pk(event_id), "sk": "EVT", "expires_at": expires_at}, new=True)
            for event_id in event_ids
        ]
        updates = [self._aggregate_update(f.indicator_id, f.period, f.delta, None) for f in figures]
        return self._transact([*claims, *updates])

    # -- series and the site --------------------------------------------------------------------

    def totals(self, indicator_id: str) -> list[dict[str, Any]]:
        return [
            {**_bare(item), "period": item["sk"]}  # type: ignore[dict-item]
            for item in self._query_all(aggregate_pk(indicator_id))
        ]

    def page_hashes(self) -> dict[str, str]:
        item = self._get(*MANIFEST)
        return dict(item.get("pages") or {}) if item else {}

    def save_page_hashes(self, hashes: dict[str, str]) -> None:
        self._client.put_item(
            TableName=self._table, Item=to_item({"pk": MANIFEST[0], "sk": MANIFEST[1], "pages": hashes})
        )

    # -- when the site is published (site_schedule.py): epoch seconds, compared by the condition ---

    def claim_if_quiet(self, now: datetime, published_before: datetime) -> bool:
        return self._claim_publication(
            now,
            "attribute_not_exists(published_at) OR published_at <= :before",
            {":before": to_attribute(int(published_before.timestamp()))},
        )

    def claim_if_pending(self, now: datetime) -> bool:
        return self._claim_publication(now, "attribute_exists(pending_since)", {})

    def claim(self, now: datetime) -> None:
        self._claim_publication(now, None, {})

    def mark_pending(self, now: datetime) -> datetime | None:
        answer = self._client.update_item(
            TableName=self._table,
            Key=to_item({"pk": SCHEDULE[0], "sk": SCHEDULE[1]}),
            UpdateExpression="SET pending_since = if_not_exists(pending_since, :now)",
            ExpressionAttributeValues={":now": to_attribute(int(now.timestamp()))},
            ReturnValues="ALL_NEW",
        )
        published_at = (answer.get("Attributes") or {}).get("published_at")
        return None if published_at is None else datetime.fromtimestamp(int(published_at["N"]), UTC)

    def _claim_publication(self, now: datetime, condition: str | None, values: dict[str, Any]) -> bool:
        request: dict[str, Any] = {
            "TableName": self._table,
            "Key": to_item({"pk": SCHEDULE[0], "sk": SCHEDULE[1]}),
            "UpdateExpression": "SET published_at = :now REMOVE pending_since",
            "ExpressionAttributeValues": {":now": to_attribute(int(now.timestamp())), **values},
        }
        if condition:
            request["ConditionExpression"] = condition
        try:
            self._client.update_item(**request)
        except self._client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    # -- the benefits register and the showcase -------------------------------------------------

    def add_entry(self, kind: str, entry_id: str, item: dict[str, Any]) -> None:
        put = self._put({"pk": register_pk(kind), "sk": entry_id, **item}, new=True)["Put"]
        try:
            self._client.put_item(**put)
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise AlreadyExists(entry_id) from error

    def entry(self, kind: str, entry_id: str) -> dict[str, Any] | None:
        return _bare(self._get(register_pk(kind), entry_id))

    def entries(self, kind: str) -> list[dict[str, Any]]:
        return [_bare(item) for item in self._query_all(register_pk(kind))]  # type: ignore[misc]

    def set_measurement(self, benefit_id: str, org_id: str, period: str, measurement: dict[str, Any]) -> None:
        """One UpdateItem on the period's key of the `measurements` map, only on the owner's benefit."""
        self._update_entry(
            "benefit",
            benefit_id,
            "SET measurements.#period = :measurement",
            {":measurement": measurement, ":org": org_id},
            names={"#period": period},
            condition="org_id = :org",
        )

    def set_moderation(self, kind: str, entry_id: str, decision: str) -> None:
        self._update_entry(kind, entry_id, "SET moderation = :decision", {":decision": decision})

    def _update_entry(
        self,
        kind: str,
        entry_id: str,
        expression: str,
        values: dict[str, Any],
        *,
        names: dict[str, str] | None = None,
        condition: str | None = None,
    ) -> None:
        request: dict[str, Any] = {
            "TableName": self._table,
            "Key": to_item({"pk": register_pk(kind), "sk": entry_id}),
            "UpdateExpression": expression,
            "ConditionExpression": "attribute_exists(pk)" + (f" AND {condition}" if condition else ""),
            "ExpressionAttributeValues": to_item(values),
        }
        if names:
            request["ExpressionAttributeNames"] = names
        try:
            self._client.update_item(**request)
        except self._client.exceptions.ConditionalCheckFailedException as error:
            raise NotOwned(entry_id) from error

    # -- shared ---------------------------------------------------------------------------------

    def _aggregate_update(
        self, indicator_id: str, period: str, delta: Delta, at: str | None
    ) -> dict[str, Any]:
        """Totals move by the delta with ADD (no read of other reports); `latest` is SET."""
        values = {
            ":total": delta.total,
            ":weighted": delta.weighted,
            ":base": delta.base,
            ":reports": delta.reports,
            ":latest": delta.latest,
            ":indicator": indicator_id,
        }
        expression = (
            "ADD #total :total, weighted :weighted, #base :base, reports :reports "
            "SET latest = :latest, indicator_id = :indicator"
        )
        if at is not None:
            expression += ", latest_at = :at"
            values[":at"] = at
        return {
            "Update": {
                "TableName": self._table,
                "Key": to_item({"pk": aggregate_pk(indicator_id), "sk": period}),
                "UpdateExpression": expression,
                "ExpressionAttributeNames": {"#total": "total", "#base": "base"},
                "ExpressionAttributeValues": to_item(values),
            }
        }

    def _transact(self, actions: list[dict[str, Any]]) -> bool:
        """Run the transaction; False when a condition failed, retried on transaction conflicts."""
        for attempt in range(CONFLICT_RETRIES):
            try:
                self._client.transact_write_items(TransactItems=actions)
                return True
            except self._client.exceptions.TransactionCanceledException as error:
                codes = [reason.get("Code") for reason in error.response.get("CancellationReasons") or []]
                if "ConditionalCheckFailed" in codes:
                    return False
                if attempt == CONFLICT_RETRIES - 1 or "TransactionConflict" not in codes:
                    raise
        raise AssertionError("unreachable")


def _bare(item: dict[str, Any] | None) -> dict[str, Any] | None:
    """An item without its keys: what the rules read."""
    if item is None:
        return None
    return {key: value for key, value in item.items() if key not in ("pk", "sk", "expires_at")}
