from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_errors import NotifyErrors
from ...models.notify_send_sms_v2_notifications_sms_post_return import NotifySendSmsV2NotificationsSmsPostReturn
from ...models.notify_sms_in import NotifySmsIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NotifySmsIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/notifications/sms",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn | None:
    if response.status_code == 201:
        response_201 = NotifySendSmsV2NotificationsSmsPostReturn.from_dict(response.json())

        return response_201

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

    if response.status_code == 429:
        response_429 = NotifyErrors.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NotifySmsIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn]:
    """Notify : un texto / Notify: send an SMS

    Args:
        idempotency_key (str | Unset):
        body (NotifySmsIn): Notify's POST /v2/notifications/sms body; `language` is numériQc's
            ([[fr]]/[[en]] blocks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: NotifySmsIn,
    idempotency_key: str | Unset = UNSET,
) -> NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn | None:
    """Notify : un texto / Notify: send an SMS

    Args:
        idempotency_key (str | Unset):
        body (NotifySmsIn): Notify's POST /v2/notifications/sms body; `language` is numériQc's
            ([[fr]]/[[en]] blocks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NotifySmsIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn]:
    """Notify : un texto / Notify: send an SMS

    Args:
        idempotency_key (str | Unset):
        body (NotifySmsIn): Notify's POST /v2/notifications/sms body; `language` is numériQc's
            ([[fr]]/[[en]] blocks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NotifySmsIn,
    idempotency_key: str | Unset = UNSET,
) -> NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn | None:
    """Notify : un texto / Notify: send an SMS

    Args:
        idempotency_key (str | Unset):
        body (NotifySmsIn): Notify's POST /v2/notifications/sms body; `language` is numériQc's
            ([[fr]]/[[en]] blocks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifySendSmsV2NotificationsSmsPostReturn
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
