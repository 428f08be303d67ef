"""The content cache: same files, same content; any change, a full load."""

from __future__ import annotations

import pytest

from minusma_kiosk.app import load_cached
from minusma_kiosk.content.cache import content_digest, load_from_cache, store_in_cache


def test_unchanged_files_come_from_the_cache(content_copy, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr("minusma_kiosk.app.cache_dir", lambda: cache)
    first, result = load_cached(content_copy)
    assert result is not None and result.ok  # a full load, then stored
    again, result = load_cached(content_copy)
    assert result is None  # from the cache
    assert again.site.title == first.site.title
    assert [c.id for c in again.cards] == [c.id for c in first.cards]
    assert len(again.timeline.events) == len(first.timeline.events)


def test_any_change_to_a_file_means_a_full_load(content_copy, tmp_path):
    cache = tmp_path / "cache"
    _, result = load_cached(content_copy, use_cache=False)
    store_in_cache(content_copy, cache, result.content)
    assert load_from_cache(content_copy, cache) is not None
    site = content_copy / "site.toml"
    site.write_text(site.read_text(encoding="utf-8") + "\n# a curator's note\n",
                    encoding="utf-8")
    assert load_from_cache(content_copy, cache) is None


def test_a_broken_cache_file_is_ignored(content_copy, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"content-{content_digest(content_copy)}.pickle").write_bytes(b"not a pickle")
    assert load_from_cache(content_copy, cache) is None


def test_rejected_content_is_never_cached(content_copy, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr("minusma_kiosk.app.cache_dir", lambda: cache)
    (content_copy / "site.toml").write_text("", encoding="utf-8")
    content, result = load_cached(content_copy)
    assert content is None and not result.ok
    assert not cache.exists() or not list(cache.iterdir())


def test_the_same_files_in_another_folder_are_not_served_stale_paths(content_copy, tmp_path,
                                                                     monkeypatch):
    """The model holds absolute paths (card pictures): a copy of the folder elsewhere (a
    bundle in dist/ and its installed copy) must not get the first folder's paths."""
    import shutil

    cache = tmp_path / "cache"
    monkeypatch.setattr("minusma_kiosk.app.cache_dir", lambda: cache)
    load_cached(content_copy)
    moved = tmp_path / "installed" / "content"
    shutil.copytree(content_copy, moved)
    shutil.rmtree(content_copy)
    content, _ = load_cached(moved)
    pictures = [card.image for card in content.cards if card.image is not None]
    assert pictures
    assert all(path.is_file() and moved in path.parents for path in pictures)


@pytest.mark.adversarial(item=9)
@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", b"\x80\x04\x95" + bytes(range(256)) * 4])
def test_a_damaged_cache_file_means_a_full_load(content_copy, tmp_path, damage):
    from minusma_kiosk.content import load_content

    root = content_copy
    cache = tmp_path / "cache"
    store_in_cache(root, cache, load_content(root).content)
    for entry in cache.glob("content-*.pickle"):
        entry.write_bytes(damage)
    assert load_from_cache(root, cache) is None
