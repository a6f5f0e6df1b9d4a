"""Admin commands: organizations and API keys, against the local platform or a deployed stack.

    numeriqc org create saaq --name-fr ... --name-en ... --contact ti@saaq.example
    numeriqc org add-account saaq 111122223333    (its SQS queues live there; remove-account, accounts)
    numeriqc key create --org saaq --kind live --scopes notifications:send,events:subscribe
    numeriqc key revoke --org saaq KEY_ID          [--stack NumeriqcPlatform-prod for a real account]
    numeriqc notify-key create --org saaq --kind live --name production   (GOV.UK Notify clients)
    numeriqc notify-key guest-list --org saaq equipe@example.qc.ca "514 555 0199"   (team keys)

They call the same logic the functions use (numeriqc.organizations.registry); only where the table
and the pepper are found differs: `.numeriqc/` written by `numeriqc dev` (or the folder of
NUMERIQC_DEV_ENV when set, as `numeriqc dev` honours it), or the stack's outputs.
"""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from numeriqc.core import aws, clock
from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.events import EventBuffer, EventPublisher
from numeriqc.core.secrets import pepper
from numeriqc.organizations import aws_accounts, notify_keys
from numeriqc.organizations.adapters.notify_keys import NotifyKeyStore
from numeriqc.organizations.adapters.table import AlreadyExists, OrganizationsStore
from numeriqc.organizations.registry import (
    MAX_VALID_DAYS,
    InvalidValidity,
    UnknownKey,
    UnknownOrganization,
    create_key,
    create_organization,
    revoke_key,
)

from ..clock import is_real
from ..template.assembly import TemplateError
from .env_file import dev_clock, dev_env_path


def _state_dir() -> Path:
    """Where `numeriqc dev` wrote its files, found as every command finds it (`dev_env_path`):
    NUMERIQC_DEV_ENV's folder when set, else `.numeriqc/` of the repository root, from any directory."""
    try:
        return dev_env_path().parent
    except TemplateError as error:
        raise AdminError(
            f"no local platform found: {error}; set NUMERIQC_ROOT, or pass --stack NAME"
        ) from None


class AdminError(Exception):
    """A failure worth one clear line to the operator, not a traceback."""


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        name, separator, value = line.removeprefix("export ").partition("=")
        if separator and not name.startswith("#"):
            values[name.strip()] = value.strip().strip("'\"")
    return values


def stack_outputs(stack: str | None) -> dict[str, str]:
    """Stack outputs from a deployed stack, or from the local platform's `.numeriqc/` files."""
    if stack:
        answer = aws.client("cloudformation").describe_stacks(StackName=stack)
        return {
            output["OutputKey"]: output["OutputValue"] for output in answer["Stacks"][0].get("Outputs", [])
        }
    state = _state_dir()
    outputs_file, dev_env_file = state / "outputs.json", state / "dev.env"
    if not outputs_file.exists():
        raise AdminError("no local platform found: start it with `make dev`, or pass --stack NAME")
    if dev_env_file.exists():
        values = read_env_file(dev_env_file)
        for name, value in values.items():
            if name.startswith("AWS_"):
                os.environ[name] = value
        local = dev_clock(values)  # keys and organizations dated on the platform's clock
        if not is_real(local):
            clock.use(local)
    aws.reset_clients()
    outputs: dict[str, str] = json.loads(outputs_file.read_text())
    return outputs


def _store(outputs: dict[str, str]) -> OrganizationsStore:
    return OrganizationsStore(aws.client("dynamodb"), outputs["OrganizationsTableName"])


def _scopes(text: str) -> set[Scope]:
    try:
        return {Scope(item.strip()) for item in text.split(",") if item.strip()}
    except ValueError as error:
        known = ", ".join(scope.value for scope in Scope)
        raise AdminError(f"{error}; known scopes: {known}") from error


def _days(text: str) -> int:
    """`--days`: a whole number of days from 1 to MAX_VALID_DAYS. 0 and negatives used to make a key
    that never expires; argparse now refuses them before anything is written."""
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if not 1 <= days <= MAX_VALID_DAYS:
        raise argparse.ArgumentTypeError(f"must be 1 to {MAX_VALID_DAYS} days, not {days}")
    return days


def _print(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def org_create(args: argparse.Namespace) -> None:
    """Stores the organization, then publishes `organizations.onboarded.v1` on the platform's bus."""
    outputs = stack_outputs(args.stack)
    store, events = _store(outputs), EventBuffer()
    try:
        organization = create_organization(
            store,
            org_id=args.org_id,
            name_fr=args.name_fr,
            name_en=args.name_en,
            contact_email=args.contact,
            sink=events,
        )
    except AlreadyExists as error:
        raise AdminError(f"organization {args.org_id} already exists") from error
    EventPublisher(aws.client("events"), outputs["EventBusName"]).publish(events.take())
    _print(organization.model_dump(mode="json"))


def org_list(args: argparse.Namespace) -> None:
    _print(
        [
            organization.model_dump(mode="json")
            for organization in _store(stack_outputs(args.stack)).organizations()
        ]
    )


def _account(text: str) -> str:
    """An AWS account id: exactly twelve ASCII digits (what the API's path parameter accepts)."""
    if len(text) != 12 or not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"an AWS account id is 12 digits, not {text!r}")
    return text


def _known_org(store: OrganizationsStore, org_id: str) -> OrganizationsStore:
    if store.organization(org_id) is None:
        raise AdminError(f"no organization {org_id}")
    return store


def org_add_account(args: argparse.Namespace) -> None:
    store = _known_org(_store(stack_outputs(args.stack)), args.org_id)
    _print({"org_id": args.org_id, "aws_accounts": aws_accounts.register(store, args.org_id, args.account)})


def org_remove_account(args: argparse.Namespace) -> None:
    store = _known_org(_store(stack_outputs(args.stack)), args.org_id)
    _print({"org_id": args.org_id, "aws_accounts": aws_accounts.unregister(store, args.org_id, args.account)})


def org_accounts(args: argparse.Namespace) -> None:
    store = _known_org(_store(stack_outputs(args.stack)), args.org_id)
    _print({"org_id": args.org_id, "aws_accounts": store.accounts(args.org_id)})


def key_create(args: argparse.Namespace) -> None:
    outputs = stack_outputs(args.stack)
    try:
        created = create_key(
            _store(outputs),
            pepper(outputs["PepperSecretArn"]),
            org_id=args.org,
            kind=KeyKind(args.kind),
            scopes=_scopes(args.scopes),
            name=args.name,
            valid_days=args.days,
        )
    except UnknownOrganization as error:
        raise AdminError(f"no organization {args.org}") from error
    except InvalidValidity as error:
        raise AdminError(
            f"--days must be 1 to {MAX_VALID_DAYS} (omit it for a key without expiry)"
        ) from error
    record = created.record.model_dump(mode="json", exclude={"key_hash"})
    _print({"key": created.key, "warning": "shown once: store it in a secret manager now", **record})


def key_list(args: argparse.Namespace) -> None:
    records = _store(stack_outputs(args.stack)).keys(args.org)
    _print([record.model_dump(mode="json", exclude={"key_hash"}) for record in records])


def key_revoke(args: argparse.Namespace) -> None:
    try:
        record = revoke_key(_store(stack_outputs(args.stack)), args.org, args.key_id)
    except UnknownKey as error:
        raise AdminError(f"no key {args.key_id} for organization {args.org}") from error
    _print({"key_id": record.key_id, "revoked": True, "effective_within_seconds": 30})


def notify_key_create(args: argparse.Namespace) -> None:
    """A GOV.UK Notify-style key: what Notify's official clients take, with the base URL."""
    outputs = stack_outputs(args.stack)
    _known_org(_store(outputs), args.org)
    created = notify_keys.create_key(
        NotifyKeyStore(aws.client("dynamodb"), outputs["OrganizationsTableName"]),
        pepper(outputs["PepperSecretArn"]),
        org_id=args.org,
        name=args.name,
        kind=args.kind,
    )
    _print(
        {
            "api_key": created.key,
            "base_url": _api_url(args.stack, outputs),
            "warning": "shown once: store it in a secret manager now",
            **created.record.model_dump(mode="json"),
        }
    )


def _api_url(stack: str | None, outputs: dict[str, str]) -> str:
    """The base URL Notify's clients are given: the deployed API, or the local platform's gateway."""
    dev_env = _state_dir() / "dev.env"
    if stack or not dev_env.exists():
        return outputs.get("ApiUrl", "")
    return read_env_file(dev_env).get("NUMERIQC_API_URL", outputs.get("ApiUrl", ""))


def notify_key_list(args: argparse.Namespace) -> None:
    outputs = stack_outputs(args.stack)
    keys = NotifyKeyStore(aws.client("dynamodb"), outputs["OrganizationsTableName"]).notify_keys(
        notify_keys.service_id(args.org)
    )
    _print([record.model_dump(mode="json") for record in keys])


def notify_key_revoke(args: argparse.Namespace) -> None:
    outputs = stack_outputs(args.stack)
    store = NotifyKeyStore(aws.client("dynamodb"), outputs["OrganizationsTableName"])
    record = notify_keys.revoke_key(store, args.org, args.key_id)
    if record is None:
        raise AdminError(f"no Notify key {args.key_id} for organization {args.org}")
    _print({"key_id": record.key_id, "revoked": True, "effective_within_seconds": 30})


def notify_guest_list(args: argparse.Namespace) -> None:
    """Replaces the organization's guest list (team keys send only there); kept hashed."""
    outputs = stack_outputs(args.stack)
    _known_org(_store(outputs), args.org)
    kept, bad = notify_keys.replace_guest_list(
        NotifyKeyStore(aws.client("dynamodb"), outputs["OrganizationsTableName"]),
        pepper(outputs["PepperSecretArn"]),
        args.org,
        args.recipients,
    )
    if bad:
        shown = ", ".join(repr(args.recipients[index]) for index in bad)
        raise AdminError(f"neither an email address nor a valid phone number: {shown} (nothing changed)")
    _print({"org": args.org, "entries": kept, "effective_within_seconds": 30})


def register(commands: Any) -> None:
    """Add the `org` and `key` command groups to the CLI's subparsers."""
    stack = argparse.ArgumentParser(add_help=False)
    stack.add_argument("--stack", help="deployed stack name (default: the local platform of `make dev`)")

    org = commands.add_parser("org", help="manage organizations").add_subparsers(
        dest="org_command", required=True
    )
    create = org.add_parser("create", parents=[stack], help="register an organization")
    create.add_argument("org_id", help="short id, lower case: saaq, mtq, ville-de-quebec")
    create.add_argument("--name-fr", required=True)
    create.add_argument("--name-en", required=True)
    create.add_argument("--contact", required=True, help="the organization's technical contact email")
    create.set_defaults(run=org_create)
    org.add_parser("list", parents=[stack], help="list organizations").set_defaults(run=org_list)
    for name, run, what in (
        ("add-account", org_add_account, "register an AWS account its SQS queues live in"),
        ("remove-account", org_remove_account, "unregister an AWS account"),
    ):
        command = org.add_parser(name, parents=[stack], help=what)
        command.add_argument("org_id")
        command.add_argument("account", type=_account, help="the AWS account id, 12 digits")
        command.set_defaults(run=run)
    accounts = org.add_parser("accounts", parents=[stack], help="list an organization's AWS accounts")
    accounts.add_argument("org_id")
    accounts.set_defaults(run=org_accounts)

    key = commands.add_parser("key", help="manage API keys").add_subparsers(dest="key_command", required=True)
    new = key.add_parser("create", parents=[stack], help="create an API key (shown once)")
    new.add_argument("--org", required=True)
    new.add_argument("--kind", choices=[kind.value for kind in KeyKind], default=KeyKind.LIVE.value)
    new.add_argument(
        "--scopes", required=True, help="comma separated: " + ",".join(scope.value for scope in Scope)
    )
    new.add_argument("--name", default="cle-api", help="what the key is for, to recognise it later")
    new.add_argument(
        "--days",
        type=_days,
        default=None,
        help=f"expire after 1 to {MAX_VALID_DAYS} days (default: never, until revoked)",
    )
    new.set_defaults(run=key_create)
    listing = key.add_parser("list", parents=[stack], help="list an organization's keys (never the keys)")
    listing.add_argument("--org", required=True)
    listing.set_defaults(run=key_list)
    revoke = key.add_parser("revoke", parents=[stack], help="revoke a key (effective within 30 s)")
    revoke.add_argument("--org", required=True)
    revoke.add_argument("key_id")
    revoke.set_defaults(run=key_revoke)

    notify = commands.add_parser("notify-key", help="GOV.UK Notify-style keys").add_subparsers(
        dest="notify_key_command", required=True
    )
    made = notify.add_parser("create", parents=[stack], help="create a Notify key (shown once)")
    made.add_argument("--org", required=True)
    made.add_argument(
        "--kind",
        choices=["live", "test", "team"],
        default="live",
        help="live: delivered; test: never delivered; team: delivered to the guest list only",
    )
    made.add_argument("--name", default="numeriqc", help="the key's readable prefix")
    made.set_defaults(run=notify_key_create)
    listed = notify.add_parser("list", parents=[stack], help="list an organization's Notify keys")
    listed.add_argument("--org", required=True)
    listed.set_defaults(run=notify_key_list)
    dropped = notify.add_parser("revoke", parents=[stack], help="revoke a Notify key (within 30 s)")
    dropped.add_argument("--org", required=True)
    dropped.add_argument("key_id")
    dropped.set_defaults(run=notify_key_revoke)
    guests = notify.add_parser(
        "guest-list",
        parents=[stack],
        help="replace the guest list team keys may send to (emails, phone numbers; kept hashed)",
    )
    guests.add_argument("--org", required=True)
    guests.add_argument("recipients", nargs="*", help="the whole list (none: empty it)")
    guests.set_defaults(run=notify_guest_list)


def run(args: argparse.Namespace) -> int:
    try:
        args.run(args)
    except AdminError as error:
        print(f"numeriqc: {error}", file=sys.stderr)
        return 2
    return 0
