"""The commands for running the exhibit unattended: ``config``, ``set-pin``,
``supervise`` and ``stats`` (``minusma_kiosk.cli`` dispatches to them).

Only the standard library at import: each command imports what it needs when run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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
    config = load_config(path)
    for problem in config.problems:
        print(f"  {problem}")
    return 1 if config.problems else 0


def set_pin_main(argv: list[str], read_pin=None) -> int:
    """``minusma-kiosk set-pin``: ask for a PIN twice and store its hash in the config."""
    p = argparse.ArgumentParser(prog="minusma-kiosk set-pin",
                                description="Set the PIN of the kiosk's admin panel. Only a "
                                            "salted hash is stored, in the configuration file.")
    p.add_argument("--file", type=Path, metavar="FILE", help="configuration file to write")
    args = p.parse_args(argv)
    import getpass

    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import set_value
    from minusma_kiosk.kiosk.pin import hash_pin

    read_pin = read_pin or getpass.getpass
    first = read_pin("New admin PIN (4 to 12 digits): ")
    if read_pin("The same PIN again: ") != first:
        print("The two PINs differ; nothing was changed.", file=sys.stderr)
        return 1
    try:
        stored = hash_pin(first)
    except ValueError as exc:
        print(f"Not changed: {exc}.", file=sys.stderr)
        return 1
    path = args.file or paths.config_path()
    set_value(path, "admin", "pin_hash", stored)
    print(f"PIN set (its hash is in {path}). Restart the exhibit to use it.")
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
    p.add_argument("--heartbeat-timeout", type=float, metavar="S",
                   help="seconds without a heartbeat before a restart "
                        "(default: [supervisor] heartbeat_timeout_s, 10)")
    p.add_argument("--daily-restart", metavar="HH:MM",
                   help="restart every day at this local time "
                        "(default: [supervisor] daily_restart; none)")
    p.add_argument("--config", type=Path, metavar="FILE",
                   help="configuration file (also passed to the exhibit)")
    args = p.parse_args(argv)
    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import load_config
    from minusma_kiosk.kiosk.logs import setup_logging
    from minusma_kiosk.kiosk.supervisor import Supervisor, parse_time

    config = load_config(args.config or paths.config_path())
    setup_logging(paths.log_dir(), name="supervisor.log")
    daily = args.daily_restart if args.daily_restart is not None \
        else config.supervisor_daily_restart
    try:
        daily_time = parse_time(daily)
    except ValueError:
        p.error(f"--daily-restart {daily!r} is not a time like 04:30")
    if args.config is not None and "--config" not in run_args:
        run_args = ["--config", str(args.config), *run_args]
    if getattr(sys, "frozen", False):
        command = [sys.executable, *run_args]
    else:
        command = [sys.executable, "-m", "minusma_kiosk", *run_args]
    supervisor = Supervisor(
        command, paths.data_dir() / "heartbeat",
        heartbeat_timeout_s=args.heartbeat_timeout or config.supervisor_heartbeat_timeout_s,
        daily_restart=daily_time)
    supervisor.install_signal_handlers()
    return supervisor.run()


def _date(text: str):  # -> datetime.date
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
    from minusma_kiosk.kiosk.analytics import DB_NAME, export_csv, summarize

    path = args.file or paths.data_dir() / DB_NAME
    if not path.exists():
        print(f"No visits recorded yet ({path} does not exist). Visits are counted in "
              "kiosk mode.")
        return 0
    print(summarize(path, args.since).text())
    if args.csv is not None:
        rows = export_csv(path, args.csv, args.since)
        print(f"{rows} records written to {args.csv}")
    return 0
