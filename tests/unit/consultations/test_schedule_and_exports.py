"""The every-minute schedule with stand-ins for its ports, and the export files."""

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

from numeriqc.consultations import export_files, window_schedule
from numeriqc.consultations.models import ExportFormat
from numeriqc.core.clock import epoch_seconds
from numeriqc.core.events import CloudEvent

NOW = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


class Schedule:
    def __init__(self, items: list[dict[str, Any]], awaiting: list[str]) -> None:
        self.items, self.awaiting, self.recorded = items, awaiting, []  # type: ignore[var-annotated]

    def due(self, now_epoch: int) -> list[dict[str, Any]]:
        return [item for item in self.items if item.get("due", 0) <= now_epoch]

    def record_transition(self, item: dict[str, Any], status: str, next_due: int | None) -> bool:
        if (item["consultation_id"], status) in self.recorded:
            return False  # another run got there first
        self.recorded.append((item["consultation_id"], status))
        return True

    def participants(self, consultation_id: str) -> int:
        return {"B": 12}.get(consultation_id, 0)

    def awaiting_analysis(self) -> list[str]:
        return self.awaiting


class Queue:
    def __init__(self) -> None:
        self.requested: list[list[str]] = []

    def request(self, consultation_ids: list[str]) -> None:
        self.requested.append(consultation_ids)


class Sink:
    def __init__(self) -> None:
        self.events: list[CloudEvent] = []

    def emit(self, *events: CloudEvent) -> None:
        self.events.extend(events)


def _item(cid: str, status: str, closes_in: int) -> dict[str, Any]:
    return {
        "consultation_id": cid,
        "org_id": "mtq",
        "status": status,
        "version": 2,
        "opens_at": NOW.isoformat(),
        "closes_epoch": epoch_seconds(NOW) + closes_in,
    }


def test_windows_are_recorded_and_announced_once_and_analyses_requested_once_a_run() -> None:
    schedule = Schedule(
        [_item("A", "scheduled", 3600), _item("B", "open", 0), _item("C", "scheduled", -60)], ["A", "D"]
    )
    queue, sink = Queue(), Sink()
    assert window_schedule.run(schedule, queue, sink, NOW) == {"opened": 1, "closed": 2, "analyses": 2}
    assert sorted((e.type.split(".")[-2], e.data["consultation_id"]) for e in sink.events) == [
        ("closed", "B"),
        ("closed", "C"),
        ("opened", "A"),
    ]
    assert {e.id for e in sink.events} == {"A.opened", "B.closed", "C.closed"}
    assert {e.id: e.data.get("participants") for e in sink.events} == {
        "A.opened": None,
        "B.closed": 12,
        "C.closed": 0,
    }
    assert queue.requested == [["A", "D"]]
    again = Sink()  # a second run (an overlapping or retried invocation) announces nothing new
    assert window_schedule.run(schedule, queue, again, NOW)["opened"] == 0
    assert again.events == []


def test_csv_cells_never_start_a_formula_and_lists_keep_their_order() -> None:
    rows = export_files.answer_rows(
        ["q1", "q2"], [{"answers": {"q1": "=SUM(A1)", "q2": ["b", "a"]}}, {"answers": {}}]
    )
    text = export_files.encode(rows, ExportFormat.CSV, ["q1", "q2"]).decode("utf-8")
    assert text.startswith("\ufeff")
    parsed = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert parsed == [{"q1": "'=SUM(A1)", "q2": "b|a"}, {"q1": "", "q2": ""}]
    assert json.loads(export_files.encode(rows, ExportFormat.JSON, [])) == rows


def test_vote_pseudonyms_are_stable_within_an_export_and_differ_across_exports() -> None:
    votes = [("voter-1", "s1", "agree"), ("voter-1", "s2", "pass"), ("voter-2", "s1", "disagree")]
    first = export_files.vote_rows(votes, b"salt-one")
    second = export_files.vote_rows(votes, b"salt-two")
    assert first[0]["participant"] == first[1]["participant"] != first[2]["participant"]
    assert not {row["participant"] for row in first} & {row["participant"] for row in second}
    assert "voter-1" not in repr(first)
