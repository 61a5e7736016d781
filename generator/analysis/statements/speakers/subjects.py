"""The grammatical speaker of a reporting verb, and the phrases that name a quote's source.

Grammar only: these rules read the parse and the reporting-verb lexicon, never the actor
index; :class:`~generator.analysis.statements.speakers.SpeakerResolver` turns the token they
return into a speaker.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.lexicons import ReportingVerbs

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "csubj")


def subject_of(verb: "Token", lexicon: ReportingVerbs) -> "Token | None":
    """The grammatical speaker of ``verb``: its subject, inherited or inverted.

    "saying …", "adding …" and a second coordinated verb take the subject of the verb
    they hang from; "…, said the minister" gives the subject after the verb (spaCy often
    labels it ``dobj``/``attr`` there).
    """
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            return None
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        # "the energy company Voltaro said": the parser may give two subjects; the name wins
        subj = next((c for c in subjects if c.pos_ == "PROPN"), subjects[0] if subjects else None)
        if subj is not None:
            if subj.lower_ in ("who", "that") and token.dep_ == "relcl":
                return token.head  # "the minister, who said that …"
            return subj
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and token.lemma_.lower() == "quote" and token is not verb:
            return passive  # "Smith was quoted as saying that …"
        if passive is not None or any(c.dep_ == "auxpass" for c in token.children):
            return None  # "it was announced that", "he was told": no speaker here
        inverted = _inverted_subject(token, lexicon) or (left_behind(token, lexicon) if token is verb else None)
        if inverted is not None:
            return inverted
        if token.dep_ in ("advcl", "conj", "xcomp") and token.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB", "VBN"):
            head = token.head if token.head is not token else None
            if head is not None:
                # "They claimed X was Y and claim Z": the second verb is theirs
                head = _coordinated_into_clause(token, head, lexicon) or head
            token = head
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "quoted as saying"
            token = token.head.head
            continue
        return None
    return None


def _coordinated_into_clause(verb: "Token", head: "Token", lexicon: ReportingVerbs) -> "Token | None":
    """The reporting verb above when the parser hung a reporting verb coordinated to it from the
    clause it reports ("claimed the driver was a volunteer and claim she …": "claim" under
    "was"; "claiming that officials had stopped counting and warning …": "warning" under
    "counting"): the head is no verb of saying but (a verb inside) the content clause of one."""
    frames = lexicon.frames
    # "emphasised that X had helped, adding, “…”": the participle hangs from the reported verb
    adding = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if not (verb.dep_ == "conj" or adding) or verb.lemma_.lower() not in frames or head.lemma_.lower() in frames:
        return None
    if adding:
        return head.head if head.dep_ == "ccomp" and head.head.lemma_.lower() in frames else None
    for hop in range(5):
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in frames and hop == 0:
            return head.head
        if head.dep_ not in ("ccomp", "xcomp", "conj", "acl", "pobj", "prep") or head.head is head:
            return None
        head = head.head
        # deeper down, only a participle coordinated to a participle ("claiming …, and warning")
        if head.lemma_.lower() in frames and head.tag_ == verb.tag_:
            return head
    return None


def left_behind(verb: "Token", lexicon: ReportingVerbs) -> "Token | None":
    """The subject the parser hung on the reported clause: "…, the head of the agency, Jane
    Roe, said." with "Jane Roe" an apposition inside the clause and "said" left without one.
    Only a name or noun right before the closing verb, itself loosely attached (apposition)."""
    doc = verb.doc
    if verb.lemma_.lower() not in lexicon.frames or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    k = verb.i - 1
    if k > 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or doc[k].pos_ not in ("PROPN", "NOUN") or doc[k].dep_ not in ("appos", "npadvmod"):
        return None
    return doc[k]


def _inverted_subject(verb: "Token", lexicon: ReportingVerbs) -> "Token | None":
    """The subject after a reporting verb that follows its content ("…, added the president")."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    # the tagger often calls "added" in "…,” added NRB" a participle; one without an
    # auxiliary is finite here
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )
    if lemma not in lexicon.frames or lemma in lexicon.urge or not finite:
        return None  # "urging both parties": the object is the one addressed
    before = verb.i > 0 and (doc[verb.i - 1].is_punct or doc[verb.i - 1].is_quote)
    content_before = (
        verb.head.i < verb.i
        or any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
        or any(t.is_quote for t in doc[max(0, verb.i - 3) : verb.i])  # “…,” added the agency
    )
    if not (before and content_before):
        return None
    if verb.dep_ == "amod" and verb.i < verb.head.i <= verb.i + 3 and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "…", added NRB. parsed as an adjective on "NRB"
    for child in verb.rights:
        if child.i > verb.i + 4:
            break
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            if any(c.dep_ == "acl" for c in child.children):
                return None  # "signalled the union's intent to …" is an object, not a subject
            return child
    return None


def source_phrase(tok: "Token") -> str | None:
    """The cue when ``tok`` opens a phrase naming a quote's source: "according to X", "in the words of X"."""
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return "according to"
    if tok.lower_ == "words" and tok.head.lower_ == "in" and any(c.lower_ == "of" for c in tok.children):
        return "in the words of"
    return None


def source_object(according: "Token") -> "Token | None":
    """X of "according to X" / "in the words of X"; of two objects ("curator Ines Marlow"
    parsed as two) the name."""
    objects = [g for c in according.children if c.lower_ in ("to", "of") for g in c.children if g.dep_ == "pobj"]
    return next((o for o in objects if o.pos_ == "PROPN"), objects[0] if objects else None)
