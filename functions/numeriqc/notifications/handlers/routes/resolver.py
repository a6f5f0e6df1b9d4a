"""The one resolver every notification route registers on, and what the routes share.

Writes go through `once`: Idempotency-Key replays answer the stored response without redoing the
work. Events a route emits are published by the API handler when the request has succeeded
(`core.events.publishes_events`), never from here.
"""

from collections.abc import Callable
from typing import Annotated, Any

from aws_lambda_powertools.event_handler.openapi.params import Path
from pydantic import BaseModel

from numeriqc.core.auth import Caller
from numeriqc.core.http import build_resolver
from numeriqc.core.idempotency import idempotent_write
from numeriqc.notifications import deps

app = build_resolver()
TEMPLATES = "Gabarits / Templates"
SENDING = "Notifications"
CONSENT = "Consentement / Consent"
TemplateId = Annotated[str, Path(description="Identifiant du gabarit / template id")]
NotificationId = Annotated[str, Path(description="Identifiant de la notification / notification id")]
JobId = Annotated[str, Path(description="Identifiant de l'envoi en lot / bulk job id")]
SeriesId = Annotated[str, Path(description="Identifiant de la série / series id")]
CREATED: dict[int, Any] = {201: {"description": "Créé / created"}}


def once(caller: Caller, key: str | None, request: BaseModel, work: Callable[[], BaseModel]) -> Any:
    """Run a write route's `work` once per Idempotency-Key; answers its JSON body."""
    return idempotent_write(
        app,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=key,
        request=request,
        work=lambda: work().model_dump(mode="json"),
    )
