from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_errors import NotifyErrors
from ...models.notify_get_notification_v2_notifications_notification_id_get_return import (
    NotifyGetNotificationV2NotificationsNotificationIdGetReturn,
)
from ...types import Response


def _get_kwargs(
    notification_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/notifications/{notification_id}".format(
            notification_id=quote(str(notification_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn | None:
    if response.status_code == 200:
        response_200 = NotifyGetNotificationV2NotificationsNotificationIdGetReturn.from_dict(response.json())

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
) -> Response[NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notification_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn]:
    """Notify : une notification / Notify: get a notification

    Args:
        notification_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn]
    """

    kwargs = _get_kwargs(
        notification_id=notification_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    notification_id: str,
    *,
    client: AuthenticatedClient,
) -> NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn | None:
    """Notify : une notification / Notify: get a notification

    Args:
        notification_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn
    """

    return sync_detailed(
        notification_id=notification_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    notification_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn]:
    """Notify : une notification / Notify: get a notification

    Args:
        notification_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn]
    """

    kwargs = _get_kwargs(
        notification_id=notification_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    notification_id: str,
    *,
    client: AuthenticatedClient,
) -> NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn | None:
    """Notify : une notification / Notify: get a notification

    Args:
        notification_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyGetNotificationV2NotificationsNotificationIdGetReturn
    """

    return (
        await asyncio_detailed(
            notification_id=notification_id,
            client=client,
        )
    ).parsed
