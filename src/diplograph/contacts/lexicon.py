"""The contact stage's word lists, built once from the active rule tables (:mod:`.rules`)."""
from __future__ import annotations

import re

from .rules import ContactRules, current

__all__ = ["load_triggers", "distinct_event_words", "in_person_words", "multilateral_words", "co_presence_phrases",
           "attendance_cues", "answer_cues", "date_vocabulary"]


def date_vocabulary():
    """The dates stage's vocabulary (number words, weekday names, ``future_nominal`` ...): one definition of
    those words for both stages."""
    from ..dates.rules import DateRules

    return DateRules.default().vocabulary


def load_triggers() -> tuple[dict[tuple[str, str], dict], dict[str, str | None], dict[tuple[str, ...], str]]:
    return current().derived("load_triggers", _load_triggers)


def _load_triggers(rules: ContactRules) -> tuple[dict[tuple[str, str], dict], dict[str, str | None], dict[tuple[str, ...], str]]:
    triggers = {(r["lemma"], r["pos"]): r for r in rules.rows("contact_triggers")}
    words, phrases = {}, {}
    for r in rules.rows("type_modifiers"):
        if "multilateral_words" in r or "distinct_event_words" in r or "in_person_words" in r:
            continue
        if "word" in r:
            words[r["word"]] = r["type"]
        else:
            phrases[tuple(r["phrase"].split())] = r["type"]
    return triggers, words, phrases


def distinct_event_words() -> frozenset[str]:
    return current().derived("distinct_event_words", _distinct_event_words)


def _distinct_event_words(rules: ContactRules) -> frozenset[str]:
    return frozenset(w for r in rules.rows("type_modifiers") for w in r.get("distinct_event_words", []))


def in_person_words() -> frozenset[str]:
    """Words that place people together ("summit", "visit", "dinner"): see ``remote_type``."""
    return current().derived("in_person_words", _in_person_words)


def _in_person_words(rules: ContactRules) -> frozenset[str]:
    return frozenset(w for r in rules.rows("type_modifiers") for w in r.get("in_person_words", []))


def multilateral_words() -> frozenset[str]:
    return current().derived("multilateral_words", _multilateral_words)


def _multilateral_words(rules: ContactRules) -> frozenset[str]:
    return frozenset(w for r in rules.rows("type_modifiers") for w in r.get("multilateral_words", []))


def co_presence_phrases() -> dict[str, list[tuple[str, ...]]]:
    return current().derived("co_presence_phrases", _co_presence_phrases)


def _co_presence_phrases(rules: ContactRules) -> dict[str, list[tuple[str, ...]]]:
    """Phrases that add their subject to the meeting just reported, by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for r in rules.rows("co_presence"):
        words = tuple(r["phrase"].lower().split())
        out.setdefault(words[-1], []).append(words)
    return out


def attendance_cues() -> dict[str, frozenset[str]]:
    return current().derived("attendance_cues", _attendance_cues)


def _attendance_cues(rules: ContactRules) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {"proxy_nouns": frozenset(), "round_up_nouns": frozenset()}
    for r in rules.rows("attendance"):
        for key in ("participles", "event_nouns", "video_words", "proxy_nouns", "round_up_nouns"):
            if key in r:
                out[key] = frozenset(r[key])
    return out


def answer_cues() -> list[dict]:
    return current().derived("answer_cues", _answer_cues)


def _answer_cues(rules: ContactRules) -> list[dict]:
    rows = rules.rows("answer_cues")
    return [{**r, "pattern": re.compile(r"\b(?:" + "|".join(re.escape(p) for p in r["phrases"]) + r")\b")
             if r.get("phrases") else None} for r in rows]
