import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.feedback_page import FeedbackPage
from ...models.problem import Problem
from ...models.status import Status
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    service_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    rating: int | None | Unset = UNSET,
    has_comment: bool | None | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 25,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    else:
        json_service_id = service_id
    params["service_id"] = json_service_id

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    json_rating: int | None | Unset
    if isinstance(rating, Unset):
        json_rating = UNSET
    else:
        json_rating = rating
    params["rating"] = json_rating

    json_has_comment: bool | None | Unset
    if isinstance(has_comment, Unset):
        json_has_comment = UNSET
    else:
        json_has_comment = has_comment
    params["has_comment"] = json_has_comment

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, Status):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/feedback",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FeedbackPage | Problem | None:
    if response.status_code == 200:
        response_200 = FeedbackPage.from_dict(response.json())

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
) -> Response[FeedbackPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    service_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    rating: int | None | Unset = UNSET,
    has_comment: bool | None | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 25,
    cursor: None | str | Unset = UNSET,
) -> Response[FeedbackPage | Problem]:
    """Chercher dans la rétroaction / search feedback

    Args:
        service_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Reçue à partir de / received from
        until (datetime.datetime | None | Unset): Reçue avant / received before
        rating (int | None | Unset):
        has_comment (bool | None | Unset): Avec commentaire / with comment
        status (None | Status | Unset):
        limit (int | Unset):  Default: 25.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedbackPage | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        since=since,
        until=until,
        rating=rating,
        has_comment=has_comment,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    service_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    rating: int | None | Unset = UNSET,
    has_comment: bool | None | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 25,
    cursor: None | str | Unset = UNSET,
) -> FeedbackPage | Problem | None:
    """Chercher dans la rétroaction / search feedback

    Args:
        service_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Reçue à partir de / received from
        until (datetime.datetime | None | Unset): Reçue avant / received before
        rating (int | None | Unset):
        has_comment (bool | None | Unset): Avec commentaire / with comment
        status (None | Status | Unset):
        limit (int | Unset):  Default: 25.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedbackPage | Problem
    """

    return sync_detailed(
        client=client,
        service_id=service_id,
        since=since,
        until=until,
        rating=rating,
        has_comment=has_comment,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    service_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    rating: int | None | Unset = UNSET,
    has_comment: bool | None | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 25,
    cursor: None | str | Unset = UNSET,
) -> Response[FeedbackPage | Problem]:
    """Chercher dans la rétroaction / search feedback

    Args:
        service_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Reçue à partir de / received from
        until (datetime.datetime | None | Unset): Reçue avant / received before
        rating (int | None | Unset):
        has_comment (bool | None | Unset): Avec commentaire / with comment
        status (None | Status | Unset):
        limit (int | Unset):  Default: 25.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedbackPage | Problem]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        since=since,
        until=until,
        rating=rating,
        has_comment=has_comment,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    service_id: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
    rating: int | None | Unset = UNSET,
    has_comment: bool | None | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 25,
    cursor: None | str | Unset = UNSET,
) -> FeedbackPage | Problem | None:
    """Chercher dans la rétroaction / search feedback

    Args:
        service_id (None | str | Unset):
        since (datetime.datetime | None | Unset): Reçue à partir de / received from
        until (datetime.datetime | None | Unset): Reçue avant / received before
        rating (int | None | Unset):
        has_comment (bool | None | Unset): Avec commentaire / with comment
        status (None | Status | Unset):
        limit (int | Unset):  Default: 25.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedbackPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            service_id=service_id,
            since=since,
            until=until,
            rating=rating,
            has_comment=has_comment,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
