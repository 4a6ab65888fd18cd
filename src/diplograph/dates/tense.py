"""Past or future: the direction a bare weekday, month or month-day is read in, from its sentence.

With a parse, the verb governing the expression decides: modals give future (past with a perfect
``have``), ``to``-infinitives under plan/expect/due/set ... and headline infinitives give future,
the present progressive gives future, past tense, perfects and reduced relatives give past. Without a
parse (``spacy.blank``), the nearest cue word of the sentence does, leftwards first. The cue words are
word lists of the vocabulary (``modal``, ``future_verb``, ``future_word``, ``past_word`` ...).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .resolve import FUTURE, PAST
from .vocabulary import Vocabulary

__all__ = ["FUTURE", "PAST", "PRESENT", "tense_from_parse", "tense_from_window", "tense_in"]

PRESENT = "present"  # a present verb: no direction (the default rule decides)
_SENT_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n|;")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_Step = tuple["str | None", "Token | None"]  # (tense, or the token to look at next)


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_ in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")


def _auxes(v: Token) -> list[Token]:
    return [a for a in v.children if a.dep_ in ("aux", "auxpass")]


def _modal_or_infinitive(v: Token, auxes: list[Token], w: Vocabulary) -> _Step | None:
    """Future from a modal ("will meet") or an infinitive of intent ("plans to meet"); None: neither."""
    modals = w.words["modal"]
    if any(a.tag_ == "MD" or a.lower_ in modals for a in auxes):
        return (PAST if any(a.lemma_ == "have" and a.lower_ != "to" for a in auxes) else FUTURE), None
    if v.tag_ == "MD" or v.lower_ in modals:
        return FUTURE, None
    if not any(a.tag_ == "TO" for a in auxes):
        return None
    h = v.head
    if h == v or v.dep_ == "ROOT":
        return FUTURE, None  # headline: "Putin to visit China in May"
    if h.lemma_ in w.words["future_verb"] or h.lemma_ in w.words["strong_future_lemma"] \
            or h.lower_ in w.words["future_head"]:
        return FUTURE, None
    if h.pos_ == "AUX" and h.lemma_ == "be":  # "is to visit"
        return FUTURE, None
    return None, h


def _participle(v: Token, auxes: list[Token], w: Vocabulary) -> _Step:
    """A past participle: perfect or passive past, reduced relative ("the talks held on Monday")."""
    if any(a.lemma_ == "have" or a.lower_ in w.words["be_past"] for a in auxes):
        return PAST, None
    if any(a.lower_ in w.words["be_present"] for a in auxes):
        return None, None
    if v.dep_ == "conj" and v.head != v:
        return None, v.head
    return PAST, None


def _gerund(v: Token, auxes: list[Token], w: Vocabulary) -> _Step:
    """A present participle: "is visiting on Monday" is an arrangement (future)."""
    if v.lower_ == "going" and any(ch.dep_ == "xcomp" for ch in v.children):
        return FUTURE, None
    if any(a.lower_ in w.words["be_present"] for a in auxes):
        return FUTURE, None
    if any(a.lower_ in w.words["be_past"] for a in auxes):
        return PAST, None
    if v.dep_ in ("advcl", "acl", "xcomp", "conj", "pcomp") and v.head != v:
        return None, v.head
    return None, None


def _step(v: Token, w: Vocabulary) -> _Step:
    auxes = _auxes(v)
    step = _modal_or_infinitive(v, auxes, w)
    if step is not None:
        return step
    if v.lemma_ in w.words["strong_future_lemma"] and (v.lemma_ != "set" or v.tag_ == "VBN"):
        return FUTURE, None
    if v.lower_ in w.words["future_predicate"]:
        return FUTURE, None
    if v.tag_ == "VBD" or (v.tag_ == "VB" and any(a.tag_ == "VBD" for a in auxes)):
        return PAST, None  # "met", "did not meet"
    if v.tag_ == "VBN":
        return _participle(v, auxes, w)
    if v.tag_ == "VBG":
        return _gerund(v, auxes, w)
    if v.dep_ == "conj" and v.head != v and not auxes:
        return None, v.head
    return PRESENT, None


def verb_tense(v: Token, w: Vocabulary) -> str | None:
    """Past, future, present or None for a verb, following infinitives and conjuncts up to their head."""
    for _ in range(5):
        tense, nxt = _step(v, w)
        if nxt is None:
            return tense
        v = nxt
    return None


def _nominal_gerund(t: Token) -> bool:
    """An -ing form with no auxiliary hanging from a noun ("an official leaders meeting in Canberra"):
    a noun in all but its tag, so the walk goes on to the clause's verb."""
    return t.tag_ == "VBG" and t.dep_ == "acl" and not _auxes(t) and t.head.pos_ in ("NOUN", "PROPN")


def _finite(v: Token) -> Token:
    """The finite verb an infinitive or participle hangs from ("agreed" for "agreed to stop")."""
    for _ in range(4):
        auxes = _auxes(v)
        if v.tag_ in ("VB", "VBG") and (not auxes or all(a.tag_ == "TO" for a in auxes)) \
                and v.dep_ in ("xcomp", "advcl", "ccomp", "conj") and v.head != v:
            v = v.head
            continue
        break
    return v


def _verb_before(doc: Doc, i: int, w: Vocabulary) -> str | None:
    """A verb right before the expression governs it, whatever the parser attached ("said on Sunday")."""
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i >= 0 and doc[i].pos_ in ("VERB", "AUX") and doc[i].tag_ != "MD":
        return verb_tense(doc[i], w)
    return None


def tense_from_parse(doc: Doc, start: int, end: int, w: Vocabulary) -> str | None:
    """Tense of the verb governing characters ``start:end``; ``"present"`` for a present verb, None if
    no verb decides. A date inside the subject ("the summit on 26 March was called off") does not
    take the past of its verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    t = _verb_before(doc, span.start - 1, w)
    if t is not None:
        return t
    cur, prev = span.root, None
    in_subject = setting = False
    for _ in range(12):
        if not (span.start <= cur.i < span.end):
            if _is_verb(cur) and not _nominal_gerund(cur):
                t = verb_tense(_finite(cur) if setting else cur, w)  # "agreed to stop attacks during a
                return None if (t == PAST and in_subject) else t       # call on Tuesday": the call's clause
            from_event = prev is not None and not (span.start <= prev.i < span.end)
            if cur.dep_ == "prep" and from_event and cur.lower_ in w.words["other_event_prep"]:
                return None  # another event beside the clause's own: the default reading decides
            if cur.dep_ == "prep" and from_event and cur.lower_ in w.words["setting_prep"]:
                setting = True
            nominal = w.words["future_nominal"]
            if cur.lower_ in nominal or any(ch.dep_ == "amod" and ch.lower_ in nominal for ch in cur.children):
                return FUTURE  # "the planned meeting on Thursday"
            if cur.lower_ == "since":
                return PAST
        if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):
            in_subject = True
        if cur.head == cur:
            break
        prev, cur = cur, cur.head
    return None


def _classify(words: list[str], i: int, w: Vocabulary) -> str | None:
    """The direction one word of the window gives, or None."""
    word = words[i]
    lw = word.lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    prv = words[i - 1].lower() if i > 0 else ""
    if word[:1].isupper() and lw in w.months:
        return None  # "May", "March": names, not modals or verbs
    if (lw == "to" and nxt in w.words["to_verb"]) or (lw == "going" and nxt == "to"):
        return FUTURE
    if lw == "set" and nxt not in ("to", "for"):
        return None
    if lw in w.words["future_word"]:
        return FUTURE
    if lw.endswith("ing") and len(lw) > 4:
        if prv in w.words["be_present"] or prv.endswith(("'s", "’s", "'re", "’re")):
            return FUTURE
        return PAST if prv in w.words["be_past"] else None
    participle = lw in w.words["past_word"] or (lw.endswith("ed") and len(lw) >= 5 and lw not in
                                                w.words["ed_not_past"] and "-" not in lw and not word[:1].isupper())
    if participle:
        return None if prv in ("be", "being") else PAST  # "will be held": the modal further left decides
    return None


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before and after characters ``start:end`` (at most 300 characters each)."""
    left = text[max(0, start - 300):start]
    # (one character of look-ahead, so a sentence end right before the expression is seen)
    bounds = [b for b in _SENT_END.finditer(left + text[start:start + 1]) if b.end() <= len(left)]
    if bounds:
        left = left[bounds[-1].end():]
    right = text[end:end + 300]
    b = _SENT_END.search(right)
    return left, (right[:b.start()] if b else right)


def tense_from_window(text: str, start: int, end: int, w: Vocabulary, n: int = 12) -> str | None:
    """The direction of the nearest cue word of the sentence, leftwards first. A past verb to the right
    counts only when the date is fronted ("On Monday, the ministers met"), else the date is inside the
    subject ("the summit on 26 March was called off")."""
    left_ctx, right_ctx = _sentence_around(text, start, end)
    left = _WORD.findall(left_ctx)[-n:]
    right = _WORD.findall(right_ctx)[:n]
    for i in range(len(left) - 1, -1, -1):
        t = _classify(left, i, w)
        if t:
            return t
    fronted = all(x.lower() in w.words["front_word"] for x in left)
    for i in range(len(right)):
        t = _classify(right, i, w)
        if t:
            if t == PAST and not fronted and "," not in right_ctx[:right_ctx.find(right[i])]:
                return None
            return t
    return None


def tense_in(doc: Doc, start: int, end: int, parsed: bool, text: str, w: Vocabulary) -> str | None:
    """Past, future or None for characters ``start:end``: the parse first (when ``parsed``), then the window."""
    if parsed:
        t = tense_from_parse(doc, start, end, w)
        if t == PRESENT:
            return None
        if t is not None:
            return t
    return tense_from_window(text, start, end, w)
