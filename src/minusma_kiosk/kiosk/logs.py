"""Logs on disk: rotating files, crashes of the interpreter, exceptions nobody caught.

``setup_logging`` sends the ``minusma_kiosk`` logs (and Python warnings) to
``minusma-kiosk.log`` in the log folder, rotated at 1 MB with 5 old files kept,
and to the terminal. ``faulthandler`` writes a native crash's Python stack to
``crash.log``. An exception that escapes a Qt slot or event handler reaches
``sys.excepthook``: it is logged with its traceback and the exhibit goes on.

A log folder that cannot be written never stops the exhibit: the logs then go to
the terminal only (the system journal under systemd), and the first line says so.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_NAME = "minusma-kiosk.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("minusma_kiosk")
_crash_file: IO[str] | None = None  # kept open for faulthandler as long as we run
#: The handlers :func:`setup_logging` added (replaced when it runs again), and the plain
#: file handler :func:`enable_rotation` swaps for a rotating one.
_ours: list[logging.Handler] = []
_plain: list[logging.FileHandler] = []


def setup_logging(folder: Path, level: int = logging.INFO, name: str = LOG_NAME,
                  rotate: bool = True) -> str | None:
    """Log to a rotating file ``name`` in ``folder`` and to stderr.

    Returns None, or why the folder cannot hold the logs: then they go to stderr
    only, and that is the first line logged.

    The supervisor logs to a file of its own (two processes must not rotate one file).
    ``rotate=False`` starts with a plain file handler, because importing
    ``logging.handlers`` costs a few milliseconds of the exhibit's start-up;
    :func:`enable_rotation` swaps in the rotating one once the window is up.
    """
    global _crash_file
    path = folder / name
    root = logging.getLogger()
    for handler in _ours:
        root.removeHandler(handler)
        handler.close()
    _ours.clear()
    _plain.clear()
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    problem = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if rotate:
            handlers.append(_rotating(path))
        else:
            plain = logging.FileHandler(path, encoding="utf-8")
            _plain.append(plain)
            handlers.append(plain)
    except OSError as exc:
        problem = (f"the log folder {folder} cannot be written ({exc.strerror or exc}): "
                   "logging to the terminal only (the system journal under systemd)")
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        _ours.append(handler)
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    if _crash_file is None:
        try:
            _crash_file = open(folder / CRASH_NAME, "a", encoding="utf-8")
            faulthandler.enable(_crash_file)
        except OSError:
            faulthandler.enable(sys.stderr)
    sys.excepthook = log_unhandled
    if problem:
        log.error("%s", problem)
    return problem


def _rotating(path: Path) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                encoding="utf-8")


def enable_rotation() -> None:
    """Replace the plain file handler of ``setup_logging(rotate=False)`` by a rotating one."""
    root = logging.getLogger()
    for handler in list(_plain):
        try:
            rotating = _rotating(Path(handler.baseFilename))
        except OSError as exc:
            log.warning("the log %s cannot rotate (%s); it keeps growing",
                        handler.baseFilename, exc)
            return
        rotating.setFormatter(handler.formatter)
        _ours[_ours.index(handler)] = rotating
        _plain.remove(handler)
        root.addHandler(rotating)
        root.removeHandler(handler)
        handler.close()


def log_unhandled(kind: type[BaseException], value: BaseException,
                  tb: TracebackType | None) -> None:
    """``sys.excepthook``: log an exception nobody caught (e.g. in a slot), and go on."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.error("unhandled exception (the exhibit goes on)", exc_info=(kind, value, tb))


def last_lines(folder: Path, count: int = 20) -> list[str]:
    """The last ``count`` lines of the current log file (for the admin panel)."""
    path = folder / LOG_NAME
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 64_000))
            text = f.read().decode("utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()[-count:]
