"""The contact stage's word lists, read once from the JSON Lines files in ``contacts/data/``."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..resources.data import data_file, read_jsonl

__all__ = ["load_triggers", "distinct_event_words", "multilateral_words", "co_presence_phrases",
           "attendance_cues", "answer_cues"]


def _data(name: str) -> Path:
    return data_file("contacts", name)


@lru_cache(maxsize=1)
def load_triggers() -> tuple[dict[tuple[str, str], dict], dict[str, str | None], dict[tuple[str, ...], str]]:
    triggers = {(r["lemma"], r["pos"]): r for r in read_jsonl(_data("contact_triggers.jsonl"))}
    words, phrases = {}, {}
    for r in read_jsonl(_data("type_modifiers.jsonl")):
        if "multilateral_words" in r or "distinct_event_words" in r:
            continue
        if "word" in r:
            words[r["word"]] = r["type"]
        else:
            phrases[tuple(r["phrase"].split())] = r["type"]
    return triggers, words, phrases


@lru_cache(maxsize=1)
def distinct_event_words() -> frozenset[str]:
    return frozenset(w for r in read_jsonl(_data("type_modifiers.jsonl")) for w in r.get("distinct_event_words", []))


@lru_cache(maxsize=1)
def multilateral_words() -> frozenset[str]:
    return frozenset(w for r in read_jsonl(_data("type_modifiers.jsonl")) for w in r.get("multilateral_words", []))


@lru_cache(maxsize=1)
def co_presence_phrases() -> dict[str, list[tuple[str, ...]]]:
    """Phrases that add their subject to the meeting just reported, by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for r in read_jsonl(_data("co_presence.jsonl")):
        words = tuple(r["phrase"].lower().split())
        out.setdefault(words[-1], []).append(words)
    return out


@lru_cache(maxsize=1)
def attendance_cues() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for r in read_jsonl(_data("attendance.jsonl")):
        for key in ("participles", "event_nouns", "video_words"):
            if key in r:
                out[key] = frozenset(r[key])
    return out


@lru_cache(maxsize=1)
def answer_cues() -> list[dict]:


    rows = read_jsonl(_data("answer_cues.jsonl"))
    return [{**r, "pattern": re.compile(r"\b(?:" + "|".join(re.escape(p) for p in r["phrases"]) + r")\b")
             if r.get("phrases") else None} for r in rows]
