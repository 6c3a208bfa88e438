"""The name filter: the one place that decides which names, functions and contacts may leave.

Every export (through the registry in ``workshop.exports``) and the projected slides see
the workshop through ``filtered_snapshot``: a snapshot in which the people who must not be
named carry their pseudonym as their name and no function, and every free text has their
names replaced. Who must not be named:

- pseudonymised (the « Pseudonymiser » box, ``--pseudonymise``, names hidden on the
  projector): every participant, and the facilitator, shown as « l’équipe d’animation » /
  "the facilitation team" in the cover, the signature block and the metadata (neutral:
  « l’animatrice » would tell the facilitator's gender, a clue in a small company);
- otherwise: the participants who refused to be named (``may_be_named = 0``).

Matching works on folded text (``textfmt.fold_with_map``: accents, case, ’/', hyphens,
invisible bidi marks) on word boundaries, and cuts the match out of the original text.
For each hidden person it knows the full name (either order, with or without a civility
or an initial: « Mme Gauthier », « S. Gauthier »), every word of it and every part of a
hyphenated or apostrophised word (« Nguyễn », « O’Brien »), name particles excepted.

Common words. A single word that is also a common word (« Rose », « Claire », « Pierre »,
« Petit »; ``COMMON_WORDS``) or has two letters or fewer is replaced only when it is
capitalised and not at the start of a sentence: « une règle claire » and « Claire et
précise, la règle… » are left alone, « voir avec Claire » is replaced. A full name is
always replaced. ``suspects`` lists what is left capitalised at a sentence start, so the
facilitator can review it before a pseudonymised export.

Charter text (clause, variant and amendment wording) is never touched in a normal export;
in a pseudonymised one, names are replaced there too (same common-word rule), but not
functions: a charter legitimately names roles (« le délégué syndical »). Functions of
hidden people are replaced in free texts (remarks, notes, reasons, actions, audit).
In a pseudonymised export e-mail addresses and phone numbers in any text are masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from workshop.snapshot import (
    Action,
    Amendment,
    Ballot,
    Clause,
    Participant,
    Remark,
    Snapshot,
    Variant,
)
from workshop.textfmt import fold, fold_with_map, original_span

# First names and surnames that are also everyday words (French and English), folded.
COMMON_WORDS = frozenset(
    """
    rose claire pierre olive ambre aurore blanche prudence constance patience victoire
    fleur flore reine ange marin perle jade capucine violette iris lys clemence esperance
    grace hope faith joy will mark bill may june april august dawn summer frank grant sunny
    ray guy pat sue rob art page lance chase drew miles mercedes dominique france
    petit grand blanc noir roux brun martin boulanger boucher charpentier meunier marchand
    fontaine roy berger mercier renard lion loup marais riviere bois normand breton laporte
    lacroix barbier gros chevalier carre roche pape masse vigne poirier leger sage bon
    smith baker cook white black brown green young king wood hill bell long stone little
    park rich
    """.split()
)
# Words of a name that are not a name on their own.
PARTICLES = frozenset(
    "de du des d le la les l van von der den da di del della dos das do el al ben bin ibn "
    "bint mc st y e et ter ten".split()
)
_SEP = r"[\s'\-.]*"  # between the words of a name: space, hyphen, apostrophe, nothing
_CIVILITY = r"(?:(?:m\.|mme\.?|mlle\.?|mr\.?|mrs\.?|ms\.?|dr\.?|pr\.?|me\.?)\s+|[^\W\d_]\.\s*)"
_STRIP = re.compile(r"[\s'\-.]")
_SENTENCE_START = re.compile(r"(?:^|[.!?…\n])[\s«“\"'(\[\u00a0\u202f]*\Z")
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)\d{1,3}[\s.\-]?(?:\(0\)[\s.\-]?)?\d(?:[\s.\-]?\d){6,11}"
    r"|0[1-9](?:[\s.\-]?\d{2}){4})(?!\d)"
)
TEAM = {"fr": "l’équipe d’animation", "en": "the facilitation team"}
WITHHELD = {"fr": "[nom masqué]", "en": "[name withheld]"}
FUNCTION_WITHHELD = {"fr": "[fonction masquée]", "en": "[function withheld]"}
MASKED_EMAIL = {"fr": "[e-mail masqué]", "en": "[e-mail withheld]"}
MASKED_PHONE = {"fr": "[téléphone masqué]", "en": "[phone withheld]"}


def _key(folded: str) -> str:
    return _STRIP.sub("", folded)


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", fold(name).strip()) if w]


def _parts(word: str) -> list[str]:
    """« nguyen-o'brien » → nguyen, o'brien, o, brien: each may be written alone."""
    by_hyphen = [p for p in word.split("-") if p]
    return by_hyphen + [p for p in re.split(r"['\-]", word) if p]


def _phrase_pattern(folded: str) -> str:
    pieces = [re.escape(p) for p in re.split(r"[\s'\-.]+", folded) if p]
    return _SEP.join(pieces)


@dataclass
class _Entry:
    """What a folded name key stands for: who carries it, and whether it is weak."""

    phrase: str
    weak: bool
    owners: set[str]  # replacement texts of the hidden people who carry it
    visible: bool = False  # a visible person carries it as their full name


@dataclass(frozen=True)
class Suspect:
    """A free text that may still name someone: where, what kind, and an excerpt."""

    where: str
    kind: str  # email | phone | adjacent | pair | initial
    excerpt: str

    def line(self, lang: str = "fr") -> str:
        kinds = {
            "email": ("adresse e-mail (masquée)", "e-mail address (masked)"),
            "phone": ("numéro de téléphone (masqué)", "phone number (masked)"),
            "adjacent": ("mot en capitale à côté d’un nom", "capitalised word next to a name"),
            "pair": ("deux mots en capitale (un nom ?)", "two capitalised words (a name?)"),
            "initial": ("prénom en début de phrase", "first name starting a sentence"),
        }
        fr, en = kinds[self.kind]
        if lang == "en":
            return f"{self.where}: {en}: « {self.excerpt} »"
        return f"{self.where} : {fr} : « {self.excerpt} »"


class NameFilter:
    """Replaces the names (and functions) of the people who must not be named in a text."""

    def __init__(
        self,
        participants: Iterable[Participant],
        facilitator: str,
        *,
        pseudonymise: bool,
        lang: str,
    ) -> None:
        self.pseudonymise = pseudonymise
        self.lang = "en" if lang == "en" else "fr"
        self.team = TEAM[self.lang]
        self.entries: dict[str, _Entry] = {}
        self.functions: dict[str, set[str]] = {}
        people = list(participants)
        self.hidden_ids = {p.id for p in people if pseudonymise or not p.may_be_named}
        for p in people:
            if p.id in self.hidden_ids:
                if fold(p.name).strip() != fold(p.pseudonym).strip():  # else erased already
                    self._add_person(p.name, p.pseudonym)
                function = fold(p.function).strip()
                if len(_key(function)) >= 3:
                    self.functions.setdefault(function, set()).add(p.pseudonym)
            else:
                full = " ".join(_words(p.name))
                if full:
                    self._entry(full, False).visible = True
        participant_names = {_key(" ".join(_words(p.name))) for p in people}
        facilitator_name = " ".join(_words(facilitator))
        if pseudonymise and _key(facilitator_name) not in participant_names:
            # a facilitator who is also a participant is known by their pseudonym
            self._add_person(facilitator, self.team)
        elif not pseudonymise and facilitator_name:
            self._entry(facilitator_name, False).visible = True  # « Claire » is not theirs
        self._pattern = self._compile(
            {k: e for k, e in self.entries.items() if e.owners}, with_civility=True
        )
        self._function_pattern = self._compile_functions()
        self._function_owners = {_key(f): who for f, who in self.functions.items()}
        # Texts already made safe (a cached filter outlives one export: bounded)
        self._free_done: _Memo = _Memo()
        self._charter_done: _Memo = _Memo()

    # -- building -------------------------------------------------------------------------
    def _entry(self, phrase: str, weak: bool) -> _Entry:
        key = _key(phrase)
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = _Entry(phrase, weak, set())
        return entry

    def _add_person(self, name: str, replacement: str) -> None:
        words = _words(name)
        if not words:
            return
        full = " ".join(words)
        if len(words) > 1:
            self._entry(full, False).owners.add(replacement)
            # surname first (« Gauthier Sophie »), and every tail (« de la Fontaine »)
            self._entry(" ".join(words[1:] + words[:1]), False).owners.add(replacement)
            for i in range(1, len(words) - 1):
                tail = words[i:]
                if tail[0] not in PARTICLES:
                    self._entry(" ".join(tail), False).owners.add(replacement)
        singles = set(words)
        for word in words:
            singles.update(_parts(word))
        for single in singles:
            key = _key(single)
            if single in PARTICLES or key in PARTICLES or len(key) < 2:
                continue
            weak = len(key) <= 2 or key in COMMON_WORDS
            self._entry(single, weak).owners.add(replacement)

    def _compile(
        self, entries: dict[str, _Entry], *, with_civility: bool
    ) -> re.Pattern[str] | None:
        if not entries:
            return None
        phrases = sorted(
            {e.phrase for e in entries.values()} | self._visible_phrases(),
            key=lambda p: len(_key(p)),
            reverse=True,
        )
        body = "|".join(_phrase_pattern(p) for p in phrases)
        prefix = f"(?P<pre>{_CIVILITY})?" if with_civility else ""
        return re.compile(rf"(?<!\w){prefix}(?P<name>{body})(?!\w)")

    def _visible_phrases(self) -> set[str]:
        return {e.phrase for e in self.entries.values() if e.visible and not e.owners}

    def _compile_functions(self) -> re.Pattern[str] | None:
        if not self.functions:
            return None
        body = "|".join(_phrase_pattern(f) for f in sorted(self.functions, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    # -- using ----------------------------------------------------------------------------
    def _replacement(self, owners: set[str]) -> str:
        return next(iter(owners)) if len(owners) == 1 else WITHHELD[self.lang]

    def matches(self, text: str) -> Iterator[tuple[int, int, str | None]]:
        """(start, end, replacement) in ``text`` for each name found; None: left as is."""
        if self._pattern is None or not text:
            return
        folded, where = fold_with_map(text)
        for m in self._pattern.finditer(folded):
            entry = self.entries.get(_key(m.group("name")))
            if entry is None or not entry.owners:
                continue  # a visible person's full name: protected from partial matches
            start, end = original_span(text, where, m.start(), m.end())
            name_start = original_span(text, where, m.start("name"), m.end("name"))[0]
            if entry.weak and not m.group("pre"):
                first = text[name_start]
                if not first.isupper() or _SENTENCE_START.search(text[:name_start]):
                    yield start, end, None
                    continue
            if not m.group("pre"):
                start = name_start
            yield start, end, self._replacement(entry.owners)

    def names(self, text: str) -> str:
        """``text`` with the hidden people's names replaced by their pseudonyms."""
        out, last = [], 0
        for start, end, replacement in self.matches(text):
            if replacement is None:
                continue
            out += [text[last:start], replacement]
            last = end
        return "".join(out) + text[last:] if out else text

    def contacts(self, text: str) -> str:
        """E-mail addresses and phone numbers masked (pseudonymised exports only)."""
        if not self.pseudonymise or not text:
            return text
        text = EMAIL.sub(MASKED_EMAIL[self.lang], text)
        return PHONE.sub(MASKED_PHONE[self.lang], text)

    def functions_in(self, text: str) -> str:
        if self._function_pattern is None or not text:
            return text
        folded, where = fold_with_map(text)
        out, last = [], 0
        for m in self._function_pattern.finditer(folded):
            start, end = original_span(text, where, m.start(), m.end())
            owners = self._function_owners.get(_key(m.group(0)), set())
            label = next(iter(owners)) if len(owners) == 1 else FUNCTION_WITHHELD[self.lang]
            out += [text[last:start], label]
            last = end
        return "".join(out) + text[last:] if out else text

    def free(self, text: str) -> str:
        """A free text (remark, note, reason, action, audit line) made safe to print.

        Memoised: a workshop's audit lines and remarks repeat (« Vote enregistré… »), and
        every export filters them all.
        """
        done = self._free_done.get(text)
        if done is None:
            done = self._free_done[text] = self.functions_in(self.names(self.contacts(text)))
        return done

    def charter(self, text: str) -> str:
        """Charter wording: untouched unless pseudonymised, then names and contacts only."""
        if not self.pseudonymise:
            return text
        done = self._charter_done.get(text)
        if done is None:
            done = self._charter_done[text] = self.names(self.contacts(text))
        return done


class _Memo(dict[str, str]):
    """Text → filtered text, emptied when it grows past ``LIMIT`` entries (a filter is
    cached across exports and projector refreshes)."""

    LIMIT = 200_000

    def __setitem__(self, key: str, value: str) -> None:
        if len(self) >= self.LIMIT:
            self.clear()
        super().__setitem__(key, value)


@lru_cache(maxsize=8)
def _cached_filter(
    participants: tuple[Participant, ...], facilitator: str, pseudonymise: bool, lang: str
) -> NameFilter:
    return NameFilter(participants, facilitator, pseudonymise=pseudonymise, lang=lang)


def name_filter(snap: Snapshot, *, pseudonymise: bool, lang: str | None = None) -> NameFilter:
    """The filter for a snapshot (cached: the projector asks for it at every vote)."""
    w = snap.workshop
    return _cached_filter(snap.participants, w.facilitator, pseudonymise, lang or w.lang)


def filtered_snapshot(snap: Snapshot, *, pseudonymise: bool, lang: str | None = None) -> Snapshot:
    """``snap`` as it may be printed or projected: see the module's docstring."""
    f = name_filter(snap, pseudonymise=pseudonymise, lang=lang)
    free, charter = f.free, f.charter
    w = snap.workshop
    workshop = replace(
        w,
        title=free(w.title),
        place=free(w.place),
        facilitator=f.team if pseudonymise and w.facilitator.strip() else free(w.facilitator),
    )
    participants = tuple(
        replace(p, name=p.pseudonym, function="") if p.id in f.hidden_ids else p
        for p in snap.participants
    )

    def remark(r: Remark) -> Remark:
        return replace(r, text=free(r.text))

    def ballot(b: Ballot) -> Ballot:
        return replace(b, text=charter(b.text), remarks=tuple(remark(r) for r in b.remarks))

    def amendment(a: Amendment) -> Amendment:
        return replace(a, before=charter(a.before), after=charter(a.after), reason=free(a.reason))

    def variant(v: Variant) -> Variant:
        return replace(
            v,
            text=charter(v.text),
            rationale=charter(v.rationale),
            justification=charter(v.justification) if v.justification else v.justification,
        )

    def clause(c: Clause) -> Clause:
        return replace(
            c,
            title=charter(c.title),
            text=charter(c.text),
            note=free(c.note),
            variants=tuple(variant(v) for v in c.variants),
            amendments=tuple(amendment(a) for a in c.amendments),
            ballots=tuple(ballot(b) for b in c.ballots),
        )

    def action(a: Action) -> Action:
        return replace(
            a,
            title=free(a.title),
            description=free(a.description),
            audience=free(a.audience),
            owner=free(a.owner),
        )

    result = replace(
        snap,
        workshop=workshop,
        participants=participants,
        diagnostic=tuple(replace(d, note=free(d.note)) for d in snap.diagnostic),
        clauses=tuple(clause(c) for c in snap.clauses),
        actions=tuple(action(a) for a in snap.actions),
        # most audit lines name nobody: those events are shared, not copied
        audit=tuple(
            e if (summary := free(e.summary)) == e.summary else replace(e, summary=summary)
            for e in snap.audit
        ),
    )
    object.__setattr__(result, _MARK, (pseudonymise, f.lang))  # frozen, but has a __dict__
    return result


# -- review before a pseudonymised export --------------------------------------------------
_CAPITALISED = re.compile(r"(?<![\w'’])([^\W\d_][\w'’]*)")


def _free_texts(snap: Snapshot, lang: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every free text of the workshop, in reading order."""
    en = lang == "en"
    w = snap.workshop
    yield ("Title" if en else "Titre"), w.title
    yield ("Place" if en else "Lieu"), w.place
    for d in snap.diagnostic:
        yield (f"Diagnostic ({d.criterion})"), d.note
    for number, c in enumerate(snap.clauses, start=1):
        art = f"Clause {number}"
        yield f"{art} — note", c.note
        for a in c.amendments:
            yield (f"{art} — amendment" if en else f"{art} — amendement"), a.after
            yield (f"{art} — reason" if en else f"{art} — motif"), a.reason
        for b in c.ballots:
            for r in b.remarks:
                yield (f"{art} — remark" if en else f"{art} — remarque"), r.text
    for number, action in enumerate(snap.actions, start=1):
        label = f"Action {number}"
        yield label, action.title
        yield label, action.description
        yield (f"{label} — owner" if en else f"{label} — responsable"), action.owner


def _excerpt(text: str, start: int, end: int) -> str:
    left = max(0, start - 30)
    right = min(len(text), end + 30)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def suspects(snap: Snapshot, lang: str | None = None) -> list[Suspect]:
    """Free texts that may still name someone once pseudonymised: for the facilitator.

    E-mail addresses and phone numbers (they will be masked), a capitalised word next to a
    replaced name (« Jean » in « Jean Gauthier » when Jean is not Gauthier's first name), two
    capitalised words in a row that are no known name (« Marc Durand »), and a first name
    that is also a common word left at the start of a sentence (« Rose a demandé… »).
    """
    lang = lang or snap.workshop.lang
    f = name_filter(snap, pseudonymise=True, lang=lang)
    known = _known_words(snap)
    found: list[Suspect] = []
    for where, text in _free_texts(snap, lang):
        if not text or not text.strip():
            continue
        for pattern, kind in ((EMAIL, "email"), (PHONE, "phone")):
            for m in pattern.finditer(text):
                found.append(Suspect(where, kind, _excerpt(text, m.start(), m.end())))
        spans = []
        for start, end, replacement in f.matches(text):
            if replacement is None:
                if text[start].isupper():
                    found.append(Suspect(where, "initial", _excerpt(text, start, end)))
                continue
            spans.append((start, end))
            for word_start, word_end in _neighbours(text, start, end):
                word = text[word_start:word_end]
                if _is_name_like(word) and fold(word) not in known:
                    found.append(Suspect(where, "adjacent", _excerpt(text, start, end)))
                    break
        found += [
            Suspect(where, "pair", _excerpt(text, s, e))
            for s, e in _capitalised_pairs(text, spans, known)
        ]
    return found


def _known_words(snap: Snapshot) -> set[str]:
    words: set[str] = set()
    texts = [c.name for c in snap.colleges] + [snap.workshop.organisation]
    texts += [c.title for c in snap.clauses] + [c.theme_title for c in snap.clauses]
    texts += [p.pseudonym for p in snap.participants]
    for text in texts:
        words.update(fold(w) for w in _CAPITALISED.findall(text))
    return words


def _is_name_like(word: str) -> bool:
    """Capitalised, not an acronym (« CSE », « RH »)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and letters[0].isupper() and any(c.islower() for c in letters[1:])


def _neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found = []
    before = re.search(r"([^\W\d_][\w'’]*)[\s\-]+\Z", text[:start])
    if before and not _SENTENCE_START.search(text[: before.start(1)]):
        found.append(before.span(1))
    after = re.match(r"[\s\-]+([^\W\d_][\w'’]*)", text[end:])
    if after:
        found.append((end + after.start(1), end + after.end(1)))
    return found


def _capitalised_pairs(
    text: str, skip: list[tuple[int, int]], known: set[str]
) -> Iterator[tuple[int, int]]:
    words = [m for m in _CAPITALISED.finditer(text)]
    for a, b in zip(words, words[1:], strict=False):
        gap = text[a.end() : b.start()]
        if not re.fullmatch(r"[ \-\u00a0]+", gap):
            continue
        if not (_is_name_like(a.group(1)) and _is_name_like(b.group(1))):
            continue
        if any(s < b.end() and a.start() < e for s, e in skip):
            continue
        if fold(a.group(1)) in known and fold(b.group(1)) in known:
            continue
        yield a.start(), b.end()


_MARK = "_names_filtered"


def is_filtered(snap: Snapshot, *, pseudonymise: bool = False) -> bool:
    """True when ``snap`` went through the filter, in pseudonymised mode if asked."""
    mark = snap.__dict__.get(_MARK)
    return mark is not None and (mark[0] or not pseudonymise)


def ensure_filtered(snap: Snapshot, *, pseudonymise: bool, lang: str | None = None) -> Snapshot:
    """``snap`` filtered once: a writer called directly (not through the registry) is safe
    too, and a filtered snapshot is not filtered again (pseudonyms would be taken for
    names). A snapshot filtered for a normal export is pseudonymised on top when asked:
    its hidden people already carry their pseudonym and are skipped."""
    if is_filtered(snap, pseudonymise=pseudonymise):
        return snap
    return filtered_snapshot(snap, pseudonymise=pseudonymise, lang=lang)
