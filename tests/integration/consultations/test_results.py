"""Results from counters: small cells and their complements hidden in breakdowns; the same
number of reads at any number of participants."""

from typing import Any

from tests.support.consultations import answer, open_consultation, org_key
from tests.support.platform import NewKey, bearer


def test_breakdowns_hide_small_cells_and_their_complements(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, live_results=True)
    plan = (
        [("03", "bus")] * 12
        + [("03", "auto")] * 6
        + [("06", "bus")] * 3
        + [("06", "velo")] * 7
        + [("16", "auto")] * 8
    )
    for number, (region, mode) in enumerate(plan):
        response = answer(platform, cid, {"q_mode": mode}, region=region, ip=f"198.51.100.{number}")
        assert response.status == 200, response.text
    results = platform.http("GET", f"/v1/public/consultations/{cid}/results").json()
    assert results["participants"] == len(plan)
    mode = next(q for q in results["questions"] if q["id"] == "q_mode")
    assert {o["id"]: (o["count"], o["percent"]) for o in mode["options"]} == {
        "bus": (15, 41.7),
        "auto": (14, 38.9),
        "velo": (7, 19.4),
    }
    regions = next(b for b in results["breakdowns"] if b["dimension"] == "region")
    cells = {row["group"]: row["cells"]["q_mode"] for row in regions["rows"]}
    assert {row["group"]: row["participants"] for row in regions["rows"]} == {"03": 18, "06": 10, "16": 8}
    assert cells["06"]["o:bus"] is None  # 3: under 5
    for group, row in cells.items():  # no row or column holds exactly one hidden cell
        assert sum(value is None for value in row.values()) != 1, (group, row)
    for column in cells["03"]:
        assert sum(cells[group][column] is None for group in cells) != 1, (column, cells)
    for row in cells.values():
        assert all(value is None or value >= 5 for value in row.values())


def test_reading_results_costs_the_same_at_any_number_of_participants(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    from numeriqc.core import aws

    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock, live_results=True)
    calls: list[str] = []
    client = aws.client("dynamodb")

    def count(**kwargs: Any) -> None:
        calls.append(kwargs["event_name"])

    client.meta.events.register("before-call.dynamodb", count)
    try:
        costs = []
        for batch in (1, 12):
            for number in range(batch):
                assert (
                    answer(
                        platform, cid, {"q_mode": "bus"}, region="03", ip=f"192.0.2.{batch}{number}"
                    ).status
                    == 200
                )
            calls.clear()
            assert platform.http("GET", f"/v1/consultations/{cid}/results", headers=bearer(key)).status == 200
            costs.append([name for name in calls if "Query" in name or "Scan" in name])
    finally:
        client.meta.events.unregister("before-call.dynamodb", count)
    assert costs[0], "the counting hook saw no call"
    assert costs[0] == costs[1] and not any("Scan" in name for name in costs[1])
