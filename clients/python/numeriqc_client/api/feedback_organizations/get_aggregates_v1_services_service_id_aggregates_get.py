import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aggregate_list import AggregateList
from ...models.period import Period
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    service_id: str,
    *,
    period: Period | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.date):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/services/{service_id}/aggregates".format(
            service_id=quote(str(service_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AggregateList | Problem | None:
    if response.status_code == 200:
        response_200 = AggregateList.from_dict(response.json())

        return response_200

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AggregateList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    service_id: str,
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[AggregateList | Problem]:
    """Agrégats par jour, semaine ou mois / aggregates per day, week or month

    Args:
        service_id (str): `<org>.<slug>`
        period (Period | Unset):
        since (datetime.date | None | Unset): Première date (heure du Québec) / first date
        until (datetime.date | None | Unset): Dernière date incluse / last date, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregateList | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        period=period,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    service_id: str,
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> AggregateList | Problem | None:
    """Agrégats par jour, semaine ou mois / aggregates per day, week or month

    Args:
        service_id (str): `<org>.<slug>`
        period (Period | Unset):
        since (datetime.date | None | Unset): Première date (heure du Québec) / first date
        until (datetime.date | None | Unset): Dernière date incluse / last date, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregateList | Problem
    """

    return sync_detailed(
        service_id=service_id,
        client=client,
        period=period,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    service_id: str,
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[AggregateList | Problem]:
    """Agrégats par jour, semaine ou mois / aggregates per day, week or month

    Args:
        service_id (str): `<org>.<slug>`
        period (Period | Unset):
        since (datetime.date | None | Unset): Première date (heure du Québec) / first date
        until (datetime.date | None | Unset): Dernière date incluse / last date, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AggregateList | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        period=period,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_id: str,
    *,
    client: AuthenticatedClient,
    period: Period | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> AggregateList | Problem | None:
    """Agrégats par jour, semaine ou mois / aggregates per day, week or month

    Args:
        service_id (str): `<org>.<slug>`
        period (Period | Unset):
        since (datetime.date | None | Unset): Première date (heure du Québec) / first date
        until (datetime.date | None | Unset): Dernière date incluse / last date, included

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AggregateList | Problem
    """

    return (
        await asyncio_detailed(
            service_id=service_id,
            client=client,
            period=period,
            since=since,
            until=until,
        )
    ).parsed
