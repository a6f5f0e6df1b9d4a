from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_errors import NotifyErrors
from ...models.notify_get_template_version_v2_template_template_id_version_version_get_return import (
    NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn,
)
from ...types import Response


def _get_kwargs(
    template_id: str,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/template/{template_id}/version/{version}".format(
            template_id=quote(str(template_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn | None:
    if response.status_code == 200:
        response_200 = NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn.from_dict(response.json())

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
) -> Response[NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    template_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn]:
    """Notify : une version / Notify: get a template version

    Args:
        template_id (str): UUID
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    template_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn | None:
    """Notify : une version / Notify: get a template version

    Args:
        template_id (str): UUID
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn
    """

    return sync_detailed(
        template_id=template_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    template_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn]:
    """Notify : une version / Notify: get a template version

    Args:
        template_id (str): UUID
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn]
    """

    kwargs = _get_kwargs(
        template_id=template_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    template_id: str,
    version: int,
    *,
    client: AuthenticatedClient,
) -> NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn | None:
    """Notify : une version / Notify: get a template version

    Args:
        template_id (str): UUID
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyErrors | NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn
    """

    return (
        await asyncio_detailed(
            template_id=template_id,
            version=version,
            client=client,
        )
    ).parsed
