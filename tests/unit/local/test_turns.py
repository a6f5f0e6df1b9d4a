"""`Turns`: one invocation at a time, requests before background work, background work hands its
turn to a waiting request at each AWS call, and holds back (for a while) while requests are served."""

from __future__ import annotations

import threading

import pytest

from numeriqc_local.functions import turns as turns_module
from numeriqc_local.functions.turns import Turns

WAIT = 10  # seconds: only reached when the behaviour is broken (the test then fails, never hangs)


def _run(target: object) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)  # type: ignore[arg-type]
    thread.start()
    return thread


def test_background_work_hands_its_turn_to_a_waiting_request_and_takes_it_back() -> None:
    turns, order, holding = Turns(), [], threading.Event()

    def background() -> None:
        with turns.background(), turns:
            order.append("background starts")
            holding.set()
            assert turns.wait_for_requests(1, WAIT)
            turns.yield_to_requests()  # an AWS call of the trigger's invocation
            order.append("background resumes")

    def request() -> None:
        assert holding.wait(WAIT)
        with turns:
            order.append("request")

    threads = [_run(background), _run(request)]
    for thread in threads:
        thread.join(WAIT)

    assert order == ["background starts", "request", "background resumes"]
    assert turns.yielded == 1


def test_waiting_requests_go_before_waiting_background_work() -> None:
    turns, order = Turns(), []
    turns.acquire()  # a request in progress

    def request() -> None:
        with turns:
            order.append("request")

    def background() -> None:
        with turns.background(), turns:
            order.append("background")

    waiting_request = _run(request)
    assert turns.wait_for_requests(1, WAIT)
    waiting_background = _run(background)
    turns.release()
    for thread in (waiting_request, waiting_background):
        thread.join(WAIT)

    assert order == ["request", "background"]


def test_yielding_without_a_waiting_request_keeps_the_turn() -> None:
    turns = Turns()
    with turns.background(), turns:
        turns.yield_to_requests()
    with turns:  # a request never yields: it is what background work yields to
        turns.yield_to_requests()
    assert turns.yielded == 0


def test_a_yield_keeps_the_depth_of_a_nested_turn() -> None:
    turns, holding = Turns(), threading.Event()

    def background() -> None:
        with turns.background():
            turns.acquire()
            turns.acquire()
            holding.set()
            assert turns.wait_for_requests(1, WAIT)
            turns.yield_to_requests()
            turns.release()
            turns.release()

    def request() -> None:
        assert holding.wait(WAIT)
        with turns:
            pass

    threads = [_run(background), _run(request)]
    for thread in threads:
        thread.join(WAIT)

    with turns:  # free again: both holds were released after the yield
        pass
    with pytest.raises(RuntimeError):
        turns.release()


def test_a_request_runs_while_background_work_waits_for_an_aws_call() -> None:
    turns, order = Turns(), []
    in_call, request_done = threading.Event(), threading.Event()

    def background() -> None:
        with turns.background(), turns:
            with turns.handed_to_requests():  # botocore sending, the answer not back yet
                in_call.set()
                assert request_done.wait(WAIT)  # the request ran to its end meanwhile
            order.append("background after its call")

    def request() -> None:
        assert in_call.wait(WAIT)
        with turns:
            order.append("request")
        request_done.set()

    threads = [_run(background), _run(request)]
    for thread in threads:
        thread.join(WAIT)

    assert order == ["request", "background after its call"]


def test_a_request_holding_its_turn_never_hands_it_over() -> None:
    turns = Turns()
    with turns, turns.handed_to_requests(), turns:  # still this thread's: re-entrant
        pass
    assert turns.yielded == 0


def test_a_thread_marked_background_is_background_for_every_turns() -> None:
    """The trigger loop marks itself once (on the invocations' turns); moto's lock
    (`EMULATOR_LOCK`, a `Turns` too) must then also let requests go first."""
    invocations, emulator = Turns(), Turns()
    with invocations.background():
        marked = emulator._is_background()
    assert (marked, emulator._is_background()) == (True, False)


def test_background_work_waits_for_the_requests_in_flight_between_their_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A request's calls stay together: the free turn between two of them is not the trigger loop's
    (it slipped ~150 moto calls between `/health`'s 27), and the request's end lets it go at once."""
    monkeypatch.setattr(turns_module, "BACKGROUND_PATIENCE_SECONDS", 100 * WAIT)  # never runs out here
    turns, order = Turns(), []
    first_call_done, request_done = threading.Event(), threading.Event()

    def request() -> None:
        with Turns.serving():
            with turns:
                order.append("request's first call")
            first_call_done.set()
            assert turns.wait_for_background(1, WAIT)  # the turn is free, and background work waits
            with turns:
                order.append("request's second call")
        request_done.set()

    def background() -> None:
        assert first_call_done.wait(WAIT)
        with turns.background(), turns:
            order.append("background")

    threads = [_run(request), _run(background)]
    for thread in threads:
        thread.join(WAIT)

    assert request_done.is_set()
    assert order == ["request's first call", "request's second call", "background"]


def test_background_work_takes_a_free_turn_once_its_patience_runs_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A client that keeps the API busy does not stop the triggers: past its patience, background
    work takes a free turn while requests are still in flight."""
    monkeypatch.setattr(turns_module, "BACKGROUND_PATIENCE_SECONDS", 0.0)
    turns, order = Turns(), []
    with Turns.serving():
        with turns.background(), turns:
            order.append("background, a request in flight")
        order.append("request ends")

    assert order == ["background, a request in flight", "request ends"]


def test_a_request_in_flight_holds_back_background_work_on_every_turns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One request marks itself once; the invocations' turn and moto's lock both see it."""
    monkeypatch.setattr(turns_module, "BACKGROUND_PATIENCE_SECONDS", 100 * WAIT)
    invocations, emulator, order = Turns(), Turns(), []
    serving, request_done = threading.Event(), threading.Event()

    def request() -> None:
        with Turns.serving():
            serving.set()
            assert emulator.wait_for_background(1, WAIT) and invocations.wait_for_background(1, WAIT)
            order.append("request")
        request_done.set()

    def background(turns: Turns, name: str) -> None:
        assert serving.wait(WAIT)
        with turns.background(), turns:
            order.append(name)

    threads = [
        _run(request),
        _run(lambda: background(invocations, "invocation")),
        _run(lambda: background(emulator, "emulator")),
    ]
    for thread in threads:
        thread.join(WAIT)

    assert request_done.is_set()
    assert order[0] == "request" and sorted(order[1:]) == ["emulator", "invocation"]
