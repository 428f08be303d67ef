"""How much text each field may hold: words, characters and the longest word.

Words keep a text short enough to read standing (visitors read for seconds).
Characters bound what a field can hold whatever its words (a "word" of 5,000
letters is one word). The longest word matters most: a word cannot wrap, so a
word wider than the narrowest column showing the field pushes the layout off
the screen. The word lengths are what the layout shows at the largest text
size (150 %) on the narrowest supported screens, 1366x768 and 1080x1920, in
French: ``tests/ui/test_text_limits.py`` renders every screen with a word of
that length in every field and fails if one does not fit. Raise a limit only
with that test.

A word is what lies between spaces, as for the screen's line breaking in the
layout audit; a hyphenated compound ("Attentat-suicide") is one word here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLimit:
    """The most a text field may hold."""

    words: int
    chars: int
    word_chars: int

    def problem(self, text: str) -> str | None:
        """What is too long in ``text`` (one text, one language), or None."""
        words = text.split()
        if len(words) > self.words:
            return (f"has {len(words)} words; keep it to {self.words} or fewer (visitors "
                    "read for seconds)")
        if len(text) > self.chars:
            return f"has {len(text)} characters; keep it to {self.chars} or fewer"
        longest = max(words, key=len, default="")
        if len(longest) > self.word_chars:
            shown = longest if len(longest) <= 30 else longest[:27] + "…"
            return (f"has a word of {len(longest)} characters ({shown!r}); a word cannot "
                    f"wrap, and the screen shows words of up to {self.word_chars} characters "
                    "here at the largest text size: shorten it or put a space in it")
        return None


#: Field → limit. Keys are ``<thing>.<field>`` as the model names them.
LIMITS: dict[str, TextLimit] = {
    "site.title": TextLimit(12, 80, 13),
    "site.subtitle": TextLimit(20, 160, 20),
    "site.intro": TextLimit(90, 700, 24),
    "site.footnote": TextLimit(40, 320, 24),
    "card.headline": TextLimit(8, 70, 16),
    "card.text": TextLimit(60, 450, 22),
    "card.detail": TextLimit(150, 1100, 24),
    "card.disagreement": TextLimit(60, 450, 24),
    "figure.label": TextLimit(20, 160, 17),
    "figure.note": TextLimit(80, 600, 24),
    "chart.title": TextLimit(10, 80, 15),
    "chart.subtitle": TextLimit(30, 240, 20),
    "chart.label": TextLimit(4, 30, 14),
    "chart.label2": TextLimit(4, 30, 14),
    "point.reason": TextLimit(30, 200, 20),
    "event.title": TextLimit(8, 70, 18),
    "event.text": TextLimit(50, 400, 22),
    "event.gentle": TextLimit(50, 400, 22),
    "place.name": TextLimit(4, 30, 16),
    "camp.name": TextLimit(8, 70, 18),
    "occupation.held_by": TextLimit(10, 80, 18),
    "occupation.differ": TextLimit(50, 360, 18),
    "era.title": TextLimit(6, 50, 16),
    "era.short": TextLimit(3, 24, 14),
    "era.summary": TextLimit(30, 240, 20),
    "tour.title": TextLimit(8, 70, 16),
    "tour.notes": TextLimit(90, 700, 24),
    "credit.what": TextLimit(40, 300, 24),
    "source.title": TextLimit(40, 300, 30),
    "source.publisher": TextLimit(15, 120, 24),
}
