from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answers_in import AnswersIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    consultation_id: str,
    *,
    body: AnswersIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/public/consultations/{consultation_id}/answers".format(
            consultation_id=quote(str(consultation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    consultation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnswersIn,
) -> Response[Problem]:
    """Répondre, ou changer ses réponses / answer, or change one's answers

     Public, sans clé. `participant` est un secret que la page garde : renvoyer les mêmes réponses ne
    compte qu'une fois, en envoyer d'autres les remplace (la dernière compte). / Public, no key.
    `participant` is a secret the page keeps: sending the same answers counts once, sending others
    replaces them (the last one counts).

    Args:
        consultation_id (str): ULID
        body (AnswersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        consultation_id=consultation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    consultation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnswersIn,
) -> Problem | None:
    """Répondre, ou changer ses réponses / answer, or change one's answers

     Public, sans clé. `participant` est un secret que la page garde : renvoyer les mêmes réponses ne
    compte qu'une fois, en envoyer d'autres les remplace (la dernière compte). / Public, no key.
    `participant` is a secret the page keeps: sending the same answers counts once, sending others
    replaces them (the last one counts).

    Args:
        consultation_id (str): ULID
        body (AnswersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return sync_detailed(
        consultation_id=consultation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    consultation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnswersIn,
) -> Response[Problem]:
    """Répondre, ou changer ses réponses / answer, or change one's answers

     Public, sans clé. `participant` est un secret que la page garde : renvoyer les mêmes réponses ne
    compte qu'une fois, en envoyer d'autres les remplace (la dernière compte). / Public, no key.
    `participant` is a secret the page keeps: sending the same answers counts once, sending others
    replaces them (the last one counts).

    Args:
        consultation_id (str): ULID
        body (AnswersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
    """

    kwargs = _get_kwargs(
        consultation_id=consultation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    consultation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AnswersIn,
) -> Problem | None:
    """Répondre, ou changer ses réponses / answer, or change one's answers

     Public, sans clé. `participant` est un secret que la page garde : renvoyer les mêmes réponses ne
    compte qu'une fois, en envoyer d'autres les remplace (la dernière compte). / Public, no key.
    `participant` is a secret the page keeps: sending the same answers counts once, sending others
    replaces them (the last one counts).

    Args:
        consultation_id (str): ULID
        body (AnswersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
    """

    return (
        await asyncio_detailed(
            consultation_id=consultation_id,
            client=client,
            body=body,
        )
    ).parsed
