"""The notification service's own problems and messages (French and English side by side)."""

from numeriqc.core.i18n import Message
from numeriqc.core.problems import Problem


class ConsentRequired(Problem):
    status = 422
    slug = "consentement-requis"
    title = Message("Consentement requis", "Consent required")


class DailyLimitReached(Problem):
    status = 429
    slug = "limite-quotidienne"
    title = Message("Limite quotidienne atteinte", "Daily limit reached")


NO_TEMPLATE = Message("Aucun gabarit {template_id}.", "No template {template_id}.")
NO_NOTIFICATION = Message("Aucune notification {notification_id}.", "No notification {notification_id}.")
NO_JOB = Message("Aucun envoi en lot {job_id}.", "No bulk job {job_id}.")
NO_SERIES = Message("Aucune série de rappels {series_id}.", "No reminder series {series_id}.")
NO_CONSENT = Message(
    "Aucun consentement enregistré pour ce destinataire.", "No consent recorded for this recipient."
)
ARCHIVED = Message("Ce gabarit est archivé.", "This template is archived.")
WRONG_CHANNEL = Message("Ce gabarit est de type {channel}.", "This template is for {channel}.")
REASONS = {
    "no-consent": Message(
        "Aucun consentement actif n'est enregistré pour ce destinataire et ce canal.",
        "No active consent is recorded for this recipient and channel.",
    ),
    "no-consent-for-purpose": Message(
        "Le consentement actif de ce destinataire ne couvre pas la finalité {purpose} de cet envoi.",
        "This recipient's active consent does not cover this send's purpose, {purpose}.",
    ),
    "withdrawn": Message(
        "Le destinataire a retiré son consentement.", "The recipient has withdrawn their consent."
    ),
    "platform-opt-out": Message(
        "Le destinataire s'est désinscrit des textos (réponse ARRÊT / STOP, ou liste d'exclusion "
        "de son opérateur) : il n'en reçoit plus.",
        "The recipient opted out of texts (a STOP reply, or their carrier's opt-out list): they "
        "receive no more.",
    ),
}
LIMIT = Message(
    "La limite quotidienne de {limit} envois par {channel} est atteinte ({used} déjà comptés).",
    "The daily limit of {limit} {channel} sends is reached ({used} already counted).",
)
TOO_LONG = Message(
    "Le texto compte {length} caractères; le maximum est {max_length}.",
    "The SMS is {length} characters long; the maximum is {max_length}.",
)
NOT_CANCELLABLE = Message(
    "Seule une notification planifiée peut être annulée (statut actuel : {status}).",
    "Only a scheduled notification can be cancelled (current status: {status}).",
)
BAD_TOKEN = Message("Ce lien de désabonnement n'est pas valide.", "This unsubscribe link is not valid.")
