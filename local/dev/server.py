"""`numeriqc dev`: the whole platform on loopback, in one process, without Docker.

moto's threaded server (MOTO_PORT, default 4599) is the AWS; the template's resources are created
in it; the HTTP API is served on PORT (default 3000) by a ThreadingHTTPServer that hands every
request to the emulated API Gateway; a background thread polls the triggers (every 200 ms while
things move, backing off to 2 s when idle, woken by every request) and fires schedules on the
local clock (real time until moved). Everything runs in this process, which is also what lets the
outbox read moto's backends directly. Local-only endpoints help development:

    GET  /_local/outbox         every email and SMS sent, as JSON (for scripts)
    GET  /_local/outbox/counts  how many of each were sent and what their receipts said (big bulks)
    GET  /_local/viewer         the same as pages, French and English (dev/outbox_viewer.py)
    POST /_local/tick, /_local/drain; GET /_local/resources
    GET  /_local/clock; POST /_local/clock/advance?by=30d, /set?to=2027-01-15T09:00-05:00, /reset
                                the local clock every function, schedule and TTL follows (../clock.py)

Handler edits under functions/ apply to the next request; route or infra changes need a restart
(which re-synthesizes). The state is saved on stop and restored on start (`state.py`; `--clean`
starts from nothing); requests go before trigger work (`functions/turns.py`) and moto answers one
request at a time (`aws/serialized.py`).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from ..account import FAKE_CREDENTIALS, REGION, Clients
from ..aws.in_process_calls import answer_in_process, stop_answering_in_process
from ..aws.serialized import SerializedMotoServer
from ..clock import LocalClock, describe, parse_duration, parse_moment
from ..functions import slow_requests
from ..functions.invoker import INVOCATION_LOCK
from ..functions.turns import INVOCATION_TURNS, yield_at_every_aws_call
from ..http.events import HttpRequest, HttpResponse
from ..runtime import LocalRuntime
from ..template.assembly import Template, TemplateError, find_root, load_template
from ..triggers.rounds import DrainError
from . import collector, outbox_viewer, state
from .env_file import dev_env_path, write_dev_env, write_outputs
from .site import SITE_PREFIX, site_file

log = logging.getLogger("numeriqc_local")

POLL_SECONDS = 0.2  # while things move
IDLE_POLL_SECONDS = 2.0  # backs off to this when idle; an HTTP request wakes the loop at once
# How often a thread of its own looks for edits under functions/ and infra/. It used to look on
# every request and trigger round: some 350 stat calls, each giving up the GIL to a busy trigger
# thread for up to its 5 ms switch interval, so a `/health` during a bulk waited 1-3 s on them.
# Under such load one look takes seconds itself, so the watcher rests for a multiple of that.
RELOAD_CHECK_SECONDS = 1.0
RELOAD_REST_FACTOR = 4
HOST = "127.0.0.1"


@dataclass
class DevSettings:
    port: int = 3000
    moto_port: int = 4599
    root: Path | None = None
    dev_env: Path | None = None
    clean: bool = False  # forget the snapshot of the last stop (the seed stays)
    persist: bool = True  # restore the snapshot on start, write it on stop (off for throwaway runs)
    # `--set NAME=VALUE`: an operator setting every function sees (DAILY_LIMIT_SMS=200000, ...)
    overrides: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_environ(cls) -> DevSettings:
        return cls(
            port=int(os.environ.get("PORT", "3000")),
            moto_port=int(os.environ.get("MOTO_PORT", "4599")),
            clean=os.environ.get("NUMERIQC_CLEAN", "") not in ("", "0"),
            persist=os.environ.get("NUMERIQC_PERSIST", "1") not in ("", "0"),
        )


class DevPlatform:
    """Start with `start()`, stop with `stop()`; `serve()` blocks until Ctrl-C or SIGTERM."""

    def __init__(self, settings: DevSettings, started: float | None = None) -> None:
        self.settings = settings
        self.started = started or time.perf_counter()
        self.api_url = f"http://{HOST}:{settings.port}"
        self.moto_url = f"http://{HOST}:{settings.moto_port}"
        self.runtime: LocalRuntime | None = None
        self._moto: Any = None
        self._http: ThreadingHTTPServer | None = None
        self._stop = threading.Event()
        self._kick = threading.Event()
        self._loop: threading.Thread | None = None
        self.root = settings.root or find_root()
        self._reload_lock = threading.Lock()
        self._fingerprints: tuple[str, str] | None = None
        self.clock = LocalClock()
        self._started_serving = False  # only a platform that came up has a state worth saving
        self.home = (settings.dev_env or dev_env_path()).parent  # .numeriqc/: seed and state

    def start(self) -> list[str]:
        """Bring everything up; answers the banner lines."""
        for key, value in {
            "AWS_ENDPOINT_URL": self.moto_url,
            "AWS_REGION": REGION,
            "AWS_DEFAULT_REGION": REGION,
        }.items():
            os.environ[key] = value
        os.environ.update(FAKE_CREDENTIALS)
        os.environ.pop("AWS_PROFILE", None)
        os.environ.pop("AWS_SESSION_TOKEN", None)
        # moto's server thread would hang start() forever on a busy port: check both first.
        _ensure_free(self.settings.moto_port)
        _ensure_free(self.settings.port)
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        # Synthesis (when needed) takes most of a cold start and runs in a subprocess: start moto,
        # build clients and import the heavy libraries meanwhile.
        loader = _TemplateLoader(self.root)
        loader.start()
        # One moto request at a time (moto's backends have no locks); triggers yield to requests.
        self._moto = SerializedMotoServer(ip_address=HOST, port=self.settings.moto_port, verbose=False)
        # This process's own calls skip the loopback HTTP; outside tools still use the server.
        answer_in_process(self._moto.app, self.moto_url)
        yield_at_every_aws_call()
        slow_requests.install()
        collector.install()
        self._moto.start()
        _prepare(self.moto_url)
        template = loader.result()
        self.runtime = LocalRuntime(
            template, endpoint_url=self.moto_url, receipts=True, clock=self.clock, trim_streams=True
        )
        self.runtime.invoker.overrides.update(self.settings.overrides)
        # What only a deployment could resolve (the API's and the site's AWS domains) is this server.
        self.runtime.served_outputs.update(
            {"ApiUrl": f"{self.api_url}/", "BarometerSiteUrl": f"{self.api_url}{SITE_PREFIX}"}
        )
        # Links in what the platform sends (unsubscribe) lead to this server, unless --set says otherwise.
        self.runtime.invoker.overrides.setdefault("PUBLIC_BASE_URL", self.api_url)
        self.runtime.create_resources()
        restored = self._restore_state()
        self._http = ThreadingHTTPServer((HOST, self.settings.port), _handler_for(self))
        self._http.daemon_threads = True
        self._loop = threading.Thread(target=self._poll_forever, name="numeriqc-triggers", daemon=True)
        self._loop.start()
        threading.Thread(target=self._watch_code, name="numeriqc-reload", daemon=True).start()
        self._warm_up()
        self.reload_if_changed()
        dev_env = self.settings.dev_env or dev_env_path()
        outputs = self.runtime.outputs()
        write_outputs(dev_env.parent / "outputs.json", outputs)
        demo_lines, demo_variables = _demo(self.runtime, outputs)
        write_dev_env(
            dev_env,
            endpoint_url=self.moto_url,
            api_url=self.api_url,
            description=self.runtime.describe(),
            template=template.fingerprint(),
            extra=demo_variables,
        )
        return self._banner(dev_env, [*restored, *demo_lines])

    def _restore_state(self) -> list[str]:
        """The seed's secrets and key material, then the snapshot of the last stop (dev.state)."""
        assert self.runtime is not None
        seed = state.read_seed(self.home)
        before = json.dumps(seed, sort_keys=True)
        seed = state.apply_seed(self.runtime, seed)
        if json.dumps(seed, sort_keys=True) != before:
            state.write_seed(self.home, seed)
        path = state.snapshot_path(self.home)
        if self.settings.clean:
            state.clean(self.home)
            return [f"  state       clean start; saved on stop to {path}"]
        if not self.settings.persist:
            return []
        counts = state.restore(self.runtime, path)
        if not counts:
            return [f"  state       new; saved on stop to {path} (`numeriqc dev --clean` starts clean)"]
        return [
            f"  state       restored {counts['items']} items, {counts['objects']} objects, "
            f"{counts['messages']} sent messages from {path} (`numeriqc dev --clean` starts clean)"
        ]

    def save_state(self) -> None:
        """Write the snapshot (on stop); a failure is reported, never hides the stop."""
        if self.runtime is None or not self.settings.persist or self._moto is None:
            return
        path = state.snapshot_path(self.home)
        try:
            counts = state.snapshot(self.runtime, path)
        except Exception:
            log.exception("the state could not be saved to %s", path)
            return
        print(f"state saved: {counts['items']} items, {counts['objects']} objects to {path}", flush=True)

    def _warm_up(self) -> None:
        """Import every handler now (under its own environment), so the first request is not slow."""
        assert self.runtime is not None
        for function in self.runtime.functions.values():
            if not function.invocable:
                continue
            module = function.handler.rpartition(".")[0]
            try:
                with self.runtime.environment(function.logical_id):
                    importlib.import_module(module)
            except Exception:
                log.exception("cannot import %s (handler of %s)", module, function.logical_id)

    def _banner(self, dev_env: Path, demo_lines: list[str]) -> list[str]:
        assert self.runtime is not None
        seconds = time.perf_counter() - self.started
        lines = [
            f"numeriQc local platform ready in {seconds:.1f} s",
            f"  API         {self.api_url}",
            f"  Swagger UI  {self.api_url}/docs",
            f"  moto        {self.moto_url}   (environment for other tools: {dev_env})",
            f"  outbox      {self.api_url}/_local/viewer   (JSON: /_local/outbox)",
            "  schedules   `numeriqc tick` fires them now",
            "  clock       real time; move it with `numeriqc clock advance 30d` (set, reset, show)",
        ]
        if self.settings.overrides:
            given = " ".join(f"{name}={value}" for name, value in sorted(self.settings.overrides.items()))
            lines.append(f"  settings    {given}   (--set, every function)")
        lines.extend(demo_lines)
        lines.append("Ctrl-C to stop.")
        return lines

    def _drain(self) -> dict[str, int]:
        """Edits made since the watcher last looked apply first: a drain runs the code as it is."""
        assert self.runtime is not None
        self.reload_if_changed()
        return {"moved": self.runtime.drain()}

    def reload_if_changed(self) -> None:
        """Code edits under functions/ apply to the invocations that start after this finds them
        (handlers are re-imported); route or infra changes need a restart, which re-synthesizes."""
        functions, infra = _code_fingerprint(self.root, "functions"), _code_fingerprint(self.root, "infra")
        with self._reload_lock:
            if self._fingerprints is None:
                self._fingerprints = (functions, infra)
                return
            if functions != self._fingerprints[0]:
                with INVOCATION_LOCK:
                    for name in [
                        name for name in sys.modules if name == "numeriqc" or name.startswith("numeriqc.")
                    ]:
                        del sys.modules[name]
                    # The kernel's new boto3 session has none of the runtime's hooks: without them
                    # no send was heard after an edit, and no receipt ever came (all `sending`).
                    if self.runtime is not None:
                        self.runtime.listen()
                print(
                    "functions/ changed: handlers reloaded (restart `numeriqc dev` for new routes or wiring)",
                    flush=True,
                )
            if infra != self._fingerprints[1]:
                print("infra/ changed: restart `numeriqc dev` to apply the new template", flush=True)
            self._fingerprints = (functions, infra)

    def kick(self) -> None:
        """Poll the triggers now (a request may have queued work for them)."""
        self._kick.set()

    def _watch_code(self) -> None:
        rest = RELOAD_CHECK_SECONDS
        while not self._stop.wait(rest):
            started = time.monotonic()
            try:
                self.reload_if_changed()
            except Exception:
                log.exception("looking for code edits failed")
            rest = max(RELOAD_CHECK_SECONDS, RELOAD_REST_FACTOR * (time.monotonic() - started))

    def _poll_forever(self) -> None:
        assert self.runtime is not None
        interval = POLL_SECONDS
        while not self._stop.is_set():
            moved = 0
            try:
                with INVOCATION_TURNS.background():  # HTTP requests go first, even mid-invocation
                    moved = self.runtime.poll_once()
            except Exception:
                log.exception("trigger round failed")
            interval = POLL_SECONDS if moved else min(IDLE_POLL_SECONDS, interval * 2)
            if self._kick.wait(interval):
                self._kick.clear()
                interval = POLL_SECONDS

    def serve(self) -> None:
        assert self._http is not None
        self._started_serving = True
        try:
            self._http.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._kick.set()
        if self._http is not None:
            self._http.server_close()
        if self._loop is not None:
            self._loop.join(timeout=5)
        if self._started_serving:
            self.save_state()
        if self._moto is not None:
            stop_answering_in_process(self.moto_url)
            self._moto.stop()
            self._moto = None

    # -- local-only endpoints ---------------------------------------------------------------------

    def local_endpoint(self, method: str, path: str, query: str = "") -> HttpResponse | None:
        assert self.runtime is not None
        arguments = {key: values[-1] for key, values in parse_qs(query).items()}
        routes: dict[tuple[str, str], Callable[[], Any]] = {
            ("GET", "/_local/outbox"): lambda: [message.as_json() for message in self.runtime.outbox()],  # type: ignore[union-attr]
            ("GET", "/_local/outbox/counts"): self.runtime.outbox_counts,
            ("POST", "/_local/tick"): lambda: {"fired": self.runtime.tick()},  # type: ignore[union-attr]
            ("POST", "/_local/drain"): self._drain,
            ("GET", "/_local/resources"): self.runtime.describe,
            ("GET", "/_local/clock"): lambda: describe(self.clock),
            ("POST", "/_local/clock/advance"): lambda: self._move(
                lambda: self.clock.advance(_parsed(parse_duration, arguments, "by"))
            ),
            ("POST", "/_local/clock/set"): lambda: self._move(
                lambda: self.clock.set(_parsed(parse_moment, arguments, "to"))
            ),
            ("POST", "/_local/clock/reset"): lambda: self._move(self.clock.reset),
        }
        action = routes.get((method, path))
        if action is None:
            return None
        try:
            return _json_response(200, action())
        except BadLocalRequest as error:
            return _json_response(400, {"message": str(error)})
        except DrainError as error:
            return _json_response(500, {"message": str(error)})

    def _move(self, change: Callable[[], Any]) -> dict[str, Any]:
        """Move the clock, then let the trigger loop fire what became due (schedules, TTLs) at once."""
        change()
        self.kick()
        return describe(self.clock)


class BadLocalRequest(ValueError):
    """A local endpoint's query parameter is missing or unreadable: a 400, never a 500."""


def _parsed(parse: Callable[[str], Any], arguments: dict[str, str], name: str) -> Any:
    if name not in arguments:
        raise BadLocalRequest(f"missing query parameter {name!r}")
    try:
        return parse(arguments[name])
    except ValueError as error:
        raise BadLocalRequest(str(error)) from None


_STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css"}


def static_file(web_root: Path, path: str) -> HttpResponse:
    """The public pages' static files (web/widget/, web/consultation/), as S3 or a CDN would serve them."""
    relative = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
    target = (web_root / relative).resolve()
    if web_root.resolve() not in target.parents or not target.is_file() or target.suffix not in _STATIC_TYPES:
        return _json_response(404, {"message": "Not Found"})
    return HttpResponse(200, {"content-type": _STATIC_TYPES[target.suffix]}, target.read_bytes())


def _json_response(status: int, value: Any) -> HttpResponse:
    return HttpResponse(
        status, {"content-type": "application/json"}, json.dumps(value, ensure_ascii=False).encode()
    )


def _demo(runtime: LocalRuntime, outputs: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Run the optional `numeriqc_local.dev.demo.bootstrap` hook (demo organization, keys).

    It receives the resolved stack outputs (or the runtime, if its parameter is named `runtime`)
    and answers the lines to print, optionally with variables to add to dev.env.
    """
    if importlib.util.find_spec("numeriqc_local.dev.demo") is None:
        return [], {}
    try:
        bootstrap = importlib.import_module("numeriqc_local.dev.demo").bootstrap
        parameters = list(inspect.signature(bootstrap).parameters)
        answer = bootstrap(runtime if parameters[:1] == ["runtime"] else outputs)
    except Exception as error:
        log.exception("the demo bootstrap failed")
        return [f"  (demo bootstrap failed: {error!r})"], {}
    if isinstance(answer, tuple):
        lines, variables = answer
        return [str(line) for line in lines], {str(k): str(v) for k, v in dict(variables).items()}
    return [str(line) for line in answer], {}


def _handler_for(platform: DevPlatform) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "numeriqc-local"

        def _serve(self) -> None:
            with INVOCATION_TURNS.serving():  # the trigger loop holds back while it is served
                self._serve_request()

        def _serve_request(self) -> None:
            started = time.perf_counter()
            path, _, query = self.path.partition("?")
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            response = (
                platform.local_endpoint(self.command, path, query) if path.startswith("/_local/") else None
            )
            if path.startswith(outbox_viewer.PREFIX) and platform.runtime:
                response = outbox_viewer.serve(platform.runtime.outbox(), self.command, path, query)
            if path.startswith(("/widget/", "/consultation/")) and self.command in ("GET", "HEAD"):
                response = static_file(platform.root / "web", path)
            if path.startswith(SITE_PREFIX) and self.command in ("GET", "HEAD") and platform.runtime:
                response = site_file(platform.runtime, path)
            if response is None:
                assert platform.runtime is not None
                request = HttpRequest(
                    self.command,
                    path,
                    query,
                    tuple(self.headers.items()),
                    body,
                    self.client_address[0],
                    self.request_version,
                )
                try:
                    response = platform.runtime.handle(request)
                except Exception:
                    log.exception("gateway failure")
                    response = _json_response(500, {"message": "Internal Server Error"})
            self._write(response)
            platform.kick()
            ended = time.perf_counter()
            elapsed = (ended - started) * 1000
            print(f"{self.command} {self.path} -> {response.status} ({elapsed:.0f} ms)", flush=True)
            if ended - started > slow_requests.SLOW_SECONDS:
                print(f"  slow: {slow_requests.explain(started, ended)}", flush=True)

        def _write(self, response: HttpResponse) -> None:
            self.send_response(response.status)
            for key, value in response.headers.items():
                if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(key, value)
            for cookie in response.cookies:
                self.send_header("set-cookie", cookie)
            self.send_header("content-length", str(len(response.content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.content)

        def log_message(self, format: str, *args: Any) -> None:
            """Silenced: _serve prints one line per request."""

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _serve

    return Handler


class _TemplateLoader(threading.Thread):
    def __init__(self, root: Path) -> None:
        super().__init__(name="numeriqc-template", daemon=True)
        self.root = root
        self.template: Template | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.template = load_template(self.root, announce=lambda text: print(text, flush=True))
        except BaseException as error:  # re-raised in the main thread by result()
            self.error = error

    def result(self) -> Template:
        self.join()
        if self.error is not None:
            raise self.error
        assert self.template is not None
        return self.template


def _prepare(endpoint_url: str) -> None:
    """Load service models and the handlers' heavy dependencies (no template needed for that)."""
    clients = Clients(endpoint_url)
    for service in ("kms", "dynamodb", "dynamodbstreams", "sqs", "sns", "events", "secretsmanager", "s3"):
        clients(service)
    for module in ("aws_lambda_powertools.event_handler", "aws_lambda_powertools.logging", "pydantic"):
        with contextlib.suppress(ImportError):
            importlib.import_module(module)


def _code_fingerprint(root: Path, top: str) -> str:
    """(path, size, mtime) of every .py file under `top`: a few milliseconds for the whole tree."""
    entries = []
    for path in sorted((root / top).rglob("*.py")):
        stat = path.stat()
        entries.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(entries)


def _ensure_free(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((HOST, port))


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def run_dev(settings: DevSettings, started: float | None = None) -> int:
    """Run until Ctrl-C or SIGTERM; answers the exit code (0 after a clean stop)."""
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)  # even when started in the background with SIGINT ignored
    try:
        platform = DevPlatform(settings, started)
    except TemplateError as error:
        print(f"numeriqc dev: {error}", flush=True)
        return 1
    try:
        lines = platform.start()
    except KeyboardInterrupt:
        platform.stop()
        return 0
    except TemplateError as error:
        platform.stop()
        print(f"numeriqc dev: {error}", flush=True)
        return 1
    except OSError as error:
        platform.stop()
        print(f"numeriqc dev: cannot start ({error}); is another platform using PORT/MOTO_PORT?", flush=True)
        return 1
    except BaseException:
        platform.stop()
        raise
    print("\n".join(lines), flush=True)
    platform.serve()
    print("numeriQc local platform stopped.", flush=True)
    return 0
