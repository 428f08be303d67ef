"""The commands for running the exhibit unattended: ``config``, ``set-pin``,
``supervise`` and ``stats`` (``minusma_kiosk.cli`` dispatches to them).

Only the standard library at import: each command imports what it needs when run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime


def config_main(argv: list[str]) -> int:
    """``minusma-kiosk config``: where the configuration is, and what is wrong in it."""
    p = argparse.ArgumentParser(prog="minusma-kiosk config",
                                description="Show where the configuration file is and check "
                                            "it, or print a documented default file.")
    p.add_argument("--default", action="store_true",
                   help="print the documented default file (every key, with its default)")
    p.add_argument("--file", type=Path, metavar="FILE", help="check this file instead")
    args = p.parse_args(argv)
    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import default_text, load_config

    if args.default:
        print(default_text(), end="")
        return 0
    path = args.file or paths.config_path()
    print(f"configuration file: {path}" + ("" if path.exists() else " (absent: all defaults)"))
    print(f"log folder: {paths.log_dir()}")
    print(f"data folder: {paths.data_dir()}")
    config = load_config(path, explicit=args.file is not None)
    for problem in config.problems:
        print(f"  {problem}")
    return 1 if config.problems else 0


def set_pin_main(argv: list[str], read_pin: Callable[[str], str] | None = None) -> int:
    """``minusma-kiosk set-pin``: ask for a PIN twice and store its hash in the config."""
    p = argparse.ArgumentParser(prog="minusma-kiosk set-pin",
                                description="Set the PIN of the kiosk's admin panel. Only a "
                                            "salted hash is stored, in the configuration file.")
    p.add_argument("--file", type=Path, metavar="FILE", help="configuration file to write")
    args = p.parse_args(argv)
    import getpass

    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import set_value
    from minusma_kiosk.kiosk.pin import MAX_DIGITS, MIN_DIGITS, hash_pin

    read_pin = read_pin or getpass.getpass
    try:
        first = read_pin(f"New admin PIN ({MIN_DIGITS} to {MAX_DIGITS} digits): ")
        again = read_pin("The same PIN again: ")
    except (EOFError, KeyboardInterrupt):
        print("\nNo PIN given; nothing was changed.", file=sys.stderr)
        return 1
    if again != first:
        print("The two PINs differ; nothing was changed.", file=sys.stderr)
        return 1
    try:
        stored = hash_pin(first)
    except ValueError as exc:
        print(f"Not changed: {exc}.", file=sys.stderr)
        return 1
    path = args.file or paths.config_path()
    try:
        set_value(path, "admin", "pin_hash", stored)
    except OSError as exc:
        print(f"Not changed: {path} cannot be written ({exc.strerror or exc}).",
              file=sys.stderr)
        return 1
    print(f"PIN set (its hash is in {path}, readable by this user only). Restart the "
          "exhibit to use it.")
    return 0


def supervise_main(argv: list[str]) -> int:
    """``minusma-kiosk supervise [-- run options]``: keep the exhibit running."""
    run_args: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, run_args = argv[:at], argv[at + 1:]
    p = argparse.ArgumentParser(
        prog="minusma-kiosk supervise",
        description="Run the exhibit and start it again within seconds when it crashes or "
                    "hangs (no heartbeat); a deliberate exit (exit code 0) stops the "
                    "supervisor too. Options after '--' go to the exhibit, e.g. "
                    "'minusma-kiosk supervise -- --mode kiosk'.")
    p.add_argument("--heartbeat-timeout", type=int, metavar="S",
                   help="seconds without a heartbeat before a restart, 5 to 300 "
                        "(default: [supervisor] heartbeat_timeout_s, 10)")
    p.add_argument("--daily-restart", metavar="HH:MM",
                   help="restart every day at this local time "
                        "(default: [supervisor] daily_restart; none)")
    p.add_argument("--config", type=Path, metavar="FILE",
                   help="configuration file (also passed to the exhibit)")
    args = p.parse_args(argv)
    import logging

    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import load_config
    from minusma_kiosk.kiosk.logs import CRASH_NAME, setup_logging
    from minusma_kiosk.kiosk.supervisor import Supervisor, parse_time

    setup_logging(paths.log_dir(), name="supervisor.log")
    # Like the exhibit, the supervisor starts whatever the file or the flags say: a bad
    # value is logged and the key keeps its value from the file, or its default.
    config = load_config(args.config or paths.config_path(),
                         explicit=args.config is not None).with_flags({
        "supervisor_heartbeat_timeout_s": ("--heartbeat-timeout", args.heartbeat_timeout),
        "supervisor_daily_restart": ("--daily-restart", args.daily_restart)})
    log = logging.getLogger("minusma_kiosk.supervisor")
    for problem in config.problems:
        log.error("configuration %s", problem)
    if args.config is not None and "--config" not in run_args:
        run_args = ["--config", str(args.config), *run_args]
    if getattr(sys, "frozen", False):
        command = [sys.executable, *run_args]
    else:
        command = [sys.executable, "-m", "minusma_kiosk", *run_args]
    supervisor = Supervisor(
        command, paths.data_dir() / "heartbeat",
        heartbeat_timeout_s=config.supervisor_heartbeat_timeout_s,
        daily_restart=parse_time(config.supervisor_daily_restart),
        crash_log=paths.log_dir() / CRASH_NAME)
    supervisor.install_signal_handlers()
    return supervisor.run()


def _date(text: str) -> datetime.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-01") from None


def stats_main(argv: list[str]) -> int:
    """``minusma-kiosk stats``: what the kiosk's visitors did (recorded on this machine)."""
    p = argparse.ArgumentParser(prog="minusma-kiosk stats",
                                description="Summarize the kiosk's anonymous visit counts: "
                                            "visits per day, median visit, screens, the "
                                            "most-opened events and cards; export them as CSV.")
    p.add_argument("--since", type=_date, metavar="DATE", help="only visits from this day on")
    p.add_argument("--csv", type=Path, metavar="OUT", help="also write every record to OUT")
    p.add_argument("--file", type=Path, metavar="DB", help="the database (default: this "
                                                            "machine's)")
    args = p.parse_args(argv)
    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.analytics import DB_NAME
    from minusma_kiosk.kiosk.visit_report import Unreadable, export_csv, summarize

    path = args.file or paths.data_dir() / DB_NAME
    if not path.exists():
        if args.file is not None:
            print(f"{path} does not exist.", file=sys.stderr)
            return 1
        print(f"No visits recorded yet ({path} does not exist). Visits are counted in "
              "kiosk mode.")
        return 0
    try:
        summary = summarize(path, args.since)
        print(summary.text())
        if args.csv is not None:
            rows = export_csv(path, args.csv, args.since)
            print(f"{rows} records written to {args.csv}")
    except Unreadable as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{args.csv} cannot be written ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    if summary.damage:
        print(f"{path} is damaged ({summary.damage}): the visits above are what could be "
              "read; the rest is lost.", file=sys.stderr)
        return 1
    return 0
