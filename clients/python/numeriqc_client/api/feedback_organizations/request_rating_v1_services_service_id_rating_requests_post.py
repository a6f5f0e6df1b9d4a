from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rating_request_in import RatingRequestIn
from ...models.rating_requested import RatingRequested
from ...types import UNSET, Response, Unset


def _get_kwargs(
    service_id: str,
    *,
    body: RatingRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/services/{service_id}/rating-requests".format(
            service_id=quote(str(service_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RatingRequested | None:
    if response.status_code == 202:
        response_202 = RatingRequested.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RatingRequested]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    service_id: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RatingRequested]:
    """Demander une note (1 à 5) par texto / ask a consenting number for a rating by SMS

    Args:
        service_id (str): `<org>.<slug>`
        idempotency_key (str | Unset):
        body (RatingRequestIn): Ask one consenting number, by SMS, to rate the service it just
            used (1 to 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatingRequested]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    service_id: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RatingRequested | None:
    """Demander une note (1 à 5) par texto / ask a consenting number for a rating by SMS

    Args:
        service_id (str): `<org>.<slug>`
        idempotency_key (str | Unset):
        body (RatingRequestIn): Ask one consenting number, by SMS, to rate the service it just
            used (1 to 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatingRequested
    """

    return sync_detailed(
        service_id=service_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    service_id: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RatingRequested]:
    """Demander une note (1 à 5) par texto / ask a consenting number for a rating by SMS

    Args:
        service_id (str): `<org>.<slug>`
        idempotency_key (str | Unset):
        body (RatingRequestIn): Ask one consenting number, by SMS, to rate the service it just
            used (1 to 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RatingRequested]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_id: str,
    *,
    client: AuthenticatedClient,
    body: RatingRequestIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RatingRequested | None:
    """Demander une note (1 à 5) par texto / ask a consenting number for a rating by SMS

    Args:
        service_id (str): `<org>.<slug>`
        idempotency_key (str | Unset):
        body (RatingRequestIn): Ask one consenting number, by SMS, to rate the service it just
            used (1 to 5).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RatingRequested
    """

    return (
        await asyncio_detailed(
            service_id=service_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
