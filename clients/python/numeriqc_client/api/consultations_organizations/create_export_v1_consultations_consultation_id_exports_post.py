from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export import Export
from ...models.export_in import ExportIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    consultation_id: str,
    *,
    body: ExportIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/consultations/{consultation_id}/exports".format(
            consultation_id=quote(str(consultation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Export | Problem | None:
    if response.status_code == 202:
        response_202 = Export.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Export | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    consultation_id: str,
    *,
    client: AuthenticatedClient,
    body: ExportIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Export | Problem]:
    """Exporter en données ouvertes (CSV, JSON) / export as open data (CSV, JSON)

    Args:
        consultation_id (str): ULID
        idempotency_key (str | Unset):
        body (ExportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Export | Problem]
    """

    kwargs = _get_kwargs(
        consultation_id=consultation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consultation_id: str,
    *,
    client: AuthenticatedClient,
    body: ExportIn,
    idempotency_key: str | Unset = UNSET,
) -> Export | Problem | None:
    """Exporter en données ouvertes (CSV, JSON) / export as open data (CSV, JSON)

    Args:
        consultation_id (str): ULID
        idempotency_key (str | Unset):
        body (ExportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Export | Problem
    """

    return sync_detailed(
        consultation_id=consultation_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    consultation_id: str,
    *,
    client: AuthenticatedClient,
    body: ExportIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Export | Problem]:
    """Exporter en données ouvertes (CSV, JSON) / export as open data (CSV, JSON)

    Args:
        consultation_id (str): ULID
        idempotency_key (str | Unset):
        body (ExportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Export | Problem]
    """

    kwargs = _get_kwargs(
        consultation_id=consultation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consultation_id: str,
    *,
    client: AuthenticatedClient,
    body: ExportIn,
    idempotency_key: str | Unset = UNSET,
) -> Export | Problem | None:
    """Exporter en données ouvertes (CSV, JSON) / export as open data (CSV, JSON)

    Args:
        consultation_id (str): ULID
        idempotency_key (str | Unset):
        body (ExportIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Export | Problem
    """

    return (
        await asyncio_detailed(
            consultation_id=consultation_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
