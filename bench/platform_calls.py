"""AWS calls the foundation pays per request: the authorizer, a read, a subscription."""

from bench.calls import local_platform


def report() -> list[str]:
    from numeriqc.core import aws
    from numeriqc.core.auth import KeyKind, Scope
    from numeriqc.core.secrets import pepper
    from numeriqc.organizations import registry
    from numeriqc.organizations.store import OrganizationsStore

    lines = ["AWS calls per request, by the functions (authorizer + handler):"]
    with local_platform() as (platform, counter):
        store = OrganizationsStore(aws.client("dynamodb"), platform.names["OrganizationsTable"])
        registry.create_organization(
            store, org_id="bench", name_fr="Banc", name_en="Bench", contact_email="b@b.example"
        )
        key = registry.create_key(
            store,
            pepper(platform.names["Pepper"]),
            org_id="bench",
            kind=KeyKind.LIVE,
            scopes=set(Scope),
            name="b",
        ).key
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
            ("GET /health (every dependency)", "GET", "/health", None, {}),
        ]
        from numeriqc.core import secrets

        secrets.forget_peppers()
        for label, method, path, body, extra in steps:
            counter.reset()
            response = platform.http(method, path, headers={**headers, **extra}, json=body)
            lines.append(f"  {label:<48} {counter.total:3d} calls  [{response.status}] {counter.describe()}")
    return lines
