from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    dataset: str,
    from_: int | Unset = 1,
    to: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["dataset"] = dataset

    params["from"] = from_

    json_to: int | None | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/exchange/log/verify",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    dataset: str,
    from_: int | Unset = 1,
    to: int | None | Unset = UNSET,
) -> Response[Problem]:
    """Vérifier une plage du journal / verify a range of the log

    Args:
        dataset (str): `<org>.<slug>`
        from_ (int | Unset): Première entrée / first entry Default: 1.
        to (int | None | Unset): Dernière entrée / last entry

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        dataset=dataset,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    dataset: str,
    from_: int | Unset = 1,
    to: int | None | Unset = UNSET,
) -> Problem | None:
    """Vérifier une plage du journal / verify a range of the log

    Args:
        dataset (str): `<org>.<slug>`
        from_ (int | Unset): Première entrée / first entry Default: 1.
        to (int | None | Unset): Dernière entrée / last entry

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        client=client,
        dataset=dataset,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    dataset: str,
    from_: int | Unset = 1,
    to: int | None | Unset = UNSET,
) -> Response[Problem]:
    """Vérifier une plage du journal / verify a range of the log

    Args:
        dataset (str): `<org>.<slug>`
        from_ (int | Unset): Première entrée / first entry Default: 1.
        to (int | None | Unset): Dernière entrée / last entry

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        dataset=dataset,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    dataset: str,
    from_: int | Unset = 1,
    to: int | None | Unset = UNSET,
) -> Problem | None:
    """Vérifier une plage du journal / verify a range of the log

    Args:
        dataset (str): `<org>.<slug>`
        from_ (int | Unset): Première entrée / first entry Default: 1.
        to (int | None | Unset): Dernière entrée / last entry

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            dataset=dataset,
            from_=from_,
            to=to,
        )
    ).parsed
