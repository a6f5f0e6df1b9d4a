from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.notify_errors import NotifyErrors
from ...models.notify_list_notifications_v2_notifications_get_return import (
    NotifyListNotificationsV2NotificationsGetReturn,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    template_type: Channel | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    older_than: None | str | Unset = UNSET,
    include_jobs: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_template_type: None | str | Unset
    if isinstance(template_type, Unset):
        json_template_type = UNSET
    elif isinstance(template_type, Channel):
        json_template_type = template_type.value
    else:
        json_template_type = template_type
    params["template_type"] = json_template_type

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_reference: None | str | Unset
    if isinstance(reference, Unset):
        json_reference = UNSET
    else:
        json_reference = reference
    params["reference"] = json_reference

    json_older_than: None | str | Unset
    if isinstance(older_than, Unset):
        json_older_than = UNSET
    else:
        json_older_than = older_than
    params["older_than"] = json_older_than

    json_include_jobs: None | str | Unset
    if isinstance(include_jobs, Unset):
        json_include_jobs = UNSET
    else:
        json_include_jobs = include_jobs
    params["include_jobs"] = json_include_jobs

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn | None:
    if response.status_code == 200:
        response_200 = NotifyListNotificationsV2NotificationsGetReturn.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = NotifyErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = NotifyErrors.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = NotifyErrors.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = NotifyErrors.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    template_type: Channel | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    older_than: None | str | Unset = UNSET,
    include_jobs: None | str | Unset = UNSET,
) -> Response[NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn]:
    """Notify : lister / Notify: list notifications

    Args:
        template_type (Channel | None | Unset):
        status (None | str | Unset):
        reference (None | str | Unset):
        older_than (None | str | Unset):
        include_jobs (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn]
    """

    kwargs = _get_kwargs(
        template_type=template_type,
        status=status,
        reference=reference,
        older_than=older_than,
        include_jobs=include_jobs,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    template_type: Channel | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    older_than: None | str | Unset = UNSET,
    include_jobs: None | str | Unset = UNSET,
) -> NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn | None:
    """Notify : lister / Notify: list notifications

    Args:
        template_type (Channel | None | Unset):
        status (None | str | Unset):
        reference (None | str | Unset):
        older_than (None | str | Unset):
        include_jobs (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn
    """

    return sync_detailed(
        client=client,
        template_type=template_type,
        status=status,
        reference=reference,
        older_than=older_than,
        include_jobs=include_jobs,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    template_type: Channel | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    older_than: None | str | Unset = UNSET,
    include_jobs: None | str | Unset = UNSET,
) -> Response[NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn]:
    """Notify : lister / Notify: list notifications

    Args:
        template_type (Channel | None | Unset):
        status (None | str | Unset):
        reference (None | str | Unset):
        older_than (None | str | Unset):
        include_jobs (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn]
    """

    kwargs = _get_kwargs(
        template_type=template_type,
        status=status,
        reference=reference,
        older_than=older_than,
        include_jobs=include_jobs,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    template_type: Channel | None | Unset = UNSET,
    status: None | str | Unset = UNSET,
    reference: None | str | Unset = UNSET,
    older_than: None | str | Unset = UNSET,
    include_jobs: None | str | Unset = UNSET,
) -> NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn | None:
    """Notify : lister / Notify: list notifications

    Args:
        template_type (Channel | None | Unset):
        status (None | str | Unset):
        reference (None | str | Unset):
        older_than (None | str | Unset):
        include_jobs (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyListNotificationsV2NotificationsGetReturn
    """

    return (
        await asyncio_detailed(
            client=client,
            template_type=template_type,
            status=status,
            reference=reference,
            older_than=older_than,
            include_jobs=include_jobs,
        )
    ).parsed
