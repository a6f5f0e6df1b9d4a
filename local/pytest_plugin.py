"""pytest fixtures: the real template wiring, booted in-process against moto for each test.

* `numeriqc_template` (session): the synthesized template, synthesized at most once per change of
  `infra/`, `functions/` or `layers/build`, under a file lock (safe with pytest-xdist workers).
* `platform_image` (session): moto's state right after the template's resources were created, once
  per process (`aws.moto_image`): creating them costs ~120 AWS calls, restoring a copy milliseconds.
* `platform` (function): a fresh `LocalRuntime` for that template inside moto's `mock_aws()`, with
  every resource in place (a fresh copy of the image: no state shared with any other test), fake
  credentials and region set, and a `ManualClock` at the real time, or at NUMERIQC_TEST_START
  (an ISO 8601 instant with its offset) to run the suite at a chosen moment: a test that passes
  only at some hours or on some days is found by running it at the instants that matter (a
  Monday 08:59 in Toronto, 20:59 in Montréal, a month's last second, a change of daylight time).
* `make_platform` (function): the same for a template of the test's own (a dict), for tests of
  wiring that the real template does not (yet) contain.

Register with `pytest_plugins = ["numeriqc_local.pytest_plugin"]` in the root conftest.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import moto  # imported before any client exists: moto hooks every botocore client created after it
import pytest

from .account import FAKE_CREDENTIALS, REGION
from .aws.moto_image import MotoImage
from .aws.resources import Created
from .clock import Clock, ManualClock, parse_moment
from .runtime import LocalRuntime
from .template.assembly import Template, load_template

# Kernel caches that hold values from a previous test's moto (clients, the pepper secret).
KERNEL_RESETS = (
    "numeriqc.core.aws:reset_clients",
    "numeriqc.core.secrets:forget_peppers",
    "numeriqc.core.batch:forget_queue_urls",
)

PlatformFactory = Callable[..., LocalRuntime]


def reset_kernel_caches() -> None:
    """Forget what the kernel cached per container; only modules already imported are touched."""
    for target in KERNEL_RESETS:
        module_name, _, function_name = target.partition(":")
        if module_name in sys.modules:
            reset = getattr(importlib.import_module(module_name), function_name, None)
            if callable(reset):
                reset()


@pytest.fixture(scope="session")
def numeriqc_template() -> Template:
    """The synthesized CloudFormation template(s) of the CDK app."""
    return load_template()


@dataclass(frozen=True)
class PlatformImage:
    """The real template's resources as created once: moto's state, and what creation learned."""

    moto: MotoImage
    created: Created


@pytest.fixture
def local_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials, the local region, and no endpoint override: moto's mock intercepts."""
    use_local_aws_environment(monkeypatch)


def use_local_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AWS_REGION", REGION)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    for key in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(key, raising=False)


def starting_clock() -> ManualClock:
    """A manual clock at the real time, or at NUMERIQC_TEST_START."""
    start = os.environ.get("NUMERIQC_TEST_START")
    return ManualClock(parse_moment(start).astimezone(UTC) if start else None)


@pytest.fixture
def make_platform(local_aws_environment: None) -> Iterator[PlatformFactory]:
    """`make_platform(template, clock=None) -> LocalRuntime`, all inside one moto mock per test."""
    mock = moto.mock_aws()
    mock.start()
    reset_kernel_caches()

    def factory(template: Template | Mapping[str, Any], clock: Clock | None = None) -> LocalRuntime:
        runtime = LocalRuntime(template, clock=clock or starting_clock())
        runtime.create_resources()
        return runtime

    try:
        yield factory
    finally:
        mock.stop()
        reset_kernel_caches()


@pytest.fixture(scope="session")
def platform_image(numeriqc_template: Template) -> PlatformImage:
    """The real template's resources created through the AWS APIs, in a mock of their own, once.

    Session-scoped fixtures are set up before any function-scoped one, so no test's mock is
    running yet: this mock's stop() resets what it made, after the image was taken."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_local_aws_environment(monkeypatch)
        mock = moto.mock_aws()
        mock.start()
        reset_kernel_caches()
        try:
            created = LocalRuntime(numeriqc_template, clock=starting_clock()).create_resources()
            return PlatformImage(MotoImage.take(), created)
        finally:
            mock.stop()
            reset_kernel_caches()


@pytest.fixture
def platform(
    numeriqc_template: Template, platform_image: PlatformImage, make_platform: PlatformFactory
) -> LocalRuntime:
    """The whole platform of the real template, fresh for this test.

    `platform.http(method, path, headers=, json=, body=, query=)`, `.invoke(function_id, event)`,
    `.drain()`, `.tick()`, `.outbox()`, `.names[logical_id]`, `.env(function_id)`, `.clock.advance(s)`.
    """
    platform_image.moto.restore()  # into the mock make_platform started for this test
    runtime = LocalRuntime(numeriqc_template, clock=starting_clock())
    runtime.open(platform_image.created)
    return runtime
