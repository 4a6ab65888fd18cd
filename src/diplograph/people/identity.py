"""Who is who inside one document: clustering name mentions and resolving titles to people.

Rules, in order:

1. A full name (two tokens or more, or a gazetteer alias) founds a person; the gazetteer gives the
   canonical name, country and id when it knows the name. Full names that differ only by dropped
   given names ("Tayyip Erdoğan" / "Recep Tayyip Erdoğan") are one person.
2. A surname or short form alone ("Erdogan", "Al-Sisi", "Mr. Trump") joins the person of the document
   with that surname (the nearest mention wins when two share it), else the gazetteer's office holder
   with that short name on the publication date; a misspelt surname (edit distance <= 2 on long names)
   tagged PERSON joins the closest person.
3. A title ("the Turkish president", "the Kremlin leader", "his Russian counterpart", "The President")
   resolves to a person of the document with that country and office, else to the gazetteer's holder of
   that office on the publication date; titles without a country go to the last person of that role.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..resources.gazetteer import Gazetteer, Leader, surname_keys
from ..resources.text import fold, slug
from .mentions import PARTICLES, NameMention, TitleMention
from .variants import VariantIndex, middle_name_variant, spelling_variant

__all__ = ["Cluster", "resolve_people"]

_MET_VERBS = {"meet", "host", "receive", "welcome", "visit", "call", "phone", "telephone", "greet", "see",
              "brief", "thank", "urge", "tell", "invite", "congratulate"}
_LEADER_ROLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
                 "leader", "head of state", "head of government", "supreme leader", "crown prince", "taoiseach",
                 "pope"}
_REGNAL_ROLES = {"king", "queen", "emir", "sultan", "pope", "grand duke", "prince"}
_GENERIC_ROLES = {"leader", "minister", "official", "head of state", "head of government", "secretary"}
# Titles that name the same office ("premier" and "prime minister"); anything else must match exactly.
_SAME_ROLE = [{"prime minister", "premier", "head of government"}, {"president", "head of state"},
              {"foreign minister", "foreign secretary", "secretary of state"},
              {"spokesperson", "press secretary"}]


@dataclass
class Cluster:
    """One person of the document and the mentions that refer to them."""

    key: str
    leader: Leader | None = None
    names: list[NameMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    borrowed_country: str | None = None

    def full_names(self) -> list[str]:
        return [m.text for m in self.names if m.ntoks >= 2]

    def surnames(self) -> set[str]:
        keys: set[str] = set()
        if self.leader is not None:
            keys |= self.leader.short_keys()
            for n in [self.leader.name, *self.leader.aliases]:
                keys |= surname_keys(n)
        for m in self.names:
            keys |= surname_keys(m.text)
        return keys

    def first_token(self) -> int:
        return min([m.start for m in self.names] + [t.start for t in self.titles] + [10**9])

    def positions(self) -> list[int]:
        return sorted([m.start for m in self.names] + [t.start for t in self.titles])

    def countries(self) -> Counter:
        return Counter(m.country for m in self.names if m.country)

    def country(self) -> str | None:
        if self.leader is not None and self.leader.country:
            return self.leader.country
        c = self.countries()
        if c:
            return c.most_common(1)[0][0]
        t = Counter(t.country for t in self.titles if t.country and not t.counterpart)
        return t.most_common(1)[0][0] if t else self.borrowed_country

    def role(self, day: dt.date | None) -> str | None:
        roles = Counter(m.role for m in self.names if m.role)
        specific = [r for r, _ in roles.most_common() if r not in _GENERIC_ROLES]
        if specific:
            return specific[0]
        if self.leader is not None:
            term = self.leader.latest_term(day)
            if term is not None and term.title:
                return term.title
        if roles:
            return roles.most_common(1)[0][0]
        t = Counter(t.role for t in self.titles if t.role and not t.counterpart)
        return t.most_common(1)[0][0] if t else None

    def offices(self, gaz: Gazetteer, day: dt.date | None) -> set[str]:
        out: set[str] = set()
        if self.leader is not None:
            for term in self.leader.terms_at(day):
                out |= term.offices(day)
        return out

    def name(self) -> str:
        if self.leader is not None:
            return self.leader.name
        forms = [m.text for m in self.names if not m.credit] or [m.text for m in self.names]
        if not forms:
            return self.titles[0].text if self.titles else self.key
        return max(forms, key=lambda f: (len(f.split()), sum(1 for c in f if ord(c) > 127), len(f)))

    def person_id(self) -> str:
        if self.leader is not None:
            return self.leader.id
        return "person:" + slug(self.name())

    @property
    def is_author(self) -> bool:
        return bool(self.names) and all(m.credit for m in self.names) and not self.titles


_OFFICE_RANK = {"head_of_state": 5, "head_of_government": 4, "foreign_minister": 3, "spokesperson": 1}


def _best_leader(gaz: Gazetteer, ids: list[str], day: dt.date | None) -> Leader | None:
    """Of several leaders with one name, the one in office on ``day`` in the highest office, else the latest."""
    leaders = [gaz.by_id[i] for i in ids if i in gaz.by_id]
    if not leaders:
        return None

    def score(p: Leader):
        now = p.terms_at(day)
        rank = max((_OFFICE_RANK.get(o, 2) for t in now for o in t.offices(day)), default=0)
        term = p.latest_term(day)
        return (bool(now), rank, term.start if term and term.start else dt.date.min)

    return max(leaders, key=score)


def _damerau(a: str, b: str) -> int:
    d = {(i, -1): i + 1 for i in range(-1, len(a) + 1)}
    d.update({(-1, j): j + 1 for j in range(-1, len(b) + 1)})
    for i, ca in enumerate(a):
        for j, cb in enumerate(b):
            cost = ca != cb
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
            if i and j and ca == b[j - 1] and a[i - 1] == cb:
                d[i, j] = min(d[i, j], d[i - 2, j - 2] + 1)
    return d[len(a) - 1, len(b) - 1]


def _same_name_variant(a: str, b: str) -> bool:
    """One name written two ways: family name first ("Kishida Fumio" / "Fumio Kishida"), or transliterated
    differently ("Shavkat Mirziyoev" / "Shavkat Mirziyoyev": same given name, surnames within two edits)."""
    ta, tb = fold(a).split(), fold(b).split()
    if len(ta) != 2 or len(tb) != 2:
        return False
    if ta == tb[::-1]:
        return True
    return ta[0] == tb[0] and min(len(ta[1]), len(tb[1])) >= 6 and _damerau(ta[1], tb[1]) <= 2


def _compatible_full(a: str, b: str) -> bool:
    """Two full names of one person: same surname, and given names that agree where both have them."""
    ta, tb = fold(a).split(), fold(b).split()
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    ga, gb = set(ta[:-1]) - PARTICLES, set(tb[:-1]) - PARTICLES
    if not ga or not gb:
        return True
    return bool(ga & gb) or any(x[0] == y[0] for x in ga for y in gb)


def resolve_people(doc: Doc, names: list[NameMention], titles: list[TitleMention], gaz: Gazetteer,
                   day: dt.date | None, candidates: list[NameMention] | None = None,
                   home: str | None = None, variants: VariantIndex | None = None) -> list[Cluster]:
    """Cluster name mentions, attach surnames and titles; returns the people of the document.

    ``variants`` finds gazetteer leaders under other spellings of their names (built from ``gaz``)."""
    clusters: dict[str, Cluster] = {}

    def cluster_for_leader(leader: Leader) -> Cluster:
        c = clusters.get(leader.id)
        if c is None:
            c = clusters[leader.id] = Cluster(key=leader.id, leader=leader)
        return c

    singles: list[NameMention] = []
    # 1. full names
    # (names the gazetteer knows first, so that a longer form of one — "Bassirou Diomaye Diakhar Faye" —
    # joins that person instead of founding another)
    for m in sorted(names, key=lambda m: (not m.leader_ids, -m.ntoks, m.start)):
        leader = _best_leader(gaz, m.leader_ids, day)
        if leader is None and m.ntoks >= 2:
            leader = _best_leader(gaz, [p.id for p in gaz.by_name(m.text)], day)
        if leader is None and m.ntoks == 2:  # "Kishida Fumio": family name first
            leader = _best_leader(gaz, [p.id for p in gaz.by_name(" ".join(m.text.split()[::-1]))], day)
        if leader is None and m.ntoks >= 2 and day is not None:
            # "Bassirou Diomaye Faye" for the gazetteer's "Bassirou Diomaye Diakhar Faye", "Omar Hassan
            # al-Bashir" for "Omar al-Bashir": an office holder of that surname whose full name agrees (a
            # middle name dropped or added)
            same = [p for p in gaz.by_short_name(m.text.split()[-1], day, in_office=True)
                    if middle_name_variant(m.text, p.name) or (m.ntoks >= 3 and _compatible_full(m.text, p.name)
                                                               and set(fold(m.text).split()) <= set(fold(p.name).split()))]
            if len({p.id for p in same}) == 1:
                leader = same[0]
        if leader is None and variants is not None:  # "Abdul Qadir bin Saleh" for "Abdelkader Bensalah"
            leader = variants.leader(m.text, day)
        if leader is not None:
            cluster_for_leader(leader).names.append(m)
            continue
        if m.ntoks < 2:
            singles.append(m)
            continue
        host = next((c for c in clusters.values()
                     if any(_compatible_full(m.text, f) or _same_name_variant(m.text, f) or spelling_variant(m.text, f)
                            for f in c.full_names()
                            + ([c.leader.name, *c.leader.aliases] if c.leader else []))), None)
        if host is None:
            host = clusters.setdefault("name:" + fold(m.text), Cluster(key="name:" + fold(m.text)))
        host.names.append(m)
    # 2. single names and surnames
    surname_index: dict[str, list[Cluster]] = defaultdict(list)
    inner_index: dict[str, list[Cluster]] = defaultdict(list)  # "Lula" of "Luiz Inácio Lula da Silva"
    for c in clusters.values():
        for k in c.surnames():
            surname_index[k].append(c)
        for f in c.full_names() + ([c.leader.name] if c.leader else []):
            toks = fold(f).split()
            for tok in toks[1:-1] if len(toks) >= 3 else []:
                if tok not in PARTICLES and len(tok) > 2:
                    inner_index[tok].append(c)
    pending = singles + list(candidates or [])
    for m in sorted(pending, key=lambda m: m.start):
        if m.source == "title" and (m.role or "") in _REGNAL_ROLES and day is not None:
            # "King Salman" is the king of that name, not "Crown Prince Mohammed bin Salman" of the document
            known = [p for p in gaz.by_short_name(m.text, day, in_office=True)
                     if any(term.title and _same_role(m.role, term.title) for term in p.terms_at(day))]
            if len({p.id for p in known}) == 1:
                c = cluster_for_leader(known[0])
                c.names.append(m)
                for k in surname_keys(m.text) | c.surnames():
                    if c not in surname_index[k]:
                        surname_index[k].append(c)
                continue
        key = fold(m.text)
        keys = {key}
        toks = key.split()
        if len(toks) == 2 and toks[0] in PARTICLES:
            keys.add(toks[1])
        hosts = {id(c): c for k in keys for c in surname_index.get(k, [])}
        if not hosts:
            hosts = {id(c): c for k in keys for c in inner_index.get(k, [])}
        if not hosts and m.source in ("title", "ner"):
            # a given name alone: "PM Shehbaz" for Shehbaz Sharif, "Anwar" for Anwar Ibrahim (after a title,
            # the nearest such person; else the only one)
            given = {id(c): c for c in clusters.values()
                     if any(fold(f).split()[:1] == [key] for f in c.full_names()
                            + ([c.leader.name] if c.leader else []))}
            if m.source == "title" or len(given) == 1:
                hosts = given
        chosen = None
        if len(hosts) == 1:
            chosen = next(iter(hosts.values()))
        elif hosts:
            def dist(c: Cluster) -> tuple[int, int]:
                before = [p for p in c.positions() if p <= m.start]
                return (0, m.start - max(before)) if before else (1, min(c.positions()) - m.start)
            chosen = min(hosts.values(), key=dist)
        if chosen is None:
            leaders = gaz.by_short_name(m.text, day, in_office=True)
            if not leaders:
                leaders = gaz.by_short_name(m.text, day, recent_years=8,
                                            offices=frozenset({"head_of_state", "head_of_government", "foreign_minister"}))
            if not leaders and m.source in ("title", "ner"):
                leaders = gaz.by_short_name(m.text, day, in_office=False)
            if m.country:
                leaders = [p for p in leaders if p.country == m.country]
            leader = _best_leader(gaz, [p.id for p in leaders], day) if leaders else None
            if leader is not None:
                chosen = cluster_for_leader(leader)
        if chosen is None and m.source in ("ner", "title") and len(key) >= 5:
            near = [c for c in clusters.values() for k in c.surnames()
                    if len(k) >= 5 and k[0] == key[0] and _damerau(k, key) <= 2]
            if len({id(c) for c in near}) == 1:
                chosen = near[0]
        if chosen is None:
            if m.source == "surname":
                continue
            chosen = clusters.setdefault("name:" + key, Cluster(key="name:" + key))
        chosen.names.append(m)
        for k in surname_keys(m.text) | chosen.surnames():
            if chosen not in surname_index[k]:
                surname_index[k].append(chosen)
    # 3. titles
    for t in sorted(titles, key=lambda t: t.start):
        if t.plural:
            continue
        pool = [c for c in clusters.values() if c.names]
        if home and t.country is None and t.definite:
            # in a government's own release, "The Prime Minister" is its own (others get a country)
            pool = [c for c in pool if c.country() == home]
        target = _resolve_title(doc, t, pool, gaz, day)
        # "the President" (capitalised: the office, not any president) in a government's release
        country = t.country or (home if t.definite and t.text.split()[-1][:1].isupper() else None)
        if target is None and country and not t.counterpart and t.definite \
                and set(t.offices) & {"head_of_state", "head_of_government", "foreign_minister", "leader"}:
            # "The Prime Minister" in a release from 10 Downing Street: the document's own government
            leaders = gaz.holders(country, t.offices, day) if day is not None else []
            if t.role and t.role not in _GENERIC_ROLES and t.role != "leader":
                # "the President" is no queen: the holder's own title must agree
                leaders = [p for p in leaders if any(term.title and _same_role(t.role, term.title)
                                                     for term in p.terms_at(day))]
            if len(leaders) == 1:
                target = cluster_for_leader(leaders[0])
        if target is None and t.counterpart and t.country:
            target = _counterpart_from_gazetteer(t, clusters, gaz, day)
        if target is not None:
            target.titles.append(t)
    people = sorted((c for c in clusters.values() if c.names or c.titles), key=Cluster.first_token)
    at = {i: c for c in people for m in c.names for i in range(m.start, m.end)}
    for c in people:  # "Faye's prime minister, Ousmane Sonko": Faye's country
        if c.country() is None:
            for m in c.names:
                a = m.anchor[0] if m.anchor else None
                if a is not None and a >= 2 and doc[a - 1].text in ("'s", "’s") and (a - 2) in at \
                        and at[a - 2] is not c and at[a - 2].country():
                    c.borrowed_country = at[a - 2].country()
                    break
                if a is not None and a >= 1 and doc[a - 1].lower_ in ("his", "her"):
                    owner = _pronoun_owner(doc, a - 1, people, c)  # "..., his spokesman Ajuri Ngelale said"
                    if owner is not None:
                        c.borrowed_country = owner.country()
                        break
    _borrow_countries(doc, people, day)
    _document_country(people, day)
    return people


def _pronoun_owner(doc: Doc, i: int, people: list[Cluster], me: Cluster) -> "Cluster | None":
    """Whom "his"/"her" at token ``i`` stands for: a person of known country named before it in the
    sentence (the subject first), else the subject of the previous sentence."""
    sent = doc[i].sent
    spans = [(m.start, m.end, p) for p in people if p is not me and p.country() for m in [*p.names, *p.titles]]
    before = sorted((s, e, p) for s, e, p in spans if sent.start <= s and e <= i)
    subjects = [p for s, e, p in before if _syntactic_role(doc[e - 1]) in ("nsubj", "nsubjpass")]
    if subjects or before:
        return (subjects or [p for _, _, p in before])[-1]
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    subjects = [p for s, e, p in sorted(spans) if prev.start <= s < prev.end
                and _syntactic_role(doc[e - 1]) in ("nsubj", "nsubjpass")]
    return subjects[-1] if subjects else None


def _document_country(people: list[Cluster], day: dt.date | None) -> None:
    """Officials still without a country in a story mostly about one country's people take that
    country: "Vice President JD Vance" in a story where most people named are American."""
    counts = Counter(c.country() for c in people if c.country() and not c.is_author)
    total = sum(counts.values())
    if total < 3:
        return
    code, n = counts.most_common(1)[0]
    if n / total < 0.6:
        return
    for c in people:
        role = c.role(day)
        if not c.country() and role and role not in _LEADER_ROLES and not c.is_author:
            c.borrowed_country = code


def _borrow_countries(doc: Doc, people: list[Cluster], day: dt.date | None) -> None:
    """An official named without a country ("the Chief of Staff Laura Sarabia") travels with the
    nearest person of known country in the same sentence, else the previous one. Leaders do not: a
    prime minister next to a president is as likely to be their counterpart."""
    # (cluster, start, last token) of every mention of a person whose country is known
    placed = [(p, m.start, m.end - 1) for p in people if p.country() for m in [*p.names, *p.titles]]
    for c in people:
        role = c.role(day)
        if c.country() or not role or role in _LEADER_ROLES or not c.names:
            continue
        first = min(m.start for m in c.names)
        last = doc[min(m.end for m in c.names if m.start == first) - 1]
        if _syntactic_role(last) in ("nsubj", "nsubjpass"):
            continue  # the subject of its clause: whoever else is named may well be the other side
        verb = last
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb.lemma_ in _MET_VERBS:
            continue  # "Barrack will meet Speaker Nabih Berri": the other side of a meeting
        sent = doc[first].sent
        # the subject of the sentence travels with its officials ("The Colombian president is travelling
        # with Foreign Minister X"); the object does not ("Harris will host President Kenyatta")
        subjects = [(abs(pos - first), p) for p, pos, last in placed if p is not c and sent.start <= pos < sent.end
                    and _syntactic_role(doc[last]) in ("nsubj", "nsubjpass", "poss")]
        if subjects:
            c.borrowed_country = min(subjects, key=lambda x: x[0])[1].country()
        elif sent.start > 0:
            prev = doc[sent.start - 1].sent
            near = [(abs(pos - first), p) for p, pos, last in placed if p is not c and prev.start <= pos < prev.end
                    and _syntactic_role(doc[last]) in ("nsubj", "nsubjpass")]
            if near:
                c.borrowed_country = min(near, key=lambda x: x[0])[1].country()


def _syntactic_role(tok) -> str:
    """The dependency role of the phrase a name token belongs to."""
    t = tok
    while t.dep_ in ("compound", "flat", "appos", "amod", "nmod") and t.head != t:
        t = t.head
    return t.dep_


def _same_role(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SAME_ROLE)


def _role_matches(c: Cluster, t: TitleMention, gaz: Gazetteer, day: dt.date | None) -> bool:
    """Does person ``c`` hold the office a title names? Titles compare first, offices when no title."""
    offices = c.offices(gaz, day)
    if "leader" in t.offices:
        return bool(offices & {"head_of_state", "head_of_government"}) or (c.role(day) or "") in (
            "president", "prime minister", "chancellor", "king", "emir", "premier", "leader", "queen",
            "sultan", "crown prince", "supreme leader")
    titles = {m.role for m in c.names if m.role and m.role not in _GENERIC_ROLES}
    if c.leader is not None:
        titles |= {term.title for term in c.leader.terms_at(day) if term.title}
    if t.role is not None and titles:
        if t.role in _GENERIC_ROLES:  # "the Secretary" for the Secretary of State, "the Minister"
            return any(r.startswith(t.role) or r.endswith(t.role) for r in titles)
        return any(_same_role(t.role, r) for r in titles)
    return bool(set(t.offices) & offices)


def _resolve_title(doc: Doc, t: TitleMention, clusters: list[Cluster], gaz: Gazetteer,
                   day: dt.date | None) -> Cluster | None:
    if t.counterpart:
        if not t.country:
            return None
        same = [c for c in clusters if c.country() == t.country]
        # the counterpart holds the office of the person whose counterpart it is ("Jaishankar and his
        # Chinese counterpart": a foreign minister, not Xi)
        others = [c for c in clusters if c.country() and c.country() != t.country
                  and any(p < t.start for p in c.positions())]
        owner = _nearest(others, t.start) if others else None
        if owner is not None:
            office = _main_office(owner, gaz, day)
            if office is not None:
                same = [c for c in same if _main_office(c, gaz, day) == office]
        return _nearest(same, t.start) if same else None
    pool = [c for c in clusters if _role_matches(c, t, gaz, day)]
    if t.country:
        pool = [c for c in pool if c.country() == t.country]
    elif not t.definite:
        return None
    elif len(pool) > 1:
        pool = _previous_subject(doc, t, pool) or pool
    return _nearest(pool, t.start) if pool else None


def _previous_subject(doc: Doc, t: TitleMention, pool: list[Cluster]) -> list[Cluster]:
    """A title that is the subject of its sentence ("The President will be accompanied by ...") continues
    the subject of the sentence before ("President X will depart for Paris at the invitation of President
    Y"), not the person named last."""
    if _syntactic_role(doc[t.end - 1]) not in ("nsubj", "nsubjpass") or doc[t.start].sent.start == 0:
        return []
    sent = doc[t.start].sent
    if any(tok.dep_ in ("nsubj", "nsubjpass") for tok in doc[sent.start:t.start]):
        return []
    prev = doc[sent.start - 1].sent
    return [c for c in pool for m in c.names if prev.start <= m.start < prev.end
            and _syntactic_role(doc[m.end - 1]) in ("nsubj", "nsubjpass")][:1]


def _main_office(c: Cluster, gaz: Gazetteer, day: dt.date | None) -> str | None:
    """A person's highest office on ``day`` (head of state/government as "leader", foreign minister)."""
    offices = c.offices(gaz, day)
    role = (c.role(day) or "").lower()
    if offices & {"head_of_state", "head_of_government"} or role in _LEADER_ROLES:
        return "leader"
    if "foreign_minister" in offices or "foreign" in role or role in ("secretary of state", "foreign secretary"):
        return "foreign_minister"
    return None


def _nearest(pool: list[Cluster], pos: int) -> Cluster:
    def dist(c: Cluster) -> tuple[int, int]:
        before = [p for p in c.positions() if p <= pos]
        return (0, pos - max(before)) if before else (1, min(c.positions()) - pos)

    return min(pool, key=dist)


def _counterpart_from_gazetteer(t: TitleMention, clusters: dict[str, Cluster], gaz: Gazetteer,
                                day: dt.date | None) -> Cluster | None:
    """ "his Russian counterpart": the holder, in that country, of the office of the nearest other person."""
    if day is None:
        return None
    before = [c for c in clusters.values() if c.country() and c.country() != t.country
              and any(p < t.start for p in c.positions())]
    if not before:
        return None
    other = _nearest(before, t.start)
    offices = other.offices(gaz, day) & {"head_of_state", "head_of_government", "foreign_minister"}
    if not offices:
        return None
    # the counterpart holds the same office; a president who also heads the government is matched
    # with the other country's president, and a title the text gives decides first
    title = other.role(day)
    leaders = []
    for office in ("head_of_state", "head_of_government", "foreign_minister"):
        if office in offices:
            cands = gaz.holders(t.country, [office], day)
            same_title = [p for p in cands if any(term.title == title for term in p.terms_at(day))]
            leaders = same_title or cands
            if leaders:
                break
    if len(leaders) != 1:
        return None
    c = clusters.get(leaders[0].id)
    if c is None:
        c = clusters[leaders[0].id] = Cluster(key=leaders[0].id, leader=leaders[0])
    return c
