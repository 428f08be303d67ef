"""The configuration file: defaults, documentation, mistakes reported with their line."""

from __future__ import annotations

import tomllib
from dataclasses import fields

import pytest

from minusma_kiosk.kiosk.config import KEYS, Config, default_text, load_config, set_value


def test_every_key_is_documented_with_its_default():
    names = {f.name for f in fields(Config)} - {"problems"}
    assert names == {k.attr for k in KEYS}
    for key in KEYS:
        assert getattr(Config(), key.attr) == key.default, key.attr
        assert key.doc


def test_the_default_file_parses_to_the_defaults(tmp_path):
    text = default_text()
    data = tomllib.loads(text)
    assert data["idle"]["explore_s"] == 60 and data["exhibit"]["language"] == "en"
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert config == Config() and config.problems == ()


def test_a_missing_file_is_the_defaults(tmp_path):
    assert load_config(tmp_path / "nope.toml") == Config()


def test_values_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[exhibit]\nmode = "kiosk"\nlanguage = "fr"\ndiagonal_inches = 32\n'
                    '[idle]\nexplore_s = 45\n[supervisor]\ndaily_restart = "04:30"\n',
                    encoding="utf-8")
    config = load_config(path)
    assert config.problems == ()
    assert (config.exhibit_mode, config.exhibit_language, config.idle_explore_s) == \
        ("kiosk", "fr", 45)
    assert config.exhibit_diagonal_inches == 32.0
    assert config.supervisor_daily_restart == "04:30"


def test_mistakes_name_the_line_and_keep_the_default(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[exhibit]\nmode = "museum"\n\n[idle]\nexplore_s = "soon"\nwarning_s = 5\n'
                    'reading_s = 120\ncolour = "blue"\n[nonsense]\nx = 1\n'
                    '[supervisor]\ndaily_restart = "25:00"\n', encoding="utf-8")
    config = load_config(path)
    found = {(p.line, p.message.split(";")[0]) for p in config.problems}
    assert (2, "[exhibit] mode must be one of window, kiosk, present, not 'museum'") in found
    assert (5, "[idle] explore_s must be a whole number, not 'soon'") in found
    assert (6, "[idle] warning_s must be between 20 and 600, not 5") in found
    assert (8, "unknown key 'colour' in [idle]") in found
    assert (9, "unknown section [nonsense]") in found
    assert any(p.line == 12 and "04:30" in p.message for p in config.problems)
    assert all(p.file == "config.toml" for p in config.problems)
    assert config.exhibit_mode == "window" and config.idle_warning_s == 20
    assert config.idle_reading_s == 120  # the good keys still count


def test_a_file_that_is_not_toml_gives_its_line_and_the_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[idle]\nexplore_s = = 3\n", encoding="utf-8")
    config = load_config(path)
    assert [p.line for p in config.problems] == [2]
    assert config.idle_explore_s == 60


def test_set_value_keeps_the_rest_of_the_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\n[idle]\nexplore_s = 45  # short visits\n', encoding="utf-8")
    set_value(path, "admin", "pin_hash", "scrypt$1$2$3$4$5")
    set_value(path, "idle", "reading_s", 100)
    set_value(path, "idle", "explore_s", 50)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mine\n")
    config = load_config(path)
    assert (config.idle_explore_s, config.idle_reading_s) == (50, 100)
    assert config.admin_pin_hash == "scrypt$1$2$3$4$5"


def test_set_value_creates_a_documented_file(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    set_value(path, "idle", "explore_s", 30)
    assert "# seconds without a touch" in path.read_text(encoding="utf-8")
    assert load_config(path).idle_explore_s == 30


def test_overrides_ignore_none():
    config = Config(exhibit_mode="kiosk").with_overrides(exhibit_mode=None, exhibit_language="fr")
    assert (config.exhibit_mode, config.exhibit_language) == ("kiosk", "fr")


@pytest.mark.adversarial(item=8)
def test_a_broken_line_costs_only_that_line(tmp_path):
    """A typo used to reset every key, kiosk mode and the PIN hash included."""
    path = tmp_path / "config.toml"
    path.write_text('[exhibit]\nmode = "kiosk"\nlanguage = "fr\nscreen = 1\n[admin\n'
                    'pin_hash = "scrypt$32768$8$1$c2FsdA==$aGFzaA=="\n[idle]\nexplore_s = 45\n'
                    'reading_s = = 3\n', encoding="utf-8")
    config = load_config(path)
    assert (config.exhibit_mode, config.exhibit_screen, config.idle_explore_s) == ("kiosk", 1, 45)
    assert config.admin_pin_hash.startswith("scrypt$32768$")
    assert config.exhibit_language == "en"
    lines = sorted(p.line for p in config.problems if "not valid TOML" in p.message)
    assert lines == [3, 5, 9]


@pytest.mark.adversarial(item=1)
def test_numbers_that_are_not_finite_or_out_of_range_keep_the_default(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[exhibit]\ndiagonal_inches = nan\nscreen = 99999999999999999999\n"
                    "[idle]\nexplore_s = inf\n[supervisor]\nheartbeat_timeout_s = -5\n",
                    encoding="utf-8")
    config = load_config(path)
    assert config == Config()  # every key kept its default
    messages = " | ".join(p.message for p in config.problems)
    assert "diagonal_inches must be a finite number, not nan" in messages
    assert "screen must be between 0 and 16" in messages
    assert "explore_s must be a whole number, not inf" in messages
    assert "heartbeat_timeout_s must be between 5 and 300, not -5" in messages


@pytest.mark.adversarial(item=1)
def test_flags_get_the_same_check_and_keep_the_file_value(tmp_path):
    config = Config(exhibit_diagonal_inches=32.0).with_flags({
        "exhibit_diagonal_inches": ("--diagonal", float("nan")),
        "exhibit_mode": ("--mode", "kiosk"), "exhibit_language": ("--lang", None)})
    assert config.exhibit_diagonal_inches == 32.0 and config.exhibit_mode == "kiosk"
    assert [str(p) for p in config.problems] == [
        "command line: --diagonal must be a finite number, not nan; using 32.0"]
    for value in (0.001, -5.0, 1e308, float("inf")):
        assert Config().with_flags(
            {"exhibit_diagonal_inches": ("--diagonal", value)}).exhibit_diagonal_inches == 0.0


@pytest.mark.adversarial(item=1)
def test_the_admin_panel_cannot_save_a_value_the_file_would_refuse(tmp_path):
    with pytest.raises(ValueError, match="must be between 10 and 3600"):
        set_value(tmp_path / "config.toml", "idle", "explore_s", 5)
    with pytest.raises(ValueError, match="finite"):
        set_value(tmp_path / "config.toml", "exhibit", "diagonal_inches", float("nan"))
    assert not (tmp_path / "config.toml").exists()


@pytest.mark.adversarial(item=11)
def test_the_file_holding_the_pin_is_for_its_owner_only(tmp_path):
    path = tmp_path / "config.toml"
    set_value(path, "admin", "pin_hash", "scrypt$32768$8$1$c2FsdA==$aGFzaA==")
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_config(path).problems == ()
    path.chmod(0o644)  # as an editor or a copy may leave it
    problems = [str(p) for p in load_config(path).problems]
    assert problems == [f"config.toml:{_line(path, 'pin_hash')}: other users of this machine "
                        "can read this file, which holds the admin PIN's hash (they could guess "
                        f"the PIN from it offline): run 'chmod 600 {path}'"]


def _line(path, key: str) -> int:
    return next(n for n, t in enumerate(path.read_text().splitlines(), 1) if t.startswith(key))


@pytest.mark.adversarial(item=11)
def test_a_pin_set_under_the_old_rule_is_flagged(tmp_path):
    path = tmp_path / "config.toml"
    set_value(path, "admin", "pin_hash", "scrypt$16384$8$1$c2FsdA==$aGFzaA==")
    assert any("older, weaker rule" in p.message for p in load_config(path).problems)
    assert load_config(path).admin_pin_hash.startswith("scrypt$16384$")  # still opens


@pytest.mark.adversarial(item=11)
def test_writing_never_leaves_half_a_file(tmp_path, monkeypatch):
    """The file is replaced in one step: a failure while writing keeps the old one."""
    import os

    path = tmp_path / "config.toml"
    set_value(path, "idle", "explore_s", 45)
    before = path.read_text(encoding="utf-8")

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        set_value(path, "idle", "explore_s", 50)
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary left


def test_text_values_are_written_as_valid_toml(tmp_path):
    path = tmp_path / "config.toml"
    set_value(path, "exhibit", "content", 'C:\\Exhibits\\"Mali"')
    assert load_config(path).exhibit_content == 'C:\\Exhibits\\"Mali"'
