"""The `numeriqc` command: `dev`, `invoke`, `tick`, `drain`, `outbox`, `clock`, and commands others add.

Every command finds the running platform the same way, from any directory: `.numeriqc/dev.env`
under the repository root (`numeriqc_local.dev.env_file.dev_env_path`), or NUMERIQC_DEV_ENV.

Other modules register commands without touching this file: list the module in EXTENSIONS and give
it a `register(commands: Commands) -> None` function. A command name may have several words
(`org create`), which become nested sub-commands:

    def register(commands: Commands) -> None:
        parser = commands.add("org create", run_org_create, help="create an organization")
        parser.add_argument("name")

The handler receives the parsed `argparse.Namespace` and answers an exit code (None means 0).
`commands.add_parser(name, ...)` also works, argparse style: such a command runs through the
registering module's `run(args)` (as `numeriqc_local.dev.admin` does). Use
`numeriqc_local.dev.env_file.attach()` to reach the running dev platform from a command.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import json
import logging
import re
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EXTENSIONS = ("numeriqc_local.dev.admin", "numeriqc_local.dev.exchange")

Handler = Callable[[argparse.Namespace], int | None]


class Commands:
    """Registers (possibly multi-word) sub-commands on the `numeriqc` parser.

    Also argparse-compatible: `commands.add_parser(name, ...)` adds a top-level sub-command the
    argparse way; its handler is the registering module's `run(args)` (or `args.run`, or `args.handler`).
    """

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self._groups: dict[tuple[str, ...], Any] = {
            (): parser.add_subparsers(dest="command", metavar="COMMAND")
        }
        self._parsers: dict[tuple[str, ...], argparse.ArgumentParser] = {}
        self.module_run: Handler | None = None

    def add(
        self,
        name: str,
        handler: Handler,
        *,
        help: str,
        description: str | None = None,
    ) -> argparse.ArgumentParser:
        words = tuple(name.split())
        if not words:
            raise ValueError("a command needs a name")
        subparsers = self._group(words[:-1])
        parser: argparse.ArgumentParser = subparsers.add_parser(
            words[-1], help=help, description=description or help
        )
        parser.set_defaults(handler=handler)
        self._parsers[words] = parser
        return parser

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """argparse's `add_parser` on the top-level sub-commands (for `register(commands)` modules)."""
        parser: argparse.ArgumentParser = self._groups[()].add_parser(name, **kwargs)
        if self.module_run is not None:
            parser.set_defaults(module_run=self.module_run)
        self._parsers[(name,)] = parser
        return parser

    def _group(self, words: tuple[str, ...]) -> Any:
        if words in self._groups:
            return self._groups[words]
        parent = self._group(words[:-1])
        parser = self._parsers.get(words)
        if parser is None:
            parser = parent.add_parser(words[-1], help=f"{' '.join(words)} commands")
            self._parsers[words] = parser
        group = parser.add_subparsers(dest="_".join(words) + "_command", metavar="COMMAND")
        group.required = True
        self._groups[words] = group
        return group


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="numeriqc", description="numeriQc local platform and tools")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the local runtime does")
    commands = Commands(parser)
    _register_builtins(commands)
    for module_name in EXTENSIONS:
        if importlib.util.find_spec(module_name) is not None:
            module = importlib.import_module(module_name)
            commands.module_run = getattr(module, "run", None)
            module.register(commands)
            commands.module_run = None
    return parser


def _register_builtins(commands: Commands) -> None:
    dev = commands.add(
        "dev", _dev, help="run the whole platform locally (PORT, default 3000; MOTO_PORT, default 4599)"
    )
    dev.add_argument(
        "--clean",
        action="store_true",
        help="start from nothing: forget the state saved at the last stop (the demo keys stay the same)",
    )
    dev.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        type=_setting,
        metavar="NAME=VALUE",
        help="an operator setting every function sees, e.g. DAILY_LIMIT_SMS=200000 or SMS_RATE_PER_SECOND=0 "
        "(repeatable)",
    )
    invoke = commands.add(
        "invoke", _invoke, help="run one function on a sample event against the running platform"
    )
    invoke.add_argument("function", help="logical id (e.g. OrganizationsApi) or function name")
    invoke.add_argument("event", help="JSON event file (e.g. events/platform/health.json), or - for stdin")
    commands.add("tick", _post("/_local/tick"), help="fire every scheduled rule of the running platform now")
    commands.add(
        "drain", _post("/_local/drain"), help="run the running platform's pending triggers until quiet"
    )
    commands.add("outbox", _get("/_local/outbox"), help="print the emails and SMS the running platform sent")
    commands.add("clock show", _get("/_local/clock"), help="the running platform's local clock")
    advance = commands.add(
        "clock advance", _clock_advance, help="move the local clock forward (30d, 1d12h, 90m, 2w, 45s)"
    )
    advance.add_argument("duration")
    moment = commands.add(
        "clock set", _clock_set, help="set the local clock (2027-01-15T09:00-05:00; without an offset, UTC)"
    )
    moment.add_argument("moment")
    commands.add("clock reset", _post("/_local/clock/reset"), help="back to real time")


def _dev(args: argparse.Namespace) -> int:
    from .dev.server import DevSettings, run_dev

    settings = DevSettings.from_environ()
    settings.clean = bool(getattr(args, "clean", False))
    settings.overrides = dict(getattr(args, "overrides", []))
    return run_dev(settings, _STARTED)


def _setting(text: str) -> tuple[str, str]:
    """NAME=VALUE, NAME an environment variable's name; never one of AWS's or the runtime's own."""
    name, equals, value = text.partition("=")
    if not equals or not re.fullmatch(r"[A-Z][A-Z0-9_]*", name) or name.startswith(("AWS_", "LAMBDA_", "_")):
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE with NAME in capitals (not AWS_...): {text!r}")
    return name, value


def _invoke(args: argparse.Namespace) -> int:
    from .dev.env_file import NotRunningError, attach

    raw = sys.stdin.read() if args.event == "-" else Path(args.event).read_text()
    event = json.loads(raw)
    try:
        runtime = attach()
    except NotRunningError as error:
        print(f"numeriqc invoke: {error}", file=sys.stderr)
        return 2
    # Handlers log to stdout (Powertools binds it at import): keep stdout for the result alone.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            result = runtime.invoke(args.function, event)
        except KeyError as error:
            print(f"numeriqc invoke: {error.args[0]}", file=sys.stderr)
            return 2
        except Exception:
            traceback.print_exc()
            return 1
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _call(method: str, path: str) -> int:
    from .dev.env_file import NotRunningError, read_dev_env

    try:
        url = read_dev_env()["NUMERIQC_API_URL"] + path
    except (NotRunningError, KeyError) as error:
        print(f"numeriqc: {error}", file=sys.stderr)
        return 2
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - loopback URL we wrote
            print(json.dumps(json.loads(response.read()), indent=2, ensure_ascii=False))
            return 0
    except urllib.error.HTTPError as error:
        print(error.read().decode(errors="replace"), file=sys.stderr)
        return 1
    except urllib.error.URLError as error:
        print(f"numeriqc: the dev platform does not answer at {url} ({error.reason})", file=sys.stderr)
        return 2


def _clock_advance(args: argparse.Namespace) -> int:
    return _call("POST", "/_local/clock/advance?" + urllib.parse.urlencode({"by": args.duration}))


def _clock_set(args: argparse.Namespace) -> int:
    return _call("POST", "/_local/clock/set?" + urllib.parse.urlencode({"to": args.moment}))


def _post(path: str) -> Handler:
    return lambda _: _call("POST", path)


def _get(path: str) -> Handler:
    return lambda _: _call("GET", path)


_STARTED = time.perf_counter()


def main(argv: Sequence[str] | None = None) -> int:
    global _STARTED  # noqa: PLW0603 - startup time measured from the first line of main
    _STARTED = time.perf_counter()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    # Powertools warns on every request of a handler that published no custom metric: noise here.
    warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)
    for name in ("handler", "module_run", "run"):
        handler = getattr(args, name, None)
        if callable(handler):
            return int(handler(args) or 0)
    parser.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
