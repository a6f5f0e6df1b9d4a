from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_errors import NotifyErrors
from ...models.notify_preview_in import NotifyPreviewIn
from ...models.notify_preview_template_v2_template_template_id_preview_post_return import (
    NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn,
)
from ...types import Response


def _get_kwargs(
    template_id: str,
    *,
    body: NotifyPreviewIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/template/{template_id}/preview".format(
            template_id=quote(str(template_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn | None:
    if response.status_code == 200:
        response_200 = NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = NotifyErrors.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn]:
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
    body: NotifyPreviewIn,
) -> Response[NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn]:
    """Notify : aperçu / Notify: preview a template

    Args:
        template_id (str): UUID
        body (NotifyPreviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: NotifyPreviewIn,
) -> NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn | None:
    """Notify : aperçu / Notify: preview a template

    Args:
        template_id (str): UUID
        body (NotifyPreviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn
    """

    return sync_detailed(
        template_id=template_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: NotifyPreviewIn,
) -> Response[NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn]:
    """Notify : aperçu / Notify: preview a template

    Args:
        template_id (str): UUID
        body (NotifyPreviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    *,
    client: AuthenticatedClient,
    body: NotifyPreviewIn,
) -> NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn | None:
    """Notify : aperçu / Notify: preview a template

    Args:
        template_id (str): UUID
        body (NotifyPreviewIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            client=client,
            body=body,
        )
    ).parsed
