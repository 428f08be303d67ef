"""The three layers and the screens' independence, checked on the source."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "minusma_kiosk"


def imports(path: Path) -> set[str]:
    """Every module a file imports (absolute names)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def files(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_content_imports_no_qt_and_no_upper_layer():
    for path in files("content"):
        bad = {m for m in imports(path) if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6")
               or m.startswith(("minusma_kiosk.state", "minusma_kiosk.ui", "minusma_kiosk.app"))}
        assert not bad, f"{path.name} imports {bad}"


def assert_qtcore_at_most(layer: str) -> None:
    """Every file of ``layer`` uses no Qt but QtCore, and nothing of the ui, app or pyqtgraph."""
    for path in files(layer):
        for m in imports(path):
            if m.startswith("PySide6"):
                assert m == "PySide6.QtCore", f"{path.name} imports {m}"
            assert not m.startswith(("minusma_kiosk.ui", "minusma_kiosk.app", "pyqtgraph")), \
                f"{path.name} imports {m}"


def test_state_uses_only_qtcore_and_content():
    assert_qtcore_at_most("state")


def test_kiosk_policy_draws_nothing():
    """kiosk/ (configuration, logs, PIN, supervisor, analytics) sits beside state: it may use
    content and QtCore, never widgets, pyqtgraph or the ui layer."""
    assert_qtcore_at_most("kiosk")
    for layer in ("content", "state"):
        for path in files(layer):
            bad = {m for m in imports(path) if m.startswith("minusma_kiosk.kiosk")}
            assert not bad, f"{path.name} imports {bad}"


def test_screens_never_import_each_other():
    for path in files("ui/screens"):
        others = {m for m in imports(path) if m.startswith("minusma_kiosk.ui.screens.")}
        assert not others, f"{path.name} imports {others}"


def test_widgets_do_not_import_screens_or_shell():
    for path in files("ui/widgets"):
        bad = {m for m in imports(path)
               if m.startswith(("minusma_kiosk.ui.screens", "minusma_kiosk.ui.shell"))}
        assert not bad, f"{path.name} imports {bad}"


def test_content_layer_works_with_qt_unavailable():
    """Load and format the bundled content in a process where Qt cannot be imported."""
    code = """
import sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):
            raise ImportError('Qt is unavailable in this test')
sys.meta_path.insert(0, NoQt())
from minusma_kiosk import resources
from minusma_kiosk.content import load_content
from minusma_kiosk.content.formatting import format_figure
result = load_content(resources.content_dir())
assert result.ok, result.problems
print(format_figure(result.content.cards[0].figure, 'fr'))
"""
    env = dict(os.environ, PYTHONPATH=str(PACKAGE.parent))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith("environ")


def test_no_view_forwards_display_settings_by_hand():
    """Sizes, colours, motion and language reach each view through the display state it
    follows (``ui/display.py``), never by one view calling another's restyling method."""
    hand_forwarded = ("apply_metrics", "retranslate", "set_language")
    found = []

    def is_view(receiver: ast.expr) -> bool:
        """Not ``self`` and not the display state itself (``state.set_language`` is
        the model's setter, which every follower hears)."""
        name = receiver.id if isinstance(receiver, ast.Name) else \
            receiver.attr if isinstance(receiver, ast.Attribute) else ""
        return name not in ("self", "state")

    for path in files("ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in hand_forwarded and is_view(node.func.value)):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} "
                             f"{ast.unparse(node.func)}()")
    assert found == [], "forwarded by hand: " + ", ".join(found)


def test_no_attribute_probing_of_collaborators():
    """Collaborators are typed: no ``hasattr``/``getattr`` probing in the state and ui
    layers (``getattr(sys, "frozen", …)`` asks Python itself, not a collaborator)."""
    found = []
    for layer in ("state", "ui"):
        for path in files(layer):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ("hasattr", "getattr")
                        and not (node.args and isinstance(node.args[0], ast.Name)
                                 and node.args[0].id == "sys")):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_no_content_ids_in_the_code():
    """Screens and the capture code work from whatever content is loaded: no event,
    card, chart or region id of the bundled content is written in the package."""
    import re

    from minusma_kiosk.content.loader import load_content

    content = load_content(PACKAGE.parents[1] / "resources" / "content").content
    assert content is not None
    ids = {e.id for e in content.timeline.events} | {c.id for c in content.cards} \
        | {c.id for c in content.charts} | {"Kidal", "Gao", "Timbuktu", "Mopti"}
    found = []
    for path in files("ui") + files("state"):
        text = path.read_text(encoding="utf-8")
        for ident in ids:
            if re.search(rf"[\"']{re.escape(ident)}[\"']", text):
                found.append(f"{path.relative_to(PACKAGE)}: {ident}")
    assert found == []


def test_add_ons_see_the_exhibit_through_its_typed_host():
    """Kiosk mode, the presenter and the visit recorder get the shell's typed ``Host``,
    never the shell: they do not import it, and their constructors take a Host."""
    import inspect

    from minusma_kiosk.ui.host import Host
    from minusma_kiosk.ui.kiosk_controller import KioskController
    from minusma_kiosk.ui.presenter import Presenter
    from minusma_kiosk.ui.visit_recorder import VisitRecorder

    add_on_modules = ("kiosk_controller.py", "presenter.py", "visit_recorder.py",
                      "attract_loop.py", "staff_access.py", "kiosk_input.py")
    for name in add_on_modules:
        bad = {m for m in imports(PACKAGE / "ui" / name) if m == "minusma_kiosk.ui.shell"}
        assert not bad, f"{name} imports the shell"
    for cls in (KioskController, Presenter, VisitRecorder):
        hints = inspect.signature(cls.__init__).parameters
        assert hints["host"].annotation in (Host, "Host"), cls.__name__
