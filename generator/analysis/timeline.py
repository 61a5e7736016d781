"""The timeline: dated events found in the sources' sentences, merged across sources.

Steps (:func:`find_events`):

1. every prose sentence of every article is run through :func:`resolve_dates` against the
   article's publication date (a quoted post is resolved against the date in its
   attribution line, "— Name (@handle) May 13, 2025"); "later that day" and "the previous
   day" resolve against the last day the article named before;
2. each date gets its own event: the clause the date expression attaches to (the verb
   phrase, trimmed of side clauses that do not hold it), or the noun phrase it dates when
   that clause is long; a weekday or "yesterday" inside it is shown resolved;
3. events of the same date whose wording or named entities overlap are merged, with all
   their sources and evidence;
4. events are ordered by date, then by first source and sentence.

Skipped: dates inside quotation marks (quoted speech is a statement, not a reported event),
sentences that are nothing but a date (captions, datelines) and spans that are durations.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from generator.analysis.dates import DateMention, resolve_dates
from generator.model import Evidence, Sentence, TimelineEvent

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.analysis.document import ArticleDoc

# Clause dependents dropped from an event unless they hold the date: they add a second
# statement ("…, which will serve as …", "…, and the renewed commitment reflects …").
SIDE_CLAUSES = {"advcl", "ccomp", "relcl", "parataxis"}
# A clause without its own subject ("arrived in Ankara to meet X on May 13", "including the
# March 2022 talks") is read with the clause it depends on.
DEPENDENT_CLAUSES = {"xcomp", "advcl", "acl", "prep", "pcomp", "amod"}
MAX_EVENT_TOKENS = 28
_QUOTES = [("“", "”"), ('"', '"'), ("‘", "’")]
_LEADING_JUNK = re.compile(r"^(?:[,;:–—-]\s*|(?:and|but|or|which|who|so)\s+)+", re.I)
# A place dateline before the lead: "Taipei, Taiwan — The festival …"
_PLACE_DATELINE = re.compile(r"^[A-Z][\w.'’]*(?:,?\s+[A-Z][\w.'’]*){0,5}\s+[-–—]\s+(?=[A-Z])")
# "later that day", "the same day": the day of the event the article just told
_ANAPHORIC = re.compile(r"\bthat\b|\bsame\b|\bin the day\b", re.I)
_WEEKDAY_OR_DAYWORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|tomorrow)\b", re.I
)


@dataclass(frozen=True)
class _Found:
    """One dated event in one sentence, before merging."""

    date: str
    end: str | None
    date_text: str
    event: str
    source: str
    sentence: Sentence
    inferred: bool
    keys: frozenset[str]  # content lemmas of the event, for merging
    entities: frozenset[str]  # named entities of the sentence, lower-cased
    focus: str  # lemma of the noun the date modifies ("summit" in "the summit next month")
    link: tuple[str, int] | None = None  # the sentence whose day "later that day" refers to
    direct: bool = True  # the date dates its clause, not a noun inside the clause's subject


def find_events(docs: list["ArticleDoc"]) -> tuple[TimelineEvent, ...]:
    """Dated events of every article, merged across sources and ordered by date.

    Args:
        docs: the parsed articles; each ``doc.article.published`` is the reference date
            for relative expressions (an article without one yields only absolute dates).

    Returns:
        One :class:`TimelineEvent` per distinct (date, event), with every source and the
        sentences that carry it; ``inferred`` when the date rests on a publication date
        taken from the set's context.
    """
    found = [item for doc in docs for item in _doc_events(doc)]
    order = {doc.source: i for i, doc in enumerate(docs)}
    groups = _merge(found)
    events = [_event(group, order) for group in groups]
    return tuple(sorted(events, key=lambda e: (e.date, e.end or "", order[e.sources[0]], e.evidence[0].sentence)))


# --------------------------------------------------------------------------- per article


def _doc_events(doc: "ArticleDoc") -> Iterable[_Found]:
    """The dated events of one article, sentence by sentence, keeping the last day named
    as the anchor of "later that day"."""
    article = doc.article
    from_context = article.published_basis == "set context"
    anchor: dt.date | None = None
    anchor_at: tuple[str, int] | None = None
    for sentence, span in doc.prose():
        block = doc.block_of(sentence)
        offset = sentence.start - block.start  # the sentence inside its block's text
        post_day = _post_date(block.attribution, article.published) if block.kind == "post" else None
        mentions = resolve_dates(sentence.text, post_day or article.published, span=span, anchor=anchor)
        if not mentions or _only_dates(sentence.text, mentions):
            continue
        # resolved without any reference: the date does not rest on the publication date
        absolute = {(m.start, m.value) for m in resolve_dates(sentence.text, None, span=span)}
        told = [
            m for m in mentions
            if not _in_quotes(block.text, offset + m.start, offset + m.end) and not _dateline(sentence.text, m)
        ]
        for mention in told:
            anaphoric = anchor is not None and _ANAPHORIC.search(mention.text) and mention.value == anchor.isoformat()
            yield _Found(
                date=mention.value,
                end=mention.end_value,
                date_text=mention.text,
                event=_describe(span, sentence, mention, mentions),
                source=article.id,
                sentence=sentence,
                inferred=from_context and post_day is None and (mention.start, mention.value) not in absolute,
                keys=_keys(span, sentence, mention),
                entities=frozenset(e.text.lower() for e in span.ents if e.label_ not in _NON_NAMES),
                focus=_focus(span, sentence, mention),
                link=anchor_at if anaphoric else None,
                direct=_dates_clause(span, sentence, mention),
            )
        days = [m for m in told if len(m.value) == 10]
        if days:
            anchor = dt.date.fromisoformat(days[-1].value)
            anchor_at = (article.id, sentence.index)


_NON_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


def _post_date(attribution: str | None, reference: dt.date | None) -> dt.date | None:
    """The date in a post's attribution line ("— Name (@handle) May 13, 2025"); a date
    without a year there takes the article's."""
    if not attribution:
        return None
    for mention in resolve_dates(attribution, reference):
        if len(mention.value) == 10:
            return dt.date.fromisoformat(mention.value)
    return None


_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .,'/-]*,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?[-–—:]")


def _dateline(text: str, mention: DateMention) -> bool:
    """The date of a wire dateline ("BRUSSELS, May 14 (Wire) — …"): the story's own date."""
    return bool(_DATELINE_BEFORE.match(text[: mention.start]) and _DATELINE_AFTER.match(text[mention.end:]))


def _only_dates(text: str, mentions: list[DateMention]) -> bool:
    """A sentence that is nothing but its dates ("Friday, July 21, 2017")."""
    rest = text
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end:]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


def _in_quotes(block: str, start: int, end: int) -> bool:
    """Whether ``block[start:end]`` lies inside quoted speech.

    The whole block (paragraph) is read, because a quotation often spans sentences.
    Straight double quotes pair up; a curly one is open when the last “ before the
    mention has no ” after it (a quote may run on to the paragraph's end); a single curly
    ‘ opens only at a word start, and ’ closes only when no letter follows (else it is an
    apostrophe).
    """
    before = block[:start]
    if before.count('"') % 2 == 1:
        return True
    if before.rfind("“") > before.rfind("”"):
        return True
    opening = max((m.start() for m in re.finditer(r"(?:^|(?<=[\s(\[—–-]))‘", before)), default=-1)
    if opening >= 0:
        closing = [m.start() for m in re.finditer(r"’(?![A-Za-z])", before) if m.start() > opening]
        if not closing and re.search(r"’(?![A-Za-z])", block[end:]):
            return True
    return False


# --------------------------------------------------------------------------- event wording


def _tokens(span: "Span", sentence: Sentence, mention: DateMention) -> list["Token"]:
    start, end = sentence.start + mention.start, sentence.start + mention.end
    return [t for t in span if start <= t.idx < end]


def _top(tokens: list["Token"]) -> "Token":
    """The token of a date expression nearest the root: where it attaches to the clause."""
    return min(tokens, key=lambda t: (len(list(t.ancestors)), t.i))


def _describe(span: "Span", sentence: Sentence, mention: DateMention, mentions: list[DateMention]) -> str:
    """The clause a date attaches to, trimmed; the sentence when no parse fits."""
    tokens = _tokens(span, sentence, mention)
    if not tokens:
        return _tidy(sentence.text, mention)
    date_ids = {t.i for t in tokens}
    other_dates = {t.i for m in mentions if m != mention for t in _tokens(span, sentence, m)}
    top = _top(tokens)
    if top.dep_ in ("poss", "npadvmod") and _awaited(top.head):
        # "ahead of next month's annual summit": the thing dated, which the clause only
        # looks towards ("In Tuesday's meeting, the minister reaffirmed …" keeps its verb)
        keep = _clause(top.head, date_ids, other_dates)
    else:
        verb = _governing_verb(top)
        keep = _clause(verb, date_ids, other_dates) | _shared_subject(verb)
    if len(keep) > MAX_EVENT_TOKENS:
        keep = _shorten(span.doc, keep, date_ids)
    if not keep:
        return _tidy(sentence.text, mention)
    text = _render(span, sorted(keep), _antecedents(span, keep))
    return _tidy(text, mention)


_TOWARDS = {"ahead", "before", "after", "until", "till", "toward", "towards", "advance", "prior", "for", "to"}


def _awaited(noun: "Token") -> bool:
    """A noun the clause points to in time ("ahead of the summit", "a precursor to it")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return False
    prep = noun.head
    word = prep.head.lower_ if prep.lower_ == "of" else prep.lower_
    return word in _TOWARDS


def _shared_subject(verb: "Token") -> set[int]:
    """"The hashtag took on a life of its own, and was used … by Thursday": a conjoined
    verb without a subject of its own reads with the subject of the verb it joins."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return set()
    for child in verb.head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return {t.i for t in child.subtree}
    return set()


# Dependents that can go when an event is too long: they add where, how or why, while the
# subject, the verb, its object and the date stay.
_OPTIONAL = ("prep", "advcl", "acl", "npadvmod", "appos", "conj", "advmod", "agent", "relcl", "cc", "punct")


def _shorten(doc: "Doc", keep: set[int], date_ids: set[int]) -> set[int]:
    """Drop the largest optional phrases that do not hold the date until the event fits."""
    keep = set(keep)
    roots = {i for i in keep if doc[i].head.i not in keep or doc[i].head.i == i}
    candidates = sorted(
        (doc[i] for i in keep if doc[i].dep_ in _OPTIONAL and doc[i].i not in date_ids),
        key=lambda t: (-len(list(t.subtree)), -t.i),
    )
    for token in candidates:
        if len(keep) <= MAX_EVENT_TOKENS:
            break
        ids = {t.i for t in token.subtree}
        if token.i in keep and not ids & date_ids and len(ids) < len(keep) - 3:
            keep -= ids
    # a token whose head went with a dropped phrase goes too ("Washington D.C.")
    orphans = {i for i in keep if i not in roots and doc[i].head.i not in keep}
    while orphans:
        keep -= orphans
        orphans = {i for i in keep if i not in roots and doc[i].head.i not in keep}
    return keep


def _antecedents(span: "Span", keep: set[int]) -> dict[int, str]:
    """"which launches June 28" → "the orbiter's last flight launches June 28": a relative
    pronoun that is the subject of a kept relative clause reads as the noun it stands for."""
    doc = span.doc
    subs: dict[int, str] = {}
    for i in keep:
        token = doc[i]
        clause = token.head
        if (
            token.tag_ in ("WDT", "WP")
            and token.dep_ in ("nsubj", "nsubjpass")
            and clause.dep_ == "relcl"
            and clause.head.i not in keep
        ):
            noun = clause.head
            subs[i] = doc[noun.left_edge.i : noun.i + 1].text
    return subs


def _governing_verb(token: "Token") -> "Token":
    """The verb a date attaches to; a clause without a subject of its own ("to meet X on
    May 13", "including the March 2022 talks") is read with the clause it depends on."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    while (
        (token.dep_ in DEPENDENT_CLAUSES or (token.dep_ == "relcl" and any(c.lower_ == "to" for c in token.children)))
        and token.head.i != token.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
    ):
        token = token.head
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
    return token


def _governing_noun(token: "Token") -> "Token | None":
    """The noun a date phrase modifies ("the G20 summit next month")."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return None
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ not in ("compound",):
            return node
    return None


def _clause(head: "Token", date_ids: set[int], other_dates: set[int]) -> set[int]:
    """The subtree of ``head`` without side clauses that do not hold the date."""
    keep: set[int] = set()

    def side(child: "Token", ids: set[int]) -> bool:
        if ids & date_ids:
            return False
        if child.dep_ in ("relcl", "parataxis"):
            return True
        if child.dep_ in SIDE_CLAUSES:
            return _detached(child)
        # a second clause joined by "and": a conjoined verb, and its "and"
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            return True
        if child.dep_ == "cc":
            return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not {t.i for t in c.subtree} & date_ids
                       for c in child.head.children)
        return False

    def visit(token: "Token") -> None:
        keep.add(token.i)
        for child in token.children:
            ids = {t.i for t in child.subtree}
            if side(child, ids):
                continue
            if token.i == head.i and (child.dep_ == "mark" or (child.tag_ == "WRB" and child.dep_ == "advmod")):
                continue  # "Although the initiative collapsed …": the clause alone
            if child.i in other_dates and child.dep_ in ("appos", "conj") and not ids & date_ids:
                continue  # "in 2002, 2005": the other year is its own event
            if child.dep_ == "conj" and all(t.pos_ in ("ADV", "PUNCT", "CCONJ") for t in child.subtree):
                continue  # "…, and more recently": a dangling adverb once its date is gone
            if ids & other_dates and not ids & date_ids and child.dep_ in ("prep", "npadvmod", "advmod", "appos"):
                continue  # another date's phrase belongs to that date's event
            visit(child)

    visit(head)
    # "in 2002, 2005" seen from 2005: drop the other year (and its comma), keep ours
    doc = head.doc
    drop = {i for i in keep if i in other_dates and not {t.i for t in doc[i].subtree} <= other_dates | date_ids}
    drop |= {t.i for i in drop for t in doc[i].children if t.dep_ in ("punct", "cc")}
    # "in 1997 and 1998" seen from 1997: the "and" of the year that went
    drop |= {t.i for t in doc[head.left_edge.i : head.right_edge.i + 1] if t.dep_ == "cc" and t.i in keep
             and t.head.i in date_ids and not any(c.dep_ == "conj" and c.i in keep for c in t.head.children)}
    return keep - drop


def _detached(child: "Token") -> bool:
    """A clause set off by a comma or a subordinator ("…, officials said", "when it …"),
    not a complement the verb needs ("caused a mass exodus to head for the station")."""
    if any(c.dep_ == "mark" or (c.tag_ == "WRB" and c.dep_ == "advmod") for c in child.children):
        return True
    if child.dep_ == "advcl" and _finite_with_subject(child):
        return True  # "…collapsed in mid-2023 after X, Turkey has since renewed …"
    doc = child.doc
    edge = child.left_edge.i
    if child.i > child.head.i:
        return edge > 0 and doc[edge - 1].is_punct
    after = child.right_edge.i + 1
    return after < len(doc) and doc[after].is_punct


def _finite_with_subject(verb: "Token") -> bool:
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children
    )
    return has_subject and finite


def _render(span: "Span", ids: list[int], subs: dict[int, str]) -> str:
    """The kept tokens as text, contiguous runs joined with their own spacing; ``subs``
    replaces single tokens (a relative pronoun by its antecedent)."""
    doc = span.doc
    parts: list[str] = []
    prev = None
    kept = set(ids)
    for i in ids:
        token = doc[i]
        if token.text in (",", ";") and (i - 1 not in kept or i + 1 not in kept):
            continue  # a comma left at the edge of a dropped clause
        if token.dep_ == "punct" and i - 1 not in kept and token.text not in ("“", "‘", "(", '"', "[", "—", "–"):
            continue  # punctuation whose phrase went ("… in Washington D.C." parsed as punct)
        if prev is not None and i != prev + 1:
            parts.append(" ")
        text = subs.get(i, token.text)
        parts.append(text + token.whitespace_ if i != ids[-1] else text)
        prev = i
    return "".join(parts)


def _tidy(text: str, mention: DateMention) -> str:
    """Trim stray punctuation and lead-in words, show a relative day resolved."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEADING_JUNK.sub("", text)
    text = _PLACE_DATELINE.sub("", text)
    text = text.strip(" ,;:–—-")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"([,;])(?:\s*[,;])+", r"\1", text)
    # unbalanced quotation marks left by trimming
    for open_q, close_q in (("“", "”"), ("(", ")")):
        if text.count(open_q) != text.count(close_q):
            text = text.replace(open_q, "").replace(close_q, "")
    text = re.sub(r"\(\s*\)", "", text)  # brackets whose date went to its own event
    text = re.sub(r"\s+(?:and|or|but)$", "", text)
    if text.count('"') % 2:
        text = text.replace('"', "")
    if _WEEKDAY_OR_DAYWORD.fullmatch(mention.text.split()[-1]) and len(mention.value) == 10:
        found = re.search(re.escape(mention.text) + r"(?:['’]s\b)?", text)
        if found and mention.value not in text:
            end = found.end()
            text = f"{text[:end]} ({mention.value}){text[end:]}"
    # trailing punctuation and the sentence's full stop (not the one of "U.S.")
    text = re.sub(r"(?:[\s,;:–—-]|(?<![A-Z])\.)+$", "", text).strip(" ,;:–—-")
    text = re.sub(r"\s{2,}", " ", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


# --------------------------------------------------------------------------- merging


# Words of attribution that any two news sentences share; they say nothing about the event.
_REPORTING = {"say", "tell", "add", "state", "accord", "note"}


def _dates_clause(span: "Span", sentence: Sentence, mention: DateMention) -> bool:
    """Whether the date attaches to its clause rather than to a noun in the clause's subject."""
    tokens = _tokens(span, sentence, mention)
    if not tokens:
        return False
    node = _top(tokens)
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return False
        node = node.head
    return True


def _keys(span: "Span", sentence: Sentence, mention: DateMention) -> frozenset[str]:
    """Content lemmas of the sentence (the event's words and its context), without dates."""
    date_ids = {t.i for t in _tokens(span, sentence, mention)}
    return frozenset(
        t.lemma_.lower().lstrip("#@")
        for t in span
        if t.i not in date_ids
        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
        and not t.is_stop
        and t.ent_type_ not in ("DATE", "TIME")
        and len(t.text) > 2
        and t.lemma_.lower() not in _REPORTING
    )


def _focus(span: "Span", sentence: Sentence, mention: DateMention) -> str:
    """The lemma of the noun a date phrase modifies, or ""."""
    tokens = _tokens(span, sentence, mention)
    if not tokens:
        return ""
    noun = _governing_noun(_top(tokens))
    return noun.lemma_.lower() if noun is not None else ""


def _similar(a: _Found, b: _Found) -> bool:
    """Same date and the same happening: shared names and words."""
    if (a.date, a.end) != (b.date, b.end):
        return False  # (so two different dates of one sentence stay two events)
    if a.link == (b.source, b.sentence.index) or b.link == (a.source, a.sentence.index):
        return True  # "later that day" continues the event it refers to
    if a.source == b.source and a.sentence.index == b.sentence.index:
        return True  # "on Sunday night (March 4)": two names of one day in one sentence
    if a.focus and a.focus == b.focus:
        return True
    shared = len(a.keys & b.keys) / max(1, min(len(a.keys), len(b.keys)))
    names = len(a.entities & b.entities)
    if len(a.date) == 10 and a.source != b.source:
        # a set reports one story: two sources on the same day with a word or a name in
        # common tell the same happening ("a ferry struck the wall on Saturday" /
        # "yesterday's collision … ferries turn sharply")
        return bool(a.keys & b.keys) or names >= 1
    if len(a.date) == 10:  # one day: the same actors on the same day is the same story
        return shared >= 0.2 or names >= 2 or (names >= 1 and shared >= 0.1)
    return shared >= 0.3 or (names >= 1 and shared >= 0.2)


def _merge(found: list[_Found]) -> list[list[_Found]]:
    """Group similar events (union–find over pairs; deterministic order)."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            if _similar(found[i], found[j]):
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[_Found]] = {}
    for i, item in enumerate(found):
        groups.setdefault(root(i), []).append(item)
    return [groups[k] for k in sorted(groups)]


def _words(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in STOP_WORDS}


def _central(group: list[_Found]) -> _Found:
    """The member that tells the merged event best: not one that refers back ("later that
    day"), one whose date dates its clause ("the proposal for talks on May 15 was made on
    Sunday" is no account of May 15), one that names the date in full ("on May 13, 2025"
    reports the event, "on Tuesday" often refers back to it), then the one whose wording
    shares the most with the others, then the first."""
    words = [_words(f.event) for f in group]
    scores = [sum(len(w & other) for j, other in enumerate(words) if j != i) for i, w in enumerate(words)]

    def rank(i: int) -> tuple:
        f = group[i]
        return (f.link is None, f.direct, any(c.isdigit() for c in f.date_text), scores[i], -i)

    return group[max(range(len(group)), key=rank)]


def _event(group: list[_Found], order: dict[str, int]) -> TimelineEvent:
    group = sorted(group, key=lambda f: (order.get(f.source, 99), f.sentence.index))
    first = _central(group)
    sources = tuple(dict.fromkeys(f.source for f in group))
    evidence = tuple(dict.fromkeys(Evidence(f.source, f.sentence.index, f.sentence.text) for f in group))
    return TimelineEvent(
        date=first.date,
        date_text=first.date_text,
        event=first.event,
        sources=sources,
        evidence=evidence,
        end=first.end,
        inferred=all(f.inferred for f in group),
    )
