"""Templates: create, read, edit (a new version each time), archive, preview. Logic over the store."""

from datetime import datetime
from typing import Any

from numeriqc.core.ids import is_ulid, new_ulid
from numeriqc.core.problems import FieldError, NotFound, ValidationFailed
from numeriqc.notifications import platform_templates, problems
from numeriqc.notifications import sms_length as sms
from numeriqc.notifications import template_language as templates
from numeriqc.notifications.models import (
    Channel,
    Preview,
    PreviewIn,
    SmsFacts,
    Template,
    TemplateEdit,
    TemplateIn,
    Transliteration,
    Value,
)
from numeriqc.notifications.ports import Conflict, TemplateRecords


def template_of(item: dict[str, Any]) -> Template:
    return Template(
        template_id=item["template_id"],
        version=int(item["version"]),
        channel=Channel(item["channel"]),
        name=item["name"],
        subject=item.get("subject"),
        body=item["body"],
        gsm7_safe=bool(item.get("gsm7_safe", False)),
        purpose=item.get("purpose"),
        archived=bool(item.get("archived", False)),
        placeholders=templates.placeholders(item.get("subject"), item["body"]),
        created_at=item["created_at"],
        updated_at=item["updated_at"],
    )


class TemplateRegistry:
    """Templates of every organization; immutable versions are cached for the container's life."""

    def __init__(self, records: TemplateRecords) -> None:
        self._records = records
        self._versions: dict[tuple[str, str, int], Template] = {}

    def create(self, org_id: str, request: TemplateIn, now: datetime) -> Template:
        errors = templates.content_errors(request.channel, request)
        if errors:
            raise ValidationFailed(errors=errors)
        template_id = new_ulid(lambda: now)
        item = {
            "template_id": template_id,
            "version": 1,
            "channel": request.channel.value,
            **request.model_dump(exclude={"channel"}),
            "created_at": now.isoformat(),
            "updated_at": now.isoformat(),
        }
        self._write(org_id, item, previous=None)
        return template_of(item)

    def edit(self, org_id: str, template_id: str, request: TemplateEdit, now: datetime) -> Template:
        current = self.current(org_id, template_id)
        errors = templates.content_errors(current.channel, request)
        if errors:
            raise ValidationFailed(errors=errors)
        item = {
            "template_id": template_id,
            "version": current.version + 1,
            "channel": current.channel.value,
            **request.model_dump(),
            "archived": current.archived,
            "created_at": current.created_at.isoformat(),
            "updated_at": now.isoformat(),
        }
        self._write(org_id, item, previous=current.version)
        return template_of(item)

    def archive(self, org_id: str, template_id: str, now: datetime) -> Template:
        current = self.current(org_id, template_id)
        self._records.update_template(org_id, template_id, {"archived": True, "updated_at": now.isoformat()})
        return current.model_copy(update={"archived": True, "updated_at": now})

    def _write(self, org_id: str, item: dict[str, Any], previous: int | None) -> None:
        try:
            if previous is None:
                self._records.add_template(org_id, item)
            else:  # the version number is the optimistic lock: two concurrent edits cannot both win
                self._records.replace_template(org_id, item, previous)
        except Conflict as error:
            from numeriqc.core.problems import Conflict as ConflictProblem

            raise ConflictProblem(problems.NO_TEMPLATE, template_id=item["template_id"]) from error
        self._records.save_version(org_id, item)

    def current(self, org_id: str, template_id: str) -> Template:
        item = self._records.template(org_id, template_id) if is_ulid(template_id) else None
        if item is None:
            raise NotFound(problems.NO_TEMPLATE, template_id=template_id)
        return template_of(item)

    def version(self, org_id: str, template_id: str, version: int) -> Template:
        """An immutable version, cached per container: senders read each version once."""
        if org_id == platform_templates.PLATFORM_ORG:  # the platform's own texts live in code
            return platform_templates.template(template_id)
        key = (org_id, template_id, version)
        if key not in self._versions:
            item = self._records.template_version(org_id, template_id, version)
            if item is None:
                raise LookupError(f"template {template_id} v{version}")
            self._versions[key] = template_of(item)
        return self._versions[key]

    def existing_version(self, org_id: str, template_id: str, version: int) -> Template:
        """A version the caller asks for by number: one that was never made is a 404, not a bug."""
        if version > self.current(org_id, template_id).version:
            raise NotFound(problems.NO_TEMPLATE, template_id=f"{template_id} v{version}")
        return self.version(org_id, template_id, version)

    def preload(self, wanted: set[tuple[str, str, int]]) -> None:
        missing = [
            key for key in wanted if key not in self._versions and key[0] != platform_templates.PLATFORM_ORG
        ]
        if missing:
            for key, item in self._records.template_versions(missing).items():
                self._versions[key] = template_of(item)

    def list(self, org_id: str) -> list[Template]:
        return [template_of(item) for item in self._records.templates(org_id)]


def usable(template: Template, channel: Channel | None, field: str = "body.template_id") -> None:
    """A send needs a live template of the right channel."""
    if template.archived:
        raise ValidationFailed(errors=[FieldError(field, "archived", problems.ARCHIVED)])
    if channel is not None and template.channel is not channel:
        raise ValidationFailed(
            errors=[
                FieldError(field, "wrong_channel", problems.WRONG_CHANNEL, channel=template.channel.value)
            ]
        )


def sms_facts(
    template: Template, values: dict[str, str], language: str, max_length: int, price: float
) -> tuple[str, SmsFacts]:
    """What the SMS costs, and what GSM-7-safe transliteration saves (or would save: shown whether
    or not the template uses it, so its author can decide)."""
    raw = templates.render_sms(template.body, values, language, False)
    safe = sms.transliterate(raw)
    text = safe if template.gsm7_safe else raw
    info = sms.analyse(text)
    without = sms.analyse(raw) if template.gsm7_safe else info
    with_it = info if template.gsm7_safe else sms.analyse(safe)
    transliteration = Transliteration(
        applied=template.gsm7_safe,
        characters_replaced=sorted({char for char in raw if char in sms.TRANSLITERATIONS}),
        fragments_without=without.fragments,
        fragments_with=with_it.fragments,
        fragments_saved=without.fragments - with_it.fragments,
    )
    facts = SmsFacts(
        encoding=info.encoding,
        length=info.length,
        max_length=max_length,
        fragments=info.fragments,
        unicode_characters=list(info.unicode_characters),
        estimated_cost=round(info.fragments * price, 4),
        transliteration=transliteration,
    )
    return text, facts


def length_errors(facts: SmsFacts, field: str) -> list[FieldError]:
    if facts.length > facts.max_length:
        return [
            FieldError(field, "too_long", problems.TOO_LONG, length=facts.length, max_length=facts.max_length)
        ]
    return []


def preview(template: Template, request: PreviewIn, max_length: int, price: float) -> Preview:
    names = templates.placeholders(template.subject, template.body)
    errors = templates.personalisation_errors(names, request.personalisation)
    if errors:
        raise ValidationFailed(errors=errors)
    values = templates.values_of(request.personalisation)
    if template.channel is Channel.EMAIL:
        email = templates.render_email(template.subject or "", template.body, values, request.language)
        return Preview(
            template_id=template.template_id,
            version=template.version,
            channel=template.channel,
            subject=email.subject,
            text=email.text,
            html=email.html,
        )
    text, facts = sms_facts(template, values, request.language, max_length, price)
    return Preview(
        template_id=template.template_id,
        version=template.version,
        channel=template.channel,
        text=text,
        sms=facts,
    )


def check_personalisation(
    template: Template, personalisation: dict[str, Value], prefix: str
) -> list[FieldError]:
    return templates.personalisation_errors(
        templates.placeholders(template.subject, template.body), personalisation, prefix
    )
