"""The adversarial run: every fault of the hardening issue (#12), tried in one go.

Run ``python bench/adversarial.py`` from a checkout (with the test extras installed).
It runs the tests marked ``adversarial`` (each tries one fault on the real exhibit,
its commands or its files: NaN settings, folders it cannot write or read, damaged
databases, French Excel files, over-long words, signals, a killed supervisor, the
admin PIN) and prints one line per case, with the issue's item number and PASS or
FAIL, then a count per item. As root, permission cases drop root's override with
``setpriv``. Exit code 0 when every case passes.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ITEMS = {
    1: "numbers: NaN, infinities, out of range",
    2: "a data folder that cannot be written",
    3: "a log folder that cannot be written",
    4: "a content folder that cannot be read",
    5: "a damaged visit database",
    6: "text too long for the layout",
    7: "French Excel files (separator, encoding)",
    8: "a broken config.toml",
    9: "smaller faults",
    10: "the supervisor and signals",
    11: "the admin PIN",
}


class Report:
    """A pytest plugin: one line per case as it ends."""

    def __init__(self) -> None:
        self.results: list[tuple[int, str, bool]] = []
        self._items: dict[str, int] = {}

    def pytest_collection_modifyitems(self, items) -> None:
        for item in items:
            mark = item.get_closest_marker("adversarial")
            if mark is not None:
                self._items[item.nodeid] = int(mark.kwargs.get("item", 0))

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call" or (report.when == "setup" and not report.passed):
            item = self._items.get(report.nodeid, 0)
            ok = report.passed
            name = report.nodeid.split("::", 1)[1]
            self.results.append((item, name, ok))
            verdict = "PASS" if ok else ("SKIP" if report.skipped else "FAIL")
            why = ""
            if not ok:
                text = str(report.longrepr)
                errors = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
                why = " — " + (errors[0] if errors else text.splitlines()[-1])[:160]
            print(f"{verdict}  #12.{item:<2} {ITEMS.get(item, '?')}: {name} "
                  f"({report.duration:.1f} s){why}", flush=True)


def main() -> int:
    import pytest

    os.chdir(REPO)
    started = time.monotonic()
    report = Report()
    code = pytest.main(["-m", "adversarial", "-o", "addopts=", "-p", "no:cacheprovider",
                        "-p", "no:terminal", "tests"], plugins=[report])
    per_item: Counter[int] = Counter()
    failed: Counter[int] = Counter()
    for item, _name, ok in report.results:
        per_item[item] += 1
        failed[item] += not ok
    print()
    for item in sorted(per_item):
        state = "PASS" if not failed[item] else f"FAIL ({failed[item]} failed)"
        print(f"#12.{item:<2} {ITEMS.get(item, '?'):<45} {per_item[item]:>3} cases  {state}")
    total, bad = len(report.results), sum(failed.values())
    print(f"\n{total - bad} of {total} cases pass, in {time.monotonic() - started:.0f} s "
          f"({'as root: permissions through setpriv' if os.geteuid() == 0 else 'not root'})")
    return 0 if code == 0 and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
