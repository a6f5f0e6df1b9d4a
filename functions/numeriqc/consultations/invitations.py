"""Invitation codes for panels (user tests): uploaded as CSV, kept only as keyed hashes. Pure logic.

The first column of each line is a code; a header line (`code`) and blank lines are skipped.
Codes are normalised (no spaces, upper case) before hashing, as when they are spent
(participation.invitation_key), so a code typed in lower case still matches.
"""

import csv
import io

from numeriqc.consultations.models import Eligibility
from numeriqc.consultations.participation import invitation_key
from numeriqc.consultations.ports import InvitationRecords
from numeriqc.core.i18n import Message
from numeriqc.core.problems import FieldError, ValidationFailed

MAX_CODES = 10_000
_NOT_INVITATION = Message(
    "Cette consultation n'est pas sur invitation.", "This consultation is not by invitation."
)
_BAD_CODE = Message(
    "Ligne {line} : un code compte de 4 à 64 caractères.", "Line {line}: a code has 4 to 64 characters."
)
_TOO_MANY = Message("Au plus {max} codes par envoi.", "At most {max} codes per upload.")


def codes_of(text: str) -> list[str]:
    """The codes of a CSV text, or a 422 naming the first faulty line."""
    codes = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        code = "".join((row[0] if row else "").split())
        if not code or (number == 1 and code.lower() == "code"):
            continue
        if not 4 <= len(code) <= 64:
            raise ValidationFailed(errors=[FieldError("body.csv", "code", _BAD_CODE, line=number)])
        codes.append(code)
    if len(codes) > MAX_CODES:
        raise ValidationFailed(errors=[FieldError("body.csv", "too_many", _TOO_MANY, max=MAX_CODES)])
    return codes


class Invitations:
    def __init__(self, records: InvitationRecords, pepper: bytes) -> None:
        self._records = records
        self._pepper = pepper

    def upload(self, consultation: dict[str, object], text: str) -> int:
        if consultation["eligibility"] != Eligibility.INVITATION.value:
            raise ValidationFailed(
                errors=[FieldError("path.consultation_id", "not_invitation", _NOT_INVITATION)]
            )
        consultation_id = str(consultation["consultation_id"])
        keys = sorted({invitation_key(self._pepper, consultation_id, code) for code in codes_of(text)})
        return self._records.add_invitations(consultation_id, keys)
