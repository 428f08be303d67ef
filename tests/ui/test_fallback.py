"""A curator's folder that fails its checks: bundled content plus a discreet banner."""

from __future__ import annotations

import shutil

from minusma_kiosk import resources
from minusma_kiosk.app import load_with_fallback
from minusma_kiosk.ui.router import ScreenId


def test_rejected_folder_falls_back_to_bundled_content(tmp_path, make_shell, caplog):
    bad = tmp_path / "curator"
    shutil.copytree(resources.content_dir(), bad)
    (bad / "cards.toml").write_text("[[card]\nid = 'broken'\n", encoding="utf-8")
    loaded = load_with_fallback(bad)
    assert loaded.rejected_dir == bad
    assert loaded.content.root == resources.content_dir()
    assert any("cards.toml:1" in r.getMessage() for r in caplog.records)
    shell = make_shell(loaded=loaded)
    assert shell.banner is not None and shell.banner.isVisible()
    assert str(bad) in shell.banner.text.text()
    assert shell.router.screen(ScreenId.HOME).title.text() == loaded.content.site.title.en


def test_valid_folder_is_used_without_banner(tmp_path, make_shell):
    good = tmp_path / "curator"
    shutil.copytree(resources.content_dir(), good)
    site = good / "site.toml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        'title.en = "Mali since 2012"', 'title.en = "Mali: a curator test"'), encoding="utf-8")
    loaded = load_with_fallback(good)
    assert loaded.rejected is None
    shell = make_shell(loaded=loaded)
    assert shell.banner is None
    assert shell.router.screen(ScreenId.HOME).title.text() == "Mali: a curator test"
