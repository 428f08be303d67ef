"""Command line: ``minusma-kiosk`` and its sub-commands.

``minusma-kiosk [options]``             start the exhibit
``minusma-kiosk check [DIR]``           check a content folder (exit 0 clean, 1 not, 2 usage)
``minusma-kiosk screenshot OUTDIR``     render every screen to PNG offscreen
``minusma-kiosk self-test``             build and render every screen once
``minusma-kiosk config [--default]``    where the configuration file is, and what it holds
``minusma-kiosk set-pin``               set the admin PIN (stored as a salted hash)
``minusma-kiosk supervise [-- OPTIONS]`` run the exhibit, restart it if it crashes or hangs
``minusma-kiosk stats [--since DATE] [--csv OUT]``  the kiosk's anonymous visit counts
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minusma_kiosk import __version__
from minusma_kiosk.cli_kiosk import config_main, set_pin_main, stats_main, supervise_main

if TYPE_CHECKING:
    from minusma_kiosk.content.model import Lang

#: The sub-commands and what each does (``--help`` lists them).
COMMANDS = {
    "check": "check a content folder and list every problem",
    "screenshot": "render every screen and state to PNG files, offscreen",
    "self-test": "load the content, build and render every screen once",
    "config": "where the configuration, logs and data are; check the configuration",
    "set-pin": "set the kiosk's admin PIN (only a salted hash is stored)",
    "supervise": "run the exhibit and restart it if it crashes or hangs",
    "stats": "the kiosk's anonymous visit counts",
}
DEFAULT_SIZES = ("1920x1080", "1366x768", "1080x1920")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r} is outside 200x200 … 8000x8000")
    return w, h


def _setting(attr: str) -> Callable[[str], Any]:
    """An argparse type for a flag that sets configuration key ``attr``: the same
    check as in the file (no NaN, no infinity, within the key's range)."""
    from minusma_kiosk.kiosk.config import KEY_OF

    key = KEY_OF[attr]

    def parse(text: str) -> Any:
        try:
            value = type(key.default)(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        accepted, why = key.check(value)
        if why is not None:
            raise argparse.ArgumentTypeError(why)
        return accepted

    return parse


def _add_content_options(p: argparse.ArgumentParser, lang_default: str | None = "en") -> None:
    p.add_argument("--content", type=Path, metavar="DIR",
                   help="a curator's content folder instead of the bundled one")
    p.add_argument("--lang", choices=("en", "fr"), default=lang_default,
                   help="language to start in (default: en)")


class _Version(argparse.Action):
    """``--version``: the software's version and the bundled content's (read on demand)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        import tomllib

        from minusma_kiosk import resources

        try:
            site = tomllib.loads((resources.content_dir() / "site.toml")
                                 .read_text(encoding="utf-8"))
            content = site["site"]["version"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            content = "unknown"
        print(f"minusma-kiosk {__version__} (content {content})")
        parser.exit()


def run_parser() -> argparse.ArgumentParser:
    """Parser for starting the exhibit."""
    commands = "\n".join(f"  {name:<11} {what}" for name, what in COMMANDS.items())
    p = argparse.ArgumentParser(
        prog="minusma-kiosk", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Touch-screen exhibit: Mali since 2012 and the UN mission MINUSMA.\n"
                    "Flags override the configuration file ('minusma-kiosk config' shows "
                    "where it is).",
        epilog=f"commands (minusma-kiosk COMMAND --help for each):\n{commands}")
    p.add_argument("--version", action=_Version, nargs=0,
                   help="show the software's and the bundled content's versions, and exit")
    p.add_argument("--mode", choices=("window", "kiosk", "present"), default=None,
                   help="window (default; F11 toggles fullscreen), kiosk (fullscreen, "
                        "frameless, large touch targets, idle reset, no way out) or present "
                        "(laptop presentations)")
    _add_content_options(p, lang_default=None)
    p.add_argument("--diagonal", type=float, metavar="INCHES",
                   help="the screen's real diagonal (7 to 120), if it reports a wrong size "
                        "(touch targets are sized in millimetres)")
    p.add_argument("--animation", choices=("full", "reduced", "none"), default=None)
    p.add_argument("--config", type=Path, metavar="FILE",
                   help="use this configuration file instead of the usual one")
    p.add_argument("--watch", action="store_true",
                   help="curator preview: every screen shows an edit to a content file "
                        "as it is saved (a broken edit keeps the last good content)")
    p.add_argument("--gentle", action="store_true", default=None,
                   help="show events involving deaths without graphic detail (school visits)")
    p.add_argument("--bench-first-frame", action="store_true", help=argparse.SUPPRESS)
    return p


def check_main(argv: list[str]) -> int:
    """``minusma-kiosk check [DIR]``: list every problem in a content folder."""
    p = argparse.ArgumentParser(prog="minusma-kiosk check",
                                description="Check a content folder and list every problem.")
    p.add_argument("folder", nargs="?", type=Path,
                   help="content folder (default: the bundled content)")
    args = p.parse_args(argv)
    from minusma_kiosk import resources
    from minusma_kiosk.content import load_content

    folder = args.folder or resources.content_dir()
    try:
        result = load_content(folder, check_geography=True)
    except Exception as exc:  # a curator must never see a traceback
        logging.getLogger("minusma_kiosk").exception("checker failed")
        print(f"The checker itself failed on {folder}: {exc!r}. "
              "Please report this to the developers.", file=sys.stderr)
        return 1
    if result.ok:
        c = result.content
        assert c is not None
        t = c.timeline
        timeline = (f", {len(t.events)} events, {len(t.places)} places, {len(t.camps)} camps, "
                    f"{len(t.eras)} eras") if t else ""
        print(f"OK: {folder} — {len(c.sources)} sources, {len(c.figures)} figures, "
              f"{len(c.cards)} cards{timeline}, {len(c.charts)} charts, "
              f"content version {c.site.version}")
        return 0
    n = len(result.problems)
    print(f"{n} problem{'s' if n != 1 else ''} in {folder}:")
    for line in result.report():
        print(f"  {line}")
    print("Fix them and run the check again. The exhibit shows its bundled content "
          "until this folder is clean.")
    return 1


def screenshot_main(argv: list[str]) -> int:
    """``minusma-kiosk screenshot OUTDIR``: write a PNG per screen, state and size."""
    p = argparse.ArgumentParser(prog="minusma-kiosk screenshot",
                                description="Render every screen, in every state worth "
                                            "seeing, to PNG files (offscreen).")
    p.add_argument("outdir", type=Path)
    p.add_argument("--size", type=_size, action="append", metavar="WxH",
                   help="window size; repeat for several (default: "
                        + ", ".join(DEFAULT_SIZES) + ")")
    p.add_argument("--screen", action="append", metavar="NAME",
                   help="only this screen; repeat for several")
    p.add_argument("--mode", choices=("window", "kiosk", "present"), default="window")
    p.add_argument("--diagonal", type=_setting("exhibit_diagonal_inches"), metavar="INCHES",
                   help="screen diagonal, 7 to 120 (default: 32 for 1080p sizes, 15.6 for "
                        "1366x768)")
    from minusma_kiosk.state.app_state import TEXT_SIZES

    p.add_argument("--text-size", type=int, choices=TEXT_SIZES, default=TEXT_SIZES[0],
                   help="the visitor's text size, per cent")
    p.add_argument("--high-contrast", action="store_true", help="the high-contrast theme")
    p.add_argument("--low-reach", action="store_true",
                   help="controls lower, for seated visitors (tall screens)")
    _add_content_options(p)
    args = p.parse_args(argv)
    from minusma_kiosk.app import ensure_platform

    ensure_platform(offscreen=True)
    from minusma_kiosk.ui.capture import ACCESS, KIOSK, PRESENTER
    from minusma_kiosk.ui.router import ScreenId

    only = None
    if args.screen:
        names = [s.value for s in ScreenId] + [ACCESS, KIOSK, PRESENTER]
        unknown = [n for n in args.screen if n not in names]
        if unknown:
            p.error(f"unknown screen {', '.join(unknown)}; screens: {', '.join(names)} "
                    f"({KIOSK}: the kiosk's attract loop and staff panels, with --mode kiosk; "
                    f"{PRESENTER}: tour steps and notes, with --mode present)")
        only = list(args.screen)
    sizes = args.size or [_size(s) for s in DEFAULT_SIZES]
    tag = "-".join(t for t, on in ((f"text{args.text_size}", args.text_size != 100),
                                   ("contrast", args.high_contrast),
                                   ("low", args.low_reach)) if on)
    from minusma_kiosk.app import (
        Options,
        close_shell,
        create_application,
        create_shell,
        load_with_fallback,
    )
    from minusma_kiosk.ui.capture import DIAGONALS, is_blank, settle, shots

    loaded = load_with_fallback(args.content)
    if loaded.rejected is not None:
        print(f"content in {loaded.rejected_dir} was rejected; the screenshots show the "
              "bundled content and its banner. The problems:", file=sys.stderr)
        for line in loaded.rejected.report():
            print(f"  {line}", file=sys.stderr)
    try:
        args.outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"{args.outdir} cannot be made ({exc.strerror or exc})", file=sys.stderr)
        return 1
    create_application()
    written, blank = 0, []
    for size in sizes:
        diagonal = args.diagonal or DIAGONALS.get(size)
        options = Options(mode=args.mode, lang=args.lang, diagonal_inches=diagonal,
                          animation="none")
        shell = create_shell(loaded, options)
        shell.state.set_access(text_size=args.text_size, high_contrast=args.high_contrast,
                               low_reach=args.low_reach)
        shell.resize(*size)
        shell.show()
        settle()
        for shot in shots(shell, only):
            path = args.outdir / shot.name(size, args.lang, tag)
            if not shot.image.save(str(path)):
                close_shell(shell)
                print(f"{path} cannot be written", file=sys.stderr)
                return 1
            written += 1
            if is_blank(shot.image):
                blank.append(path.name)
        close_shell(shell)  # a kiosk window refuses a plain close and filters all input
    print(f"wrote {written} screenshots to {args.outdir}")
    if blank:
        print("blank images: " + ", ".join(blank), file=sys.stderr)
        return 1
    return 0


def _collect_qt_warnings() -> list[str]:
    """From now on, Qt's warnings (a picture that cannot be read, a layout that cannot
    fit) go into the returned list: the self-test fails on them, as the tests do."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    collected: list[str] = []

    def collect(kind: QtMsgType, _context: object, message: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            collected.append(message)

    qInstallMessageHandler(collect)
    return collected


def self_test_main(argv: list[str]) -> int:
    """``minusma-kiosk self-test``: load content, build and render every screen once."""
    p = argparse.ArgumentParser(prog="minusma-kiosk self-test",
                                description="Load the content, build every screen "
                                            "offscreen and render each state once.")
    _add_content_options(p)
    args = p.parse_args(argv)
    from minusma_kiosk.app import ensure_platform

    ensure_platform(offscreen=True)
    from minusma_kiosk.app import (
        Options,
        close_shell,
        create_application,
        create_shell,
        load_with_fallback,
    )
    from minusma_kiosk.ui.capture import KIOSK, PRESENTER, is_blank, settle, shots

    try:
        loaded = load_with_fallback(args.content)
    except RuntimeError as exc:
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    if loaded.rejected is not None:
        print(f"self-test FAILED: content in {loaded.rejected_dir} was rejected:",
              file=sys.stderr)
        for line in loaded.rejected.report():
            print(f"  {line}", file=sys.stderr)
        return 1
    create_application()
    failures, count = [], 0
    qt_warnings = _collect_qt_warnings()
    # Every screen in both languages, then the kiosk's and the presenter's own views.
    runs: list[tuple[str, Lang, list[str] | None]] = [
        ("window", "en", None), ("window", "fr", None), ("kiosk", "en", [KIOSK]),
        ("present", "fr", [PRESENTER])]
    for mode, lang, only in runs:
        shell = create_shell(loaded, Options(mode=mode, lang=lang, animation="none",
                                             diagonal_inches=32))
        shell.resize(1920, 1080)
        shell.show()
        settle()
        for shot in shots(shell, only):
            count += 1
            if is_blank(shot.image):
                failures.append(f"{shot.screen}/{shot.state} ({lang}) rendered blank")
        close_shell(shell)
    failures += [f"Qt warned: {message}" for message in dict.fromkeys(qt_warnings)]
    if failures:
        print("self-test FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"self-test OK: {count} screen states rendered, content version "
          f"{loaded.content.site.version}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``minusma-kiosk`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        command = {"check": check_main, "screenshot": screenshot_main,
                   "self-test": self_test_main, "config": config_main,
                   "set-pin": set_pin_main, "supervise": supervise_main,
                   "stats": stats_main}[argv[0]]
        return command(argv[1:])
    args = run_parser().parse_args(argv)
    import os

    from minusma_kiosk.app import Options, run
    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import load_config
    from minusma_kiosk.process import display_problem

    if (why := display_problem()) is not None:
        print(f"minusma-kiosk: {why}", file=sys.stderr)
        return 2

    # A number that is no good on the command line is refused like one in the file: the
    # exhibit says so and starts with the value it had (a kiosk must start).
    config = load_config(args.config or paths.config_path(),
                         explicit=args.config is not None).with_flags({
        "exhibit_mode": ("--mode", args.mode), "exhibit_language": ("--lang", args.lang),
        "exhibit_content": ("--content", str(args.content) if args.content else None),
        "exhibit_diagonal_inches": ("--diagonal", args.diagonal),
        "exhibit_animation": ("--animation", args.animation),
        "exhibit_gentle": ("--gentle", args.gentle)})
    safe_reason = os.environ.get(paths.SAFE_MODE_ENV, "")
    if safe_reason:
        config = config.safe()
    options = Options.from_config(config, watch=args.watch and not safe_reason,
                                  bench_first_frame=args.bench_first_frame,
                                  config_path=args.config, safe_reason=safe_reason)
    return run(options, config.problems)
