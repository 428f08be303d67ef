"""The configuration file: defaults, documentation, mistakes reported with their line."""

from __future__ import annotations

import tomllib
from dataclasses import fields

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
