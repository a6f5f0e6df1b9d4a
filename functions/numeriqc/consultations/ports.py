"""What the consultation rules ask of the outside world: narrow protocols, and the data they exchange.

Records are named by what they are (a consultation by its id, a ballot by its keyed hash), never
by key: `adapters/table.py` alone knows the layout. Exceptions that are part of a port's
contract live here.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from numeriqc.consultations.ballots import Tallies
from numeriqc.consultations.models import AnswersIn


class AlreadyExists(Exception):
    """A conditional create found the record already there."""


class Changed(Exception):
    """A conditional update found the record changed since it was read (optimistic concurrency)."""


@dataclass(frozen=True)
class Limits:
    """The rate counters a public write goes through, in the same transaction as the write."""

    client_hash: str
    minute: int
    client_limit: int
    consultation_limit: int


@dataclass(frozen=True)
class BallotWrite:
    """Everything one answer writes, all or nothing: the ballot, the counters, the rate counters."""

    consultation_id: str
    ballot_key: str
    item: dict[str, Any]
    previous_version: int | None
    tallies: dict[str, Tallies]  # cut ("all", "region:06", "age:25-34") -> question -> cell -> delta
    participants: dict[str, int]  # cut -> participants delta
    day: str | None  # the Québec date a new participant is counted on
    now_epoch: int
    limits: Limits
    invitation_key: str | None = None
    verified: "Verified | None" = None  # an SMS-verified number spent by this (first) answer


@dataclass(frozen=True)
class Verified:
    """A phone number whose code matched: the pending code is spent and the number marked used in
    the ballot's transaction (keyed hashes only; neither item names the ballot)."""

    phone_key: str
    code_key: str
    max_tries: int  # checked again by the transaction: a try counted meanwhile still counts


@dataclass(frozen=True)
class PendingCode:
    """The code last sent to a number for a consultation: keyed hashes, tries, sends, expiry."""

    code_key: str
    tries: int
    sends: int
    expires_epoch: int


class PhoneCodes(Protocol):
    """One-time SMS codes of a consultation, by the number's keyed hash."""

    def pending_code(self, consultation_id: str, phone_key: str) -> PendingCode | None: ...

    def phone_used(self, consultation_id: str, phone_key: str) -> bool: ...

    def start_code(
        self,
        consultation_id: str,
        phone_key: str,
        code_key: str,
        *,
        now_epoch: int,
        expires_epoch: int,
        max_sends: int,
        limits: "Limits",
    ) -> str:
        """`stored`, or why not: `client-rate`, `sends` (too many codes for this number)."""
        ...

    def failed_try(self, consultation_id: str, phone_key: str, max_tries: int) -> bool:
        """Count a wrong code; False when the number had no tries left."""
        ...

    def spend_code_budget(self, consultation_id: str, budget: int) -> int | None:
        """Count one code sent; the count after, None when `budget` codes were already sent."""
        ...

    def refund_code_budget(self, consultation_id: str) -> None: ...


class NumberCheck(Protocol):
    """What an answer asks of SMS verification (sms_verification.py): the number's code checked,
    and the problem for a ballot transaction its verification items refused."""

    def verified(self, consultation_id: str, request: "AnswersIn", now: datetime) -> Verified: ...

    def refusal(self, result: str) -> Exception | None: ...


@dataclass(frozen=True)
class PollQuestion:
    """An SMS poll's question as the notification service asks it (its platform SMS queue)."""

    ref: str
    low: int
    high: int
    closes_at: str
    text: str
    language: str
    org_id: str
    key_kind: str


class QuestionSender(Protocol):
    def ask(self, numbers: list[str], question: PollQuestion) -> None: ...


class CodeSender(Protocol):
    """Hands a verification code to the notification service's sending path."""

    def send_code(self, phone_number: str, code: str, language: str) -> None: ...


@dataclass(frozen=True)
class VoteWrite:
    consultation_id: str
    statement_id: str
    voter_key: str
    vote: str
    previous: str | None
    now_epoch: int
    limits: Limits


@dataclass(frozen=True)
class WriteOutcome:
    """`stored`, or why not: `closed`, `client-rate`, `consultation-rate`, `changed`, `invitation`,
    `statement`."""

    result: str
    extra: dict[str, Any] = field(default_factory=dict)


class ConsultationRecords(Protocol):
    def add(self, org_id: str, values: dict[str, Any]) -> None: ...

    def consultation(self, consultation_id: str) -> dict[str, Any] | None: ...

    def consultations(self, org_id: str) -> list[dict[str, Any]]: ...

    def replace(self, values: dict[str, Any], expected_version: int) -> None: ...


class BallotBox(Protocol):
    """Ballots and their counters: a ballot read with its consultation, and one write for both."""

    def consultation_and_ballot(
        self, consultation_id: str, ballot_key: str
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]: ...

    def cast(self, write: BallotWrite) -> WriteOutcome: ...


@dataclass(frozen=True)
class Tally:
    """One counter record: `question` cells of a cut, `people` of a cut, or `day` participants."""

    kind: str
    group: str
    question: str
    cells: dict[str, int]


class TallyReader(Protocol):
    def tallies(self, consultation_id: str) -> list[Tally]: ...


class InvitationRecords(Protocol):
    def add_invitations(self, consultation_id: str, keys: list[str]) -> int: ...


class StatementRecords(Protocol):
    def add_statement(
        self, consultation_id: str, values: dict[str, Any], limits: Limits | None, now_epoch: int
    ) -> WriteOutcome: ...

    def statement(self, consultation_id: str, statement_id: str) -> dict[str, Any] | None: ...

    def statements(self, consultation_id: str) -> list[dict[str, Any]]: ...

    def set_statement_status(self, consultation_id: str, statement_id: str, status: str) -> None: ...

    def vote_of(self, consultation_id: str, statement_id: str, voter_key: str) -> str | None: ...

    def vote(self, write: VoteWrite) -> WriteOutcome: ...

    def report(
        self, consultation_id: str, statement_id: str, reporter_key: str, threshold: int
    ) -> WriteOutcome: ...


class VoteMatrixSource(Protocol):
    """A consultation's votes for the analysis, as (participant key, statement id, vote): all of them
    (a first build), or those changed since the last analysis, which it forgets once merged."""

    def votes(self, consultation_id: str) -> list[tuple[str, str, str]]: ...

    def vote_state(self, consultation_id: str) -> tuple[int, str | None]: ...

    def vote_changes(self, consultation_id: str) -> list[tuple[str, str, str]]: ...

    def record_matrix(self, consultation_id: str, generation: str, previous: str | None) -> bool: ...

    def forget_vote_changes(self, consultation_id: str, changes: list[tuple[str, str, str]]) -> int: ...

    def save_analysis(self, consultation_id: str, snapshot: dict[str, Any], votes_covered: int) -> None: ...

    def analysis(self, consultation_id: str) -> dict[str, Any] | None: ...


class MatrixFiles(Protocol):
    """The analysis's vote matrix files, one per generation; None when it is gone (expired)."""

    def read(self, consultation_id: str, generation: str) -> bytes | None: ...

    def write(self, consultation_id: str, generation: str, data: bytes) -> None: ...

    def delete(self, consultation_id: str, generation: str) -> None: ...


class Schedule(Protocol):
    """Consultations whose window opens or closes by `now_epoch`, and recording that it did."""

    def due(self, now_epoch: int) -> list[dict[str, Any]]: ...

    def record_transition(self, item: dict[str, Any], status: str, next_due: int | None) -> bool: ...

    def participants(self, consultation_id: str) -> int: ...

    def awaiting_analysis(self) -> list[str]: ...


class AnalysisQueue(Protocol):
    def request(self, consultation_ids: list[str]) -> None: ...


class ExportRecords(Protocol):
    def add_export(self, values: dict[str, Any]) -> None: ...

    def export(self, consultation_id: str, export_id: str) -> dict[str, Any] | None: ...

    def update_export(self, consultation_id: str, export_id: str, values: dict[str, Any]) -> None: ...


class ExportSources(Protocol):
    """What an export reads: the definition, every ballot, vote, statement, and the analysis."""

    def consultation(self, consultation_id: str) -> dict[str, Any] | None: ...

    def ballots(self, consultation_id: str) -> Iterator[dict[str, Any]]: ...

    def votes(self, consultation_id: str) -> list[tuple[str, str, str]]: ...

    def statements(self, consultation_id: str) -> list[dict[str, Any]]: ...

    def analysis(self, consultation_id: str) -> dict[str, Any] | None: ...


class ExportQueue(Protocol):
    def send(self, message: dict[str, str]) -> None: ...


class FileStore(Protocol):
    """The exports bucket: write a file, and presign a download of it."""

    def put(self, key: str, body: bytes, export_format: str) -> None: ...

    def url(self, key: str, filename: str, seconds: int) -> str: ...
