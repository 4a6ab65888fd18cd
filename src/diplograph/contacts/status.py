"""Whether a contact happened, is planned, only possible, or denied — read as a news analyst would.

In the manner of negspacy / medspacy's ConText: cue lists are data (``data/status_cues.jsonl``), scope
is code. A cue counts only where it governs the contact: an auxiliary or negation on the trigger or on
the chain of verbs above it ("is expected to speak", "have been scheduled"), a modifier of a noun
trigger ("the upcoming visit", "no official meetings"), or a sentence-wide hedge ("according to
unnamed sources"). The chain stops at a reporting verb, so "Peskov did not say whether they met" and
"Peskov said they met" differ only where they should.

Precedence: denied > possible > planned > the tense of the chain (past = occurred).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .rules import ContactRules, current

__all__ = ["StatusCues", "load_cues", "clause_chain", "decide_status"]

CHAIN_DEPS = {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "acomp",
              "advcl", "acl", "oprd", "pcomp", "appos", "relcl", "npadvmod", "compound"}


# Prepositions that set an event beside another rather than inside it.
STOP_PREPS = {"following", "after", "before", "since", "ahead", "prior", "until", "amid", "despite", "like",
              "unlike", "than"}
# a clause so marked states its own fact ("..., as it was the first call between them"): the main
# clause's negation or modality is not its own
_OWN_FACT_MARKS = {"as", "because", "although", "though", "whereas"}


@dataclass
class StatusCues:
    aux: dict[str, dict]
    governor: dict[str, list[dict]]
    modifier: dict[str, str]
    adverb: dict[str, str]
    negation: set[str]
    phrases: list[dict]
    reporting: set[str]
    reported_as: dict[str, str] = field(default_factory=dict)  # a reporting verb's status ("claimed", "denied")
    reported_negated: dict[str, str] = field(default_factory=dict)  # their status when negated ("did not confirm")
    topic: frozenset[str] = frozenset()  # "no information about the call": a negation above is not the call's


def load_cues() -> StatusCues:
    """The status cues of the active rules (:func:`.rules.current`)."""
    return current().derived("status_cues", _build_cues)


def _build_cues(rules: ContactRules) -> StatusCues:
    rows = rules.rows("status_cues")
    aux, governor, modifier, adverb, negation, phrases, topic = {}, {}, {}, {}, set(), [], set()
    for r in rows:
        if "phrase" in r:
            phrases.append({**r, "words": r["phrase"].lower().split()})
            continue
        dep = r["dep"]
        if dep == "aux":
            aux[r["cue"]] = r
        elif dep == "governor":
            governor.setdefault(r["cue"], []).append(r)
        elif dep == "modifier":
            modifier[r["cue"]] = r["status"]
        elif dep == "adverb":
            adverb[r["cue"]] = r["status"]
        elif dep == "negation":
            negation.add(r["cue"])
        elif dep == "topic":
            topic.add(r["cue"])
    verbs = rules.rows("reporting_verbs")
    reporting = {r["lemma"] for r in verbs}
    reported_as = {r["lemma"]: r["status"] for r in verbs if r.get("status")}
    reported_negated = {r["lemma"]: r["negated_status"] for r in verbs if r.get("negated_status")}
    return StatusCues(aux, governor, modifier, adverb, negation, phrases, reporting, reported_as, reported_negated,
                      frozenset(topic))


def clause_chain(trigger: Token, cues: StatusCues) -> tuple[list[Token], Token | None]:
    """The trigger and the words above it up to (not including) a reporting verb; and that verb."""
    chain = [trigger]
    t = trigger
    for _ in range(8):
        if t.dep_ == "ROOT" or t.head == t:
            return chain, None
        h = t.head
        if t.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in STOP_PREPS:
            return chain, None  # "following his call with X, he will ...": a different event
        if t.dep_ == "prep" and t.lower_ in _SETTING_PREPS and len(chain) == 2 and h.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in trigger.children):
            h = verb_above(h) or h  # "urged X to refrain from any measures, in a phone call": misattached
        if t.dep_ == "prep" and t.lower_ in _SETTING_PREPS and len(chain) >= 2 and chain[-2].dep_ == "pobj" \
                and h.pos_ in ("VERB", "AUX"):
            chain.append(h)
            if h.lemma_ not in _COMMUNICATION:
                # "Putin agreed to stop attacks during a call": the call is the setting of another act,
                # whose own modality ("agreed to") says nothing of whether the call happened
                return chain, None
            t = h
            continue
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN" and t.i == chain[0].i
                                     and not any(c.dep_ in ("nsubj", "aux", "mark") for c in t.children)) \
                or (t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in STOP_PREPS | _OWN_FACT_MARKS
                                                            for c in t.children)) \
                or (t.dep_ == "advcl" and t.tag_ not in ("VBP", "VBZ")
                    and any(c.dep_ == "advmod" and c.lower_ == "when" for c in t.children)):
            # ("Obama asked, when he welcomed Modi, ...": the welcome is told in its own clause; "... is
            # expected to figure when they meet": a present "when" clause takes the main clause's time)
            return chain, None  # "Modi, who spoke with Trump, will travel ...", "did not elaborate the matters
            # discussed by the leaders": its own tense
        if h.lemma_ in cues.reporting and h.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis", "dobj"):
            # "Peskov confirmed that no meetings ...", "reports suggested that ..."
            if t.dep_ == "dobj" and h.lemma_ not in ("deny", "confirm", "announce", "report"):
                chain.append(h)
                t = h
                continue
            return chain, h
        if t.dep_ not in CHAIN_DEPS and t.dep_ not in ("aux", "neg", "advmod", "amod", "det", "poss", "agent", "dative", "parataxis"):
            return chain, None
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in t.children):
            return chain, None  # "X asked to speak and there will be a call": a clause with its own subject and tense
        chain.append(h)
        t = h
    return chain, None


def verb_above(t: Token, steps: int = 4) -> Token | None:
    """The nearest verb above ``t`` (a few steps up), or None."""
    for _ in range(steps):
        if t.head == t:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


_CONDITIONS = {"if", "unless", "provided", "providing", "whether"}
_SETTING_PREPS = {"in", "during", "by", "via", "over", "through", "at"}
_UNREALISED = {"if", "unless", "until", "till"}  # a clause so marked tells a contact that may happen
_TOPIC_PREPS = {"about", "on", "of", "regarding", "concerning"}
# verbs that are themselves the contact when it happens "in a call" / "at talks"
_COMMUNICATION = {"discuss", "speak", "talk", "meet", "agree", "exchange", "confer", "negotiate", "hold", "have",
                  "say", "tell", "express", "review", "address", "raise", "stress", "emphasize", "underline",
                  "note", "welcome", "brief", "urge", "ask", "invite", "reaffirm", "congratulate", "thank"}


def _whether_or_not(tok: Token) -> bool:
    """"whether or not they met" is a question, not a denial."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].lower_ == "or" and doc[tok.i - 2].lower_ == "whether"


def _particle(tok: Token) -> str | None:
    for ch in tok.children:
        if ch.dep_ in ("prt", "prep", "advmod") and ch.lower_ in ("out", "off", "forward", "for", "down"):
            return ch.lower_
    return None


def decide_status(trigger: Token, chain: list[Token], reporter: Token | None, sent: Span, cues: StatusCues,
                  *, date_start: str | None = None, published: str | None = None,
                  words: list[str] | None = None, own_negation: bool = True) -> tuple[str, list[Token]]:
    """The status of the contact named by ``trigger`` and the cue tokens that decided it. ``own_negation``
    False: a negation on the trigger itself is of something else ("did not discuss sanctions")."""
    found: dict[str, list[Token]] = {"denied": [], "possible": [], "planned": [], "occurred": []}
    _noun_cues(trigger, cues, found)
    absorbed: set[int] = set()  # governors whose negation makes a contact possible ("did not rule out")
    setting = False  # above "during his visit": the act done there, whose negation is not the visit's
    topic = False  # above "details about the call": the telling of it, whose governors are not the call's
    for k, tok in enumerate(chain):
        if k > 0 and chain[k - 1].dep_ == "prep":
            told_of = chain[k - 1].lower_ in _TOPIC_PREPS and tok.lemma_.lower() in cues.topic
            setting = setting or told_of or chain[k - 1].lower_ in _SETTING_PREPS
            topic = topic or told_of
        own = k == 0 or (k == 1 and chain[0].dep_ == "xcomp")  # ("did not get to discuss": still its own)
        _dependent_cues(k, tok, chain, reporter, sent, cues, found, negation=not setting and (own_negation or not own))
        if k == 0:
            continue
        if chain[k - 1].dep_ == "prep" and chain[k - 1].lower_ in _SETTING_PREPS:
            continue  # "discussed in a phone call": the call is where, not what, they discussed
        if topic:
            continue  # "declined to provide details about the call": what is declined is the telling
        absorbed |= _governor_cues(k, tok, chain, cues, found)
        if tok.lower_ in cues.modifier and tok.dep_ in ("amod",):
            found[cues.modifier[tok.lower_]].append(tok)
    if _headline_infinitive(chain, sent):
        found["planned"].append(chain[-1])  # a headline's "Macron to hold call with Biden": is to hold
    for verb in [t for t in chain if t.pos_ in ("VERB", "AUX")][:2]:
        if any(c.dep_ == "mark" and c.lower_ in _UNREALISED for c in verb.children):
            found["possible"].append(verb)  # "no progress until he and Putin got together", "if they meet"
            break
    _reporter_cues(reporter, cues, found)
    _phrase_cues(sent, words if words is not None else [t.lower_ for t in sent], cues, found)
    if absorbed:
        found["denied"] = [t for t in found["denied"] if t.head.i not in absorbed]
    # double negation inside the chain ("not without") is rare; a negated modal of possibility
    # ("could not meet") is still a denial.
    for st in ("denied", "possible", "planned"):
        if found[st]:
            return st, found[st]
    if found["occurred"]:
        return "occurred", found["occurred"]
    return _tense_status(chain, date_start, published), []


def _headline_infinitive(chain: list[Token], sent: Span) -> bool:
    """"Macron to hold call with Biden": a sentence with no finite verb whose verb is an infinitive after
    its subject (a headline's "is to")."""
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent):
        return False
    return any(t.tag_ == "VB" and (t.dep_ == "ROOT" or (t.dep_ in ("relcl", "acl") and t.head.dep_ == "ROOT"))
               and any(c.dep_ == "aux" and c.tag_ == "TO" and c.i == t.i - 1 for c in t.children) for t in chain)


def _noun_cues(trigger: Token, cues: StatusCues, found: dict[str, list[Token]]) -> None:
    """Modifiers of a noun trigger and of its first conjunct: "no meeting", "a possible visit"."""
    first_conj = trigger
    while first_conj.dep_ == "conj" and first_conj.head.pos_ == first_conj.pos_:
        first_conj = first_conj.head
    for noun in {trigger, first_conj}:
        if noun.pos_ in ("NOUN", "PROPN"):
            for ch in noun.children:
                low = ch.lower_
                if ch.dep_ == "det" and ch.lemma_ == "no":
                    found["denied"].append(ch)
                elif ch.dep_ in ("amod", "compound", "advmod", "nummod") and low in cues.modifier:
                    found[cues.modifier[low]].append(ch)


_FINITE = ("VBD", "VBZ", "VBP", "MD")  # a sentence without these is a headline or a caption


def _dependent_cues(k: int, tok: Token, chain: list[Token], reporter: Token | None, sent: Span,
                    cues: StatusCues, found: dict[str, list[Token]], *, negation: bool = True) -> None:
    """Negations (unless ``negation`` is False), auxiliaries, adverbs and predicates hanging from the
    ``k``-th word of the chain."""
    for ch in tok.children:
        low = ch.lower_
        if ch.dep_ == "neg" or (ch.dep_ in ("advmod", "det", "preconj") and low in ("never", "no", "nor")):
            if negation and not _whether_or_not(ch):
                found["denied"].append(ch)
        elif ch.dep_ == "aux" and low == "to" and tok.tag_ == "VB" and (
                (any(c.dep_ == "nsubj" for c in tok.children) and not any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in tok.children))  # ("X, Y to talk soon, says Z")
                or (tok.dep_ in ("relcl", "acl") and tok.head.pos_ == "PROPN"
                    and (not any(t.tag_ in _FINITE for t in sent) or tok.head.dep_ in ("nsubj", "ROOT")))):
            found["planned"].append(ch)  # a headline's "Sharif to meet Putin": what will happen
        elif ch.dep_ in ("aux", "auxpass") and low in cues.aux:
            r = cues.aux[low]
            st = r.get("reported", r["status"]) if reporter is not None else r["status"]
            if r.get("conditional") and any(t.lower_ in _CONDITIONS and t.dep_ == "mark" for t in sent):
                st = r["conditional"]  # "would meet him if ..."
            found[st].append(ch)
        elif ch.dep_ in ("advmod",) and low in cues.adverb and not _weighs_telling(ch):
            found[cues.adverb[low]].append(ch)
        elif ch.dep_ in ("acomp", "attr") and k > 0 and chain[k - 1].dep_ in ("nsubj", "nsubjpass") \
                and low in cues.modifier:
            found[cues.modifier[low]].append(ch)  # "a meeting ... is possible / unlikely"
        elif ch.dep_ == "det" and ch.lemma_ == "no" and tok.pos_ in ("NOUN",) and k > 0:
            found["denied"].append(ch)


def _weighs_telling(adverb: Token) -> bool:
    """"Perhaps most importantly, X met Y": the adverb hedges the telling's weight, not the contact."""
    doc = adverb.doc
    return adverb.i + 1 < len(doc) and doc[adverb.i + 1].lower_ in ("most", "more")


def _governor_cues(k: int, tok: Token, chain: list[Token], cues: StatusCues,
                   found: dict[str, list[Token]]) -> set[int]:
    """The ``k``-th word of the chain as a governing cue ("ruled out", "plans", "discussed a visit"); the
    governors whose own negation makes the contact possible ("did not rule out", "did not confirm": a
    negated denier, or a cue that counts only negated)."""
    absorbed: set[int] = set()
    negated = any(c.dep_ == "neg" for c in tok.children)
    for r in cues.governor.get(tok.lemma_, []):
        if r.get("particle") and _particle(tok) != r["particle"]:
            continue
        if r.get("passive_only") and not any(c.dep_ == "auxpass" for c in tok.children) and tok.tag_ != "VBN":
            continue
        if r.get("progressive_only") and (tok.tag_ != "VBG" or not any(
                c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)):
            continue  # "is going to meet"; not "before going to meet them, he ..." (on his way)
        if r.get("future_only") or (r.get("negated_only") and not negated):
            continue
        if r.get("pos") and tok.pos_ != r["pos"]:
            continue  # "open to talks" (ADJ), not "opened a summit"
        if r.get("direct_only") and (k != 1 or chain[0].dep_ not in ("dobj", "xcomp", "acl")):
            continue  # "discussed a visit" (what was discussed), not "discussed the war in a call"
        if r.get("infinitive_only") and not (k > 0 and _to_infinitive_below(tok, chain[k - 1])):
            continue  # "they were to talk": not "the talks were held"
        if r.get("not_under") and any(t.lemma_ in r["not_under"] for t in chain[k + 1:]):
            continue  # "accepted an invitation to visit": the acceptance decides
        if (r["status"] == "denied" and negated) or r.get("negated_only"):  # "did not rule out": possible
            absorbed.add(tok.i)
            found["possible"].append(tok)
            continue
        found[r["status"]].append(tok)
    return absorbed


def _to_infinitive_below(verb: Token, below: Token) -> bool:
    """Is ``below`` a to-infinitive of ``verb`` ("were to talk"), or coordinated with one ("were to talk
    first, and then meet")?"""
    def infinitive(t: Token) -> bool:
        return t.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    return infinitive(below) or (below.dep_ == "conj" and below.head == verb and any(infinitive(c) for c in verb.children))


def _negated_verb(verb: Token) -> bool:
    """Negated itself, or the second of a negated "or" pair ("did not confirm or deny")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "neg" for c in verb.head.children) \
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children)


def _reporter_cues(reporter: Token | None, cues: StatusCues, found: dict[str, list[Token]]) -> None:
    """The verb that reports the contact, by its row of ``reporting_verbs``: "denied", "suggested",
    "claimed"; "did not deny", "did not confirm (or deny)" by its ``negated_status``."""
    negated = reporter is not None and _negated_verb(reporter)
    if reporter is not None and reporter.lemma_ in cues.reported_as and not negated:
        found[cues.reported_as[reporter.lemma_]].append(reporter)  # "some accounts claimed the two had met"
    if negated and reporter.lemma_ in cues.reported_negated:
        found[cues.reported_negated[reporter.lemma_]].append(reporter)  # "did not confirm the meeting"


def _phrase_cues(sent: Span, words: list[str], cues: StatusCues, found: dict[str, list[Token]]) -> None:
    """The sentence's status phrases (``cues.phrases``), each counted once."""
    for ph in cues.phrases:
        if ph.get("scope") == "next_sentence" or ph["words"][0] not in words:
            continue
        n = len(ph["words"])
        for i in (k for k, w in enumerate(words) if w == ph["words"][0]):
            if words[i:i + n] == ph["words"]:
                found[ph["status"]].append(sent[i])
                break


def _tense_status(chain: list[Token], date_start: str | None, published: str | None) -> str:
    if date_start and published and date_start > published:
        return "planned"
    for tok in chain:
        if tok.pos_ in ("VERB", "AUX"):
            if tok.tag_ in ("VBD", "VBN"):
                return "occurred"
            if tok.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'re", "'s") for c in tok.children if c.dep_ == "aux"):
                return "planned" if date_start and published and date_start >= published else "occurred"
            if tok.tag_ in ("VBZ", "VBP"):
                return "occurred"
    return "occurred"

