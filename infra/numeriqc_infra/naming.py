"""Readable, stable logical ids for the resources that people and the local runtime name.

CDK's default logical id is the construct path plus a hash of it, so it changes whenever a
construct moves. The local runtime derives physical names from logical ids, and the CLI, runbooks
and tests name these resources, so the main ones get a fixed id instead. CloudFormation refuses a
template with two resources of the same id, so a clash fails at synth, never silently.
"""

from typing import cast

from aws_cdk import CfnElement
from constructs import IConstruct


def fix_logical_id(construct: IConstruct, logical_id: str) -> None:
    """Give the CloudFormation resource behind an L2 construct (or an L1 itself) a fixed id."""
    element = construct if isinstance(construct, CfnElement) else construct.node.default_child
    cast(CfnElement, element).override_logical_id(logical_id)
