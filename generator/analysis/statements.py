"""Key statements: direct quotes and reported speech, with their speakers, merged across sources.

:func:`find_statements` runs three finders over every article and merges what they find:

1. :func:`quotes.direct_quotes`: quoted spans with the speaker their sentence, or the one
   before, or the paragraph gives them (see :mod:`quotes`).
2. :func:`reported_speech`: reporting verbs (lexicon, on lemmas) with a that-clause or
   clausal complement, "saying …"/"adding …" participles, "urged X to …"/"called on X to …",
   "confirmed X's readiness to …" and "according to X, …".
3. :func:`quoted_posts`: a quoted social-media post (a ``post`` block) is one direct statement
   by the account named in its "— Name (@handle) date" line.

Speakers are resolved by :class:`attribution.SpeakerResolver`; a statement whose speaker
cannot be resolved to an actor or an agent phrase is dropped, never guessed.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from unidecode import unidecode

from generator.analysis.attribution import (
    IndexLike,
    SpeakerResolver,
    inside,
    source_object,
)
from generator.analysis.document import ArticleDoc
from generator.analysis.lexicons import ReportingVerbs, reporting_verbs
from generator.analysis.quotes import Found, direct_quotes, find_quote_spans, unmarked_quotes
from generator.model import Evidence, Statement

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WH = {"why", "how", "whether", "if", "what", "when", "where", "who", "which"}
_POST_BY = re.compile(r"[—–-]+\s*(?P<name>[^(@\n]*?)\s*\(\s*(?P<handle>@\w+)\s*\)")
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+")


def find_statements(docs: list[ArticleDoc], index: IndexLike) -> tuple[Statement, ...]:
    """Direct and reported statements of every article, merged across sources.

    Args:
        docs: the parsed articles (:func:`generator.analysis.document.parse_articles`).
        index: the set's actor index (``.actors``, ``.resolve(surface)``, ``.mentions(source)``).

    Returns:
        Statements ordered by the first article and position they occur at; ``date`` is left
        None (the pipeline dates them).
    """
    lexicon = reporting_verbs()
    found: list[Found] = []
    for n, adoc in enumerate(docs):
        found.extend(article_statements(adoc, n, index, lexicon))
    return merge_statements(found, docs)


def article_statements(adoc: ArticleDoc, n: int, index: IndexLike, lexicon: ReportingVerbs) -> list[Found]:
    """Every statement of one article (direct, reported, posts), not yet merged."""
    quotes = find_quote_spans(adoc.article)
    quoted = tuple((q.start, q.end) for q in quotes)
    resolver = SpeakerResolver(adoc.source, adoc.doc, index, lexicon, quoted)
    reported = list(reported_speech(adoc, n, quoted, resolver))
    out = list(direct_quotes(adoc, n, quotes, resolver, reported))
    out.extend(unmarked_quotes(adoc, n, resolver))
    out.extend(reported)
    out.extend(quoted_posts(adoc, n, index))
    return _full_names(out, index)


def _full_names(found: list[Found], index: IndexLike) -> list[Found]:
    """A bare surname as speaker ("Chaudhary says …") becomes the one full name of the article
    or the index that ends in it ("Aleem Chaudhary"), where the actor index did not link the two."""
    names = {f.speaker for f in found} | {a.name for a in index.actors if a.kind == "person"}
    by_last: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            by_last.setdefault(_fold(words[-1]), set()).add(name)
    out = []
    for f in found:
        full = by_last.get(_fold(f.speaker), set()) if len(f.speaker.split()) == 1 else set()
        if len(full) == 1:
            f = Found(next(iter(full)), f.kind, f.text, f.doc, f.start, f.evidence, f.cue)
        out.append(f)
    return out


def _fold(word: str) -> str:
    return unidecode(word).casefold()


# --------------------------------------------------------------------------- reported speech


def reported_speech(adoc: ArticleDoc, n: int, quoted, resolver: SpeakerResolver) -> Iterator[Found]:
    """Indirect speech: what a reporting verb's clause (or "according to X") says."""
    lex = resolver.lexicon
    for sent, span in adoc.prose():
        if adoc.block_of(sent).kind != "paragraph":
            continue
        found: dict[int, Found] = {}  # verb token index -> statement
        for tok in span:
            if inside(tok.idx, quoted):
                continue
            if tok.lower_ == "according":
                item = _according(tok, adoc, n, sent, quoted, resolver)
                if item:
                    yield item
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN" and lemma in lex.speech_nouns:
                item = _speech_noun(tok, adoc, n, sent, quoted, resolver)
                if item:
                    yield item
                continue
            if tok.pos_ != "VERB" or lemma not in lex.verbs | lex.urge | lex.object:
                continue
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            clauses = _content_clauses(tok, lex, quoted)
            if not clauses:
                continue
            subj = resolver.subject_of(tok)
            if subj is None or inside(subj.idx, quoted):
                continue
            speaker = resolver.speaker(subj)
            if not speaker:
                continue
            ev = (Evidence(adoc.source, sent.index, sent.text),)
            for clause in clauses:
                if lemma in lex.negating:  # "denied that X" must not read as X
                    clause = f"{tok.text} that {clause}"
                found[tok.i * 100 + len(found)] = Found(speaker, "reported", clause, n, tok.idx, ev, lemma)
        yield from _join_participles(found, span)


def _join_participles(found: dict[int, Found], span: "Span") -> Iterator[Found]:
    """Join "X, added the president, adding that Y" into one statement "X; Y".

    A participle ("adding", "saying") that hangs from a reporting verb of the same speaker
    continues that statement rather than starting a new one.
    """
    keys = sorted(found)
    joined: set[int] = set()
    items = {k: found[k] for k in keys}
    for k in keys:
        tok = span.doc[k // 100]
        head_keys = [h for h in keys if h // 100 == tok.head.i and h not in joined and h != k]
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and head_keys:
            h = head_keys[-1]
            if items[h].speaker == items[k].speaker:
                a = items[h]
                items[h] = Found(a.speaker, a.kind, f"{a.text}; {items[k].text}", a.doc, a.start, a.evidence, a.cue)
                joined.add(k)
    for k in keys:
        if k not in joined:
            yield items[k]


def _content_clauses(verb: "Token", lex: ReportingVerbs, quoted) -> list[str]:
    """The clauses a reporting verb reports, as text (several for "said that A, and that B")."""
    lemma = verb.lemma_.lower()
    out: list[str] = []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not (c.i < verb.i and _quoted_share(c, quoted) > 0)]
    for group in _adjacent(clauses):
        out.extend(_split_coordinated(group, quoted))
    if out:
        return out
    fronted = _fronted_clause(verb, quoted)
    if fronted:
        return [fronted]
    if lemma in lex.urge:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "prep") and c.i < xcomp.i), None)
            if obj is None:
                return []  # "asked not to be named": a wish about oneself, not a call on anyone
            start = obj.left_edge.i
            if obj.dep_ == "prep":  # "called on NATO to": drop the "on"
                start = obj.i + 1
            text = _text(verb.doc, range(start, xcomp.right_edge.i + 1), _finite_conjuncts(xcomp))
            return [text] if _is_content(text) else []
    if lemma in lex.object:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in obj.children):
                text = _text(verb.doc, range(obj.left_edge.i, obj.right_edge.i + 1), set())
                return [text] if _is_content(text) else []
    return []


def _fronted_clause(verb: "Token", quoted) -> str | None:
    """The clause before an inverted reporting verb: "The decision is final, added the mayor".

    The parser hangs such a verb from the clause it reports (as ``conj``, ``dep`` or
    ``parataxis``); what is said is that clause up to the verb.
    """
    head = verb.head
    if verb.dep_ not in ("conj", "dep", "parataxis") or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.doc[verb.i - 1].text != ",":
        return None  # "described X and confirmed Y" is a second verb of the same subject
    if not any(c.dep_ in ("dobj", "attr", "nsubj") and verb.i < c.i <= verb.i + 3 for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    ids = range(head.left_edge.i, verb.i)
    tokens = [verb.doc[i] for i in ids if i not in own]
    if not tokens or _share_quoted(tokens, quoted) >= 0.5:
        return None
    text = _text(verb.doc, ids, own)
    return text if _is_content(text) else None


def _adjacent(clauses: list["Token"]) -> list[list["Token"]]:
    """Clausal complements of one verb that follow each other ("that A and as a sign of this, B").

    The parser sometimes hangs one that-clause from the verb as two ``ccomp`` clauses; what
    is said is their union.
    """
    groups: list[list[Token]] = []
    for c in sorted(clauses, key=lambda t: t.left_edge.i):
        if groups and c.left_edge.i - groups[-1][-1].right_edge.i <= 2:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _split_coordinated(group: list["Token"], quoted) -> list[str]:
    """A that-clause, split at coordinated "…, and that …" clauses; mostly-quoted ones are left to the quotes."""
    clause = group[0]
    doc = clause.doc
    parts = [clause] + [
        c for g in group for c in g.children if c.dep_ == "conj" and any(m.lower_ == "that" for m in c.children)
    ]
    cut = {t.i for p in parts[1:] for t in p.subtree}
    cut_all = {i for g in group for i in _according_tokens(g)}  # "…, according to X" names the source, not the claim
    out = []
    for i, part in enumerate(parts):
        last = group[-1].right_edge.i if i == 0 else part.right_edge.i
        ids = range(part.left_edge.i, last + 1)
        skip = (cut if i == 0 else set()) | cut_all
        tokens = [t for t in doc[ids.start : ids.stop] if t.i not in skip]
        if tokens and _share_quoted(tokens, quoted) >= 0.5:
            continue
        text = _text(doc, ids, skip)
        if _is_content(text):
            out.append(text)
    return out


def _according(tok: "Token", adoc: ArticleDoc, n: int, sent, quoted, resolver: SpeakerResolver) -> Found | None:
    """ "According to X, Y" (or "Y, according to X") when no reporting verb already carries Y."""
    pobj = source_object(tok)
    if pobj is None:
        return None
    head = tok.head
    if head is tok or any(a.lemma_.lower() in resolver.lexicon.verbs for a in tok.ancestors):
        return None  # the reporting verb above already attributes the clause
    span = adoc.spans[sent.index]
    skip = _according_span(tok, pobj, resolver)
    tokens = [t for t in span if t.i not in skip and not t.is_space]
    if not tokens or _share_quoted(tokens, quoted) >= 0.5:
        return None
    text = _text(adoc.doc, range(tokens[0].i, tokens[-1].i + 1), skip)
    speaker = resolver.speaker(pobj)
    if not speaker or not _is_content(text):
        return None
    return Found(speaker, "reported", text, n, tok.idx, (Evidence(adoc.source, sent.index, sent.text),), "according to")


def _according_span(tok: "Token", pobj: "Token", resolver: SpeakerResolver) -> set[int]:
    """Token indices of "according to X[, apposition,]": the words that name the source.

    Taken from the words rather than the parse, which often hangs the claim's subject from
    the source ("According to the ministry over 300 pilgrims have died").
    """
    doc = tok.doc
    sent = tok.sent
    if tok.i == sent.start or (tok.i == sent.start + 1 and doc[sent.start].is_punct):
        # "According to X, Y": up to the comma that closes the source, if no verb comes first
        comma = next((t.i for t in doc[tok.i : sent.end] if t.text == ","), None)
        if comma is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : comma]):
            nxt = next((t.i for t in doc[comma + 1 : min(comma + 6, sent.end)] if t.text == ","), None)
            if nxt is not None and any(m.start == doc[comma + 1].idx for m in resolver.mentions):
                comma = nxt  # "According to the coach, Alireza Mehraban, …"
            return set(range(tok.i, comma + 1))
    end = pobj.i
    for m in resolver.mentions:
        if m.start <= pobj.idx < m.end:
            end = max(end, doc.char_span(m.start, m.end, alignment_mode="expand")[-1].i)
    appos = [c for c in pobj.children if c.dep_ == "appos" and c.i > end]
    if appos and doc[end + 1].text == ",":
        end = appos[-1].right_edge.i
        if end + 1 < len(doc) and doc[end + 1].text == ",":
            end += 1
    return set(range(tok.i, end + 1))


def _speech_noun(noun: "Token", adoc: ArticleDoc, n: int, sent, quoted, resolver: SpeakerResolver) -> Found | None:
    """A speech act named by a noun: "the proposal for X was made by Y", "Y's offer of X"."""
    maker = None
    if noun.dep_ == "nsubjpass":
        agent = next((c for c in noun.head.children if c.dep_ == "agent"), None)
        maker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if maker is None:
        maker = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    complements = [c for c in noun.children if c.dep_ in ("prep", "acl") and c.lower_ not in ("by", "from")]
    if maker is None or not complements or inside(maker.idx, quoted):
        return None
    keep = {noun.i} | {t.i for c in noun.children if c.dep_ in ("amod", "compound") for t in c.subtree}
    keep |= {t.i for c in complements for t in c.subtree}
    text = _text(adoc.doc, range(min(keep), max(keep) + 1), {i for i in range(min(keep), max(keep) + 1) if i not in keep})
    speaker = resolver.speaker(maker)
    if not speaker or len(_words(text)) < 3:
        return None
    evidence = (Evidence(adoc.source, sent.index, sent.text),)
    return Found(speaker, "reported", text, n, noun.idx, evidence, noun.lemma_.lower())


def _according_tokens(clause: "Token") -> set[int]:
    return {t.i for a in clause.subtree if a.lower_ == "according" for t in a.subtree}


def _finite_conjuncts(verb: "Token") -> set[int]:
    """Tokens of verbs coordinated to ``verb`` that have their own tense ("… and highlighted …")."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP"):
            out.update(t.i for t in c.subtree)
            out.update(t.i for t in verb.children if t.dep_ == "cc" and t.i < c.i)
    return out


def _text(doc, ids: range, skip: set[int]) -> str:
    """The text of tokens ``ids`` without ``skip``, without a leading "that", marks and edge punctuation."""
    tokens = [doc[i] for i in ids if i not in skip]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("that", "and", "but") or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens)
    text = re.sub("[“”\"]", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def _is_content(text: str) -> bool:
    words = text.split()
    return len(words) >= 3 and words[0].lower() not in _WH


def _quoted_share(token: "Token", quoted) -> float:
    return _share_quoted(list(token.subtree), quoted)


def _share_quoted(tokens: list["Token"], quoted) -> float:
    words = [t for t in tokens if t.is_alpha]
    return sum(1 for t in words if inside(t.idx, quoted)) / len(words) if words else 0.0


# --------------------------------------------------------------------------- posts


def quoted_posts(adoc: ArticleDoc, n: int, index: IndexLike) -> Iterator[Found]:
    """A quoted social-media post: one direct statement by the account that posted it."""
    for bi, block in enumerate(adoc.article.blocks):
        if block.kind != "post" or not block.attribution:
            continue
        m = _POST_BY.search(block.attribution)
        name = m.group("name").strip() if m else block.attribution.strip("—–- ").split("(")[0].strip()
        handle = m.group("handle") if m else None
        actor = (index.resolve(handle) if handle else None) or (index.resolve(name) if name else None)
        speaker = actor.name if actor else (name or handle)
        text = re.sub(r"\s+", " ", _URL.sub("", block.text)).strip()
        if not speaker or not text:
            continue
        evidence = tuple(Evidence(adoc.source, s.index, s.text) for s in adoc.sentences if s.block == bi)
        yield Found(speaker, "direct", text, n, block.start, evidence, "posted")


# --------------------------------------------------------------------------- merging


def merge_statements(found: Iterable[Found], docs: list[ArticleDoc]) -> tuple[Statement, ...]:
    """One statement per claim and speaker, with every source and evidence sentence.

    Two statements of the same speaker merge when their content words overlap strongly (the
    smaller shares >= 80% of its words with the other and is at least half its size; across
    articles, where one source paraphrases what another quotes, 65% of six or more), or when
    a short quoted fragment lies inside a longer statement found in the same sentence ("He said
    it is excellent … “to keep the Alliance strong.”"). The longer text is kept, a direct
    quote before a paraphrase.
    """
    groups: list[list[Found]] = []
    for item in sorted(found, key=lambda f: (f.doc, f.start, f.kind, f.text)):
        target = next((g for g in groups if any(_same_claim(item, other) for other in g)), None)
        if target is None:
            groups.append([item])
        else:
            target.append(item)
    out = []
    for group in groups:
        lead = max(group, key=lambda f: (len(_words(f.text)), f.kind == "direct", -f.doc, -f.start))
        sources = tuple(dict.fromkeys(docs[f.doc].source for f in sorted(group, key=lambda f: (f.doc, f.start))))
        evidence = tuple(dict.fromkeys(e for f in sorted(group, key=lambda f: (f.doc, f.start)) for e in f.evidence))
        out.append(Statement(lead.speaker, lead.kind, lead.text, sources, evidence, None, lead.cue))
    return tuple(out)


def _same_claim(a: Found, b: Found) -> bool:
    """Whether two statements of one speaker carry the same claim (see :func:`merge_statements`)."""
    if a.speaker != b.speaker:
        return False
    wa, wb = _words(a.text), _words(b.text)
    if not wa or not wb:
        return False
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    shared = len(small & large) / len(small)
    if shared >= 0.8 and len(small) >= 0.5 * len(large):
        return True
    # one source quotes, another paraphrases: "do its utmost to ensure NATO remains strong" /
    # "do its best to keep NATO strong"; long enough that 2/3 shared words are no accident
    if a.doc != b.doc and shared >= 0.65 and len(small) >= 6 and len(small) >= 0.7 * len(large):
        return True
    same_sentence = bool(set(a.evidence) & set(b.evidence))
    return same_sentence and shared >= 0.9


_STOP = frozenset(
    "a an the of to in on at for and or but with by from as is are was were be been being that this these "
    "those it its his her their our we he she they them will would can could should may might has have had "
    "do does did not no into than then there here which who whom what when where why how all any both each "
    "also again about over under after before said says".split()
)


def _words(text: str) -> set[str]:
    """Content words of a text, case-folded, for comparing claims."""
    return {w for w in re.findall(r"\w+", text.casefold()) if w not in _STOP and len(w) > 1}
