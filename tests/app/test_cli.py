"""The command line: check, screenshot, self-test, version, usage errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minusma_kiosk import __version__, resources
from minusma_kiosk.cli import main

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """Run ``python -m minusma_kiosk`` in a child process, offscreen."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "minusma_kiosk", *args], env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_check_bundled_content_is_clean(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "cards" in out


def test_check_reports_every_problem_with_file_and_line(tmp_path, capsys):
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    figures = folder / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",people,", ",peoples,", 1)
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sources = folder / "sources.csv"
    sources.write_bytes(sources.read_bytes() + b"bad_row,caf\xe9,x,2013,https://x.org\n")
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "figures.csv:3: figure" in out and "unknown unit 'peoples'" in out
    assert "sources.csv:" in out and "not UTF-8" in out
    assert "Traceback" not in out


def test_check_reports_a_missing_french_translation(tmp_path, capsys):
    """The parity check: a text without its French is an error with file and line."""
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    tour = folder / "tour.toml"
    lines = tour.read_text(encoding="utf-8").splitlines()
    n = next(i for i, text in enumerate(lines) if text.startswith("title.fr"))
    lines[n] = 'title.fr = "  "'
    tour.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"tour.toml:{n + 1}: title.fr is empty" in out


def test_check_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "a", "b"])
    assert exc.value.code == 2


def test_check_missing_folder(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().out


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    site = (resources.content_dir() / "site.toml").read_text(encoding="utf-8")
    content = next(line.split('"')[1] for line in site.splitlines() if line.startswith("version"))
    assert out.strip() == f"minusma-kiosk {__version__} (content {content})"


def test_unknown_option_is_a_usage_error():
    with pytest.raises(SystemExit) as exc:
        main(["--mode", "party"])
    assert exc.value.code == 2


def test_screenshot_writes_non_blank_pngs(tmp_path):
    result = run_cli("screenshot", str(tmp_path), "--size", "960x540",
                     "--screen", "home", "--screen", "sources")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == ["home-default_960x540_en.png", "home-sources_960x540_en.png",
                     "sources-end_960x540_en.png", "sources-top_960x540_en.png"]
    from PySide6.QtGui import QImage

    from minusma_kiosk.ui.capture import is_blank
    for name in names:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (960, 540)
        assert not is_blank(image)


def test_screenshot_rejects_an_unknown_screen(tmp_path):
    result = run_cli("screenshot", str(tmp_path), "--screen", "nope")
    assert result.returncode == 2
    assert "unknown screen nope" in result.stderr


def test_self_test_passes_on_bundled_content():
    result = run_cli("self-test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test OK")


def test_self_test_fails_on_a_rejected_folder(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    (folder / "site.toml").write_text("", encoding="utf-8")
    result = run_cli("self-test", "--content", str(folder))
    assert result.returncode == 1
    assert "site.toml: the file is empty" in result.stderr


def test_self_test_fails_on_qt_warnings(tmp_path):
    """A picture that passes the content check but that Qt draws wrongly (a link to a
    shape that is not there) makes Qt warn: the self-test must say so."""
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    (folder / "images" / "shield.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><use href="#gone"/></svg>',
        encoding="utf-8")
    result = run_cli("self-test", "--content", str(folder))
    assert result.returncode == 1
    assert "self-test FAILED" in result.stderr
    assert "Qt warned: link #gone is undefined!" in result.stderr


def test_config_default_prints_a_documented_file(capsys):
    import tomllib

    assert main(["config", "--default"]) == 0
    text = capsys.readouterr().out
    assert tomllib.loads(text)["idle"]["warning_s"] == 20
    assert "# seconds" in text


def test_config_lists_mistakes_with_their_line(tmp_path, capsys):
    bad = tmp_path / "config.toml"
    bad.write_text("[idle]\nexplore_s = 2\n", encoding="utf-8")
    assert main(["config", "--file", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "config.toml:2: [idle] explore_s must be between 10 and 3600" in out


def test_set_pin_stores_only_a_hash(tmp_path, capsys):
    from minusma_kiosk.cli import set_pin_main
    from minusma_kiosk.kiosk.config import load_config
    from minusma_kiosk.kiosk.pin import check_pin

    path = tmp_path / "config.toml"
    answers = iter(["48291673", "48291673"])
    assert set_pin_main(["--file", str(path)], read_pin=lambda _prompt: next(answers)) == 0
    assert "48291673" not in path.read_text(encoding="utf-8")
    assert check_pin("48291673", load_config(path).admin_pin_hash)
    answers = iter(["12345678", "87654321"])
    assert set_pin_main(["--file", str(path)], read_pin=lambda _prompt: next(answers)) == 1
    assert "differ" in capsys.readouterr().err
    assert check_pin("48291673", load_config(path).admin_pin_hash)  # unchanged


def test_a_second_exhibit_says_so_and_exits(tmp_path, qtbot):
    """Start the exhibit (offscreen) with a broken config, then try a second one."""

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('[exhibit]\nlanguage = "de"\n',
                                                 encoding="utf-8")
    env = dict(os.environ, MINUSMA_KIOSK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(REPO / "src"))
    first = subprocess.Popen([sys.executable, "-m", "minusma_kiosk"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        log = home / "log" / "minusma-kiosk.log"

        def took_the_lock() -> bool:
            assert first.poll() is None, "the first exhibit stopped"
            return (home / "data" / "instance.lock").exists()

        qtbot.waitUntil(took_the_lock, timeout=60_000)
        second = subprocess.run([sys.executable, "-m", "minusma_kiosk"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 3
        assert "already running" in second.stderr and str(first.pid) in second.stderr
        text = log.read_text(encoding="utf-8")
        assert "config.toml:2: [exhibit] language must be one of en, fr, not 'de'" in text
    finally:
        first.terminate()
        first.wait(timeout=30)


def test_supervise_restarts_the_real_exhibit_after_a_crash(tmp_path, qtbot):
    """The kiosk under 'supervise' beats, is restarted after SIGKILL, and stops on SIGTERM
    (its window refuses to close, yet SIGTERM ends it cleanly)."""
    import signal
    import time

    home = tmp_path / "home"
    env = dict(os.environ, MINUSMA_KIOSK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(REPO / "src"))
    lock = home / "data" / "instance.lock"
    beat = home / "data" / "heartbeat"

    def holder() -> int | None:
        try:
            return int(lock.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def wait_for(condition, what: str, seconds: float = 60.0) -> None:
        """Until ``condition()`` holds (other processes: polled, no Qt signal to wait on)."""
        try:
            qtbot.waitUntil(condition, timeout=int(seconds * 1000))
        except qtbot.TimeoutError:
            pytest.fail(f"timed out waiting for {what}")

    sup = subprocess.Popen([sys.executable, "-m", "minusma_kiosk", "supervise",
                            "--heartbeat-timeout", "20", "--", "--animation", "none",
                            "--mode", "kiosk"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: holder() is not None, "the first exhibit")
        first = holder()
        wait_for(lambda: time.time() - beat.stat().st_mtime < 0.5, "a heartbeat")
        os.kill(first, signal.SIGKILL)
        wait_for(lambda: holder() not in (None, first), "the restarted exhibit", 30)
        locked_at = time.time()  # the supervisor touched the heartbeat before this
        wait_for(lambda: beat.stat().st_mtime > locked_at, "its first heartbeat", 30)
        second = holder()
        sup.send_signal(signal.SIGTERM)
        assert sup.wait(timeout=30) == 0
        with pytest.raises(ProcessLookupError):
            os.kill(second, 0)  # the child went with it
        log = (home / "log" / "supervisor.log").read_text(encoding="utf-8")
        assert "stopped with exit code -9" in log and "restart 1 in 0 s" in log
        assert "did not stop" not in log  # SIGTERM was enough: no SIGKILL needed
        exhibit_log = (home / "log" / "minusma-kiosk.log").read_text(encoding="utf-8")
        # A signal is not staff's "Exit the exhibit" (exit code 0): 128 + 15.
        assert "signal 15: stopping" in exhibit_log and "stopped (exit code 143)" in exhibit_log
    finally:
        if sup.poll() is None:
            sup.kill()
            sup.wait()


@pytest.mark.adversarial(item=9)
def test_screenshots_of_the_kiosk_leave_no_kiosk_window_behind(tmp_path, qapp, qtbot):
    """Two sizes in kiosk mode used to leave two kiosk windows alive, each filtering the
    whole application's input (Esc swallowed everywhere)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    from minusma_kiosk.cli import screenshot_main
    from minusma_kiosk.ui.shell import Shell

    assert screenshot_main([str(tmp_path), "--mode", "kiosk", "--screen", "kiosk",
                            "--size", "960x540", "--size", "1024x600"]) == 0
    assert len(list(tmp_path.glob("kiosk-*.png"))) == 8
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, Shell) and w.isVisible()]
    field = QLineEdit()
    qtbot.addWidget(field)
    seen = []
    field.keyPressEvent = lambda event: seen.append(event.key())  # type: ignore[method-assign]
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                            Qt.KeyboardModifier.NoModifier))
    assert seen == [Qt.Key.Key_Escape]  # no kiosk lockdown left filtering the application


def test_a_curators_folder_screenshots_with_states_of_its_own(tmp_path):
    """The states come from the content loaded: a folder whose eras and cards differ
    from the bundled ones gets screenshots named after its own."""
    import shutil

    from minusma_kiosk import resources

    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    eras = folder / "eras.toml"
    eras.write_text(eras.read_text(encoding="utf-8").replace('id = "crisis_2012"',
                                                             'id = "north_2012"'),
                    encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("screenshot", str(out), "--size", "960x540", "--screen", "timeline",
                     "--content", str(folder))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.glob("*.png")}
    assert "timeline-2012-north_2012_960x540_en.png" in names
    assert "timeline-2012-crisis_2012_960x540_en.png" not in names
