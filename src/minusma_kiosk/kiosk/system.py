"""The few things that differ between Linux, macOS and Windows, kept in one place."""

from __future__ import annotations

import sys
from pathlib import Path


def memory_mb(platform: str = sys.platform, proc: Path = Path("/proc/self/status")) -> float:
    """This process's memory in MB: resident now (Linux), at its peak (macOS), or NaN
    where neither can be read without another library (Windows)."""
    if platform.startswith("linux"):
        try:
            with proc.open(encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if platform == "darwin" else peak / 1024  # bytes vs KiB
