"""The generated Python client (clients/python) against a running `numeriqc dev`, as organizations use it."""

import sys
from pathlib import Path
from typing import Any

import pytest

from .test_feedback_e2e import demo_key

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))
from numeriqc_client import AuthenticatedClient
from numeriqc_client.api.feedback_organizations import (
    list_services_v1_services_get as list_services,
)
from numeriqc_client.api.feedback_organizations import (
    register_service_v1_services_post as register_service,
)
from numeriqc_client.models import Problem, Service, ServiceIn, ServiceList

pytestmark = pytest.mark.e2e


def test_an_organization_registers_and_lists_its_services_with_the_client(dev_platform: Any) -> None:
    with AuthenticatedClient(base_url=dev_platform.url, token=demo_key(dev_platform)) as client:
        body = ServiceIn(slug="client-python", name_fr="Essai du client", name_en="Client test")
        created = register_service.sync_detailed(client=client, body=body, idempotency_key="client-python-1")
        assert created.status_code in (201, 409), created.content
        if created.status_code == 201:
            assert isinstance(created.parsed, Service) and created.parsed.service_id == "demo.client-python"
        listed = list_services.sync(client=client)
        assert isinstance(listed, ServiceList)
        assert "demo.client-python" in [service.service_id for service in listed.items]


def test_refusals_arrive_as_typed_problems_in_the_language_asked(dev_platform: Any) -> None:
    client = AuthenticatedClient(base_url=dev_platform.url, token="nqc_live_nope").with_headers(
        {"Accept-Language": "en"}
    )
    with client:
        refused = list_services.sync(client=client)
    assert isinstance(refused, Problem) and refused.status == 401
    assert refused.title.isascii()  # English, not "Clé ... refusée"
