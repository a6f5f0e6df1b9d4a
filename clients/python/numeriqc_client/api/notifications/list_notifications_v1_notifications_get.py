from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.notification_list import NotificationList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    job_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    page: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_channel: None | str | Unset
    if isinstance(channel, Unset):
        json_channel = UNSET
    elif isinstance(channel, Channel):
        json_channel = channel.value
    else:
        json_channel = channel
    params["channel"] = json_channel

    json_reference: None | str | Unset
    if isinstance(reference, Unset):
        json_reference = UNSET
    else:
        json_reference = reference
    params["reference"] = json_reference

    json_job_id: None | str | Unset
    if isinstance(job_id, Unset):
        json_job_id = UNSET
    else:
        json_job_id = job_id
    params["job_id"] = json_job_id

    params["limit"] = limit

    json_page: None | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    else:
        json_page = page
    params["page"] = json_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotificationList | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationList.from_dict(response.json())

        return response_200

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotificationList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    job_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    page: None | str | Unset = UNSET,
) -> Response[NotificationList | Problem]:
    """Lister, filtrer / list, filter

    Args:
        status (None | str | Unset):
        channel (Channel | None | Unset):
        reference (None | str | Unset):
        job_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        page (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        channel=channel,
        reference=reference,
        job_id=job_id,
        limit=limit,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    job_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    page: None | str | Unset = UNSET,
) -> NotificationList | Problem | None:
    """Lister, filtrer / list, filter

    Args:
        status (None | str | Unset):
        channel (Channel | None | Unset):
        reference (None | str | Unset):
        job_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        page (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        channel=channel,
        reference=reference,
        job_id=job_id,
        limit=limit,
        page=page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    job_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    page: None | str | Unset = UNSET,
) -> Response[NotificationList | Problem]:
    """Lister, filtrer / list, filter

    Args:
        status (None | str | Unset):
        channel (Channel | None | Unset):
        reference (None | str | Unset):
        job_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        page (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        channel=channel,
        reference=reference,
        job_id=job_id,
        limit=limit,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    channel: Channel | None | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    job_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    page: None | str | Unset = UNSET,
) -> NotificationList | Problem | None:
    """Lister, filtrer / list, filter

    Args:
        status (None | str | Unset):
        channel (Channel | None | Unset):
        reference (None | str | Unset):
        job_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        page (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            channel=channel,
            reference=reference,
            job_id=job_id,
            limit=limit,
            page=page,
        )
    ).parsed
