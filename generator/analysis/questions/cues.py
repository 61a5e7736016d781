"""Hedge cues: the words with which a source marks a matter as unconfirmed, proposed,
expected or disputed ("reportedly", "is being considered", "no confirmation", "denied").

The cues are data (``lexicons/hedge_cues.txt``), compiled into one spaCy ``Matcher`` on
lower-cased lemmas; the companion word lists (``lexicons/hedge_event_terms.txt``) say what
counts as an event, a state or a claim. This module only loads the lexicon and finds cues;
wording a question from them is :mod:`generator.analysis.questions.wording`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.analysis.lexicons import read_lexicon, word_sections
from generator.errors import BriefingError

if TYPE_CHECKING:
    from spacy.tokens import Span, Token
    from spacy.vocab import Vocab

STATUSES = ("unconfirmed", "proposed", "expected", "disputed")
CHECKS = ("strong", "action", "event")
FRAMES = ("clause", "xcomp", "take", "move", "there", "content")
CUE_FILE = "hedge_cues.txt"
TERMS_FILE = "hedge_event_terms.txt"
_LEMMA_ATTR = "hedge_lemma"  # token extension: the lemma, lower-cased (spaCy keeps PROPN case)
_UPOS = {"NOUN", "VERB", "AUX", "ADJ", "ADV", "ADP", "PROPN"}


@dataclass(frozen=True)
class CueRule:
    """One line of ``hedge_cues.txt``."""

    status: str
    check: str
    frame: str
    pattern: str
    line: int


@dataclass(frozen=True)
class Cue:
    """A cue found in a sentence: its tokens (doc offsets), its rule and its key token.

    ``key`` is the token of the match closest to the root of the parse: the verb of
    "is being considered", the noun of "no confirmation", the adverb "reportedly".
    """

    start: int
    end: int
    text: str
    rule: CueRule
    key: int

    @property
    def status(self) -> str:
        return self.rule.status


@dataclass(frozen=True)
class HedgeLexicon:
    """The cue rules and word lists, as loaded from the lexicon files."""

    rules: tuple[CueRule, ...]
    event_nouns: frozenset[str]
    event_verbs: frozenset[str]
    stative_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    titles: frozenset[str] = frozenset()
    # the question wording's words (see the header of hedge_event_terms.txt)
    clause_reporting_verbs: frozenset[str] = frozenset()
    belief_verbs: frozenset[str] = frozenset()
    disposition_nouns: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    # a future stated under these is on record, not open ("announced that X will …")
    settling_verbs: frozenset[str] = frozenset()
    # objects of "do" that make a pledge of effort, not an act ("will do its utmost")
    effort_objects: frozenset[str] = frozenset()
    aim_nouns: frozenset[str] = frozenset()  # "our priority is to …" names an aim


def parse_rules(text: str, name: str = CUE_FILE) -> tuple[CueRule, ...]:
    """Parse the lines of a cue file; a malformed line raises ``BriefingError`` naming it."""
    rules = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 3)
        if len(parts) < 4 or parts[0] not in STATUSES or parts[1] not in CHECKS or parts[2] not in FRAMES:
            raise BriefingError(
                f"line {number}: expected 'status check frame pattern' with status in {STATUSES}, "
                f"check in {CHECKS}, frame in {FRAMES}, but received: {raw!r}",
                f"lexicons/{name}",
            )
        rules.append(CueRule(parts[0], parts[1], parts[2], parts[3], number))
    return tuple(rules)


@lru_cache(maxsize=1)
def load_lexicon() -> HedgeLexicon:
    """The packaged lexicon (read once per process; the files never change at run time)."""
    sections = word_sections(read_lexicon(TERMS_FILE))
    return HedgeLexicon(
        rules=parse_rules(read_lexicon(CUE_FILE)),
        event_nouns=sections.get("event_nouns", frozenset()),
        event_verbs=sections.get("event_verbs", frozenset()),
        stative_verbs=sections.get("stative_verbs", frozenset()),
        claim_nouns=sections.get("claim_nouns", frozenset()),
        titles=sections.get("titles", frozenset()),
        clause_reporting_verbs=sections.get("clause_reporting_verbs", frozenset()),
        belief_verbs=sections.get("belief_verbs", frozenset()),
        disposition_nouns=sections.get("disposition_nouns", frozenset()),
        light_verbs=sections.get("light_verbs", frozenset()),
        settling_verbs=sections.get("settling_verbs", frozenset()),
        effort_objects=sections.get("effort_objects", frozenset()),
        aim_nouns=sections.get("aim_nouns", frozenset()),
    )


def token_pattern(pattern: str) -> list[dict]:
    """Turn the mini-syntax of a cue pattern into a spaCy ``Matcher`` pattern.

    ``word`` → lemma, ``=word`` → lower-cased surface, ``a|b`` → either, ``word?`` →
    optional, ``*`` → one optional token, ``…/TAG`` → also the universal POS or fine tag.
    """
    spec: list[dict] = []
    for part in pattern.split():
        if part == "*":
            spec.append({"OP": "?"})
            continue
        token: dict = {}
        if part.endswith("?"):
            token["OP"] = "?"
            part = part[:-1]
        if "/" in part:
            part, tag = part.split("/", 1)
            token["POS" if tag in _UPOS else "TAG"] = tag
        if part.startswith("="):
            token["LOWER"] = {"IN": part[1:].split("|")}
        else:
            token["_"] = {_LEMMA_ATTR: {"IN": part.split("|")}}
        spec.append(token)
    return spec


def _ensure_extension() -> None:
    from spacy.tokens import Token

    if not Token.has_extension(_LEMMA_ATTR):
        Token.set_extension(_LEMMA_ATTR, getter=lambda t: t.lemma_.lower())


def _lemma_forms(word: str) -> list[str]:
    """The lemmas whose lower case is ``word``, as a lemmatizer writes them: lower case, a
    capital first letter (a proper-noun reading keeps the case of the text), or all capitals."""
    if word != word.lower():
        return []  # the lower-cased lemma never equals it
    forms = {word, word.capitalize(), word.title(), word.upper()}
    return sorted(f for f in forms if f.lower() == word)


def _fast_pattern(spec: list[dict]) -> list[dict]:
    """``spec`` with the lower-cased-lemma test as spaCy's own ``LEMMA`` test over the forms of
    :func:`_lemma_forms`: a custom attribute costs a Python call per token and predicate."""
    out = []
    for token in spec:
        token = dict(token)
        words = token.pop("_", {}).get(_LEMMA_ATTR, {}).get("IN")
        if words is not None:
            token["LEMMA"] = {"IN": [f for w in words for f in _lemma_forms(w)]}
        out.append(token)
    return out


def _required(spec: list[dict]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The words a match of ``spec`` must contain: per non-optional token, which attribute
    ("lemma" lower-cased, or "lower") and the words it accepts."""
    need = []
    for token in spec:
        if token.get("OP") == "?":
            continue
        if "LOWER" in token:
            need.append(("lower", frozenset(token["LOWER"]["IN"])))
        elif "_" in token:
            need.append(("lemma", frozenset(token["_"][_LEMMA_ATTR]["IN"])))
    return tuple(need)


class CueMatcher:
    """The cue rules, each as its own pair of spaCy matchers, run only where its words are.

    Most sentences hold no word some rule needs, and are skipped; in the others only the rules
    whose every required word is present run (one matcher over all 100-odd rules cost a pass
    per rule over every such sentence). A rule's fast matcher tests spaCy's ``LEMMA`` against
    the usual case forms of each cue word, unless a token's lemma has another case
    ("mIxEd"), when its matcher on the lower-cased lemma (a token extension, much slower)
    decides. Both give the same matches as one matcher on lower-cased lemmas would.
    """

    def __init__(self, vocab: "Vocab", lexicon: HedgeLexicon):
        _ensure_extension()
        self.vocab = vocab
        self.specs = [token_pattern(rule.pattern) for rule in lexicon.rules]
        self.needs = [_required(spec) for spec in self.specs]
        self._fast: dict[int, object] = {}
        self._exact: dict[int, object] = {}

    def _matcher(self, i: int, plain: bool):
        from spacy.matcher import Matcher

        cache = self._fast if plain else self._exact
        if i not in cache:  # built on first use: most rules never meet a sentence they need
            matcher = Matcher(self.vocab)
            matcher.add(f"hedge{i}", [_fast_pattern(self.specs[i]) if plain else self.specs[i]])
            cache[i] = matcher
        return cache[i]

    def __call__(self, span: "Span") -> list[tuple[int, int, int]]:
        """The matches in ``span``, as ``Matcher.__call__`` gives them: (match id, start, end)."""
        lowers, lemmas, plain = set(), set(), True
        for t in span:
            lemma = t.lemma_
            lowered = lemma.lower()
            plain = plain and lemma in (lowered, lowered.capitalize(), lowered.title(), lowered.upper())
            lowers.add(t.lower_)
            lemmas.add(lowered)
        seen = {"lower": lowers, "lemma": lemmas}
        found = []
        for i, need in enumerate(self.needs):
            if all(not seen[attr].isdisjoint(words) for attr, words in need):
                found.extend(self._matcher(i, plain)(span))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


@lru_cache(maxsize=4)
def build_matcher(vocab: "Vocab", lexicon: HedgeLexicon) -> CueMatcher:
    """One matcher for every cue rule; the match id is the rule's position. Kept per process
    (the vocabulary and the packaged lexicon do not change within a run)."""
    return CueMatcher(vocab, lexicon)


def depth(token: "Token") -> int:
    """Number of arcs from ``token`` up to the root of its sentence."""
    n = 0
    while token.head.i != token.i:
        token = token.head
        n += 1
    return n


def find_cues(span: "Span", matcher: CueMatcher, lexicon: HedgeLexicon) -> list[Cue]:
    """Every cue in ``span``, longest first where two overlap, in sentence order.

    Where cues overlap, the longer one wins ("could not be confirmed" over "could"), then the
    earlier lexicon line.
    """
    doc = span.doc
    found = []
    for match_id, start, end in matcher(span):
        rule = lexicon.rules[int(doc.vocab.strings[match_id][len("hedge"):])]
        found.append((start + span.start, end + span.start, rule))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[2].line, m[0]))
    taken: set[int] = set()
    cues = []
    for start, end, rule in found:
        if taken & set(range(start, end)):
            continue
        taken.update(range(start, end))
        words = doc[start:end]
        key = min(words, key=lambda t: (depth(t), t.i))
        cues.append(Cue(start, end, words.text, rule, key.i))
    return sorted(cues, key=lambda c: c.start)
