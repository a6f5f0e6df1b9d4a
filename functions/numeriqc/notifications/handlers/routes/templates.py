"""Template routes: create, list, read, read one version, edit (a new version), archive, preview."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path

from numeriqc.core import clock
from numeriqc.core.auth import Scope, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, json_response
from numeriqc.notifications import deps, template_registry
from numeriqc.notifications.handlers.routes.resolver import (
    CREATED,
    TEMPLATES,
    TemplateId,
    app,
    once,
)
from numeriqc.notifications.models import Preview, PreviewIn, Template, TemplateEdit, TemplateIn, TemplateList


@app.post(
    "/v1/templates", tags=[TEMPLATES], security=KEY_REQUIRED, summary="Créer / create", responses=CREATED
)
def create_template(request: TemplateIn, idempotency_key: IdempotencyKey = None) -> Response[Template]:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    created = once(
        caller,
        idempotency_key,
        request,
        lambda: deps.registry().create(caller.org_id, request, clock.now()),
    )
    return json_response(created, 201, {"Location": f"/v1/templates/{created['template_id']}"})


@app.get("/v1/templates", tags=[TEMPLATES], security=KEY_REQUIRED, summary="Lister / list")
def list_templates() -> TemplateList:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return TemplateList(items=deps.registry().list(caller.org_id))


@app.get("/v1/templates/<template_id>", tags=[TEMPLATES], security=KEY_REQUIRED, summary="Lire / read")
def get_template(template_id: TemplateId) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return deps.registry().current(caller.org_id, template_id)


@app.get(
    "/v1/templates/<template_id>/versions/<version>",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Une version / one version",
)
def get_template_version(template_id: TemplateId, version: Annotated[int, Path(ge=1)]) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return deps.registry().existing_version(caller.org_id, template_id, version)


@app.put(
    "/v1/templates/<template_id>",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Modifier : nouvelle version / edit: a new version",
)
def edit_template(template_id: TemplateId, request: TemplateEdit) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return deps.registry().edit(caller.org_id, template_id, request, clock.now())


@app.post(
    "/v1/templates/<template_id>/archive",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Archiver / archive",
)
def archive_template(template_id: TemplateId) -> Template:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    return deps.registry().archive(caller.org_id, template_id, clock.now())


@app.post(
    "/v1/templates/<template_id>/preview",
    tags=[TEMPLATES],
    security=KEY_REQUIRED,
    summary="Aperçu : rendu, jeu de caractères, fragments, coût / preview",
)
def preview_template(template_id: TemplateId, request: PreviewIn) -> Preview:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    config = deps.config()
    template = deps.registry().current(caller.org_id, template_id)
    return template_registry.preview(template, request, config.sms_max_length, config.sms_price_per_fragment)
