"""The demo organization that `numeriqc dev` creates, so a newcomer can call the API at once."""

from numeriqc.core import aws
from numeriqc.core.auth import KeyKind, Scope
from numeriqc.core.secrets import pepper
from numeriqc.organizations import aws_accounts
from numeriqc.organizations.adapters.table import OrganizationsStore
from numeriqc.organizations.registry import create_key, create_organization

from ..account import ACCOUNT_ID

DEMO_ORG = "demo"


def bootstrap(outputs: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Create the demo organization with a live and a test key holding every scope.

    Returns the lines to print and the variables to add to `.numeriqc/dev.env`.
    """
    store = OrganizationsStore(aws.client("dynamodb"), outputs["OrganizationsTableName"])
    secret = pepper(outputs["PepperSecretArn"])
    create_organization(
        store,
        org_id=DEMO_ORG,
        name_fr="Organisme de démonstration",
        name_en="Demonstration organization",
        contact_email="demo@numeriqc.example",
    )
    # Its queues are made in the local account, so they may be subscribed to its events.
    aws_accounts.register(store, DEMO_ORG, ACCOUNT_ID)
    every_scope = set(Scope)
    live = create_key(store, secret, org_id=DEMO_ORG, kind=KeyKind.LIVE, scopes=every_scope, name="demo-live")
    test = create_key(store, secret, org_id=DEMO_ORG, kind=KeyKind.TEST, scopes=every_scope, name="demo-test")
    lines = [
        f"Demo organization: {DEMO_ORG} (every scope, AWS account {ACCOUNT_ID} registered)",
        f"  live key: {live.key}",
        f"  test key: {test.key}",
    ]
    return lines, {
        "NUMERIQC_DEMO_ORG": DEMO_ORG,
        "NUMERIQC_DEMO_LIVE_KEY": live.key,
        "NUMERIQC_DEMO_TEST_KEY": test.key,
    }
