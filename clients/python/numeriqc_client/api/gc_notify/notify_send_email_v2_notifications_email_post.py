from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_email_in import NotifyEmailIn
from ...models.notify_errors import NotifyErrors
from ...models.notify_send_email_v2_notifications_email_post_return import NotifySendEmailV2NotificationsEmailPostReturn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NotifyEmailIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/notifications/email",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn | None:
    if response.status_code == 201:
        response_201 = NotifySendEmailV2NotificationsEmailPostReturn.from_dict(response.json())

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
) -> Response[NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NotifyEmailIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn]:
    """Notify : un courriel / Notify: send an email

    Args:
        idempotency_key (str | Unset):
        body (NotifyEmailIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn]
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
    body: NotifyEmailIn,
    idempotency_key: str | Unset = UNSET,
) -> NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn | None:
    """Notify : un courriel / Notify: send an email

    Args:
        idempotency_key (str | Unset):
        body (NotifyEmailIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NotifyEmailIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn]:
    """Notify : un courriel / Notify: send an email

    Args:
        idempotency_key (str | Unset):
        body (NotifyEmailIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn]
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
    body: NotifyEmailIn,
    idempotency_key: str | Unset = UNSET,
) -> NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn | None:
    """Notify : un courriel / Notify: send an email

    Args:
        idempotency_key (str | Unset):
        body (NotifyEmailIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifySendEmailV2NotificationsEmailPostReturn
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
