"""Files over 1 MB: "complete" answers 202 with the report's address, the worker publishes the valid
rows and records the refused ones, resuming after the last chunk it recorded when it was cut short."""

from typing import Any

import pytest

from numeriqc.exchange import file_publishing
from numeriqc.exchange.publishing import Publishing
from tests.integration.exchange.test_uploads import _put, _ticket
from tests.support.exchange import exchange_key, grant, pull_all, register
from tests.support.platform import NewKey, bearer

PADDING = "x" * 40


def _large_file(rows: int, bad: set[int]) -> bytes:
    """JSON lines over 1 MB (a `note` the schema does not allow is a refused row)."""
    lines = []
    for n in range(1, rows + 1):
        extra = f',"note":"{PADDING}"' if n in bad else ""
        lines.append(f'{{"permit":"A{n % 10000:04d}","points":{n % 15}{extra}}}')
    body = ("\n".join(lines) + "\n").encode()
    return body


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """The 1 MB threshold lowered to 20 KB: the same path, a fraction of the rows."""
    monkeypatch.setattr(file_publishing, "MAX_FILE_BYTES", 20_000)
    return 20_000


def test_a_large_file_is_queued_then_published_by_the_worker(
    platform: Any, new_key: NewKey, service_clock: Any, small_limit: int
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    grant(platform, saaq, "saaq.permis", "rq", service_clock.now())
    ticket = _ticket(platform, saaq, "saaq.permis").json()
    content = _large_file(1200, bad={7, 650})
    assert len(content) > small_limit
    _put(platform, ticket, content)
    path = f"/v1/exchange/datasets/saaq.permis/uploads/{ticket['upload_id']}"
    queued = platform.http("POST", f"{path}/complete", headers=bearer(saaq))
    assert queued.status == 202, queued.text
    assert queued.headers["location"] == path and queued.json()["status"] == "queued"
    again = platform.http("POST", f"{path}/complete", headers=bearer(saaq))
    assert again.status == 202  # the same report; the job sent again is done once
    platform.drain(max_rounds=200)

    report = platform.http("GET", path, headers={**bearer(saaq), "Accept-Language": "en"}).json()
    assert (report["status"], report["rows"], report["published"], report["refused"]) == (
        "published",
        1200,
        1198,
        2,
    )
    assert sorted(e["field"] for e in report["errors"]) == ["rows[650].note", "rows[7].note"]
    assert len(pull_all(platform, rq, "saaq.permis")) == 1198
    done = platform.http("POST", f"{path}/complete", headers=bearer(saaq))
    assert done.status == 200 and done.json()["published"] == 1198


def test_a_worker_cut_short_resumes_at_its_next_chunk(
    platform: Any, new_key: NewKey, service_clock: Any, small_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    grant(platform, saaq, "saaq.permis", "rq", service_clock.now())
    ticket = _ticket(platform, saaq, "saaq.permis").json()
    _put(platform, ticket, _large_file(1000, bad=set()))
    real, calls = Publishing.publish, []

    def dies_on_the_fourth(self: Publishing, *args: Any) -> Any:
        calls.append(1)
        if len(calls) == 4:
            raise TimeoutError("the worker's time ran out")
        return real(self, *args)

    monkeypatch.setattr(Publishing, "publish", dies_on_the_fourth)
    path = f"/v1/exchange/datasets/saaq.permis/uploads/{ticket['upload_id']}"
    assert platform.http("POST", f"{path}/complete", headers=bearer(saaq)).status == 202
    platform.drain(max_rounds=200)
    report = platform.http("GET", path, headers=bearer(saaq)).json()
    assert (report["status"], report["published"]) == ("published", 1000)
    ids = [item["event"]["id"] for item in pull_all(platform, rq, "saaq.permis")]
    assert len(ids) == len(set(ids)) == 1000  # 10 chunks of 100, none published twice
    assert len(calls) == 11


def test_a_large_file_refused_as_a_whole_publishes_nothing(
    platform: Any, new_key: NewKey, service_clock: Any, small_limit: int
) -> None:
    saaq, rq = exchange_key(new_key, "saaq"), exchange_key(new_key, "rq")
    register(platform, saaq, "permis")
    grant(platform, saaq, "saaq.permis", "rq", service_clock.now())
    ticket = _ticket(platform, saaq, "saaq.permis").json()
    _put(platform, ticket, _large_file(1200, bad=set(range(1, 200))))
    path = f"/v1/exchange/datasets/saaq.permis/uploads/{ticket['upload_id']}"
    assert platform.http("POST", f"{path}/complete", headers=bearer(saaq)).status == 202
    platform.drain(max_rounds=200)
    report = platform.http("GET", path, headers=bearer(saaq)).json()
    assert report["status"] == "refused" and report["published"] == 0
    assert report["errors"][0]["code"] == "too_many_errors"
    assert pull_all(platform, rq, "saaq.permis") == []
