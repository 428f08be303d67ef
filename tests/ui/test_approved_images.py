"""Image approval tests, as pyqtgraph does them: key states of every screen are rendered
and compared with approved images under ``tests/ui/approved/``.

A state that no longer looks as approved fails, and the new rendering and a difference
image are written to ``build/image-diffs/`` (open them). When the change is wanted, run

    python -m pytest tests/ui/test_approved_images.py --approve

and commit the new PNGs. Images are compared at half size (960×540 from 1920×1080),
which keeps the repository small and lets antialiasing differ a little; a pixel
counts as different when a channel differs by more than ``CHANNEL``, and a state
fails when more than ``SHARE`` of its pixels do.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from minusma_kiosk.ui.capture import screen_states, settle
from minusma_kiosk.ui.router import ScreenId

APPROVED = Path(__file__).parent / "approved"
DIFFS = Path(__file__).resolve().parents[2] / "build" / "image-diffs"
CHANNEL = 40
SHARE = 0.002

# (name, screen, state, language, text size, high contrast)
KEY_STATES = [
    ("home", ScreenId.HOME, "default", "en", 100, False),
    ("timeline-start", ScreenId.TIMELINE, "start", "en", 100, False),
    ("timeline-2013-intervention", ScreenId.TIMELINE, "2013-intervention_2013", "en", 100, False),
    ("budget-minusma_budget", ScreenId.BUDGET, "minusma_budget", "en", 100, False),
    ("budget-who_pays_share", ScreenId.BUDGET, "who_pays_share", "en", 100, False),
    ("cards-1", ScreenId.CARDS, "1-", "en", 100, False),
    ("cards-2-open", ScreenId.CARDS, "2-*-open", "en", 100, False),
    ("sources-top", ScreenId.SOURCES, "top", "en", 100, False),
    ("home-fr", ScreenId.HOME, "default", "fr", 100, False),
    ("timeline-2013-intervention-fr", ScreenId.TIMELINE, "2013-intervention_2013", "fr", 100,
     False),
    ("cards-1-fr", ScreenId.CARDS, "1-", "fr", 100, False),
    ("timeline-start-contrast", ScreenId.TIMELINE, "start", "en", 100, True),
    ("budget-minusma_budget-contrast", ScreenId.BUDGET, "minusma_budget", "en", 100, True),
    ("cards-1-text150", ScreenId.CARDS, "1-", "en", 150, False),
    ("timeline-start-text150", ScreenId.TIMELINE, "start", "en", 150, False),
    ("timeline-held-region", ScreenId.TIMELINE, "held-reg-", "en", 100, False),
    ("timeline-held-region-contrast", ScreenId.TIMELINE, "held-reg-", "en", 100, True),
]


def matches(pattern: str, name: str) -> bool:
    """``"1-"``: the state whose name starts so; ``"2-*-open"``: starts and ends so."""
    if "*" in pattern:
        head, tail = pattern.split("*")
        return name.startswith(head) and name.endswith(tail)
    return name == pattern or (pattern.endswith("-") and name.startswith(pattern)
                               and not name.endswith("-open"))


def render(shell, sid: ScreenId, state: str) -> QImage:
    shell.router.navigate(sid)
    show = next(show for name, show in screen_states(shell, sid) if matches(state, name))
    show()
    settle()
    image = shell.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return image.scaled(image.width() // 2, image.height() // 2,
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def pixels(image: QImage) -> np.ndarray:
    """An RGB32 image as an (height, width, 4) array of bytes (B, G, R, A)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4)


def difference(new: QImage, old: QImage) -> tuple[float, QImage]:
    """The share of pixels that differ, and an image of where (red on grey)."""
    a, b = pixels(new).astype(np.int16), pixels(old).astype(np.int16)
    differ = (np.abs(a[..., :3] - b[..., :3]) > CHANNEL).any(axis=2)
    grey = (a[..., :3].sum(axis=2) // 6 + 128).astype(np.uint8)
    out = np.empty(a.shape, dtype=np.uint8)
    out[..., 0] = out[..., 1] = out[..., 2] = grey
    out[..., 3] = 255
    out[differ] = (0, 0, 255, 255)  # red, in B, G, R, A order
    h, w = differ.shape
    diff = QImage(out.tobytes(), w, h, w * 4, QImage.Format.Format_RGB32).copy()
    return float(differ.mean()), diff


@pytest.mark.parametrize(("name", "sid", "state", "lang", "text_size", "contrast"),
                         KEY_STATES, ids=[k[0] for k in KEY_STATES])
def test_key_state_looks_as_approved(make_shell, request, name, sid, state, lang,
                                     text_size, contrast):
    shell = make_shell(lang=lang)
    shell.state.set_access(text_size=text_size, high_contrast=contrast)
    settle()
    new = render(shell, sid, state)
    approved = APPROVED / f"{name}.png"
    if request.config.getoption("--approve"):
        APPROVED.mkdir(exist_ok=True)
        assert new.save(str(approved)), approved
        return
    assert approved.exists(), (f"no approved image {approved.name}: run "
                               "python -m pytest tests/ui/test_approved_images.py --approve")
    old = QImage(str(approved)).convertToFormat(QImage.Format.Format_RGB32)
    if old.size() != new.size():
        share, diff = 1.0, new
    else:
        share, diff = difference(new, old)
    if share > SHARE:
        DIFFS.mkdir(parents=True, exist_ok=True)
        new.save(str(DIFFS / f"{name}.png"))
        diff.save(str(DIFFS / f"{name}-diff.png"))
        pytest.fail(f"{name}: {share:.2%} of the pixels differ from the approved image "
                    f"(allowed {SHARE:.1%}); see {DIFFS}/{name}.png and {name}-diff.png, "
                    "and approve with --approve if the change is wanted")


def test_the_comparison_catches_a_change_and_tolerates_antialiasing():
    base = QImage(100, 100, QImage.Format.Format_RGB32)
    base.fill(QColor("#F4EFE6"))
    shifted = base.copy()
    shifted.setPixelColor(10, 10, QColor("#F0EBE2"))  # antialiasing: a few counts
    assert difference(shifted, base)[0] == 0
    moved = base.copy()
    for x in range(100):
        moved.setPixelColor(x, 50, QColor("#1B1F24"))  # a line of text moved here
    share, _diff = difference(moved, base)
    assert share == pytest.approx(0.01)
    assert share > SHARE
