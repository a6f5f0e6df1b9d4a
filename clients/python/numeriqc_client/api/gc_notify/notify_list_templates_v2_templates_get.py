from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.channel import Channel
from ...models.notify_errors import NotifyErrors
from ...models.notify_list_templates_v2_templates_get_return import NotifyListTemplatesV2TemplatesGetReturn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: Channel | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, Channel):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/templates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn | None:
    if response.status_code == 200:
        response_200 = NotifyListTemplatesV2TemplatesGetReturn.from_dict(response.json())

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
) -> Response[NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: Channel | None | Unset = UNSET,
) -> Response[NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn]:
    """Notify : tous les gabarits / Notify: all templates

    Args:
        type_ (Channel | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn]
    """

    kwargs = _get_kwargs(
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    type_: Channel | None | Unset = UNSET,
) -> NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn | None:
    """Notify : tous les gabarits / Notify: all templates

    Args:
        type_ (Channel | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn
    """

    return sync_detailed(
        client=client,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: Channel | None | Unset = UNSET,
) -> Response[NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn]:
    """Notify : tous les gabarits / Notify: all templates

    Args:
        type_ (Channel | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn]
    """

    kwargs = _get_kwargs(
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: Channel | None | Unset = UNSET,
) -> NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn | None:
    """Notify : tous les gabarits / Notify: all templates

    Args:
        type_ (Channel | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyListTemplatesV2TemplatesGetReturn
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
        )
    ).parsed
