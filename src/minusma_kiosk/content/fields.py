"""Readers for the fields every content file shares: per-language texts, ids,
lists of ids, required strings. They report into a ProblemLog, never raise."""

from __future__ import annotations

import re
from typing import Any

from minusma_kiosk.content import typography
from minusma_kiosk.content.files import TomlDoc
from minusma_kiosk.content.limits import LIMITS
from minusma_kiosk.content.model import LANGUAGES, REQUIRED_LANGUAGES, Source, Text
from minusma_kiosk.content.problems import LineRef, ProblemLog, resolve_line

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def csv_text(row: Any, column: str, log: ProblemLog, file: str,
             required: bool = False, limit: str | None = None, what: str = "") -> Text:
    """A per-language text from ``<column>_en`` / ``<column>_fr`` CSV columns.

    The exhibit shows every text in both languages. A ``required`` text (whose empty
    English column the caller reports) must have its French too; an optional one
    given in one language must be given in the other. Missing ones are reported on
    the row's line, and so is a text over its ``limit`` (a key of
    :data:`~.limits.LIMITS`); ``what`` names the row in the message."""
    texts = {lang: row.get(f"{column}_{lang}") for lang in LANGUAGES}
    if limit is not None:
        for lang, text in texts.items():
            if text and (why := LIMITS[limit].problem(" ".join(text.split()))):
                log.add(file, row.line, f"{what + ': ' if what else ''}{column}_{lang} {why}")
    for lang in REQUIRED_LANGUAGES:
        if texts[lang]:
            continue
        if required and lang != "en":
            log.add(file, row.line, f"{column}_{lang} is empty (the {LANGUAGE_NAMES[lang]} "
                    f"of {column}_en)")
        elif not required and any(texts.values()):
            given = next(other for other, text in texts.items() if text)
            log.add(file, row.line, f"{column}_{lang} is empty but {column}_{given} is not: "
                    f"give the text in {LANGUAGE_NAMES[lang]} too")
    return Text(typography.tidy(texts["en"], "en"), typography.tidy(texts["fr"], "fr"))


#: Language names in the curator's messages.
LANGUAGE_NAMES = {"en": "English", "fr": "French"}


def unknown_keys(doc: TomlDoc, log: ProblemLog, table: dict[str, Any],
                  known: tuple[str, ...], *path: str | int) -> None:
    for key in table:
        if key not in known:
            log.add(doc.name, doc.line_of(*path, key),
                    f"unknown key {key!r}; the keys here are: {', '.join(known)}")


def text_field(doc: TomlDoc, log: ProblemLog, table: dict[str, Any], key: str,
               *path: str | int, required: bool = True, limit: str | None = None) -> Text:
    """Read a per-language text written as ``key.en = "…"`` / ``key.fr = "…"``;
    ``limit``: a key of :data:`~.limits.LIMITS` the text must keep to."""
    value = table.get(key)
    if value is None:
        if required:
            log.add(doc.name, doc.line_of(*path),
                    f"{key}.en is missing (write {key}.en = \"…\" and {key}.fr = \"…\")")
        return Text("")
    if not isinstance(value, dict):
        log.add(doc.name, doc.line_of(*path, key), f"{key} must be given per language: "
                f"{key}.en = \"…\" and {key}.fr = \"…\"")
        return Text("")
    texts: dict[str, str] = {}
    for lang, text in value.items():
        problem = None
        if lang not in LANGUAGES:
            problem = f"unknown language {lang!r}; the languages are {', '.join(LANGUAGES)}"
        elif not isinstance(text, str):
            problem = "must be text in quotes"
        elif not text.strip():
            problem = "is empty"
        else:
            clean = " ".join(text.split())
            if limit is not None:
                problem = LIMITS[limit].problem(clean)
            texts[lang] = typography.tidy(clean, lang)
        if problem:
            log.add(doc.name, doc.line_of(*path, key, lang), f"{key}.{lang} {problem}")
    for lang in REQUIRED_LANGUAGES:
        if lang not in value:
            log.add(doc.name, doc.line_of(*path, key), f"{key}.{lang} is missing")
    return Text(texts.get("en", ""), texts.get("fr", ""))


def str_field(doc: TomlDoc, log: ProblemLog, table: dict[str, Any], key: str,
         *path: str | int, required: bool = True) -> str:
    value = table.get(key)
    if value is None:
        if required:
            log.add(doc.name, doc.line_of(*path), f"{key} is missing")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        log.add(doc.name, doc.line_of(*path, key), f"{key} must be a non-empty text in quotes")
        return ""
    return value.strip()


def check_id(log: ProblemLog, file: str, line: LineRef, value: str,
              seen: dict[str, LineRef], what: str) -> bool:
    if not value:
        log.add(file, line, f"the {what} has no id")
        return False
    if not ID_PATTERN.match(value):
        log.add(file, line, f"the id {value!r} may use only lower-case letters, digits and _")
        return False
    if value in seen:
        first = resolve_line(seen[value])
        log.add(file, line, f"the id {value!r} is used twice"
                + (f" (first on line {first})" if first else ""))
        return False
    seen[value] = line
    return True


def tables(doc: TomlDoc, log: ProblemLog, key: str) -> list[dict[str, Any]]:
    items = doc.data.get(key)
    if items is None:
        log.add(doc.name, None, f"no [[{key}]] entry found")
        return []
    if not isinstance(items, list) or not all(isinstance(t, dict) for t in items):
        log.add(doc.name, doc.line_of(key), f"{key} must be a list of [[{key}]] tables")
        return []
    for other in doc.data:
        if other != key:
            log.add(doc.name, doc.line_of(other),
                    f"unknown table or key {other!r}; this file holds [[{key}]] entries")
    return items


def id_list(doc: TomlDoc, log: ProblemLog, value: Any, known: dict[str, Any], what: str,
             where: str, *path: str | int) -> tuple[Any, ...]:
    """Resolve a list of ids (``["a", "b"]``) against ``known``; report unknown ones."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        log.add(doc.name, doc.line_of(*path), f"{path[-1]} must be a list of {what} ids: "
                f"{path[-1]} = [\"id1\", \"id2\"]")
        return ()
    out = []
    for item in value:
        if item not in known:
            log.add(doc.name, doc.line_of(*path), f"unknown {what} {item!r} "
                    f"(not an id in {where})", cause=where)
        else:
            out.append(known[item])
    return tuple(out)


def source_list(doc: TomlDoc, log: ProblemLog, value: Any, sources: dict[str, Source],
                 *path: str | int) -> tuple[Source, ...]:
    return id_list(doc, log, value, sources, "source", "sources.csv", *path)


