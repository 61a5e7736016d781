"""The parts of a clause a question is built from, found in the parse: the subject, the object,
a content clause ("denied that …"), a to-infinitive ("expected to sign"), a noun phrase
without its asides, and the time and place phrases of a cue."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.analysis.questions.cues import HedgeLexicon

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
AUX = {"aux", "auxpass", "neg"}
# Children never carried into a question: other clauses, discourse glue, punctuation.
DROP_DEPS = {"cc", "conj", "parataxis", "mark", "punct", "advcl", "discourse", "intj",
             "dep", "meta", "appos", "relcl", "ccomp", "preconj"}
SETTING_LABELS = {"DATE", "TIME", "GPE", "LOC", "FAC"}  # "for Thursday", "in Velmora": when/where
MAX_SUBJECT = 12  # subject words beyond which participle and relative clauses are dropped
# Prepositions of circumstance: why or against what background, not part of the matter.
CIRCUMSTANCE = {"amid", "amidst", "despite", "because", "given", "following", "as", "like"}

# Given tokens, the indices of the title words among them (not counted as subject words).
TitleWords = Callable[[list["Token"]], set[int]]


def content_clause(token: "Token", exclude: "Token | None" = None) -> "Token | None":
    """A content clause under ``token`` ("denied that …", "reports that …", "whether …")."""
    for child in token.children:
        if exclude is not None and exclude.i in {t.i for t in child.subtree}:
            continue
        if child.dep_ in ("ccomp", "acl", "csubj") and child.pos_ in ("VERB", "AUX"):
            if child.dep_ != "acl" or any(m.dep_ == "mark" for m in child.children):
                return child
    return None


def infinitive(key: "Token") -> "Token | None":
    """The to-infinitive a cue governs ("expected to sign", "for the council to explain")."""
    heads = [key] + [c for c in key.children if c.dep_ in ("acomp", "attr", "pobj")]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("xcomp", "advcl", "acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
                if any(a.lower_ == "to" for a in child.children if a.dep_ == "aux"):
                    return child
    return None


def infinitive_subject(key: "Token", target: "Token", title_words: TitleWords,
                       lexicon: "HedgeLexicon") -> list["Token"]:
    """Who the to-infinitive ``target`` of ``key`` is about: its own subject, the object a
    demand is made of, or else the subject of the cue."""
    own = subject_tokens(target, title_words, inherit=False)
    if own:
        return own  # "for the council to explain"
    objects = [c for c in key.children if c.dep_ == "dobj"]
    objects += [p for c in key.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                for p in c.children if p.dep_ == "pobj"]
    if objects and key.lemma_.lower() not in lexicon.belief_verbs:
        return noun_phrase(objects[0], set())  # "urged all sides to …", "called on X to …"
    return subject_tokens(key, title_words)


def object_of(key: "Token", lexicon: "HedgeLexicon") -> "Token | None":
    """The thing a cue is about: its object, or the object of its preposition."""
    for child in key.children:
        if child.dep_ in ("dobj", "attr") and child.lemma_.lower() not in lexicon.claim_nouns:
            nested = object_of(child, lexicon) if child.lemma_.lower() in lexicon.disposition_nouns else None
            return nested or child
    for child in key.children:
        if child.dep_ == "prep":
            for p in child.children:
                if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in SETTING_LABELS:
                    return p
    for child in key.children:
        if child.dep_ in ("xcomp", "acl") and child.pos_ in ("VERB", "AUX"):
            return child
    if key.dep_ in ("amod", "compound") and key.head.pos_ == "NOUN":
        return key.head  # "the proposed talks"
    return None


def subject_tokens(verb: "Token", title_words: TitleWords, inherit: bool = True) -> list["Token"]:
    """The subject of ``verb`` as the contiguous words before its auxiliaries.

    Contiguous, not the subtree: the parser often splits a coordinated subject
    ("a meeting involving A, B, and C is …" puts C under the verb).
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects and inherit and verb.pos_ not in ("VERB", "AUX"):
        up = verb  # "is in talks to acquire": the subject of the clause the noun sits in
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        return subject_tokens(up, title_words) if up.pos_ in ("VERB", "AUX") else []
    if not subjects:
        if inherit and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            # a reduced relative: "a hearing set to open …"
            return [t for t in noun_phrase(verb.head, set()) if t.i < verb.i]
        if inherit and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            return subject_tokens(verb.head, title_words)
        return []
    left = min(t.left_edge.i for t in subjects)
    stop = verb.i
    for child in verb.children:
        if child.i > left and child.i < stop and (child.dep_ in AUX or child.dep_ == "advmod"):
            if child.i > max(t.i for t in subjects):
                stop = child.i
                break
    tokens = [t for t in verb.doc[left:stop]
              if not t.is_punct or t.text in (",", "-") or t.dep_ == "case"]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "preconj")):
        tokens.pop()
    tokens = [t for t in tokens if t.dep_ != "preconj"]
    tokens = _without_asides(tokens, subjects)
    hidden = title_words(tokens)
    if sum(1 for t in tokens if not t.is_punct and t.i not in hidden) > MAX_SUBJECT:  # "a system backed by … in 2021 for …": keep the noun phrase
        starts = [c.left_edge.i for h in subjects for c in h.children
                  if c.dep_ in ("acl", "relcl", "appos") and c.i > h.i]
        if starts:
            tokens = [t for t in tokens if t.i < min(starts)]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
    return tokens


def _without_asides(tokens: list["Token"], subjects: list["Token"]) -> list["Token"]:
    """The subject without a relative or participle clause set off by commas ("X, which is
    backed by Y," / "the deal, announced on Monday,"): an aside, not who the question is about."""
    doc = subjects[0].doc
    drop: set[int] = set()
    for head in subjects:
        for child in head.children:
            if child.dep_ in ("relcl", "acl") and child.i > head.i:
                left = child.left_edge.i
                if left > 0 and doc[left - 1].text == ",":
                    drop |= {t.i for t in child.subtree} | {left - 1}
                    right = child.right_edge.i + 1
                    if right < len(doc) and doc[right].text == ",":
                        drop.add(right)
    return [t for t in tokens if t.i not in drop] if drop else tokens


def noun_phrase(head: "Token", drop: set[int]) -> list["Token"]:
    """The noun phrase of ``head``: its subtree without clauses and asides."""
    out = [head]
    for child in head.children:
        if child.i in drop or child.dep_ in DROP_DEPS - {"conj", "cc", "punct"}:
            continue
        if child.dep_ == "punct" and child.text not in ("-", "–", ","):
            continue
        if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE:
            continue
        out.extend(noun_phrase(child, drop))
    return sorted(out, key=lambda t: t.i)


def setting_phrases(key: "Token", skip: set[int]) -> list["Token"]:
    """Time and place phrases of a cue ("considered for Thursday in Velmora")."""
    out: list["Token"] = []
    for child in key.children:
        if child.dep_ != "prep" or child.i in skip:
            continue
        objs = [p for p in child.children if p.dep_ == "pobj"]
        if objs and objs[0].ent_type_ in SETTING_LABELS:
            out.extend(t for t in child.subtree if t.i not in skip)
    return sorted(out, key=lambda t: t.i)
