"""Collecting: every surface form the articles of a set give an actor, before merging.

One pass per article (:func:`collect_candidates`) reads spaCy's entities with their boundaries redrawn
(:mod:`.boundaries`) and the titles of the lexicon (:mod:`.titles`): each entity is cleaned
(edge punctuation, emoji, "the", possessive, a sentence-initial lower-case word), titles
are cut off its edges and kept as roles, and the cues of :mod:`.kinds` are noted. Social
handles and the attribution lines of embedded posts are kept for :mod:`.build`. A second
pass finds the repeated mentions the model missed: echoes of multi-word names and of
surnames, and "Ms X".
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate
from typing import TYPE_CHECKING, Iterator

from generator.analysis.actors.boundaries import no_mention, split_title_of, widen_names, with_particles
from generator.analysis.actors.candidates import ArticleScan, Candidate, Collected
from generator.analysis.actors.kinds import (
    after_place_noun,
    determined,
    group_noun,
    organisation_cue,
    plausible_name,
)
from generator.analysis.actors.names import clean_surface, fold
from generator.analysis.actors.titles import apposition, title_case, title_matcher, title_use
from generator.analysis.document import doc_index
from generator.analysis.labels import ACTOR_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from generator.analysis.actors.gazetteer import Gazetteer
    from generator.analysis.document import ArticleDoc

# Dependency labels of a name that *does* something (or owns something): a capital city in
# such a slot stands for its country ("Quito has long argued", "Quito's support").
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")
# "— Jane Doe (@UNSpokesperson) May 13, 2025": the line under an embedded post.
ATTRIBUTION = re.compile(r"[—–-]{1,2}\s*([^()\n@]{2,60}?)\s*\((@\w{2,30})\)")
# "Ms X said": a name after an honorific is a person's, tagged or not.
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+([A-Z][\w'’-]*[a-z][\w'’-]*)")
# A model number ("747", "A320"): a word after it that never comes without one names a product.
_MODEL_NUMBER = re.compile(r"^[A-Z]?\d{2,4}[A-Za-z]?$")
# Words as written, hyphenated compounds whole ("pan-democrat"), without possessives.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A run of word characters, and one that starts a word (not after a word character or "@"):
# where an echo of a name can begin, and the key the names are looked up by.
_LEAD = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<![\w@])\w+")


def collect_candidates(docs: list["ArticleDoc"], lex: Gazetteer) -> Collected:
    """Every surface form the articles of one set give an actor (see the module docstring)."""
    got = Collected()
    if docs:
        matcher = title_matcher(docs[0].doc.vocab, lex)
        got.words = _word_counts([adoc.doc for adoc in docs])
        for adoc in docs:
            _collect_article(adoc, matcher, lex, got)
        _collect_echoes(docs, lex, got)
    return got


def _subheads(adoc: "ArticleDoc") -> list[tuple[int, int]]:
    return [(b.start, b.start + len(b.text)) for b in adoc.article.blocks if b.kind == "subhead"]


def _collect_article(adoc: "ArticleDoc", matcher, lex: Gazetteer, got: Collected) -> None:
    """One pass over the entities, titles and handles of one article."""
    from spacy.util import filter_spans

    doc = adoc.doc
    titles = filter_spans(matcher(doc, as_spans=True))
    title_at = {i: span for span in titles for i in range(span.start, span.end)}
    scan = ArticleScan(adoc.source, lex, got, _subheads(adoc), title_at)
    # doc.ents is a property that walks the tokens: read it once
    ents = widen_names(with_particles(doc.ents, lex.name_particles), title_at, lex.governing_nouns)
    ents = split_title_of(ents, title_at, lex, got.words)
    scan.ent_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    for span in titles:
        title_use(span, scan)
    for ent in ents:
        after = scan.ent_at.get(ent.end)
        if len(ent) == 1 and after is not None and _given_name_before(after, after.start, title_at, lex):
            continue  # the given name of the next entity ("Tomas" of "Tomas Lima")
        if ent.label_ in ACTOR_LABELS and not no_mention(ent, lex):
            _entity(ent, scan)
    _collect_handles(adoc, scan)


def _collect_handles(adoc: "ArticleDoc", scan: ArticleScan) -> None:
    """Social handles in the text, and which name each post attribution gives its handle."""
    doc, got = adoc.doc, scan.got
    for match in HANDLE.finditer(doc.text):
        got.cands.append(Candidate(
            scan.source, match.start(), match.end(), match.group(), "HANDLE", scan.in_subhead(match.start())
        ))
    texts = [doc.text] + [b.attribution for b in adoc.article.blocks if b.attribution]
    for text in texts:
        for match in ATTRIBUTION.finditer(text):
            got.attributions.setdefault(match.group(2).casefold(), clean_surface(match.group(1)))
            got.handle_case.setdefault(match.group(2).casefold(), match.group(2))


def _entity(ent: "Span", scan: ArticleScan) -> None:
    """Turn one spaCy entity into candidate surface forms (cut titles, split possessives)."""
    title_at, lex, got = scan.title_at, scan.lex, scan.got
    start, end = ent.start, ent.end
    while start < end and start in title_at:  # leading titles: "President Sánchezz"
        start = title_at[start].end
    if start == ent.start and ent.label_ in {"PERSON", "ORG"}:
        start += _strip_leading_word(ent, got.words, lex)  # "Veteran Mara Holt" at a sentence start
    while end > start and (end - 1) in title_at:  # trailing: "the Water Board Spokesperson"
        end = title_at[end - 1].start
    if start >= end:
        return
    doc, split_label = ent.doc, None
    for i in range(start + 1, end - 1):  # "France’s Interior Ministry" → country + org
        if (doc[i].text in ("'s", "’s") or doc[i].text in ("'", "’") and doc[i].tag_ == "POS") and (
            doc[i - 1].lower_ not in lex.part_owners  # "the Women’s Team" is one name
        ):
            # "Acme’s Skyrunner", "Oakvale’s Tom Reyes": the owner and what it owns, two names
            owner = "GPE" if lex.country_of(doc[start:i].text, acting=True) else "ORG"
            _entity_part(doc[start:i], owner, ent, scan)
            start = i + 1
            rest = doc[start:end]
            if len(rest) >= 2 and all(t.is_title and t.is_alpha for t in rest) and fold(rest[-1].text) not in lex.heads:
                split_label = "PERSON"  # "Oakvale’s Tom Reyes": the owned name is a person's
            break
    label = split_label or ent.label_
    if start == ent.start and label in {"ORG", "NORP"}:
        start = _widen_left(ent, title_at)  # "the Free Democrats": the model took "Democrats"
    if _given_name_before(ent, start, title_at, lex):
        start, label = start - 1, "PERSON"  # "Tomas Lima": a name, not the capital
    _entity_part(doc[start:end], label, ent, scan)
    _defined_acronym(doc, start, end, got)


# "(ACR)", "(Acr)" right after a name: the short form the text defines for it.
_BRACKETED = re.compile(r"\s*\(\s*([^\W\d_][\w&.'’-]{1,11})\s*\)")


def _defined_acronym(doc: "Doc", start: int, end: int, got: Collected) -> None:
    """Note "Long Name (ACR)" (or a bracket the model took into the name) as a pair.

    An acronym in capitals, or one word whose first letter opens the long name too
    ("Liberty and Renewal (Libre)"), is the short form the text defines.
    """
    name = clean_surface(doc[start:end].text)
    raw = doc[start:end].text
    if not name or name not in raw:
        return
    tail = doc[start].idx + raw.find(name) + len(name)
    match = _BRACKETED.match(doc_index(doc).text, tail)
    if match is None:
        return
    short = match.group(1)
    upper = short.replace("&", "").replace(".", "").isupper() and len(short) >= 2
    if upper or (short[:1].isupper() and short[1:].islower() and short[0] == name[0] and " " in name):
        got.pairs.append((fold(name), fold(short)))


def _widen_left(ent: "Span", title_at: dict) -> int:
    """The start of a name whose capitalised first words the model left out of the entity.

    Only mid-sentence proper nouns bound to the name as compounds count: at the start of a
    sentence any word is capitalised.
    """
    doc, start = ent.doc, ent.start
    while start > 0:
        tok = doc[start - 1]
        if (
            tok.pos_ != "PROPN" or not tok.is_title or not tok.is_alpha or tok.ent_type_
            or tok.is_sent_start or tok.i in title_at or tok.dep_ != "compound"
            or not ent.start <= tok.head.i < ent.end
        ):
            break
        start -= 1
    return start


def _given_name_before(ent: "Span", start: int, title_at: dict, lex: Gazetteer) -> bool:
    """True for a one-word place name the model split off a person's name.

    A capitalised proper noun left out of every entity and bound to the place as a
    compound ("Tomas Lima") makes the two words one name: a city takes no given name.
    """
    if ent.label_ != "GPE" or len(ent) != 1 or start != ent.start or start == 0:
        return False
    if fold(ent.text) not in lex.capitals:
        return False  # only the capital rule misreads a surname; other places stay places
    prev = ent.doc[start - 1]
    # The model may tag the given name as a place of its own: one token, then the name.
    alone = not prev.ent_type_ or (
        prev.ent_type_ == "GPE" and prev.ent_iob_ == "B" and fold(prev.text) not in lex.capitals
    )
    return (
        prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha and alone
        and prev.dep_ == "compound" and prev.head.i == ent.root.i and prev.i not in title_at
        and prev.lower_ not in lex.heads and prev.lower_ not in lex.titles
        and lex.country(prev.text) is None and prev.lower_ not in lex.demonyms
    )


def _entity_part(span: "Span", label: str, ent: "Span", scan: ArticleScan) -> None:
    """Keep ``span`` (all or part of entity ``ent``) as a candidate with the cues around it."""
    lex, got, source = scan.lex, scan.got, scan.source
    raw = span.text
    text = clean_surface(raw)
    if not plausible_name(text, lex) or after_place_noun(span, lex):
        return
    if text not in raw:  # cleaning only trims edges, so this is a safeguard
        return
    offset = span.start_char + raw.find(text)
    root = ent.root
    acting = root.dep_ in ACTING_DEPS or (root.dep_ == "conj" and root.head.dep_ in ACTING_DEPS)
    noun = group_noun(root)
    role = scan.named.get(span.start)
    if label == "PERSON" and role is None and determined(span):
        label = "THING"  # "the Orbital Express", "the Green Knight": a person takes no article
    appos = apposition(ent, lex) if label == "PERSON" or role else None
    org = role is None and (
        (source, ent.start) in got.org_ents or organisation_cue(span, lex) or _owns_person(span, label, scan)
    )
    subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)
    model = len(span) == 1 and span.start > 0 and bool(_MODEL_NUMBER.match(span.doc[span.start - 1].text))
    got.cands.append(
        Candidate(source, offset, offset + len(text), text, label, scan.in_subhead(offset),
              person=role is not None, acting=acting, noun=noun, role=role or appos,
              described=appos if role else None, org=org, subject=subject, after_model=model)
    )


def _owns_person(span: "Span", label: str, scan: ArticleScan) -> bool:
    """"Oakvale’s Tom Reyes": a place that is no country does not own a person; a club does."""
    doc, i = span.doc, span.end
    if label not in {"GPE", "LOC"} or i + 1 >= len(doc) or doc[i].text not in ("'s", "’s"):
        return False
    owned = scan.ent_at.get(i + 1)
    return owned is not None and owned.label_ == "PERSON" and scan.lex.country_of(span.text, acting=True) is None


def _collect_echoes(docs: list["ArticleDoc"], lex: Gazetteer, got: Collected) -> None:
    """Add the mentions the model missed of multi-word names it tagged elsewhere.

    An echo carries no label (no vote on the kind) but the same cues as an entity: an
    organisation's last word or introducing noun, and a head title right after it
    ("Meridian Terminals chief executive X" → the name is a body and qualifies X's title).
    """
    names = sorted({
        c.text for c in got.cands
        if c.label in {"PERSON", "ORG"} and len(c.text.split()) >= 2 and plausible_name(c.text, lex)
    } | _surnames_to_echo(got, lex))
    table = _NameTable(names)
    by_start = {(c.source, c.start): c for c in got.cands}
    for adoc in docs:
        doc, source = adoc.doc, adoc.source
        scan = ArticleScan(source, lex, got, _subheads(adoc), {})
        taken = [(e.start_char, e.end_char) for e in doc.ents]
        titles = got.open_titles.get(source, [])
        for start, end in _echoes(doc, table, taken):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            text = doc_index(doc).text[start:end]
            org = organisation_cue(span, lex)
            for title_start, title, holder_start in titles:
                if title_start > end and not doc_index(doc).text[end:title_start].strip():
                    org = True
                    holder = by_start.get((source, holder_start))
                    if holder is not None and holder.role and holder.role[0] is None:
                        holder.role = (fold(text), title.text.lower(), f"{text} {title_case(title.text)}")
            got.cands.append(Candidate(
                source, start, end, text, "NAME", scan.in_subhead(start),
                acting=span.root.dep_ in ACTING_DEPS, org=org,
            ))
        _honorific_names(doc, taken, scan)


def _honorific_names(doc: "Doc", taken: list[tuple[int, int]], scan: ArticleScan) -> None:
    """Names after "Mr", "Ms", "Dr" the model tagged nothing: "Ms Dellacriox said" is a person."""
    for match in _HONORIFIC.finditer(doc.text):
        start, end = match.span(1)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or match.group(1).isupper() or any(s < end and start < e for s, e in taken):
            continue
        scan.got.cands.append(Candidate(
            scan.source, start, end, match.group(1), "PERSON", scan.in_subhead(start),
            person=True, acting=span.root.dep_ in ACTING_DEPS,
        ))


def _surnames_to_echo(got: Collected, lex: Gazetteer) -> set[str]:
    """Surnames of full person names that the set never writes in lower case."""
    out = set()
    for c in got.cands:
        words = c.text.split()
        if c.label != "PERSON" or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        last = words[-1]
        key = fold(last)
        if (
            len(last) >= 3 and last.isalpha() and not last.isupper() and not got.words.get(last.lower())
            and lex.country(last) is None and key not in lex.capitals and key not in lex.demonyms
            and key not in lex.titles and key not in lex.heads and key not in lex.calendar
        ):
            out.add(last)
    return out


def _word_counts(docs: list["Doc"]) -> Counter:
    """How often each word form (case kept) occurs in the set, for :func:`~.kinds.is_common_noun`."""
    counts: Counter = Counter()
    for doc in docs:
        counts.update(t.text for t in doc if t.is_alpha)
        counts.update(w for w in _WORD.findall(doc.text) if "-" in w)
    return counts


def _strip_leading_word(span: "Span", counts: Counter, lex: Gazetteer) -> int:
    """How many tokens of a sentence-initial entity are a lower-case word, not the name.

    "Veteran Mara Holt", "Pro-Brussels UDP": the model takes the capitalised first word
    of a sentence into the name. It is cut when the set writes it in lower case elsewhere
    and what stays is a name: an acronym, or two to four capitalised words none of which
    the set writes in lower case.
    """
    doc = span.doc
    if span.start != span.sent.start and not (span.start > 0 and doc[span.start - 1].is_punct):
        return 0
    words = span.text.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return 0
    first = words[0]
    if not (counts.get(first.lower()) or counts.get(first[0].lower() + first[1:])):
        return 0  # never written in lower case ("pro-Brussels" counts)
    rest = clean_surface(" ".join(words[1:])).split()  # "UDP's" → "UDP"
    if not rest:
        return 0
    acronym = len(rest) == 1 and rest[0].isupper() and len(rest[0]) >= 2
    # "Officials Tom …": a plural common noun before a person's given name
    given = len(rest) == 1 and span.label_ == "PERSON" and first.endswith("s") and rest[0].istitle()
    named = 2 <= len(rest) <= 4 and fold(rest[-1]) not in lex.heads and all(
        w[:1].isupper() and not counts.get(w.lower()) for w in rest
    )
    if not (acronym or named or given):
        return 0
    first_end = span.start_char + len(words[0])
    return sum(1 for t in span if t.idx < first_end)


def _echoes(doc: "Doc", names: "_NameTable", taken: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Character spans where ``doc`` repeats one of ``names`` outside any ``taken`` span.

    Names are matched whole, case kept, longest first; ``taken`` holds the model's entity
    spans (a name inside a longer entity is part of that entity, not an echo).
    """
    if not names.names:
        return
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end of the first k spans
    for start, end in names.matches(doc_index(doc).text):
        k = bisect_left(starts, end)  # the spans that start before the match ends
        if k == 0 or reach[k - 1] <= start:
            yield start, end


class _NameTable:
    """Names to find whole in texts, by their first run of word characters; built once per
    set (the names are the set's, so building it per article cost the square of the set)."""

    def __init__(self, names: list[str]):
        self.names = names
        self.by_lead: dict[str, list[str]] | None = {}
        for name in sorted(names, key=lambda n: (-len(n), n)):
            lead = _LEAD.match(name)
            if lead is None:  # a name that starts with no word character: the expression decides
                self.by_lead = None
                break
            self.by_lead.setdefault(lead.group(), []).append(name)

    def matches(self, text: str) -> Iterator[tuple[int, int]]:
        """Where ``text`` holds one of the names whole, left to right, the longest name first
        where several start at one place: what one regular expression of every name as
        alternatives finds, but each word of the text is looked up by its first run of word
        characters instead of trying every name at every place."""
        if self.by_lead is None:
            yield from _alternatives(text, self.names)
            return
        done = 0
        for word in _WORD_START.finditer(text):
            at = word.start()
            if at < done:
                continue  # inside the name just found
            for name in self.by_lead.get(word.group(), ()):
                end = at + len(name)
                if text.startswith(name, at) and not _LEAD.match(text, end):
                    yield at, end
                    done = end
                    break


def _name_matches(text: str, names: list[str]) -> Iterator[tuple[int, int]]:
    """Where ``text`` holds one of ``names`` whole (see :meth:`_NameTable.matches`)."""
    return _NameTable(names).matches(text)


def _alternatives(text: str, names: list[str]) -> Iterator[tuple[int, int]]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    for match in re.finditer(rf"(?<![\w@])(?:{alternatives})(?![\w])", text):
        yield match.span()
