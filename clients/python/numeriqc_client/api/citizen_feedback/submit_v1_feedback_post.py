from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.feedback_in import FeedbackIn
from ...models.problem import Problem
from ...models.receipt import Receipt
from ...types import Response


def _get_kwargs(
    *,
    body: FeedbackIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/feedback",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Receipt | None:
    if response.status_code == 201:
        response_201 = Receipt.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Receipt]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FeedbackIn,
) -> Response[Problem | Receipt]:
    """Donner son avis sur un service / rate a service

     Public, sans clé. Les renseignements personnels du commentaire sont retirés avant tout
    enregistrement; au plus 10 envois par minute; un envoi identique dans les 5 minutes reçoit le même
    reçu. / Public, no key. Personal information is removed from the comment before anything is stored;
    at most 10 submissions a minute; the same submission within 5 minutes gets the same receipt.

    Args:
        body (FeedbackIn): What the widget (or any client) posts. `website` is the honeypot:
            people never see it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Receipt]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FeedbackIn,
) -> Problem | Receipt | None:
    """Donner son avis sur un service / rate a service

     Public, sans clé. Les renseignements personnels du commentaire sont retirés avant tout
    enregistrement; au plus 10 envois par minute; un envoi identique dans les 5 minutes reçoit le même
    reçu. / Public, no key. Personal information is removed from the comment before anything is stored;
    at most 10 submissions a minute; the same submission within 5 minutes gets the same receipt.

    Args:
        body (FeedbackIn): What the widget (or any client) posts. `website` is the honeypot:
            people never see it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Receipt
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FeedbackIn,
) -> Response[Problem | Receipt]:
    """Donner son avis sur un service / rate a service

     Public, sans clé. Les renseignements personnels du commentaire sont retirés avant tout
    enregistrement; au plus 10 envois par minute; un envoi identique dans les 5 minutes reçoit le même
    reçu. / Public, no key. Personal information is removed from the comment before anything is stored;
    at most 10 submissions a minute; the same submission within 5 minutes gets the same receipt.

    Args:
        body (FeedbackIn): What the widget (or any client) posts. `website` is the honeypot:
            people never see it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Receipt]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FeedbackIn,
) -> Problem | Receipt | None:
    """Donner son avis sur un service / rate a service

     Public, sans clé. Les renseignements personnels du commentaire sont retirés avant tout
    enregistrement; au plus 10 envois par minute; un envoi identique dans les 5 minutes reçoit le même
    reçu. / Public, no key. Personal information is removed from the comment before anything is stored;
    at most 10 submissions a minute; the same submission within 5 minutes gets the same receipt.

    Args:
        body (FeedbackIn): What the widget (or any client) posts. `website` is the honeypot:
            people never see it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Receipt
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
