"""Word an open question from the parse of a hedged sentence.

General rules, one per cue *frame* (see ``lexicons/hedge_cues.txt``): the subject and the
predicate the cue governs are reshaped into a yes/no question —

* future matters (expected, proposed, demanded) → ``Will <subject> <base verb> …?``;
* reported or denied facts keep their tense → ``Did/Has/Is <subject> …?``;
* an event noun without a verb → ``Will <noun phrase> take place …?`` or
  ``Will there be <noun phrase>?``; a party edging towards one → ``Will <subject> move to …?``

Titles before a name are dropped ("French President Emmanuel Macron" → "Emmanuel Macron") and long
tails are cut at the first comma, so a question stays one readable line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from generator.analysis.hedges import Cue, HedgeLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
AUX = {"aux", "auxpass", "neg"}
# Children never carried into a question: other clauses, discourse glue, punctuation.
DROP_DEPS = {"cc", "conj", "parataxis", "mark", "punct", "advcl", "discourse", "intj",
             "dep", "meta", "appos", "relcl", "ccomp", "preconj"}
SETTING_LABELS = {"DATE", "TIME", "GPE", "LOC", "FAC"}  # "for Thursday", "in Geneva": when/where
MAX_REST = 14  # words after the verb beyond which the tail is cut at its first comma
# Verbs that ask nothing without their object ("Did X not have?").
LIGHT_VERBS = {"have", "do", "make", "get", "take", "give", "put", "keep"}
MAX_SUBJECT = 12  # subject words beyond which participle and relative clauses are dropped
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
# Prepositions of circumstance: why or against what background, not part of the matter.
CIRCUMSTANCE = {"amid", "amidst", "despite", "because", "given", "following", "as", "like"}


@dataclass(frozen=True)
class Wording:
    """A question, the verb or noun it is about (for the event checks) and how it was built."""

    text: str
    anchor: int  # doc index of the predicate or event noun the question asks about
    direct: bool  # built from the cue's own arguments (not found by searching around it)


class Worder:
    """Words questions for one document; ``is_person`` says whether a proper noun names a person."""

    def __init__(self, doc: "Doc", lexicon: HedgeLexicon, is_person: Callable[[str], bool] | None = None):
        self.doc = doc
        self.lexicon = lexicon
        self.is_person = is_person or (lambda surface: False)

    # ------------------------------------------------------------------ entry point

    def word(self, cue: Cue) -> Wording | None:
        """The question for ``cue``, or None when its frame finds nothing to ask about."""
        key = self.doc[cue.key]
        drop = set(range(cue.start, cue.end))
        frame = cue.rule.frame
        future = cue.rule.status in ("proposed", "expected")
        if frame == "clause":
            return self._clause_frame(key, drop, future)
        if frame == "xcomp":
            return self._xcomp_frame(key, drop, future)
        if frame in ("take", "move", "there"):
            return self._noun_frame(key, drop, frame)
        return self._content_frame(key, drop, "will" if future else "tense", cue.rule.status == "disputed")

    # ------------------------------------------------------------------ frames

    def _clause_frame(self, key: "Token", drop: set[int], future: bool) -> Wording | None:
        own = key.pos_ in ("VERB", "AUX") and key.tag_ != "MD" and key.dep_ not in ("prep", "advcl")
        verb = key if own else key.head  # "according to sources, X …" is about X
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        going = [c for c in verb.children if c.dep_ == "xcomp"] if verb.lemma_ == "go" and verb.tag_ == "VBG" else []
        if going:  # "are probably going to meet": the future of "meet"
            verb, future = going[0], True
        clause = self._ccomp(verb)
        if clause is not None and verb.lemma_ in ("say", "tell", "suggest", "indicate", "claim"):
            verb = clause  # "sources say the talks will resume": ask about the reported clause
        text = self.clause_question(verb, drop, "will" if future else "tense")
        return Wording(text, verb.i, True) if text else None

    def _xcomp_frame(self, key: "Token", drop: set[int], future: bool) -> Wording | None:
        target = self._infinitive(key)
        if target is None:
            return self._noun_frame(key, drop, "there")
        subject = self._infinitive_subject(key, target)
        mode = "will" if future else "tense-infinitive"
        text = self.clause_question(target, drop, mode, subject=subject)
        return Wording(text, target.i, True) if text else None

    def _noun_frame(self, key: "Token", drop: set[int], frame: str) -> Wording | None:
        if frame == "take" and key.pos_ in ("VERB", "AUX"):  # "a meeting is being considered"
            subject = next((c for c in key.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return self._take_place(key, subject, self._subject_tokens(key), drop)
        obj = self._object(key)
        if obj is None:
            return None
        if obj.pos_ in ("VERB", "AUX"):  # "interest in holding talks", "readiness to negotiate"
            subject = self._subject_tokens(key) if key.pos_ in ("VERB", "AUX") else self._subject_tokens(key.head)
            text = self.clause_question(obj, drop, "will", subject=subject)
            return Wording(text, obj.i, True) if text else None
        phrase = self.render(self._phrase(obj, drop))
        if not phrase:
            return None
        if frame == "move":
            subject = self.subject_text(self._subject_tokens(key))
            if not subject:
                return None
            return Wording(f"Will {subject} move to {phrase}?", obj.i, True)
        if frame == "there":
            return Wording(f"Will there be {phrase}?", obj.i, True)
        return self._take_place(key, obj, self._phrase(obj, drop), drop)

    def _take_place(self, key: "Token", noun: "Token", words: list["Token"], drop: set[int]) -> Wording | None:
        """"Will <event> take place <when/where>?", the setting taken from the cue's phrases."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return None  # "no date has been set": nothing named to ask about
        phrase = self.render(words)
        if not phrase:
            return None
        settings = self._settings(key, drop | {t.i for t in words})
        where = self.render(settings, swap=self._on_dates(settings))
        tail = f" {where}" if where else ""
        return Wording(f"Will {phrase} take place{tail}?", noun.i, True)

    def _content_frame(self, key: "Token", drop: set[int], mode: str, denial: bool = False) -> Wording | None:
        clause = self._ccomp(key)
        for noun in (c for c in key.children if c.dep_ in ("dobj", "nsubjpass", "pobj")):
            clause = clause or self._ccomp(noun)
        if clause is not None:
            subject = self._subject_tokens(clause)
            speaker = self._subject_tokens(key)
            if self._pronoun(subject) in ("it", "they", "he", "she"):
                # "X denied that it had …": the pronoun is the one who denies
                subject = speaker or subject
            elif speaker and subject and subject[0].tag_ == "PRP$" and subject[0].lower_ in ("its", "their"):
                # "X claimed that its forces …" → "X's forces"
                swap = {subject[0].i: self.render(speaker) + "'s"}
                text = self.clause_question(clause, drop, mode, subject=subject, swap=swap)
                return Wording(text, clause.i, True) if text else None
            text = self.clause_question(clause, drop, mode, subject=subject)
            return Wording(text, clause.i, True) if text else None
        denied = self._denied_object(key, drop) if denial else None
        if denied is not None:
            return denied
        subject = next((c for c in key.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lemma_.lower() in self.lexicon.event_nouns:
            # "the attack has not been confirmed": did it happen at all?
            phrase = self.render(self._phrase(subject, drop))
            return Wording(f"Did {phrase} take place?", subject.i, True) if phrase else None
        if key.pos_ in ("VERB", "AUX"):
            return None  # a verb's content is its own clause: "claiming asylum" asks nothing
        for up in (key.head, key.head.head):  # "unconfirmed reports said X", "unclear whether X"
            clause = self._ccomp(up, exclude=key)
            if clause is not None:
                text = self.clause_question(clause, drop, mode)
                return Wording(text, clause.i, False) if text else None
        return None

    def _denied_object(self, key: "Token", drop: set[int]) -> Wording | None:
        """A denial of a thing, not a clause: "denied the allegations of fraud" →
        "Are the allegations of fraud true?"; "denied any involvement in the attack" →
        "Did Russia have any involvement in the attack?". A bare object ("denied visas") is a
        refusal and asks nothing."""
        if key.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass", "dative") for c in key.children):
            return None  # "was denied entry", "denied him a visa": a refusal
        obj = next((c for c in key.children if c.dep_ == "dobj"), None)
        if obj is None or not any(c.dep_ in ("prep", "acl") for c in obj.children):
            return None
        phrase = self.render(self._phrase(obj, drop))
        if obj.lemma_.lower() in self.lexicon.claim_nouns:
            verb = "Are" if obj.tag_ == "NNS" else "Is"
            return Wording(f"{verb} {phrase} true?", obj.i, True)
        subject = self.subject_text(self._subject_tokens(key))
        return Wording(f"Did {subject} have {phrase}?", obj.i, True) if subject else None

    # ------------------------------------------------------------------ parse helpers

    def _ccomp(self, token: "Token", exclude: "Token | None" = None) -> "Token | None":
        """A content clause under ``token`` ("denied that …", "reports that …", "whether …")."""
        for child in token.children:
            if exclude is not None and exclude.i in {t.i for t in child.subtree}:
                continue
            if child.dep_ in ("ccomp", "acl", "csubj") and child.pos_ in ("VERB", "AUX"):
                if child.dep_ != "acl" or any(m.dep_ == "mark" for m in child.children):
                    return child
        return None

    def _infinitive(self, key: "Token") -> "Token | None":
        """The to-infinitive a cue governs ("expected to sign", "for Ankara to articulate")."""
        heads = [key] + [c for c in key.children if c.dep_ in ("acomp", "attr", "pobj")]
        for head in heads:
            for child in head.children:
                if child.dep_ in ("xcomp", "advcl", "acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
                    if any(a.lower_ == "to" for a in child.children if a.dep_ == "aux"):
                        return child
        return None

    def _infinitive_subject(self, key: "Token", target: "Token") -> list["Token"]:
        own = self._subject_tokens(target, inherit=False)
        if own:
            return own  # "for Ankara to articulate"
        objects = [c for c in key.children if c.dep_ == "dobj"]
        objects += [p for c in key.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                    for p in c.children if p.dep_ == "pobj"]
        if objects and key.lemma_.lower() not in ("expect", "say", "believe", "think", "report"):
            return self._phrase(objects[0], set())  # "urged all sides to …", "called on X to …"
        return self._subject_tokens(key)

    def _object(self, key: "Token") -> "Token | None":
        """The thing a cue is about: its object, or the object of its preposition."""
        for child in key.children:
            if child.dep_ in ("dobj", "attr") and child.lemma_.lower() not in self.lexicon.claim_nouns:
                nested = self._object(child) if child.lemma_.lower() in ("readiness", "willingness", "openness", "interest") else None
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

    def _subject_tokens(self, verb: "Token", inherit: bool = True) -> list["Token"]:
        """The subject of ``verb`` as the contiguous words before its auxiliaries.

        Contiguous, not the subtree: the parser often splits a coordinated subject
        ("a meeting involving A, B, and C is …" puts C under the verb).
        """
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if not subjects and inherit and verb.pos_ not in ("VERB", "AUX"):
            up = verb  # "is in talks to acquire": the subject of the clause the noun sits in
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head
            return self._subject_tokens(up) if up.pos_ in ("VERB", "AUX") else []
        if not subjects:
            if inherit and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # a reduced relative: "the first meeting set to take place …"
                return [t for t in self._phrase(verb.head, set()) if t.i < verb.i]
            if inherit and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
                return self._subject_tokens(verb.head)
            return []
        left = min(t.left_edge.i for t in subjects)
        stop = verb.i
        for child in verb.children:
            if child.i > left and child.i < stop and (child.dep_ in AUX or child.dep_ == "advmod"):
                if child.i > max(t.i for t in subjects):
                    stop = child.i
                    break
        tokens = [t for t in self.doc[left:stop]
                  if not t.is_punct or t.text in (",", "-") or t.dep_ == "case"]
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "preconj")):
            tokens.pop()
        tokens = [t for t in tokens if t.dep_ != "preconj"]
        hidden = self._title_words(tokens)
        if sum(1 for t in tokens if not t.is_punct and t.i not in hidden) > MAX_SUBJECT:  # "a system backed by … in 2021 for …": keep the noun phrase
            starts = [c.left_edge.i for h in subjects for c in h.children
                      if c.dep_ in ("acl", "relcl", "appos") and c.i > h.i]
            if starts:
                tokens = [t for t in tokens if t.i < min(starts)]
            while tokens and tokens[-1].is_punct:
                tokens.pop()
        return tokens

    def _phrase(self, head: "Token", drop: set[int]) -> list["Token"]:
        """The noun phrase of ``head``: its subtree without clauses and asides."""
        out = [head]
        for child in head.children:
            if child.i in drop or child.dep_ in DROP_DEPS - {"conj", "cc", "punct"}:
                continue
            if child.dep_ == "punct" and child.text not in ("-", "–", ","):
                continue
            if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE:
                continue
            out.extend(self._phrase(child, drop))
        return sorted(out, key=lambda t: t.i)

    def _settings(self, key: "Token", skip: set[int]) -> list["Token"]:
        """Time and place phrases of a cue ("considered for Thursday in Geneva")."""
        out: list["Token"] = []
        for child in key.children:
            if child.dep_ != "prep" or child.i in skip:
                continue
            objs = [p for p in child.children if p.dep_ == "pobj"]
            if objs and objs[0].ent_type_ in SETTING_LABELS:
                out.extend(t for t in child.subtree if t.i not in skip)
        return sorted(out, key=lambda t: t.i)

    # ------------------------------------------------------------------ clause → question

    def clause_question(self, verb: "Token", drop: set[int], mode: str,
                        subject: list["Token"] | None = None, swap: dict[int, str] | None = None) -> str | None:
        """Reshape the clause of ``verb`` into a yes/no question.

        ``mode``: ``will`` (a future matter), ``tense`` (keep the clause's tense by moving its
        first auxiliary, or do-support), ``tense-infinitive`` (an infinitive reported as fact:
        "is said to have fled" → "Did X flee").
        """
        subj = subject if subject is not None else self._subject_tokens(verb)
        if not subj:
            return None
        subj_ids = {t.i for t in subj}
        auxes = [c for c in verb.children if c.dep_ in AUX and c.i < verb.i and c.i not in drop]
        rest = self._rest(verb, drop | subj_ids | {a.i for a in auxes})
        negation = [a for a in auxes if a.dep_ == "neg"]
        helpers = [a for a in auxes if a.dep_ != "neg" and a.lower_ != "to"]
        passive = any(a.dep_ == "auxpass" for a in helpers)
        perfect = any(a.lemma_ == "have" for a in helpers)
        progressive = verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in helpers)
        subj_text = self.subject_text(subj, swap)
        if not subj_text:
            return None
        if not rest and verb.lemma_ in LIGHT_VERBS:
            return None  # "Did X not have?": the object was lost in the parse
        neg = " not" if negation else ""
        plural = self._plural(subj)
        if mode == "tense-infinitive":
            if perfect:
                head, pred = "Did", f"{verb.lemma_}" if not passive else f"get {verb.text}"
                if passive:
                    head, pred = "Was", verb.text
            elif progressive:
                head, pred = "Are" if plural else "Is", verb.text
            elif verb.lemma_ == "be":
                head, pred = "Are" if plural else "Is", ""
            else:
                head, pred = "Do" if plural else "Does", verb.lemma_
            return self._assemble(head, subj_text, neg, pred, rest)
        if mode == "will":
            pred = f"be {verb.text}" if passive else ("be" if verb.lemma_ == "be" else verb.lemma_)
            if progressive and not passive:
                pred = f"be {verb.text}"
            return self._assemble("Will", subj_text, neg, pred, rest)
        # tense: invert the first auxiliary, or use do-support
        modal = [a for a in helpers if a.tag_ == "MD"]
        if helpers and helpers[0].lower_ == "had" and not passive:  # "had crossed" → "Did … cross"
            return self._assemble("Did", subj_text, neg, verb.lemma_, rest)
        if helpers:
            first, others = helpers[0], helpers[1:]
            head = "Will" if modal and first.lower_ in ("could", "may", "might") else first.text
            pred = " ".join([a.text for a in others] + [verb.text if first.lemma_ != "do" else verb.lemma_])
            return self._assemble(head.capitalize(), subj_text, neg, pred, rest)
        if verb.lemma_ == "be":
            return self._assemble(verb.text.capitalize(), subj_text, neg, "", rest)
        support = {"VBD": "Did", "VBZ": "Does", "VBP": "Do"}.get(verb.tag_, "Did")
        return self._assemble(support, subj_text, neg, verb.lemma_, rest)

    @staticmethod
    def _plural(subject: list["Token"]) -> bool:
        """Whether a subject takes "are"/"do": a plural head or a coordination."""
        if any(t.lower_ == "and" and t.dep_ == "cc" for t in subject):
            return True
        heads = [t for t in subject if t.head.i not in {s.i for s in subject}]
        return any(t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "we") for t in heads)

    def _assemble(self, head: str, subject: str, neg: str, pred: str, rest: str) -> str:
        words = [head, subject + neg, pred, rest]
        text = " ".join(w for w in words if w).strip()
        text = text.replace(" ,", ",").replace(" .", "")
        return text.rstrip(" ,;:.") + "?"

    def _rest(self, verb: "Token", skip: set[int]) -> str:
        """Everything the verb governs after it: objects, complements, time and place."""
        tokens: list["Token"] = []
        for child in verb.children:
            if child.i in skip or child.i < verb.i and child.dep_ not in ("dobj",):
                continue
            if child.dep_ in DROP_DEPS or child.dep_ in SUBJECTS:
                continue
            if child.dep_ == "advmod" and child.i < verb.i:
                continue
            if child.dep_ == "npadvmod" and child.ent_type_ not in ("DATE", "TIME"):
                continue  # keep "next week", drop "a day"
            tokens.extend(t for t in child.subtree if t.i not in skip)
        tokens = sorted(tokens, key=lambda t: t.i)
        return self.render(self._cut(tokens))

    @staticmethod
    def _on_dates(tokens: list["Token"]) -> dict[int, str]:
        """"considered for Thursday" asks whether it happens *on* Thursday."""
        return {t.i: "on" for t in tokens if t.lower_ == "for" and any(
            c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in t.children)}

    def _cut(self, tokens: list["Token"]) -> list["Token"]:
        if len(tokens) <= MAX_REST:
            return tokens
        for n, tok in enumerate(tokens):
            if tok.text in (",", ";", "—", "–", "(") and n >= 3:
                return tokens[:n]
        return tokens

    # ------------------------------------------------------------------ rendering

    @staticmethod
    def _pronoun(tokens: list["Token"]) -> str | None:
        words = [t for t in tokens if not t.is_punct]
        return words[0].lower_ if len(words) == 1 and words[0].pos_ == "PRON" else None

    def subject_text(self, tokens: list["Token"], swap: dict[int, str] | None = None) -> str | None:
        """The subject as question words; a pronoun is replaced by the person it most
        likely stands for, or the question is dropped.

        "I", "we" and "you" belong to a speaker's voice and "it"/"they" rarely have a
        recoverable antecedent without coreference; "he"/"she" take the nearest person named
        before them in the article.
        """
        pron = self._pronoun(tokens)
        if not pron:
            return self.render(tokens, swap=swap)
        words = [t for t in tokens if not t.is_punct]
        if pron not in ("he", "she"):
            return None
        people = [e for e in self.doc.ents if e.label_ == "PERSON" and e.end <= words[0].i]
        if not people:
            return None
        name = people[-1]
        return self.render(list(name))

    def _title_words(self, tokens: Iterable["Token"]) -> set[int]:
        """Indices of title words before a person's name ("Brazilian President" in
        "Brazilian President Lula"), to be left out of the question."""
        drop: set[int] = set()
        titles = self.lexicon.titles
        for tok in tokens:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue
            chain = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
            modifiers = [t for c in chain for t in c.subtree]
            name_parts = [t for t in modifiers if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
            title = [t for t in modifiers if t.lemma_.lower() in titles or t.lower_ in titles]
            person = tok.ent_type_ == "PERSON" or self.is_person(tok.text) or bool(title)
            if title and person:
                keep_from = min((t.i for t in name_parts if t.i > max(x.i for x in title)), default=tok.i)
                drop.update(t.i for t in modifiers if t.i < keep_from)
        return drop

    def render(self, tokens: list["Token"], first: bool = False, swap: dict[int, str] | None = None) -> str:
        """The words of ``tokens`` as text, without titles and with a clean list comma."""
        if not tokens:
            return ""
        hide = self._title_words(tokens)
        kept = [t for t in tokens if t.i not in hide]
        # no serial comma in a question: "A, B and C"
        kept = [t for n, t in enumerate(kept)
                if not (t.text == "," and n + 1 < len(kept) and kept[n + 1].lower_ in ("and", "or"))]
        parts: list[str] = []
        for n, tok in enumerate(kept):
            nxt = kept[n + 1] if n + 1 < len(kept) else None
            gap = tok.whitespace_ if nxt is not None and nxt.i == tok.i + 1 else " "
            word = (swap or {}).get(tok.i, tok.text)
            parts.append(word + (gap if nxt is not None else ""))
        text = "".join(parts).strip()
        head = kept[0]
        named = (head.pos_ == "PROPN" or head.ent_type_ in NAME_LABELS or head.text == "I") \
            and head.pos_ != "DET"  # "The European Union" → "the European Union"
        named = named or head.i in (swap or {})  # a name put in for a pronoun
        if not first and not named:
            text = text[:1].lower() + text[1:]
        return text
