from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_errors import NotifyErrors
from ...models.notify_get_template_v2_template_template_id_get_return import (
    NotifyGetTemplateV2TemplateTemplateIdGetReturn,
)
from ...types import Response


def _get_kwargs(
    template_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/template/{template_id}".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn | None:
    if response.status_code == 200:
        response_200 = NotifyGetTemplateV2TemplateTemplateIdGetReturn.from_dict(response.json())

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
) -> Response[NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn]:
    """Notify : un gabarit / Notify: get a template

    Args:
        template_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient,
) -> NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn | None:
    """Notify : un gabarit / Notify: get a template

    Args:
        template_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn]:
    """Notify : un gabarit / Notify: get a template

    Args:
        template_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient,
) -> NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn | None:
    """Notify : un gabarit / Notify: get a template

    Args:
        template_id (str): UUID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyGetTemplateV2TemplateTemplateIdGetReturn
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
        )
    ).parsed
