"""Reported speech: what a reporting verb's clause, "according to X" or a speech noun says.

Reporting verbs are read from the lexicon on lemmas: a that-clause or clausal complement
("said that …"), "saying …"/"adding …" participles joined to the verb they continue,
"urged X to …"/"called on X to …", "confirmed the club's readiness to …"; then
"according to X, …" and speech nouns with a named maker ("X's offer of …"). Words inside a
quote are left to the direct quotes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from generator.analysis.document import ArticleDoc
from generator.analysis.lexicons import ReportingVerbs
from generator.analysis.statements.clauses import (
    content_clauses,
    content_words,
    is_content,
    share_quoted,
    text_of,
)
from generator.analysis.statements.found import Found, inside
from generator.analysis.statements.speakers import SpeakerResolver
from generator.analysis.statements.speakers.subjects import source_object
from generator.model import Evidence, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def reported_speech(adoc: ArticleDoc, n: int, resolver: SpeakerResolver, stopwords: frozenset[str]) -> Iterator[Found]:
    """Indirect speech of article ``n``: what a reporting verb's clause (or "according to X") says.

    ``stopwords``: words that do not count towards the three words a speech noun's content needs.
    """
    for sent, span in adoc.prose():
        if adoc.block_of(sent).kind == "paragraph":
            yield from _sentence_reports(adoc, n, sent, span, resolver, stopwords)


def _sentence_reports(
    adoc: ArticleDoc, n: int, sent: Sentence, span: "Span", resolver: SpeakerResolver, stopwords: frozenset[str]
) -> Iterator[Found]:
    """The reported statements of one sentence, in token order ("according to" and speech nouns
    as they come, then the reporting verbs' with their participles joined)."""
    lex = resolver.lexicon
    found: dict[int, Found] = {}  # verb token index * 100 + n-th statement -> statement
    for tok in span:
        if inside(tok.idx, resolver.quoted):
            continue
        if tok.lower_ == "according":
            item = _according(tok, adoc, n, sent, resolver)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.speech_nouns:
            item = _speech_noun(tok, adoc, n, sent, resolver, stopwords)
        else:
            for statement in _verb_reports(tok, adoc, n, sent, resolver):
                found[tok.i * 100 + len(found)] = statement
            continue
        if item:
            yield item
    yield from _join_participles(found, span)


def _verb_reports(tok: "Token", adoc: ArticleDoc, n: int, sent: Sentence, resolver: SpeakerResolver) -> list[Found]:
    """The statements a reporting verb ``tok`` makes, one per clause it reports."""
    lex = resolver.lexicon
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in lex.verbs | lex.urge | lex.object | lex.object_bare | lex.commit:
        return []
    if any(c.dep_ == "neg" for c in tok.children) or _reported_within(tok, resolver):
        return []
    clauses = content_clauses(tok, lex, resolver.quoted)
    if not clauses:
        return []
    subj = resolver.subject_of(tok)
    if subj is None or inside(subj.idx, resolver.quoted):
        return []
    speaker = resolver.speaker(subj)
    if not speaker or resolver.is_outlet(subj, speaker):
        return []
    via = resolver.last_via
    ev = (Evidence(adoc.source, sent.index, sent.text),)
    out = []
    for clause in clauses:
        if lemma in lex.negating:  # "denied that X" must not read as X
            clause = f"{tok.text} that {clause}"
        out.append(Found(speaker, "reported", clause, n, tok.idx, ev, lemma, via))
    return out


def _reported_within(tok: "Token", resolver: SpeakerResolver) -> bool:
    """Whether ``tok`` lies in the clause another verb of saying reports ("Officials have
    confirmed 40 deaths, the minister said"): the outer speaker says it all, unless that
    speaker is a news outlet ("the newspaper reported the coach told his players …")."""
    lex = resolver.lexicon
    child = tok
    for head in tok.ancestors:
        if child.dep_ != "ccomp":
            return False
        if head.lemma_.lower() in lex.verbs and head.pos_ == "VERB":
            return not resolver.outlet_speaks(head)
        child = head
    return False


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
                items[h] = Found(a.speaker, a.kind, f"{a.text}; {items[k].text}", a.doc, a.start, a.evidence, a.cue, a.via)
                joined.add(k)
    for k in keys:
        if k not in joined:
            yield items[k]


def _according(tok: "Token", adoc: ArticleDoc, n: int, sent: Sentence, resolver: SpeakerResolver) -> Found | None:
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
    if not tokens or share_quoted(tokens, resolver.quoted) >= 0.5:
        return None
    text = text_of(adoc.doc, range(tokens[0].i, tokens[-1].i + 1), skip)
    speaker = resolver.speaker(pobj)
    if not speaker or resolver.is_outlet(pobj, speaker) or not is_content(text):
        return None
    return Found(speaker, "reported", text, n, tok.idx, (Evidence(adoc.source, sent.index, sent.text),), "according to")


def _according_span(tok: "Token", pobj: "Token", resolver: SpeakerResolver) -> set[int]:
    """Token indices of "according to X[, apposition,]": the words that name the source.

    Taken from the words rather than the parse, which often hangs the claim's subject from
    the source ("According to the ministry over 300 homes have been damaged").
    """
    doc = tok.doc
    sent = tok.sent
    if tok.i == sent.start or (tok.i == sent.start + 1 and doc[sent.start].is_punct):
        # "According to X, Y": up to the comma that closes the source, if no verb comes first
        comma = next((t.i for t in doc[tok.i : sent.end] if t.text == ","), None)
        if comma is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : comma]):
            nxt = next((t.i for t in doc[comma + 1 : min(comma + 6, sent.end)] if t.text == ","), None)
            if nxt is not None and any(m.start == doc[comma + 1].idx for m in resolver.mentions):
                comma = nxt  # "According to the coach, Arvid Lenk, …"
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


def _speech_noun(
    noun: "Token", adoc: ArticleDoc, n: int, sent: Sentence, resolver: SpeakerResolver, stopwords: frozenset[str]
) -> Found | None:
    """A speech act named by a noun: "the proposal for X was made by Y", "Y's offer of X"."""
    maker = None
    if noun.dep_ == "nsubjpass":
        agent = next((c for c in noun.head.children if c.dep_ == "agent"), None)
        maker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if maker is None:
        maker = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    complements = [c for c in noun.children if c.dep_ in ("prep", "acl") and c.lower_ not in ("by", "from")]
    if maker is None or not complements or inside(maker.idx, resolver.quoted):
        return None
    keep = {noun.i} | {t.i for c in noun.children if c.dep_ in ("amod", "compound") for t in c.subtree}
    keep |= {t.i for c in complements for t in c.subtree}
    ids = range(min(keep), max(keep) + 1)
    text = text_of(adoc.doc, ids, {i for i in ids if i not in keep})
    speaker = resolver.speaker(maker)
    if not speaker or len(content_words(text, stopwords)) < 3:
        return None
    evidence = (Evidence(adoc.source, sent.index, sent.text),)
    return Found(speaker, "reported", text, n, noun.idx, evidence, noun.lemma_.lower())
