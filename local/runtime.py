"""`LocalRuntime`: the whole platform of one template, in-process, against moto.

The same object backs `numeriqc dev` (moto's threaded server, real clock), `numeriqc invoke` (attached
to a running dev server's moto) and the pytest `platform` fixture (moto's in-process mock, manual
clock). It only needs to know where moto answers (`endpoint_url`, None for the in-process mock).
"""

from __future__ import annotations

import json as jsonlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from .account import Clients
from .aws import provider_receipts
from .aws.outbox import OutboxMessage, counts, read_outbox
from .aws.provider_receipts import ProviderReceipts
from .aws.resources import Created, create_resources
from .aws.stream_retention import StreamRetention
from .clock import Clock, LocalClock
from .functions.invoker import Invoker
from .http.events import HttpRequest, HttpResponse
from .http.gateway import Gateway
from .template.assembly import Template
from .template.resource_reader import read_wiring
from .template.wiring import FunctionDef, ResourceNames
from .triggers.delivery import Delivery
from .triggers.eventbridge_scheduler import SchedulerPoller
from .triggers.pollers import (
    Poller,
    Postponements,
    SchedulePoller,
    ShimPoller,
    SqsMappingPoller,
    StreamMappingPoller,
    listen_for_postponements,
)
from .triggers.rounds import Ticker, Triggers
from .triggers.ttl_expiry import TtlExpiry

log = logging.getLogger("numeriqc_local")

Headers = Mapping[str, str] | Sequence[tuple[str, str]]


class LocalRuntime:
    """Create the template's resources, serve its HTTP API, run its functions and triggers."""

    def __init__(
        self,
        template: Template | Mapping[str, Any],
        *,
        endpoint_url: str | None = None,
        clock: Clock | None = None,
        receipts: bool = False,
        trim_streams: bool = False,
    ) -> None:
        """`trim_streams`: drop stream records once every local consumer has read them (the dev
        server, which runs for days; tests read streams from their start)."""
        self.wiring = read_wiring(template)
        self.endpoint_url = endpoint_url
        self.clients = Clients(endpoint_url)
        self.clock: Clock = clock or LocalClock()
        self.invoker = Invoker(self.wiring, endpoint_url, self.clock)
        self.delivery = Delivery(self.wiring, self.clients, self.invoker)
        self.names = ResourceNames(self.wiring)
        self.gateways = {
            logical_id: Gateway(api, self.invoker.invoke, self.clock)
            for logical_id, api in self.wiring.apis.items()
        }
        self.trim_streams = trim_streams
        self.created: Created | None = None
        self._triggers: Triggers | None = None
        # What SES and SNS report after a send (moto does not): on for `numeriqc dev`.
        self.receipts = ProviderReceipts(self.wiring, self.delivery, enabled=receipts)
        self.restored_outbox: list[OutboxMessage] = []  # sent before a restart (dev.state)
        self.postponements = Postponements()  # a failed record comes back at the next round
        # Outputs the local platform answers itself, where only a deployment could resolve the
        # template's value (the barometer site's CloudFront domain: the dev server's /barometre/).
        self.served_outputs: dict[str, str] = {}

    # -- setup ------------------------------------------------------------------------------------

    def create_resources(self) -> Created:
        """Create every resource in moto (idempotent) and open the triggers."""
        return self.open(create_resources(self.wiring, self.clients))

    def open(self, created: Created) -> Created:
        """Open the triggers over resources that already exist in moto: those `create_resources` just
        made, or a copy of moto's state taken right after it made them (the pytest plugin's image)."""
        self.created = created
        provider_receipts.forget()  # what a previous runtime of this process heard is not ours
        self.listen()
        self._triggers = self._build_triggers(created)
        return created

    def listen(self) -> None:
        """Put the runtime's hooks on the kernel's boto3 session (the sends the provider receipts
        answer, the visibility a function postpones a record to): on `open`, and again whenever
        the dev server re-imports the functions' code, which makes a new session."""
        provider_receipts.listen()
        listen_for_postponements()

    def _build_triggers(self, created: Created) -> Triggers:
        pollers: list[Poller] = []
        for mapping in self.wiring.mappings.values():
            if mapping.source_kind == "sqs":
                queue = self.wiring.queue_by_arn(mapping.source_arn)
                url = created.queue_urls.get(queue.logical_id) if queue else None
                if url is None:
                    log.warning(
                        "mapping %s: no queue %s in the template", mapping.logical_id, mapping.source_arn
                    )
                    continue
                pollers.append(SqsMappingPoller(mapping, url, self.invoker, self.clients, self.postponements))
            else:
                table = mapping.source_arn.split(":table/")[-1].split("/")[0]
                stream = StreamMappingPoller(mapping, table, self.invoker, self.delivery, self.clients)
                stream.prime()
                pollers.append(stream)
        for shim in created.shims:
            rule = self.wiring.rules.get(shim.owner) if shim.kind == "rule" else None
            pollers.append(ShimPoller(shim, rule, self.delivery, self.clients))
        pollers.append(self.receipts)
        if self.trim_streams:
            streams = [poller for poller in pollers if isinstance(poller, StreamMappingPoller)]
            pollers.append(StreamRetention(streams))
        tickers: list[Ticker] = [
            SchedulePoller(self.wiring, self.delivery, self.clock),
            SchedulerPoller(self.delivery, self.clients, self.clock),
            TtlExpiry(self.wiring, self.clients, self.clock),
        ]
        return Triggers(pollers, tickers)

    @property
    def triggers(self) -> Triggers:
        if self._triggers is None:
            raise RuntimeError("call create_resources() first: triggers poll the resources it creates")
        return self._triggers

    # -- functions --------------------------------------------------------------------------------

    @property
    def functions(self) -> Mapping[str, FunctionDef]:
        return self.wiring.functions

    def invoke(self, function_id: str, event: Any) -> Any:
        """Invoke a function (logical id, name or ARN) synchronously; its exception propagates."""
        return self.invoker.invoke(function_id, event)

    def env(self, function_id: str) -> dict[str, str]:
        """The environment the function runs with."""
        return self.invoker.environment(function_id)

    @contextmanager
    def environment(self, function_id: str) -> Iterator[FunctionDef]:
        """Run a block (a demo bootstrap, an admin command) with a function's environment applied."""
        with self.invoker.applied(function_id) as function:
            yield function

    # -- HTTP -------------------------------------------------------------------------------------

    @property
    def gateway(self) -> Gateway:
        """The template's HTTP API (the first one if there are several)."""
        if not self.gateways:
            raise RuntimeError("the template has no HTTP API")
        return next(iter(self.gateways.values()))

    def routes(self) -> list[str]:
        return self.gateway.route_keys

    def handle(self, request: HttpRequest) -> HttpResponse:
        return self.gateway.handle(request)

    def http(
        self,
        method: str,
        path: str,
        *,
        headers: Headers | None = None,
        json: Any = None,
        body: str | bytes | None = None,
        query: str | Mapping[str, Any] | None = None,
    ) -> HttpResponse:
        """Send one request through the emulated HTTP API, as a client would."""
        path, _, inline_query = path.partition("?")
        if isinstance(query, Mapping):
            query_text = urlencode(dict(query), doseq=True)
        else:
            query_text = query or inline_query
        pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers or [])
        content = b""
        if json is not None:
            content = jsonlib.dumps(json).encode()
            if not any(key.lower() == "content-type" for key, _ in pairs):
                pairs.append(("content-type", "application/json"))
        elif body is not None:
            content = body.encode() if isinstance(body, str) else body
        if content:
            pairs.append(("content-length", str(len(content))))
        return self.handle(HttpRequest(method.upper(), path, query_text, tuple(pairs), content))

    # -- triggers ---------------------------------------------------------------------------------

    def poll_once(self) -> int:
        return sum(self.triggers.run_round().values())

    def drain(self, max_rounds: int = 50) -> int:
        """Run pending triggers until a whole round moves nothing (raises if it never gets quiet)."""
        return self.triggers.drain(max_rounds)

    def tick(self) -> int:
        """Fire every scheduled rule and Scheduler schedule now, expire what the TTLs say (then drain())."""
        return self.triggers.tick()

    # -- observation ------------------------------------------------------------------------------

    def outbox(self) -> list[OutboxMessage]:
        """Every email and SMS sent so far (moto runs in this process), with those sent before the
        dev server's last restart first, and the receipt the local provider reported for each."""
        return [*self.restored_outbox, *read_outbox(provider_receipts.reported)]

    def outbox_counts(self) -> dict[str, dict[str, int]]:
        """What `outbox()` holds, counted per kind and receipt without building its messages."""
        return counts(self.restored_outbox, provider_receipts.reported)

    def outputs(self) -> dict[str, str]:
        """The stacks' Outputs, resolved locally (what `describe-stacks` would list once deployed)."""
        values: dict[str, str] = {}
        for stack in self.wiring.template.stacks:
            for key, output in (stack.body.get("Outputs") or {}).items():
                if key in self.served_outputs:
                    values[key] = self.served_outputs[key]
                    continue
                try:
                    values[key] = str(self.wiring.resolver.resolve(output.get("Value"), stack.name))
                except Exception:
                    log.warning("output %s of %s cannot be resolved locally", key, stack.name)
        return values

    def describe(self) -> dict[str, Any]:
        """Physical names and ARNs of the template's resources, for `.numeriqc/dev.json` and humans."""
        resources: dict[str, Any] = {}
        for logical_id, resource in self.wiring.template.resources.items():
            if resource.type not in _DESCRIBED:
                continue
            entry: dict[str, Any] = {"type": resource.type, "ref": self.names[logical_id]}
            try:
                entry["arn"] = self.names.arn(logical_id)
            except Exception:
                entry["arn"] = None
            resources[logical_id] = entry
        return {"routes": self.routes() if self.gateways else [], "resources": resources}


_DESCRIBED = frozenset(
    {
        "AWS::DynamoDB::Table",
        "AWS::DynamoDB::GlobalTable",
        "AWS::SQS::Queue",
        "AWS::SNS::Topic",
        "AWS::Events::EventBus",
        "AWS::Events::Rule",
        "AWS::S3::Bucket",
        "AWS::SecretsManager::Secret",
        "AWS::KMS::Key",
        "AWS::KMS::Alias",
        "AWS::Lambda::Function",
        "AWS::SSM::Parameter",
        "AWS::ApiGatewayV2::Api",
    }
)
