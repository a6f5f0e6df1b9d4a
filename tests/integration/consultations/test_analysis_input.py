"""The analysis input through the real wiring: the analysis keeps a vote matrix file in the bucket
(under analysis/) and each run merges only the votes changed since (`VLOG#` items, deleted once
merged); a changed vote counts once, and running the analysis again changes nothing."""

import json
from typing import Any

from numeriqc.consultations.vote_matrix import VALUES, VoteMatrix
from numeriqc.core import aws
from numeriqc_local.http.events import HttpRequest
from tests.support.consultations import items, open_consultation, org_key, participant
from tests.support.platform import NewKey, bearer


def _vote(platform: Any, cid: str, sid: str, who: str, vote: str, ip: str) -> None:
    content = json.dumps({"participant": who, "vote": vote}).encode()
    headers = (("content-type", "application/json"), ("content-length", str(len(content))))
    path = f"/v1/public/consultations/{cid}/statements/{sid}/vote"
    answer = platform.handle(HttpRequest("PUT", path, "", headers, content, source_ip=ip))
    assert answer.status == 200, answer.text


def _matrix_files(platform: Any, cid: str) -> list[str]:
    bucket = platform.names["ConsultationsExportsBucket"]
    listed = aws.client("s3").list_objects_v2(Bucket=bucket, Prefix=f"analysis/{cid}/")
    return [entry["Key"] for entry in listed.get("Contents", [])]


def _matrix(platform: Any, key: str) -> VoteMatrix:
    bucket = platform.names["ConsultationsExportsBucket"]
    return VoteMatrix.from_bytes(aws.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read())


def _as_dict(matrix: VoteMatrix) -> dict[tuple[str, str], int]:
    votes = matrix.votes()
    return {
        (matrix.participants[int(r)], matrix.statements[int(c)]): int(v)
        for r, c, v in zip(votes.participants, votes.statements, votes.values, strict=True)
    }


def _recount(platform: Any) -> dict[tuple[str, str], int]:
    """The votes as the table holds them now (VOTE# items: the last vote of each pair)."""
    found = {}
    for item in items(platform):
        if item["sk"].startswith("VOTE#"):
            _, voter, sid = item["sk"].split("#", 2)
            found[(voter, sid)] = VALUES[item["vote"]]
    return found


def _analyse(platform: Any, service_clock: Any) -> None:
    service_clock.advance(60)
    platform.tick()
    platform.drain()


def test_changes_are_merged_into_the_matrix_file_once_and_then_forgotten(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock)
    sids = []
    for number in range(8):
        added = platform.http(
            "POST",
            f"/v1/consultations/{cid}/statements",
            headers=bearer(key),
            json={"text": {"fr": f"Énoncé {number}", "en": f"Statement {number}"}},
        )
        sids.append(added.json()["statement_id"])
    people = [participant() for _ in range(10)]
    for person, who in enumerate(people):
        for number, sid in enumerate(sids):
            agree = (number % 2 == 0) == (person < 5)
            _vote(platform, cid, sid, who, "agree" if agree else "disagree", f"198.51.100.{person}")
    assert sum(1 for i in items(platform) if i["sk"].startswith("VLOG#")) == 80
    _analyse(platform, service_clock)
    (first,) = _matrix_files(platform, cid)
    assert _as_dict(_matrix(platform, first)) == _recount(platform) and len(_recount(platform)) == 80
    assert not [i for i in items(platform) if i["sk"].startswith("VLOG#")]  # merged, then deleted
    votes = next(i for i in items(platform) if i["sk"] == "#VOTES")
    assert votes["matrix"] in first

    # Participant 0 changes a vote twice: one entry, at the last vote; counted once.
    _vote(platform, cid, sids[0], people[0], "pass", "198.51.100.0")
    _vote(platform, cid, sids[0], people[0], "disagree", "198.51.100.0")
    assert sum(1 for i in items(platform) if i["sk"].startswith("VLOG#")) == 1
    _analyse(platform, service_clock)
    (second,) = _matrix_files(platform, cid)  # the previous generation is deleted
    assert second != first
    assert _as_dict(_matrix(platform, second)) == _recount(platform)
    assert -1 in {value for (_, sid), value in _recount(platform).items() if sid == sids[0]}
    analysis = platform.http("GET", f"/v1/consultations/{cid}/analysis", headers=bearer(key)).json()
    assert analysis["participants"] == 10 and analysis["votes_covered"] == 82

    # Nothing new: the schedule asks for no analysis, the file stays as it is.
    _analyse(platform, service_clock)
    assert _matrix_files(platform, cid) == [second]
