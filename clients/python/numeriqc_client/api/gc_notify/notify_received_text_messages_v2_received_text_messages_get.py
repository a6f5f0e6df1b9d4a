from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_errors import NotifyErrors
from ...models.notify_received_text_messages_v2_received_text_messages_get_return import (
    NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    older_than: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_older_than: None | str | Unset
    if isinstance(older_than, Unset):
        json_older_than = UNSET
    else:
        json_older_than = older_than
    params["older_than"] = json_older_than

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/received-text-messages",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn | None:
    if response.status_code == 200:
        response_200 = NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn.from_dict(response.json())

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
) -> Response[NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    older_than: None | str | Unset = UNSET,
) -> Response[NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn]:
    """Notify : textos reçus / Notify: received text messages

    Args:
        older_than (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn]
    """

    kwargs = _get_kwargs(
        older_than=older_than,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    older_than: None | str | Unset = UNSET,
) -> NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn | None:
    """Notify : textos reçus / Notify: received text messages

    Args:
        older_than (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn
    """

    return sync_detailed(
        client=client,
        older_than=older_than,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    older_than: None | str | Unset = UNSET,
) -> Response[NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn]:
    """Notify : textos reçus / Notify: received text messages

    Args:
        older_than (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn]
    """

    kwargs = _get_kwargs(
        older_than=older_than,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    older_than: None | str | Unset = UNSET,
) -> NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn | None:
    """Notify : textos reçus / Notify: received text messages

    Args:
        older_than (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn
    """

    return (
        await asyncio_detailed(
            client=client,
            older_than=older_than,
        )
    ).parsed
