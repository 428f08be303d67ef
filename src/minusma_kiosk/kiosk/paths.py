"""Where the exhibit keeps its configuration, logs and data on this machine.

The platform's folders (platformdirs): on Linux ``~/.config/minusma-kiosk``,
``~/.local/state/minusma-kiosk/log`` and ``~/.local/share/minusma-kiosk``. The
environment variable ``MINUSMA_KIOSK_HOME`` puts all three under one folder
instead (tests, or several exhibits side by side under one user).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "minusma-kiosk"
#: Under the supervisor: the file the exhibit touches every second (its heartbeat).
HEARTBEAT_ENV = "MINUSMA_KIOSK_HEARTBEAT"
#: Under the supervisor: its process id (the exhibit stops when the supervisor is gone).
SUPERVISOR_ENV = "MINUSMA_KIOSK_SUPERVISOR"
#: Set by the supervisor after repeated crashes: why the exhibit runs in safe mode.
SAFE_MODE_ENV = "MINUSMA_KIOSK_SAFE_MODE"


def _home() -> Path | None:
    value = os.environ.get("MINUSMA_KIOSK_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    """The folder of ``config.toml``."""
    if (home := _home()) is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    """The folder of the rotating log files."""
    if (home := _home()) is not None:
        return home / "log"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def data_dir() -> Path:
    """The folder of the analytics database and the instance lock."""
    if (home := _home()) is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_path() -> Path:
    """The configuration file."""
    return config_dir() / "config.toml"
