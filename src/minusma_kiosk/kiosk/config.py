"""The exhibit's configuration file: one TOML file, every key documented with its default.

The file lives in the platform's config folder (``~/.config/minusma-kiosk/config.toml``
on Linux; ``minusma-kiosk config`` prints the path). Every key is optional.
Command-line flags override the file. A file with mistakes does not stop the
exhibit: each mistake is reported with its line and that key keeps its default.

The keys, their defaults and their documentation are one table (:data:`KEYS`),
from which the default file (``minusma-kiosk config --default``) is written, so
the two can never disagree.
"""

from __future__ import annotations

import re
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

    @property
    def attr(self) -> str:
        """The :class:`Config` attribute holding the value."""
        return f"{self.section}_{self.name}"


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
        "the screen's real diagonal in inches if it reports a wrong size; 0: trust the screen",
        low=0, high=200),
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
        """A copy with the given attributes changed (command-line flags); None is ignored."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


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
    if key.choices and value not in key.choices:
        return None, f"must be one of {', '.join(key.choices)}, not {value!r}"
    if key.low is not None and value < key.low or key.high is not None and value > key.high:
        return None, f"must be between {key.low:g} and {key.high:g}, not {value!r}"
    if key.attr == "supervisor_daily_restart" and value and not _TIME.match(value):
        return None, f"must be a time like \"04:30\" or empty, not {value!r}"
    if key.attr == "admin_pin_hash" and value and not value.startswith("scrypt$"):
        return None, "is not a PIN hash; set the PIN with 'minusma-kiosk set-pin'"
    return value, None


def load_config(path: Path) -> Config:
    """Read ``path``; a missing file is the defaults, a wrong key keeps its default.

    The mistakes found are in :attr:`Config.problems` (file and line each).
    """
    if not path.exists():
        return Config()
    from minusma_kiosk.content.files import read_toml  # only when there is a file to read

    log = ProblemLog()
    doc = read_toml(path.parent, path.name, log)
    if doc is None:
        return Config(problems=tuple(log.items))
    values: dict[str, Any] = {}
    known = {k.section: {kk.name: kk for kk in KEYS if kk.section == k.section} for k in KEYS}
    for section, table in doc.data.items():
        if section not in known or not isinstance(table, dict):
            log.add(path.name, doc.line_of(section),
                    f"unknown section [{section}]; sections: "
                    + ", ".join(f"[{s}]" for s in known))
            continue
        for name, value in table.items():
            key = known[section].get(name)
            if key is None:
                log.add(path.name, doc.line_of(section, name),
                        f"unknown key {name!r} in [{section}]; keys: "
                        + ", ".join(known[section]))
                continue
            accepted, why = _accept(key, value)
            if why is not None:
                log.add(path.name, doc.line_of(section, name),
                        f"[{section}] {name} {why}; using the default {key.default!r}")
                continue
            values[key.attr] = accepted
    return Config(**values, problems=tuple(log.items))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
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

    Other lines, comments included, are kept as they are.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else default_text()
    lines = text.splitlines()
    new = f"{name} = {_toml_value(value)}"
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
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
