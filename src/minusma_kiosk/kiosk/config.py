"""The exhibit's configuration file: one TOML file, every key documented with its default.

The file lives in the platform's config folder (``~/.config/minusma-kiosk/config.toml``
on Linux; ``minusma-kiosk config`` prints the path). Every key is optional.
Command-line flags override the file. A file with mistakes does not stop the
exhibit: each mistake is reported with its line and that key keeps its default.

The keys, their defaults and their documentation are one table (:data:`KEYS`),
from which the default file (``minusma-kiosk config --default``) is written, so
the two can never disagree. Every value, from the file, a command-line flag or the
admin panel, passes the same check (:meth:`Key.check`): a number that is not finite
or out of range is refused with a message, and the key keeps the value it had.
Reading and writing the file itself is :mod:`.config_file`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from minusma_kiosk.content.problems import Problem, ProblemLog

FILE_NAME = "config.toml"
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Key:
    """One documented key: where it lives, its default, what it accepts."""

    section: str
    name: str
    default: Any
    doc: str
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    #: A number also allowed outside ``low``…``high`` (0: "not set").
    off: float | None = None

    @property
    def attr(self) -> str:
        """The :class:`Config` attribute holding the value."""
        return f"{self.section}_{self.name}"

    def check(self, value: Any) -> tuple[Any, str | None]:
        """The value to use for this key, or why ``value`` is not acceptable."""
        return _accept(self, value)


KEYS: tuple[Key, ...] = (
    Key("exhibit", "mode", "window", "window | kiosk | present",
        choices=("window", "kiosk", "present")),
    Key("exhibit", "language", "en",
        "the language the exhibit starts in and returns to after a visitor leaves",
        choices=("en", "fr")),
    Key("exhibit", "content", "",
        "a curator's content folder; empty: the bundled content"),
    Key("exhibit", "animation", "full",
        "full | reduced (cross-fades, no movement) | none", choices=("full", "reduced", "none")),
    Key("exhibit", "gentle", False,
        "true: events involving deaths without graphic detail (school visits)"),
    Key("exhibit", "diagonal_inches", 0.0,
        "the screen's real diagonal in inches (7 to 120) if it reports a wrong size; "
        "0: trust the screen", low=7, high=120, off=0),
    Key("exhibit", "screen", 0, "kiosk mode: which screen to fill (0 is the first)",
        low=0, high=16),
    Key("exhibit", "screen_bottom_cm", 76,
        "height of the screen's lower edge above the floor, in cm: 'Controls lower' keeps "
        "every control under 122 cm (48 in, the ADA reach limit)", low=0, high=250),
    Key("idle", "explore_s", 60,
        "seconds without a touch on the map and chart screens before 'Still there?'",
        low=10, high=3600),
    Key("idle", "reading_s", 90,
        "seconds without a touch on the reading screens (home, cards, sources)",
        low=10, high=3600),
    Key("idle", "warning_s", 20,
        "seconds 'Still there?' stays before the exhibit starts over (at least 20: WCAG 2.2.1)",
        low=20, high=600),
    Key("attract", "step_s", 10,
        "seconds on each step of the attract loop (timeline, a chart, a card)",
        low=3, high=120),
    Key("admin", "pin_hash", "",
        "the admin PIN, hashed; set it with 'minusma-kiosk set-pin' (never type a PIN here)"),
    Key("admin", "hold_s", 3,
        "seconds to hold the top-left corner to open the admin PIN pad", low=2, high=10),
    Key("supervisor", "heartbeat_timeout_s", 10,
        "seconds without a sign of life before the supervisor restarts the exhibit",
        low=5, high=300),
    Key("supervisor", "daily_restart", "",
        "a daily restart at this local time, e.g. \"04:30\"; empty: none"),
    Key("analytics", "enabled", True,
        "count sessions, screens and taps on this machine only (anonymous, never sent)"),
)
#: The key of each :class:`Config` attribute.
KEY_OF: dict[str, Key] = {k.attr: k for k in KEYS}


@dataclass(frozen=True)
class Config:
    """The configuration in force (defaults where the file says nothing)."""

    exhibit_mode: str = "window"
    exhibit_language: str = "en"
    exhibit_content: str = ""
    exhibit_animation: str = "full"
    exhibit_gentle: bool = False
    exhibit_diagonal_inches: float = 0.0
    exhibit_screen: int = 0
    exhibit_screen_bottom_cm: int = 76
    idle_explore_s: int = 60
    idle_reading_s: int = 90
    idle_warning_s: int = 20
    attract_step_s: int = 10
    admin_pin_hash: str = ""
    admin_hold_s: int = 3
    supervisor_heartbeat_timeout_s: int = 10
    supervisor_daily_restart: str = ""
    analytics_enabled: bool = True
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given attributes changed; None is ignored. The values are
        trusted: for values from outside (flags), :meth:`with_flags` checks them."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})

    def safe(self) -> Config:
        """The settings of safe mode (after repeated crashes): the defaults, the bundled
        content and no visit counts, but what keeps a kiosk a kiosk that staff can
        enter (its mode, screen, PIN and corner-hold time)."""
        return Config(exhibit_mode=self.exhibit_mode, exhibit_screen=self.exhibit_screen,
                      admin_pin_hash=self.admin_pin_hash, admin_hold_s=self.admin_hold_s,
                      analytics_enabled=False, problems=self.problems)

    def with_flags(self, flags: Mapping[str, tuple[str, Any]]) -> Config:
        """A copy with command-line flags applied: ``{attr: (flag, value)}``; None is
        ignored. A value its key refuses is a problem (source "command line"), and the
        key keeps the value it had from the file or its default."""
        changed: dict[str, Any] = {}
        problems = list(self.problems)
        for attr, (flag, value) in flags.items():
            if value is None:
                continue
            accepted, why = KEY_OF[attr].check(value)
            if why is None:
                changed[attr] = accepted
            else:
                problems.append(Problem("command line", None, f"{flag} {why}; using "
                                        f"{getattr(self, attr)!r}"))
        return replace(self, **changed, problems=tuple(problems))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    return "text in quotes"


def _accept(key: Key, value: Any) -> tuple[Any, str | None]:
    """The value to use for ``key``, or why ``value`` is not acceptable."""
    default = key.default
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        return None, f"must be {_kind(default)}, not {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        # NaN passes every comparison below (all are False): refuse it first.
        return None, f"must be a finite number, not {value!r}"
    if key.choices and value not in key.choices:
        return None, f"must be one of {', '.join(key.choices)}, not {value!r}"
    outside = (key.low is not None and value < key.low
               or key.high is not None and value > key.high)
    if outside and not (key.off is not None and value == key.off):
        off = f" (or {key.off:g})" if key.off is not None else ""
        return None, f"must be between {key.low:g} and {key.high:g}{off}, not {value!r}"
    if key.attr == "supervisor_daily_restart" and value and not _TIME.match(value):
        return None, f"must be a time like \"04:30\" or empty, not {value!r}"
    if key.attr == "admin_pin_hash" and value and not value.startswith("scrypt$"):
        return None, "is not a PIN hash; set the PIN with 'minusma-kiosk set-pin'"
    return value, None


def load_config(path: Path, explicit: bool = False) -> Config:
    """Read ``path``; a missing file is the defaults, a wrong key keeps its default.

    Every key that can be read is used, even when other lines of the file are
    broken (a kiosk must not drop to window mode because of a typo). The mistakes
    found are in :attr:`Config.problems`, each with its line. ``explicit``: the file
    was named on the command line, so its absence is worth saying.
    """
    name = path.name
    if not path.exists() and not path.is_symlink():
        if explicit:
            return Config(problems=(Problem(str(path), None, "this configuration file does "
                                            "not exist; using the defaults"),))
        return Config()
    from minusma_kiosk.kiosk import config_file  # only when there is a file to read

    log = ProblemLog()
    text = config_file.read_text(path, log)
    if text is None:
        return Config(problems=tuple(log.items))
    values: dict[str, Any] = {}
    lines: dict[str, int | None] = {}
    known = {k.section: {kk.name: kk for kk in KEYS if kk.section == k.section} for k in KEYS}
    for entry in config_file.entries(name, text, log):
        if entry.section not in known:
            log.add(name, entry.section_line,
                    f"unknown section [{entry.section}]; sections: "
                    + ", ".join(f"[{s}]" for s in known))
            continue
        key = known[entry.section].get(entry.name)
        if key is None:
            log.add(name, entry.line, f"unknown key {entry.name!r} in [{entry.section}]; "
                    "keys: " + ", ".join(known[entry.section]))
            continue
        accepted, why = key.check(entry.value)
        if why is not None:
            log.add(name, entry.line,
                    f"[{key.section}] {key.name} {why}; using the default {key.default!r}")
            continue
        values[key.attr], lines[key.attr] = accepted, entry.line
    pin = values.get("admin_pin_hash", "")
    if pin:
        _check_pin_file(path, pin, lines["admin_pin_hash"], log)
    return Config(**values, problems=_unique(log.items))


def _unique(problems: list[Problem]) -> tuple[Problem, ...]:
    """Each problem once (an unknown section is reported by every one of its keys)."""
    return tuple(dict.fromkeys(problems))


def _check_pin_file(path: Path, pin_hash: str, line: int | None, log: ProblemLog) -> None:
    """Warnings about the file holding the PIN's hash (written on ``line``): readable by
    others, or a hash made under an older, weaker rule."""
    from minusma_kiosk.kiosk import config_file
    from minusma_kiosk.kiosk.pin import is_weak_hash

    if config_file.readable_by_others(path):
        log.add(path.name, line, "other users of this machine can read this file, which "
                "holds the admin PIN's hash (they could guess the PIN from it offline): "
                f"run 'chmod 600 {path}'")
    if is_weak_hash(pin_hash):
        log.add(path.name, line, "the admin PIN was set under an older, weaker rule "
                "(fewer digits, a cheaper hash); set it again with 'minusma-kiosk set-pin'")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        import json  # a JSON string is a TOML basic string: quotes and backslashes escaped

        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def default_text() -> str:
    """The documented default file: every key, commented, with its default value."""
    out = ["# minusma-kiosk configuration. Every key is optional: the value shown is the",
           "# default. Command-line flags override this file. Check your changes by",
           "# starting the exhibit: a mistake is logged with its line, and that key keeps",
           "# its default.", ""]
    section = None
    for key in KEYS:
        if key.section != section:
            if section is not None:
                out.append("")
            out.append(f"[{key.section}]")
            section = key.section
        out.append(f"# {key.doc}")
        out.append(f"{key.name} = {_toml_value(key.default)}")
    return "\n".join(out) + "\n"


def set_value(path: Path, section: str, name: str, value: Any) -> None:
    """Write one key into the file at ``path`` (created from the defaults if missing).

    Other lines, comments included, are kept as they are. The file is replaced in one
    step (a power cut leaves the old file or the new one, never half of one) and is
    readable by its owner only, since it may hold the PIN's hash.

    Raises
    ------
    ValueError
        If the key refuses ``value`` (the same check as for the file and the flags).
    OSError
        If the file cannot be read or written (the message says which and why).
    """
    from minusma_kiosk.kiosk import config_file

    key = KEY_OF.get(f"{section}_{name}")
    if key is None or (key.section, key.name) != (section, name):
        raise ValueError(f"unknown configuration key [{section}] {name}")
    accepted, why = key.check(value)
    if why is not None:
        raise ValueError(f"[{section}] {name} {why}")
    text = path.read_text(encoding="utf-8-sig") if path.exists() else default_text()
    lines = text.splitlines()
    new = f"{name} = {_toml_value(accepted)}"
    start = next((i for i, line in enumerate(lines)
                  if re.match(rf"^\s*\[\s*{re.escape(section)}\s*\]\s*(#.*)?$", line)), None)
    if start is None:
        lines += ["", f"[{section}]", new]
    else:
        end = next((i for i in range(start + 1, len(lines))
                    if re.match(r"^\s*\[", lines[i])), len(lines))
        at = next((i for i in range(start + 1, end)
                   if re.match(rf"^\s*{re.escape(name)}\s*=", lines[i])), None)
        if at is None:
            lines.insert(start + 1, new)
        else:
            lines[at] = new
    config_file.write_private(path, "\n".join(lines) + "\n")
