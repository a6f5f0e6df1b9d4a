"""AWS calls the foundation pays per request: the authorizer, a read, a subscription."""

from bench.calls import local_platform, org_key


def report() -> list[str]:
    from numeriqc.core import aws

    lines = ["AWS calls per request, by the functions (authorizer + handler):"]
    with local_platform() as (platform, counter):
        key = org_key(platform)
        from numeriqc.organizations import aws_accounts
        from numeriqc.organizations.adapters.table import OrganizationsStore
        from numeriqc_local.account import ACCOUNT_ID

        # The bench's queue is in the local account: the organization registers it (docs/tenancy.md).
        store = OrganizationsStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])
        aws_accounts.register(store, "bench", ACCOUNT_ID)
        queue = aws.client("sqs").create_queue(QueueName="bench-events")["QueueUrl"]
        arn = aws.client("sqs").get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])[
            "Attributes"
        ]
        headers = {"Authorization": f"Bearer {key}"}
        steps = [
            ("GET /v1/organization, first (cold pepper)", "GET", "/v1/organization", None, {}),
            ("GET /v1/organization, authorizer cached", "GET", "/v1/organization", None, {}),
            ("GET /v1/subscriptions", "GET", "/v1/subscriptions", None, {}),
            (
                "POST /v1/subscriptions with Idempotency-Key",
                "POST",
                "/v1/subscriptions",
                {"family": "feedback", "protocol": "sqs", "endpoint": arn["QueueArn"]},
                {"Idempotency-Key": "bench-1"},
            ),
            (
                "DELETE /v1/subscriptions/{id} (SNS, the claim)",
                "DELETE",
                "/v1/subscriptions/{created}",
                None,
                {},
            ),
            ("GET /health (every dependency)", "GET", "/health", None, {}),
        ]
        from numeriqc.core import secrets

        secrets.forget_peppers()
        created = ""
        for label, method, path, body, extra in steps:
            counter.reset()
            response = platform.http(
                method, path.format(created=created), headers={**headers, **extra}, json=body
            )
            if method == "POST" and response.status == 201:
                created = response.json()["subscription_id"]
            lines.append(f"  {label:<48} {counter.total:3d} calls  [{response.status}] {counter.describe()}")
    return lines
