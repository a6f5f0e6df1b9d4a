"""Organizations HTTP API: who am I, and event-topic subscriptions. Thin: rules live in registry.py
and subscriptions.py."""

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from numeriqc.core.auth import Scope, authorizer_context, caller_from_context, current_caller
from numeriqc.core.http import KEY_REQUIRED, IdempotencyKey, build_resolver, json_response
from numeriqc.core.i18n import Message
from numeriqc.core.idempotency import idempotent_write
from numeriqc.core.observability import logger, metrics, tracer
from numeriqc.core.problems import FieldError, ValidationFailed
from numeriqc.organizations import aws_accounts, deps, notify_keys, registry
from numeriqc.organizations.models import (
    AwsAccountList,
    GuestListIn,
    GuestListOut,
    NewNotifyKey,
    NotifyKeyIn,
    OrganizationOut,
    Subscription,
    SubscriptionIn,
    SubscriptionList,
)

app = build_resolver()
TAG = "Organisations et abonnements / Organizations and subscriptions"
SubscriptionId = Annotated[str, Path(description="Identifiant de l'abonnement / subscription id")]
AccountId = Annotated[
    str, Path(pattern=r"^[0-9]{12}$", description="Compte AWS, 12 chiffres / AWS account id, 12 digits")
]


@app.get(
    "/v1/organization",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="L'organisme de la clé / the key's organization",
)
def who_am_i() -> OrganizationOut:
    caller = caller_from_context(authorizer_context(app))
    return registry.who_am_i(deps.store(), caller)


@app.get(
    "/v1/organization/aws-accounts",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Comptes AWS de l'organisme / the organization's AWS accounts",
)
def list_aws_accounts() -> AwsAccountList:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)
    return AwsAccountList(items=deps.store().accounts(caller.org_id))


@app.put(
    "/v1/organization/aws-accounts/<account_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Déclarer un compte AWS où sont ses files SQS / register an AWS account holding its SQS queues",
)
def register_aws_account(account_id: AccountId) -> AwsAccountList:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)
    return AwsAccountList(items=aws_accounts.register(deps.store(), caller.org_id, account_id))


@app.delete(
    "/v1/organization/aws-accounts/<account_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Retirer un compte AWS / unregister an AWS account",
    responses={204: {"description": "Retiré / unregistered"}},
)
def unregister_aws_account(account_id: AccountId) -> Response[None]:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)
    aws_accounts.unregister(deps.store(), caller.org_id, account_id)
    return Response(status_code=204, body=None)


@app.post(
    "/v1/subscriptions",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="S'abonner à une famille d'événements / subscribe to an event family",
    responses={201: {"description": "Abonnement créé / subscription created"}},
)
def subscribe(request: SubscriptionIn, idempotency_key: IdempotencyKey = None) -> Response[Subscription]:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)

    def create() -> dict[str, Any]:
        return deps.subscriptions().subscribe(caller.org_id, request).model_dump(mode="json")

    created = idempotent_write(
        app,
        org_id=caller.org_id,
        table_name=deps.config().idempotency_table,
        key=idempotency_key,
        request=request,
        work=create,
    )
    return json_response(
        created, status=201, headers={"Location": f"/v1/subscriptions/{created['subscription_id']}"}
    )


@app.get("/v1/subscriptions", tags=[TAG], security=KEY_REQUIRED, summary="Mes abonnements / my subscriptions")
def list_subscriptions() -> SubscriptionList:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)
    return SubscriptionList(items=deps.subscriptions().list(caller.org_id))


@app.get(
    "/v1/subscriptions/<subscription_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Un abonnement / one subscription",
)
def get_subscription(subscription_id: SubscriptionId) -> Subscription:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)
    return deps.subscriptions().get(caller.org_id, subscription_id)


@app.delete(
    "/v1/subscriptions/<subscription_id>",
    tags=[TAG],
    security=KEY_REQUIRED,
    summary="Se désabonner / unsubscribe",
    responses={204: {"description": "Désabonné / unsubscribed"}},
)
def unsubscribe(subscription_id: SubscriptionId) -> Response[None]:
    caller = current_caller(app, Scope.EVENTS_SUBSCRIBE)
    deps.subscriptions().unsubscribe(caller.org_id, subscription_id)
    return Response(status_code=204, body=None)


NOTIFY_TAG = "Clés Notify / Notify keys"


@app.post(
    "/v1/notify/keys",
    tags=[NOTIFY_TAG],
    security=KEY_REQUIRED,
    summary="Créer une clé GOV.UK Notify (montrée une fois) / create a GOV.UK Notify key (shown once)",
    responses={201: {"description": "Créée / created"}},
)
def create_notify_key(request: NotifyKeyIn) -> Response[NewNotifyKey]:
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    created = notify_keys.create_key(
        deps.notify_store(), deps.key_pepper(), org_id=caller.org_id, name=request.name, kind=request.kind
    )
    return json_response(created.model_dump(mode="json"), status=201)


NOT_A_RECIPIENT = Message(
    "ni une adresse courriel ni un numéro de téléphone valide",
    "neither an email address nor a valid phone number",
)


@app.put(
    "/v1/notify/guest-list",
    tags=[NOTIFY_TAG],
    security=KEY_REQUIRED,
    summary="Remplacer la liste d'invités des clés d'équipe / replace the team keys' guest list",
)
def replace_guest_list(request: GuestListIn) -> GuestListOut:
    """The whole list at once (a PUT: repeating it is harmless), kept as keyed hashes only."""
    caller = current_caller(app, Scope.NOTIFICATIONS_MANAGE)
    kept, bad = notify_keys.replace_guest_list(
        deps.notify_store(), deps.key_pepper(), caller.org_id, request.recipients
    )
    if bad:
        errors = [FieldError(f"body.recipients.{index}", "recipient", NOT_A_RECIPIENT) for index in bad]
        raise ValidationFailed(errors=errors)
    return GuestListOut(entries=kept)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
