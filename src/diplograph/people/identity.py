"""Who is who inside one document: clustering name mentions and resolving titles to people.

Rules, in order:

1. A full name (two tokens or more, or a gazetteer alias) founds a person; the gazetteer gives the
   canonical name, country and id when it knows the name, also under another spelling
   (:mod:`.variants`). Full names that differ only by dropped given names ("Tayyip Erdoğan" / "Recep
   Tayyip Erdoğan") or by spelling are one person.
2. A surname or short form alone ("Erdogan", "Al-Sisi", "Mr. Trump") joins the person of the document
   with that surname (the nearest mention wins when two share it), else the only person of the document
   with that given name, else the gazetteer's office holder with that short name on the publication
   date; a misspelt surname (edit distance <= 2 on long names) tagged PERSON joins the closest person.
3. A title ("the Turkish president", "the Kremlin leader", "his Russian counterpart", "The President")
   resolves to a person of the document with that country and office, else to the gazetteer's holder of
   that office on the publication date; titles without a country go to the last person of that role.
4. Countries from context: a possessor's ("Faye's prime minister, X"), a pronoun's ("his spokesman X"),
   the subject's of the sentence for an official named without one, the story's main country.

The word lists these rules read (``leader_roles``, ``generic_roles``, ``same_role`` ...) are the
component's :class:`~.rules.PeopleRules`.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..resources.gazetteer import Gazetteer, Leader, surname_keys
from ..resources.text import fold, slug
from .mentions import RECENT_YEARS, TOP_OFFICES, NameMention, TitleMention
from .rules import PeopleRules, default_rules
from .variants import VariantIndex, damerau, middle_name_variant, same_name_variant, spelling_variant

__all__ = ["Cluster", "Resolver", "resolve_people"]

_OFFICE_RANK = {"head_of_state": 5, "head_of_government": 4, "foreign_minister": 3, "spokesperson": 1}
_SUBJECTS = ("nsubj", "nsubjpass")
_HEADS = {"head_of_state", "head_of_government"}


@dataclass
class Cluster:
    """One person of the document and the mentions that refer to them."""

    key: str
    leader: Leader | None = None
    names: list[NameMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    borrowed_country: str | None = None
    generic_roles: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def full_names(self) -> list[str]:
        return [m.text for m in self.names if m.ntoks >= 2]

    def known_names(self) -> list[str]:
        """The full names of the document and the gazetteer's name."""
        return self.full_names() + ([self.leader.name] if self.leader else [])

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

    def country(self) -> str | None:
        if self.leader is not None and self.leader.country:
            return self.leader.country
        c = Counter(m.country for m in self.names if m.country)
        if c:
            return c.most_common(1)[0][0]
        t = Counter(t.country for t in self.titles if t.country and not t.counterpart)
        return t.most_common(1)[0][0] if t else self.borrowed_country

    def role(self, day: dt.date | None) -> str | None:
        roles = Counter(m.role for m in self.names if m.role)
        specific = [r for r, _ in roles.most_common() if r not in self.generic_roles]
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

    def offices(self, day: dt.date | None) -> set[str]:
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


def best_leader(gaz: Gazetteer, ids: Iterable[str], day: dt.date | None) -> Leader | None:
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



class Resolver:
    """Resolves the mentions of a document to people, with one gazetteer and rule set (built once)."""

    def __init__(self, gaz: Gazetteer, rules: PeopleRules | None = None, variants: VariantIndex | None = None,
                 *, recent_years: int = RECENT_YEARS, top_offices: frozenset[str] = TOP_OFFICES) -> None:
        self.gaz = gaz
        self.rules = rules if rules is not None else default_rules()
        self.variants = variants
        self.recent_years = recent_years
        self.top_offices = top_offices

    def __call__(self, doc: Doc, names: list[NameMention], titles: list[TitleMention], day: dt.date | None,
                 candidates: Iterable[NameMention] = (), home: str | None = None) -> list[Cluster]:
        """The people of ``doc``: clusters of its name mentions (``candidates`` are surnames that join
        someone or no one), with the titles that stand for them. ``home``: the country whose government
        speaks in the document (its "The Prime Minister")."""
        work = _Document(self, doc, day)
        singles = work.add_full_names(names)
        work.add_single_names(singles + list(candidates))
        work.add_titles(titles, home)
        people = sorted((c for c in work.clusters.values() if c.names or c.titles), key=Cluster.first_token)
        work.possessor_countries(people)
        work.borrow_countries(people)
        work.document_country(people)
        return people


def resolve_people(doc: Doc, names: list[NameMention], titles: list[TitleMention], gaz: Gazetteer,
                   day: dt.date | None, candidates: Iterable[NameMention] = (), home: str | None = None,
                   variants: VariantIndex | None = None, rules: PeopleRules | None = None) -> list[Cluster]:
    """Cluster name mentions, attach surnames and titles; returns the people of the document (see
    :class:`Resolver`, which a component builds once)."""
    return Resolver(gaz, rules, variants)(doc, names, titles, day, candidates, home)


class _Document:
    """The clustering of one document under way."""

    def __init__(self, resolver: Resolver, doc: Doc, day: dt.date | None) -> None:
        self.r = resolver
        self.gaz = resolver.gaz
        self.words = resolver.rules.words
        self.same_role_groups = resolver.rules.same_role
        self.doc = doc
        self.day = day
        self.clusters: dict[str, Cluster] = {}
        self.surname_index: dict[str, list[Cluster]] = defaultdict(list)
        self.inner_index: dict[str, list[Cluster]] = defaultdict(list)  # "Lula" of "Luiz Inácio Lula da Silva"

    def cluster(self, key: str, leader: Leader | None = None) -> Cluster:
        c = self.clusters.get(key)
        if c is None:
            c = self.clusters[key] = Cluster(key=key, leader=leader, generic_roles=self.words["generic_roles"])
        return c

    def for_leader(self, leader: Leader) -> Cluster:
        return self.cluster(leader.id, leader)

    # ------------------------------------------------------------------ 1. full names
    def add_full_names(self, names: list[NameMention]) -> list[NameMention]:
        """Full names found people (names the gazetteer knows first, so that a longer form of one —
        "Bassirou Diomaye Diakhar Faye" — joins that person instead of founding another); returns the
        single names left for step 2."""
        singles: list[NameMention] = []
        for m in sorted(names, key=lambda m: (not m.leader_ids, -m.ntoks, m.start)):
            leader = self.leader_of(m)
            if leader is not None:
                self.for_leader(leader).names.append(m)
            elif m.ntoks < 2:
                singles.append(m)
            else:
                host = next((c for c in self.clusters.values() if any(
                    self.compatible_full(m.text, f) or same_name_variant(m.text, f) or spelling_variant(m.text, f)
                    for f in c.full_names() + ([c.leader.name, *c.leader.aliases] if c.leader else []))), None)
                (host or self.cluster("name:" + fold(m.text))).names.append(m)
        return singles

    def leader_of(self, m: NameMention) -> Leader | None:
        """The gazetteer's person a name mention names: by the name, the name family name first ("Kishida
        Fumio"), an office holder's name with a middle name more or fewer, or another spelling."""
        gaz, day = self.gaz, self.day
        leader = best_leader(gaz, m.leader_ids, day)
        if leader is None and m.ntoks >= 2:
            leader = best_leader(gaz, [p.id for p in gaz.by_name(m.text)], day)
        if leader is None and m.ntoks == 2:
            leader = best_leader(gaz, [p.id for p in gaz.by_name(" ".join(m.text.split()[::-1]))], day)
        if leader is None and m.ntoks >= 2 and day is not None:
            same = [p for p in gaz.by_short_name(m.text.split()[-1], day, in_office=True)
                    if middle_name_variant(m.text, p.name) or (m.ntoks >= 3 and self.compatible_full(m.text, p.name)
                                                               and set(fold(m.text).split()) <= set(fold(p.name).split()))]
            if len({p.id for p in same}) == 1:
                leader = same[0]
        if leader is None and self.r.variants is not None:  # "Abdul Qadir bin Saleh" for "Abdelkader Bensalah"
            leader = self.r.variants.leader(m.text, day)
            if leader is not None and m.country and leader.country and leader.country != m.country:
                leader = None  # "Vietnamese President Luong Cuong" is not Hong Kong's "Leung Chun-ying"
        return leader

    def compatible_full(self, a: str, b: str) -> bool:
        """Two full names of one person: same surname, and given names that agree where both have them."""
        ta, tb = fold(a).split(), fold(b).split()
        if not ta or not tb or ta[-1] != tb[-1]:
            return False
        particles = self.words["particles"]
        la, lb = [t for t in ta[:-1] if t not in particles], [t for t in tb[:-1] if t not in particles]
        ga, gb = set(la), set(lb)
        if not ga or not gb:
            return True
        if len(la) >= 2 and len(lb) >= 2:  # chains of names ("Meshal Al-Ahmad Al-Jaber Al-Sabah" / "Ahmad
            return la[0] == lb[0] or la[0][0] == lb[0][0] and min(len(la[0]), len(lb[0])) == 1  # Abdullah Al-Sabah")
        return bool(ga & gb) or any(x[0] == y[0] for x in ga for y in gb)

    # ------------------------------------------------------------------ 2. single names
    def add_single_names(self, pending: list[NameMention]) -> None:
        for c in self.clusters.values():
            for k in c.surnames():
                self.surname_index[k].append(c)
            for f in c.known_names():
                toks = fold(f).split()
                for tok in toks[1:-1] if len(toks) >= 3 else []:
                    if tok not in self.words["particles"] and len(tok) > 2:
                        self.inner_index[tok].append(c)
        for m in sorted(pending, key=lambda m: m.start):
            chosen = self.regnal_name(m) or self.host_of_single(m)
            if chosen is None and m.source == "surname":
                continue
            chosen = chosen or self.cluster("name:" + fold(m.text))
            chosen.names.append(m)
            self.index_surnames(chosen, m)

    def index_surnames(self, c: Cluster, m: NameMention) -> None:
        for k in surname_keys(m.text) | c.surnames():
            if c not in self.surname_index[k]:
                self.surname_index[k].append(c)

    def holds_title(self, c: Cluster, role: str) -> bool:
        """Does the person carry that title, in the text or (on the day) in the gazetteer?"""
        titles = {n.role for n in c.names if n.role} | ({c.role(self.day)} - {None})
        return any(self.same_role(role, r) for r in titles)

    def regnal_name(self, m: NameMention) -> Cluster | None:
        """"King Salman" is the king of that name, not "Crown Prince Mohammed bin Salman" of the document."""
        if not (m.source == "title" and (m.role or "") in self.words["regnal_roles"] and self.day is not None):
            return None
        known = [p for p in self.gaz.by_short_name(m.text, self.day, in_office=True)
                 if any(term.title and self.same_role(m.role, term.title) for term in p.terms_at(self.day))]
        return self.for_leader(known[0]) if len({p.id for p in known}) == 1 else None

    def host_of_single(self, m: NameMention) -> Cluster | None:
        """The person a single name joins: of the document by surname, middle name or given name, else
        the gazetteer's, else a person of the document whose long surname it misspells."""
        key = fold(m.text)
        keys = {key}
        toks = key.split()
        if len(toks) == 2 and toks[0] in self.words["particles"]:
            keys.add(toks[1])
        hosts = {id(c): c for k in keys for c in self.surname_index.get(k, [])}
        if not hosts:
            hosts = {id(c): c for k in keys for c in self.inner_index.get(k, [])}
        if not hosts and m.source in ("title", "ner", "surname"):
            # a given name alone: "PM Shehbaz" for Shehbaz Sharif, "Anwar" for Anwar Ibrahim, "Trump and Nawaz"
            # (after a title, the nearest such person; else the only one)
            given = {id(c): c for c in self.clusters.values() if any(fold(f).split()[:1] == [key]
                                                                    for f in c.known_names())}
            if m.source == "title" or len(given) == 1:
                hosts = given
        if len(hosts) > 1 and m.role:  # "President Trump" is not "Advisor Ivanka Trump", however near
            fitting = {k: c for k, c in hosts.items() if self.holds_title(c, m.role)}
            hosts = fitting or hosts
        if hosts:
            return _nearest(list(hosts.values()), m.start)
        chosen = self.gazetteer_holder(m)
        if chosen is None and m.source in ("ner", "title") and len(key) >= 5:
            near = [c for c in self.clusters.values() for k in c.surnames()
                    if len(k) >= 5 and k[0] == key[0] and damerau(k, key) <= 2]
            if len({id(c) for c in near}) == 1:
                chosen = near[0]
        return chosen

    def gazetteer_holder(self, m: NameMention) -> Cluster | None:
        """The gazetteer's person of that short name: in office, else recently in a top office, else (named
        by a title or the model) ever."""
        gaz, day = self.gaz, self.day
        leaders = gaz.by_short_name(m.text, day, in_office=True)
        if not leaders:
            leaders = gaz.by_short_name(m.text, day, recent_years=self.r.recent_years, offices=self.r.top_offices)
        if not leaders and m.source in ("title", "ner"):
            leaders = gaz.by_short_name(m.text, day, in_office=False)
        if m.country:
            leaders = [p for p in leaders if p.country == m.country]
        if m.role and m.role not in self.words["generic_roles"]:  # "Senator Mitchell" is no foreign minister
            leaders = [p for p in leaders if any(t.title and self.same_role(m.role, t.title) for t in p.terms)]
        leader = best_leader(gaz, [p.id for p in leaders], day) if leaders else None
        return self.for_leader(leader) if leader is not None else None

    # ------------------------------------------------------------------ 3. titles
    def add_titles(self, titles: list[TitleMention], home: str | None) -> None:
        bare: dict[str, Cluster] = {}  # role -> whom the last bare "the <role>" stood for
        for t in sorted(titles, key=lambda t: t.start):
            if t.plural:
                continue
            pool = [c for c in self.clusters.values() if c.names]
            if home and t.country is None and t.definite:
                # in a government's own release, "The Prime Minister" is its own (others get a country)
                pool = [c for c in pool if c.country() == home]
            is_bare = t.definite and t.country is None and not t.counterpart and t.role is not None
            if is_bare and t.role in bare and bare[t.role] in pool:
                # "the Prime Minister" keeps standing for one person through a text, even after other prime
                # ministers are named ("calls from Prime Minister Key of New Zealand, ...")
                target = bare[t.role]
            else:
                target = self.resolve_title(t, pool)
            if is_bare and target is not None:
                bare[t.role] = target
            # "the President" (capitalised: the office, not any president) in a government's release
            country = t.country or (home if t.definite and t.text.split()[-1][:1].isupper() else None)
            if target is None and country and not t.counterpart and t.definite:
                target = self.office_holder(t, country)
            if target is None and t.counterpart and t.country:
                target = self.counterpart_from_gazetteer(t)
            if target is not None:
                target.titles.append(t)

    def resolve_title(self, t: TitleMention, pool: list[Cluster]) -> Cluster | None:
        if t.counterpart:
            if not t.country:
                return None
            same = [c for c in pool if c.country() == t.country]
            # the counterpart holds the office of the person whose counterpart it is ("Jaishankar and his
            # Chinese counterpart": a foreign minister, not Xi)
            others = [c for c in pool if c.country() and c.country() != t.country
                      and any(p < t.start for p in c.positions())]
            owner = _nearest(others, t.start) if others else None
            office = self.main_office(owner) if owner is not None else None
            if office is not None:
                same = [c for c in same if self.main_office(c) == office]
            return _nearest(same, t.start) if same else None
        pool = self.not_own_subject(t, [c for c in pool if self.role_matches(c, t)])
        if t.country:
            pool = [c for c in pool if c.country() == t.country]
        elif not t.definite:
            return None
        elif len(pool) > 1:
            pool = self.previous_subject(t, pool) or self.unqualified(t, pool) or pool
        return _nearest(pool, t.start) if pool else None

    def office_holder(self, t: TitleMention, country: str) -> Cluster | None:
        """"The Prime Minister" in a release from 10 Downing Street: the holder of that office, whose own
        title agrees ("the President" is no queen)."""
        if not set(t.offices) & {"head_of_state", "head_of_government", "foreign_minister", "leader"}:
            return None
        day = self.day
        leaders = self.gaz.holders(country, t.offices, day) if day is not None else []
        if t.role and t.role not in self.words["generic_roles"] and t.role != "leader":
            leaders = [p for p in leaders if any(term.title and self.same_role(t.role, term.title)
                                                 for term in p.terms_at(day))]
        return self.for_leader(leaders[0]) if len(leaders) == 1 else None

    def previous_subject(self, t: TitleMention, pool: list[Cluster]) -> list[Cluster]:
        """A title that is the subject of its sentence ("The President will be accompanied by ...")
        continues the subject of the sentence before ("President X will depart for Paris at the invitation
        of President Y"), not the person named last."""
        doc = self.doc
        if _syntactic_role(doc[t.end - 1]) not in _SUBJECTS or doc[t.start].sent.start == 0:
            return []
        sent = doc[t.start].sent
        if any(tok.dep_ in _SUBJECTS for tok in doc[sent.start:t.start]):
            return []
        prev = doc[sent.start - 1].sent
        return [c for c in pool for m in c.names if prev.start <= m.start < prev.end
                and _syntactic_role(doc[m.end - 1]) in _SUBJECTS][:1]

    def not_own_subject(self, t: TitleMention, pool: list[Cluster]) -> list[Cluster]:
        """"Kovind will meet the visiting president": a title that is the object of a verb is not that verb's
        subject (when someone else holds the title)."""
        tok = self.doc[t.end - 1]
        if len(pool) < 2 or tok.dep_ not in ("dobj", "pobj", "dative"):
            return pool
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        own = {x.i for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for x in s.subtree}
        rest = [c for c in pool if not any(m.start in own or m.end - 1 in own for m in c.names)]
        return rest or pool

    def unqualified(self, t: TitleMention, pool: list[Cluster]) -> list[Cluster]:
        """"the Prime Minister" of a text that names "Prime Minister X" bare and "Bangladesh Prime Minister
        Y": X, whom the writer names without a country (when one person alone is named so)."""
        role = (t.role or "").split()
        if not role or not set(t.offices) & _HEADS or not t.text.lower().startswith("the "):
            # (a leader's title, "the" written: deputies, ministers, "Alternate Prime Minister" vary too much)
            return []
        bare = [c for c in pool if any(m.anchor and fold(self.doc[m.anchor[0]:m.anchor[1]].text).split()[:len(role)] == role
                                       for m in c.names)]
        return bare if len(bare) == 1 else []

    def same_role(self, a: str, b: str) -> bool:
        """Do two titles name one office ("premier" and "prime minister")? Others must match exactly."""
        return a == b or any(a in group and b in group for group in self.same_role_groups)

    def role_matches(self, c: Cluster, t: TitleMention) -> bool:
        """Does person ``c`` hold the office a title names? Titles compare first, offices when no title."""
        day, generic = self.day, self.words["generic_roles"]
        offices = c.offices(day)
        if "leader" in t.offices:
            return bool(offices & _HEADS) or (c.role(day) or "") in self.words["leader_roles"]
        titles = {m.role for m in c.names if m.role and m.role not in generic}
        if c.leader is not None:
            titles |= {term.title for term in c.leader.terms_at(day) if term.title}
        if t.role is not None and titles:
            if t.role in generic:  # "the Secretary" for the Secretary of State, "the Minister"
                return any(r.startswith(t.role) or r.endswith(t.role) for r in titles)
            return any(self.same_role(t.role, r) for r in titles)
        return bool(set(t.offices) & offices)

    def main_office(self, c: Cluster) -> str | None:
        """A person's highest office (head of state or government as "leader", foreign minister)."""
        offices = c.offices(self.day)
        role = (c.role(self.day) or "").lower()
        if offices & _HEADS or role in self.words["leader_roles"]:
            return "leader"
        if "foreign_minister" in offices or "foreign" in role or role in ("secretary of state", "foreign secretary"):
            return "foreign_minister"
        return None

    def counterpart_from_gazetteer(self, t: TitleMention) -> Cluster | None:
        """"his Russian counterpart": the holder, in that country, of the office of the nearest other person."""
        day = self.day
        if day is None:
            return None
        before = [c for c in self.clusters.values() if c.country() and c.country() != t.country
                  and any(p < t.start for p in c.positions())]
        if not before:
            return None
        other = _nearest(before, t.start)
        offices = other.offices(day) & {"head_of_state", "head_of_government", "foreign_minister"}
        # the counterpart holds the same office; a president who also heads the government is matched
        # with the other country's president, and a title the text gives decides first
        title = other.role(day)
        leaders: list[Leader] = []
        for office in ("head_of_state", "head_of_government", "foreign_minister"):
            if office in offices:
                cands = self.gaz.holders(t.country, [office], day)
                leaders = [p for p in cands if any(term.title == title for term in p.terms_at(day))] or cands
                if leaders:
                    break
        return self.for_leader(leaders[0]) if len(leaders) == 1 else None

    # ------------------------------------------------------------------ 4. countries from context
    def possessor_countries(self, people: list[Cluster]) -> None:
        """"Faye's prime minister, Ousmane Sonko": Faye's country; "his spokesman X": the country of the
        one "his" stands for."""
        doc = self.doc
        at = {i: c for c in people for m in c.names for i in range(m.start, m.end)}
        for c in people:
            if c.country() is not None:
                continue
            for m in c.names:
                a = m.anchor[0] if m.anchor else None
                if a is not None and a >= 2 and doc[a - 1].text in ("'s", "’s") and (a - 2) in at \
                        and at[a - 2] is not c and at[a - 2].country():
                    c.borrowed_country = at[a - 2].country()
                    break
                if a is not None and a >= 1 and doc[a - 1].lower_ in ("his", "her"):
                    owner = _pronoun_owner(doc, a - 1, people, c)
                    if owner is not None:
                        c.borrowed_country = owner.country()
                        break

    def borrow_countries(self, people: list[Cluster]) -> None:
        """An official named without a country ("the Chief of Staff Laura Sarabia") travels with the
        nearest person of known country in the same sentence, else the previous one. Leaders do not: a
        prime minister next to a president is as likely to be their counterpart."""
        doc = self.doc
        # (cluster, start, last token) of every mention of a person whose country is known
        placed = [(p, m.start, m.end - 1) for p in people if p.country() for m in [*p.names, *p.titles]]
        for c in people:
            role = c.role(self.day)
            if c.country() or not role or role in self.words["leader_roles"] or not c.names:
                continue
            first = min(m.start for m in c.names)
            last = doc[min(m.end for m in c.names if m.start == first) - 1]
            if _syntactic_role(last) in _SUBJECTS:
                continue  # the subject of its clause: whoever else is named may well be the other side
            verb = last
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            if verb.lemma_ in self.words["met_verbs"]:
                continue  # "Barrack will meet Speaker Nabih Berri": the other side of a meeting
            sent = doc[first].sent
            # the subject of the sentence travels with its officials ("The Colombian president is travelling
            # with Foreign Minister X"); the object does not ("Harris will host President Kenyatta")
            near = [(abs(pos - first), p) for p, pos, end in placed if p is not c and sent.start <= pos < sent.end
                    and _syntactic_role(doc[end]) in (*_SUBJECTS, "poss")]
            if not near and sent.start > 0:
                prev = doc[sent.start - 1].sent
                near = [(abs(pos - first), p) for p, pos, end in placed if p is not c and prev.start <= pos < prev.end
                        and _syntactic_role(doc[end]) in _SUBJECTS]
            if near:
                c.borrowed_country = min(near, key=lambda x: x[0])[1].country()

    def document_country(self, people: list[Cluster]) -> None:
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
            role = c.role(self.day)
            if not c.country() and role and role not in self.words["leader_roles"] and not c.is_author:
                c.borrowed_country = code


def _pronoun_owner(doc: Doc, i: int, people: list[Cluster], me: Cluster) -> Cluster | None:
    """Whom "his"/"her" at token ``i`` stands for: a person of known country named before it in the
    sentence (the subject first), else the subject of the previous sentence."""
    sent = doc[i].sent
    spans = [(m.start, m.end, p) for p in people if p is not me and p.country() for m in [*p.names, *p.titles]]
    before = sorted((s, e, p) for s, e, p in spans if sent.start <= s and e <= i)
    subjects = [p for s, e, p in before if _syntactic_role(doc[e - 1]) in _SUBJECTS]
    if subjects or before:
        return (subjects or [p for _, _, p in before])[-1]
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    subjects = [p for s, e, p in sorted(spans) if prev.start <= s < prev.end
                and _syntactic_role(doc[e - 1]) in _SUBJECTS]
    return subjects[-1] if subjects else None


def _syntactic_role(tok: Token) -> str:
    """The dependency role of the phrase a name token belongs to."""
    t = tok
    while t.dep_ in ("compound", "flat", "appos", "amod", "nmod") and t.head != t:
        t = t.head
    return t.dep_


def _nearest(pool: list[Cluster], pos: int) -> Cluster:
    """The person of ``pool`` last named before ``pos``, else first named after it."""
    def dist(c: Cluster) -> tuple[int, int]:
        before = [p for p in c.positions() if p <= pos]
        return (0, pos - max(before)) if before else (1, min(c.positions()) - pos)

    return min(pool, key=dist)
