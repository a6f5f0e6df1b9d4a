"""cdk-nag acknowledgments: every one names the finding it covers and says why it is acceptable.

cdk-nag 3 reads acknowledgments recorded with CDK's `Validations.of(scope).acknowledge()`; an
acknowledgment applies to the scope and everything below it. Going through `acknowledge()` here
keeps the rule that a reason is never empty in one place (tests/infra checks it on the template's
construct tree too).
"""

from aws_cdk import Acknowledgment, Validations
from constructs import IConstruct


def acknowledge(scope: IConstruct, finding: str, reason: str) -> None:
    """Acknowledge one cdk-nag finding, e.g. `AwsSolutions-IAM5[Resource::*]`, on `scope`."""
    if not reason.strip():
        raise ValueError(f"acknowledgment of {finding} on {scope.node.path} needs a reason")
    Validations.of(scope).acknowledge(Acknowledgment(id=finding, reason=reason))
