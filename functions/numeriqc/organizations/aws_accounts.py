"""The AWS accounts an organization declares its SQS queues live in. Pure logic over `AccountRecords`.

A queue subscription is accepted only in a registered account (`subscriptions.py`). Registering is
the organization's own statement, through the API or the operator's `numeriqc org add-account`;
the proof of control is AWS's: SNS does not deliver to a queue of another account than the
platform's until someone reading that queue answers the SubscriptionConfirmation message it put
there, and the queue's own policy must let the platform's topic send to it. Several organizations
may register one account (a shared-services account hosting many ministries' queues): each queue
still belongs to the first organization that subscribes it (the endpoint claim).
"""

from numeriqc.organizations.ports import AccountRecords


def register(records: AccountRecords, org_id: str, account_id: str) -> list[str]:
    """Idempotent: registering a registered account changes nothing. Answers every account."""
    records.add_account(org_id, account_id)
    return records.accounts(org_id)


def unregister(records: AccountRecords, org_id: str, account_id: str) -> list[str]:
    """Subscriptions already made to queues of that account stay until deleted."""
    records.remove_account(org_id, account_id)
    return records.accounts(org_id)
