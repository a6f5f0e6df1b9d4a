"""Exports as open data through the real wiring: answers without identity, votes under per-export
pseudonyms, statements, the analysis; CSV or JSON through presigned S3 URLs."""

import csv
import io
import json
from typing import Any
from urllib.parse import urlsplit

from numeriqc.core import aws
from tests.support.consultations import answer, open_consultation, org_key, participant
from tests.support.platform import NewKey, bearer


def _download(platform: Any, key: str, cid: str, content: str, export_format: str) -> bytes:
    created = platform.http(
        "POST",
        f"/v1/consultations/{cid}/exports",
        headers=bearer(key),
        json={"content": content, "format": export_format},
    )
    assert created.status == 202, created.text
    location = created.header("location")
    platform.drain()
    done = platform.http("GET", location, headers=bearer(key)).json()
    assert done["status"] == "done", done
    bucket = platform.names["ConsultationsExportsBucket"]
    assert bucket in done["download_url"] and "X-Amz-Signature=" in done["download_url"]
    object_key = urlsplit(done["download_url"]).path.split(f"/{bucket}/", 1)[-1].lstrip("/")
    return aws.client("s3").get_object(Bucket=bucket, Key=object_key)["Body"].read()  # type: ignore[no-any-return]


def _vote(platform: Any, cid: str, sid: str, who: str, vote: str) -> None:
    path = f"/v1/public/consultations/{cid}/statements/{sid}/vote"
    assert platform.http("PUT", path, json={"participant": who, "vote": vote}).status == 200


def test_answers_votes_and_statements_are_exported_without_identity(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key = org_key(new_key)
    cid = open_consultation(platform, key, service_clock)
    people = [participant() for _ in range(3)]
    for who, mode in zip(people, ("bus", "auto", "bus"), strict=True):
        body = {"q_mode": mode, "q_days": ["lun", "mar"], "q_comment": '=HYPERLINK("x") Écrivez à a@b.ca'}
        assert answer(platform, cid, body, who=who, region="03", age_band="25-34").status == 200
    added = platform.http(
        "POST",
        f"/v1/consultations/{cid}/statements",
        headers=bearer(key),
        json={"text": {"fr": "Plus de bus"}},
    ).json()
    for who in people:
        _vote(platform, cid, added["statement_id"], who, "agree")

    rows = list(
        csv.DictReader(io.StringIO(_download(platform, key, cid, "answers", "csv").decode("utf-8-sig")))
    )
    assert sorted(row["q_mode"] for row in rows) == ["auto", "bus", "bus"]
    assert {row["q_days"] for row in rows} == {"lun|mar"}
    assert {row["q_comment"] for row in rows} == {'\'=HYPERLINK("x") Écrivez à [courriel]'}  # no formula
    assert "region" not in rows[0] and "q_ideas" not in rows[0]
    exported = json.loads(_download(platform, key, cid, "answers", "json"))
    assert len(exported) == 3

    first = json.loads(_download(platform, key, cid, "votes", "json"))
    second = json.loads(_download(platform, key, cid, "votes", "json"))
    assert len({row["participant"] for row in first}) == 3
    # Pseudonyms are per export: two exports of the same votes cannot be joined on them.
    assert not {row["participant"] for row in first} & {row["participant"] for row in second}
    stored = repr([v for v in first]) + repr(second)
    for who in people:
        assert who not in stored

    statements = list(
        csv.DictReader(io.StringIO(_download(platform, key, cid, "statements", "csv").decode("utf-8-sig")))
    )
    assert [(row["text"], row["agree"]) for row in statements] == [("Plus de bus", "3")]


def test_the_analysis_exports_as_json_only_and_a_foreign_export_is_a_404(
    platform: Any, new_key: NewKey, service_clock: Any
) -> None:
    key, other = org_key(new_key, "mtq"), org_key(new_key, "saaq")
    cid = open_consultation(platform, key, service_clock)
    refused = platform.http(
        "POST",
        f"/v1/consultations/{cid}/exports",
        headers=bearer(key),
        json={"content": "analysis", "format": "csv"},
    )
    assert refused.status == 422 and refused.json()["errors"][0]["field"] == "body.format"
    created = platform.http(
        "POST", f"/v1/consultations/{cid}/exports", headers=bearer(key), json={"content": "answers"}
    )
    assert platform.http("GET", created.header("location"), headers=bearer(other)).status == 404
    unknown = platform.http(
        "GET", f"/v1/consultations/{cid}/exports/01J00000000000000000000000", headers=bearer(key)
    )
    assert unknown.status == 404
