from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_in import VerificationIn
from ...models.verification_sent import VerificationSent
from ...types import Response


def _get_kwargs(
    consultation_id: str,
    *,
    body: VerificationIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/public/consultations/{consultation_id}/verifications".format(
            consultation_id=quote(str(consultation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationSent | None:
    if response.status_code == 202:
        response_202 = VerificationSent.from_dict(response.json())

        return response_202

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | VerificationSent]:
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
    body: VerificationIn,
) -> Response[Problem | VerificationSent]:
    """Recevoir un code par texto / get a code by SMS

     Public, sans clé. Pour une consultation `eligibility: sms` : un code à 6 chiffres, valide 10
    minutes, envoyé par le service de notifications; 5 essais, 3 codes au plus. / Public, no key. For an
    `eligibility: sms` consultation: a 6-digit code, valid 10 minutes, sent by the notification service;
    5 tries, at most 3 codes.

    Args:
        consultation_id (str): ULID
        body (VerificationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationSent]
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
    body: VerificationIn,
) -> Problem | VerificationSent | None:
    """Recevoir un code par texto / get a code by SMS

     Public, sans clé. Pour une consultation `eligibility: sms` : un code à 6 chiffres, valide 10
    minutes, envoyé par le service de notifications; 5 essais, 3 codes au plus. / Public, no key. For an
    `eligibility: sms` consultation: a 6-digit code, valid 10 minutes, sent by the notification service;
    5 tries, at most 3 codes.

    Args:
        consultation_id (str): ULID
        body (VerificationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationSent
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
    body: VerificationIn,
) -> Response[Problem | VerificationSent]:
    """Recevoir un code par texto / get a code by SMS

     Public, sans clé. Pour une consultation `eligibility: sms` : un code à 6 chiffres, valide 10
    minutes, envoyé par le service de notifications; 5 essais, 3 codes au plus. / Public, no key. For an
    `eligibility: sms` consultation: a 6-digit code, valid 10 minutes, sent by the notification service;
    5 tries, at most 3 codes.

    Args:
        consultation_id (str): ULID
        body (VerificationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationSent]
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
    body: VerificationIn,
) -> Problem | VerificationSent | None:
    """Recevoir un code par texto / get a code by SMS

     Public, sans clé. Pour une consultation `eligibility: sms` : un code à 6 chiffres, valide 10
    minutes, envoyé par le service de notifications; 5 essais, 3 codes au plus. / Public, no key. For an
    `eligibility: sms` consultation: a 6-digit code, valid 10 minutes, sent by the notification service;
    5 tries, at most 3 codes.

    Args:
        consultation_id (str): ULID
        body (VerificationIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationSent
    """

    return (
        await asyncio_detailed(
            consultation_id=consultation_id,
            client=client,
            body=body,
        )
    ).parsed
