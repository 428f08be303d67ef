"""Faults that used to take the kiosk down at start-up, tried on the real exhibit.

Each test starts ``minusma-kiosk`` (or one of its commands) in a child process the
way an IT person or an adversary would meet it: a bad setting, a folder it cannot
write or read, a damaged database. The exhibit must come up (its window beats),
say once what is wrong and where, and exit only when told to.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest

from minusma_kiosk import resources
from tests.app.processes import command, environment, start, wait_for

# --- 1. numbers: NaN, infinities, out of range ---------------------------------------------


@pytest.mark.adversarial(item=1)
def test_nan_in_the_configuration_is_refused_and_the_kiosk_starts(tmp_path, qtbot):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text(
        '[exhibit]\nmode = "kiosk"\ndiagonal_inches = nan\n[idle]\nexplore_s = 45\n',
        encoding="utf-8")
    checked = command("config", home=home)
    assert checked.returncode == 1
    assert "config.toml:3: [exhibit] diagonal_inches must be a finite number, not nan" \
        in checked.stdout
    exhibit = start(qtbot, home)  # used to die with SIGSEGV in showFullScreen
    code, _out, err = exhibit.stop()
    assert code == 128 + signal.SIGTERM, err
    assert "diagonal_inches must be a finite number, not nan; using the default 0.0" \
        in exhibit.log
    assert "starting in kiosk mode" in exhibit.log  # the other keys still count


@pytest.mark.adversarial(item=1)
@pytest.mark.parametrize("value", ["nan", "inf", "-5", "0.001", "1e308"])
def test_a_bad_diagonal_on_the_command_line_is_refused_and_the_exhibit_starts(
        tmp_path, qtbot, value):
    exhibit = start(qtbot, tmp_path / "home", "--mode", "kiosk", "--diagonal", value)
    code, _out, err = exhibit.stop()
    assert code == 128 + signal.SIGTERM, err
    assert "configuration command line: --diagonal must be" in exhibit.log
    assert "using 0.0" in exhibit.log


@pytest.mark.adversarial(item=1)
def test_screenshot_refuses_a_diagonal_that_would_draw_nothing(tmp_path):
    result = command("screenshot", str(tmp_path / "out"), "--diagonal", "0.001",
                     home=tmp_path / "home")
    assert result.returncode == 2
    assert "must be between 7 and 120 (or 0), not 0.001" in result.stderr


# --- 2 and 3. folders the exhibit cannot write ----------------------------------------------


@contextlib.contextmanager
def read_only(folder):
    """``folder`` made and left readable but not writable for the time of the block."""
    folder.mkdir(parents=True)
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


@pytest.mark.adversarial(item=2)
def test_a_read_only_data_folder_is_reported_and_the_exhibit_runs(tmp_path, qtbot):
    home = tmp_path / "home"
    with read_only(home / "data"):
        first = start(qtbot, home, "--mode", "kiosk", unprivileged_=True)
        # Only a real second exhibit is "already running" (exit 3): the lock moved.
        second = command(home=home, unprivileged_=True)
        assert second.returncode == 3, second.stderr
        assert "already running" in second.stderr
        code, _out, err = first.stop()
    assert code == 128 + signal.SIGTERM, err
    assert f"the data folder {home / 'data'} cannot be written" in first.log
    assert "the instance lock is in" in first.log
    assert "visit counts stopped" in first.log
    assert "Traceback" not in first.log + err


@pytest.mark.adversarial(item=2)
def test_the_supervisor_runs_with_a_read_only_data_folder(tmp_path, qtbot):
    home = tmp_path / "home"
    log = home / "log" / "supervisor.log"
    with read_only(home / "data"):
        sup = start(qtbot, home, "supervise", "--", "--animation", "none",
                    unprivileged_=True, wait=False)
        wait_for(qtbot, lambda: "starting the exhibit" in _text(log), "the first start")
        wait_for(qtbot, lambda: "instance lock is in" in _text(home / "log" / "minusma-kiosk.log"),
                 "the exhibit's start")
        code, _out, err = sup.stop()
    assert code == 0, err
    text = _text(log)
    assert "heartbeat file" in text and "cannot be written: using" in text
    assert "Traceback" not in text + err, text + err


def _text(path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


@pytest.mark.adversarial(item=3)
def test_a_read_only_log_folder_sends_the_logs_to_the_terminal(tmp_path, qtbot):
    home = tmp_path / "home"
    with read_only(home / "log"):
        exhibit = start(qtbot, home, unprivileged_=True)
        code, _out, err = exhibit.stop()
        sup = command("supervise", "--heartbeat-timeout", "5", "--", "--version",
                      home=home, unprivileged_=True)
    assert code == 128 + signal.SIGTERM, err
    assert err.count("cannot be written") == 1 and "logging to the terminal only" in err
    assert "Traceback" not in err
    # The supervisor too: its child printed its version and exited 0, so it stopped.
    assert sup.returncode == 0, sup.stderr
    assert "logging to the terminal only" in sup.stderr and "Traceback" not in sup.stderr


# --- 4. a content folder the exhibit cannot read --------------------------------------------


@pytest.fixture
def unreadable_content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    folder.chmod(0o000)
    yield folder
    folder.chmod(0o755)


@pytest.mark.adversarial(item=4)
def test_check_says_an_unreadable_folder_cannot_be_read(tmp_path, unreadable_content):
    result = command("check", str(unreadable_content), home=tmp_path / "home",
                     unprivileged_=True)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1].strip() == (
        f"{unreadable_content}: this content folder cannot be read (permission denied): give "
        "the exhibit's user read access to it and to its files")
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.adversarial(item=4)
def test_the_exhibit_falls_back_from_an_unreadable_folder(tmp_path, qtbot, unreadable_content):
    exhibit = start(qtbot, tmp_path / "home", "--content", str(unreadable_content),
                    unprivileged_=True)
    code, _out, err = exhibit.stop()
    assert code == 128 + signal.SIGTERM, err
    assert f"content in {unreadable_content} rejected" in exhibit.log
    assert "cannot be read (permission denied)" in exhibit.log


@pytest.mark.adversarial(item=4)
@pytest.mark.parametrize("args", [["self-test"], ["screenshot", "OUT", "--screen", "home",
                                                  "--size", "960x540"]],
                         ids=["self-test", "screenshot"])
def test_self_test_and_screenshot_name_an_unreadable_folder(tmp_path, unreadable_content,
                                                            args):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = command(*args, "--content", str(unreadable_content), home=tmp_path / "home",
                     unprivileged_=True)
    assert "cannot be read (permission denied)" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == (1 if args[0] == "self-test" else 0)


# --- 5. a damaged visit database ------------------------------------------------------------


def _damaged(kind: str, path) -> bytes:
    if kind == "truncated":  # a real visit database, cut in half
        from minusma_kiosk.kiosk.analytics import Analytics

        Analytics(path).close()
        db = sqlite3.connect(path)
        db.executemany("INSERT INTO sessions VALUES (?, '2026-11-01T10:00:00', "
                       "'2026-11-01T10:05:00', 'idle', 'en')", [(i,) for i in range(1, 3000)])
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        data = path.read_bytes()
        return data[: len(data) // 2]
    return {"random": bytes(range(256)) * 40, "text": b"visits: lots\n" * 100,
            "empty": b""}[kind]


@pytest.mark.adversarial(item=5)
@pytest.mark.parametrize("kind", ["truncated", "random", "text"])
def test_a_damaged_visit_database_is_moved_aside_and_a_new_one_started(tmp_path, qtbot, kind):
    home = tmp_path / "home"
    db = home / "data" / "analytics.sqlite3"
    db.parent.mkdir(parents=True)
    damaged = _damaged(kind, db)
    db.write_bytes(damaged)
    stats = command("stats", home=home)
    assert stats.returncode == 1 and "Traceback" not in stats.stderr
    assert len(stats.stderr.strip().splitlines()) == 1, stats.stderr
    exhibit = start(qtbot, home, "--mode", "kiosk")
    code, _out, err = exhibit.stop()
    assert code == 128 + signal.SIGTERM, err
    aside = list(db.parent.glob("analytics.sqlite3.damaged-*"))
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] \
        == [damaged]  # kept as it was, never deleted
    assert "visit database damaged" in exhibit.log and "moved aside as" in exhibit.log
    assert "stats --file" in exhibit.log
    fresh = sqlite3.connect(db)
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert fresh.execute("SELECT count(*) FROM sessions").fetchone() == (0,)
    fresh.close()
    # Started again: the new database is used, nothing more is moved.
    again = start(qtbot, home, "--mode", "kiosk")
    again.stop()
    assert "visit database damaged" not in again.log.split("starting in kiosk mode")[-1]
    assert len(list(db.parent.glob("analytics.sqlite3.damaged-*"))) == len(aside)
    if kind == "truncated":  # what is left of it can still be read
        left = command("stats", "--file", str(aside[0]), home=home)
        assert "Visits:" in left.stdout and "is damaged" in left.stderr


@pytest.mark.adversarial(item=5)
def test_stats_on_an_empty_file_says_so_in_one_line(tmp_path):
    home = tmp_path / "home"
    db = home / "data" / "analytics.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"")
    result = command("stats", home=home)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{db} holds no visit counts (it is empty or is not the "
                                     "exhibit's visit database)")


# --- 8. a broken config.toml keeps what it can ----------------------------------------------


@pytest.mark.adversarial(item=8)
def test_a_typo_in_the_configuration_keeps_kiosk_mode_and_the_pin(tmp_path, qtbot):
    from minusma_kiosk.kiosk.pin import hash_pin

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    pin = hash_pin("24681357")
    (home / "config" / "config.toml").write_text(
        f'[exhibit]\nmode = "kiosk"\nlanguage = "fr\n[admin]\npin_hash = "{pin}"\n',
        encoding="utf-8")
    checked = command("config", home=home)
    assert "config.toml:3: this line is not valid TOML" in checked.stdout
    assert "the other lines are used" in checked.stdout
    exhibit = start(qtbot, home)
    exhibit.stop()
    assert "starting in kiosk mode" in exhibit.log
    assert "config.toml:3: this line is not valid TOML" in exhibit.log


# --- 9. smaller faults ----------------------------------------------------------------------


@pytest.mark.adversarial(item=9)
def test_a_config_toml_that_is_a_folder_is_named_as_such(tmp_path):
    home = tmp_path / "home"
    (home / "config" / "config.toml").mkdir(parents=True)
    checked = command("config", home=home)
    assert f"{home / 'config' / 'config.toml'} is a folder, not a file" in checked.stdout
    assert "content folder" not in checked.stdout
    pin = subprocess.run([sys.executable, "-m", "minusma_kiosk", "set-pin"],
                         input="24681357\n24681357\n", capture_output=True, text=True,
                         env=environment(home), timeout=60)
    assert pin.returncode == 1 and "Traceback" not in pin.stderr
    assert "cannot be written" in pin.stderr


@pytest.mark.adversarial(item=9)
def test_a_missing_config_file_named_on_the_command_line_is_logged(tmp_path, qtbot):
    missing = tmp_path / "missing.toml"
    exhibit = start(qtbot, tmp_path / "home", "--config", str(missing))
    exhibit.stop()
    assert f"{missing}: this configuration file does not exist; using the defaults" \
        in exhibit.log


@pytest.mark.adversarial(item=9)
def test_help_lists_every_command(tmp_path):
    from minusma_kiosk.cli import COMMANDS

    result = command("--help", home=tmp_path / "home")
    assert result.returncode == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout, name


@pytest.mark.adversarial(item=9)
def test_no_display_is_said_plainly_with_exit_2(tmp_path):
    env = environment(tmp_path / "home")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "minusma_kiosk"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2  # not 134 (SIGABRT) after Qt's misleading message
    assert result.stderr.strip() == (
        "minusma-kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are unset): start the "
        "exhibit in a desktop or kiosk session (README: 'A kiosk that starts on boot'); for a "
        "headless check run 'minusma-kiosk self-test'")
