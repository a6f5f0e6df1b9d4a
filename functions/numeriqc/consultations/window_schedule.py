"""What the every-minute schedule does: record windows that opened or closed, and ask for analyses.

Pure logic. The schedule is bookkeeping and announcement, not the gate: every participant's write
checks the window itself (lifecycle.status_at, and the table's conditional write), so a late run
lets nothing through. A transition is recorded once (a conditional update on the status and
version read), so two overlapping runs announce it once, and each announcement's id derives from
the consultation and the transition.

Analyses are debounced here: votes mark a consultation as awaiting analysis; each minute, every
consultation so marked is sent to the analysis queue once. At most one request a minute per
consultation, however many votes arrived.
"""

from datetime import datetime

from numeriqc.consultations.announcements import announcement
from numeriqc.consultations.ports import AnalysisQueue, Schedule
from numeriqc.core.clock import epoch_seconds
from numeriqc.core.events import EventSink


def run(schedule: Schedule, queue: AnalysisQueue, sink: EventSink, now: datetime) -> dict[str, int]:
    opened = closed = 0
    for item in schedule.due(epoch_seconds(now)):
        if item["status"] == "scheduled" and int(item["closes_epoch"]) > epoch_seconds(now):
            if schedule.record_transition(item, "open", int(item["closes_epoch"])):
                sink.emit(announcement("opened", {**item, "status": "open"}, now))
                opened += 1
        elif item["status"] in ("scheduled", "open") and schedule.record_transition(item, "closed", None):
            # Final once closed: every write checks the window, so the count can no longer move.
            participants = schedule.participants(item["consultation_id"])
            sink.emit(announcement("closed", {**item, "status": "closed"}, now, participants=participants))
            closed += 1
    awaiting = schedule.awaiting_analysis()
    if awaiting:
        queue.request(awaiting)
    return {"opened": opened, "closed": closed, "analyses": len(awaiting)}
