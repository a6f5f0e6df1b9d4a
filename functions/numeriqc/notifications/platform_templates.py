"""The platform's own SMS templates: transactional texts another service of the platform asks this
one to send (a verification code), owned by no organization. Pure data.

They are sent under the organization id `PLATFORM_ORG` (no organization key can ever act as it: ids
of organizations are ULIDs), so no organization reads them, counts them against its daily limit or
sees the code they carry. The registry serves them like any stored version (`TemplateRegistry.version`).
"""

from datetime import UTC, datetime

from numeriqc.core.auth import Caller, KeyKind
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.models import Channel, Template

PLATFORM_ORG = "platform"
CALLER = Caller(org_id=PLATFORM_ORG, key_id="platform", kind=KeyKind.LIVE, scopes=frozenset())
CONSULTATION_CODE = "consultation-code"
SMS_QUESTION = "sms-question"  # the asking service writes the whole question (poll, rating request)
_SINCE = datetime(2026, 11, 30, tzinfo=UTC)

_BODIES = {
    CONSULTATION_CODE: (
        "[[fr]]numériQc : votre code de vérification pour la consultation est ((code)). "
        "Il expire dans 10 minutes. Ne le donnez à personne.[[/fr]]"
        "[[en]]numériQc: your consultation verification code is ((code)). "
        "It expires in 10 minutes. Do not share it.[[/en]]"
    ),
    SMS_QUESTION: "((question))",
}


def _template(template_id: str, body: str) -> Template:
    return Template(
        template_id=template_id,
        version=1,
        channel=Channel.SMS,
        name=template_id,
        subject=None,
        body=body,
        gsm7_safe=False,
        archived=False,
        placeholders=templates.placeholders(None, body),
        created_at=_SINCE,
        updated_at=_SINCE,
    )


TEMPLATES = {template_id: _template(template_id, body) for template_id, body in _BODIES.items()}


def template(template_id: str) -> Template:
    """A platform template by id; an unknown one is a LookupError, as a missing stored version."""
    try:
        return TEMPLATES[template_id]
    except KeyError:
        raise LookupError(f"platform template {template_id}") from None
