"""What a reporting verb reports, as text: its that-clause, a fronted clause, or an object.

Text is taken from the parse (the verb's clausal complement, split at coordinated "…, and
that …"), without a leading "that", quotation marks and edge punctuation; a clause that is
mostly quoted is left to the direct quotes, which carry it with its marks.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from generator.analysis.lexicons import ReportingVerbs
from generator.analysis.statements.found import Ranges, inside
from generator.analysis.statements.speakers.subjects import left_behind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.analysis.statements.spans import QuoteSpan

_WH = {"why", "how", "whether", "if", "what", "when", "where", "who", "which"}


def content_clauses(verb: "Token", lex: ReportingVerbs, quoted: Ranges) -> list[str]:
    """The clauses a reporting verb reports, as text (several for "said that A, and that B")."""
    lemma = verb.lemma_.lower()
    out: list[str] = []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not (c.i < verb.i and _quoted_share(c, quoted) > 0)]
    speaker = _speaker_inside(verb, lex)
    for group in _adjacent(clauses):
        out.extend(_split_coordinated(group, quoted, speaker))
    if out:
        return out
    lost = _clause_as_object(verb, quoted)
    if lost:
        return [lost]
    fronted = _fronted_clause(verb, quoted)
    if fronted:
        return [fronted]
    in_document = _clause_in_document(verb, lex, quoted)
    if in_document:
        return [in_document]
    if lemma in lex.commit:
        committed = _commitment(verb, quoted)
        if committed:
            return [committed]
    if lemma in lex.urge:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None:
            return _urged(verb, xcomp)
    if lemma in lex.object | lex.object_bare:
        bare = lemma in lex.object_bare and verb.tag_ != "VBG"
        return _object_claim(verb, quoted, lex.empty_objects if bare else None)
    return []


def _object_claim(verb: "Token", quoted: Ranges, bare: frozenset[str] | None) -> list[str]:
    """What "confirmed the club's readiness to …" or "announced 500 job cuts" states: the object.

    An object with an infinitive is the claim itself. With ``bare`` (for a verb of
    ``[object_bare]`` that is not a participle: "announcing the result" only frames; the set
    holds the ``[empty_objects]``) a bare noun phrase ("announced a recall of 4,000 cars")
    keeps the verb, which says what was done with it.
    """
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" or _quoted_share(obj, quoted) >= 0.5:
        return []
    doc = verb.doc
    text = text_of(doc, range(obj.left_edge.i, obj.right_edge.i + 1), set())
    if not is_content(text):
        return []
    if any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in obj.children):
        return [text]
    if bare is None or obj.lemma_.lower() in bare:
        return []
    return [f"{verb.text} {text}"]


def _commitment(verb: "Token", quoted: Ranges) -> str | None:
    """What "vowed to rebuild the bridge" or "called for an inquiry" commits to or calls for:
    the verb with its to-infinitive (no object: "urged X to" is a call on X) or its "for"
    phrase, kept whole, since the verb says it is a pledge, a threat or a call."""
    if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on") for c in verb.children):
        return None
    part = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                 and any(a.lower_ == "to" for a in c.children)), None)
    if part is None:
        part = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == verb.i + 1), None)
    if part is None or _quoted_share(part, quoted) >= 0.5:
        return None
    # what follows belongs to the call ("appealed for food, noting the wells had dried up")
    skip = _finite_conjuncts(verb) | {t.i for c in verb.children if c.dep_ in ("cc", "conj") for t in c.subtree}
    text = text_of(verb.doc, range(verb.i, verb.right_edge.i + 1), skip)
    return text if is_content(text) else None


def _urged(verb: "Token", xcomp: "Token") -> list[str]:
    """What "urged all sides to …", "called on the league to …" ask: the object and the infinitive."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "prep") and c.i < xcomp.i), None)
    if obj is None:
        return []  # "asked not to be identified": a wish about oneself, not a call on anyone
    start = obj.left_edge.i
    if obj.dep_ == "prep":  # "called on the league to": drop the "on"
        start = obj.i + 1
    text = text_of(verb.doc, range(start, xcomp.right_edge.i + 1), _finite_conjuncts(xcomp))
    return [text] if is_content(text) else []


def _clause_as_object(verb: "Token", quoted: Ranges) -> str | None:
    """ "said the firm's debt may have been …" parsed as "said" + object + clause: "say" takes
    no noun object in news ("said a prayer" aside), so an object followed by a finite verb in
    the same subtree is the subject of a that-less clause the parser lost."""
    if verb.lemma_.lower() != "say":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or _quoted_share(obj, quoted) > 0:
        return None
    finite = [t for t in obj.subtree if t.i > obj.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "relcl", "acl", "aux", "auxpass")
              and any(a.tag_ == "MD" or a.tag_ in ("VBD", "VBZ", "VBP") for a in [t, *t.children])]
    if not finite:
        return None
    text = text_of(verb.doc, range(obj.left_edge.i, obj.right_edge.i + 1), set())
    return text if is_content(text) else None


def _fronted_clause(verb: "Token", quoted: Ranges) -> str | None:
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
    if not tokens or share_quoted(tokens, quoted) >= 0.5:
        return None
    text = text_of(verb.doc, ids, own)
    return text if is_content(text) else None


def _clause_in_document(verb: "Token", lex: ReportingVerbs, quoted: Ranges) -> str | None:
    """ "announced in a memo that …": the parser hangs the that-clause from the document noun
    (as a relative clause); it is what the verb reports."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in lex.not_speakers):
            for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
                marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
                if marks and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                    if _quoted_share(clause, quoted) >= 0.5:
                        return None
                    text = text_of(verb.doc, range(clause.left_edge.i, clause.right_edge.i + 1), set())
                    return text if is_content(text) else None
    return None


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


def _speaker_inside(verb: "Token", lex: ReportingVerbs) -> set[int]:
    """The tokens of a subject the parser hung inside the reported clause ("…, the head of the
    office, Jane Roe, said"): the whole apposition it belongs to, which is not what was said."""
    tok = left_behind(verb, lex)
    if tok is None:
        return set()
    doc = verb.doc
    # up to the apposition set off by a comma ("…, the head of the office, Jane Roe")
    while not (tok.dep_ == "appos" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","):
        if tok.dep_ not in ("appos", "pobj", "prep", "compound") or tok.head is tok:
            return set()
        tok = tok.head
    return {t.i for t in tok.subtree}


def _split_coordinated(group: list["Token"], quoted: Ranges, speaker: set[int] = frozenset()) -> list[str]:
    """A that-clause, split at coordinated "…, and that …" clauses; mostly-quoted ones are left to the quotes."""
    clause = group[0]
    doc = clause.doc
    parts = [clause] + [
        c for g in group for c in g.children if c.dep_ == "conj" and any(m.lower_ == "that" for m in c.children)
    ]
    cut = {t.i for p in parts[1:] for t in p.subtree}
    cut_all = {i for g in group for i in _according_tokens(g)} | set(speaker)  # "…, according to X" names the source, not the claim
    out = []
    for i, part in enumerate(parts):
        last = group[-1].right_edge.i if i == 0 else part.right_edge.i
        ids = range(part.left_edge.i, last + 1)
        skip = (cut if i == 0 else set()) | cut_all
        tokens = [t for t in doc[ids.start : ids.stop] if t.i not in skip]
        if tokens and share_quoted(tokens, quoted) >= 0.5:
            continue
        text = text_of(doc, ids, skip)
        if is_content(text):
            out.append(text)
    return out


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


def text_of(doc: "Doc", ids: range, skip: set[int]) -> str:
    """The text of tokens ``ids`` without ``skip``, without a leading "that", marks and edge punctuation."""
    tokens = [doc[i] for i in ids if i not in skip]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("that", "and", "but") or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    # a skipped token leaves a gap: keep a space where the text had one
    text = "".join(t.text_with_ws if k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 else t.text + " "
                   for k, t in enumerate(tokens))
    text = re.sub("[“”\"]", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,;:")


def is_content(text: str) -> bool:
    """Whether a clause says something: three words or more, not an indirect question."""
    words = text.split()
    return len(words) >= 3 and re.split("[’']", words[0].lower())[0] not in _WH


def _quoted_share(token: "Token", quoted: Ranges) -> float:
    return share_quoted(list(token.subtree), quoted)


def share_quoted(tokens: list["Token"], quoted: Ranges) -> float:
    """The share of the words of ``tokens`` that lie inside a quote."""
    words = [t for t in tokens if t.is_alpha]
    return sum(1 for t in words if inside(t.idx, quoted)) / len(words) if words else 0.0


def content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """Content words of a text, case-folded, for comparing claims."""
    return {w for w in re.findall(r"\w+", text.casefold()) if w not in stopwords and len(w) > 1}


_NOT_CLAUSE = ("nsubj", "nsubjpass", "conj", "cc", "punct", "aux", "auxpass", "mark", "expl")


def partial_quote_clause(verb: "Token", parts: "Sequence[QuoteSpan]", quoted: Ranges) -> str | None:
    """What a verb says of a one- to three-word quote it governs, as text.

    "… called the plan “reckless” and left": the claim is "called the plan reckless", not the
    bare word; "… making it a “dead heat,” the official said": the reported clause. None when
    the verb does not hold the quote in its own clause, or the clause holds another quote.
    """
    start, end = parts[0].start, parts[-1].end
    holds = lambda tok: any(start <= t.idx < end for t in tok.subtree)  # noqa: E731
    if not holds(verb):
        return None
    doc = verb.doc
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp" and holds(c)), None)
    if ccomp is not None:
        ids = range(ccomp.left_edge.i, ccomp.right_edge.i + 1)
        skip = _according_tokens(ccomp)
    else:
        skip = {t.i for c in verb.children if c.dep_ in _NOT_CLAUSE for t in c.subtree}
        kept = [t.i for t in verb.subtree if t.i not in skip]
        ids = range(min(kept), max(kept) + 1)
    own = [(p.start, p.end) for p in parts]
    others = tuple(r for r in quoted if r not in own)
    if any(inside(doc[i].idx, others) for i in ids if i not in skip):
        return None
    text = text_of(doc, ids, skip)
    return text if is_content(text) and len(text.split()) > sum(p.words() for p in parts) else None
