"""The one resource accessor."""

from __future__ import annotations

import pytest

from minusma_kiosk import resources


def test_known_resources_are_found():
    assert (resources.content_dir() / "cards.toml").is_file()
    assert resources.path("fonts", "NotoSans-Regular.ttf").is_file()
    assert resources.path("translations", "minusma_kiosk_fr.qm").is_file()


def test_unknown_folder_lists_the_known_ones():
    with pytest.raises(KeyError, match="known: content, fonts"):
        resources.path("secrets", "x")


def test_missing_file_is_reported():
    with pytest.raises(FileNotFoundError, match="fonts/nope.ttf"):
        resources.path("fonts", "nope.ttf")
