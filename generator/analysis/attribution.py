"""Who speaks: the reporting-verb lexicon and the speaker of a reporting verb.

A speaker is an actor of the :class:`ActorIndex` when one can be found (a mention inside the
subject, the pronoun's antecedent, a role noun such as "the president" the index resolves),
else the subject's own words when they name an agent ("a government spokesman"), else
nobody: a statement without a speaker is dropped rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from generator.analysis.lexicons import ReportingVerbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from generator.model import Actor

SUBJECT_DEPS = ("nsubj", "csubj")
# Dependents that belong to a speaker's name rather than to what is said about him.
_NAME_DEPS = {"compound", "amod", "det", "appos", "flat", "nmod", "prep", "pobj", "punct", "case", "cc", "conj", "nummod"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
# Words that give a person's gender when they stand next to the name ("Mr", "spokeswoman",
# "Paris's father, Albert Jaquier"); general English, used only to keep "she" off a man.
_MALE = frozenset("mr sir lord king prince father husband son brother man boy spokesman chairman businessman "
                  "congressman uncle grandfather nephew mister monsieur he him his".split())
_FEMALE = frozenset("mrs ms miss madam madame lady dame queen princess mother wife daughter sister woman girl "
                    "spokeswoman chairwoman businesswoman congresswoman aunt grandmother niece actress she her "
                    "hers".split())
_GROUP_PRONOUNS = {"they", "it"}
_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# A proper noun as the subject of a reporting verb is an agent even when the tagger gives it an
# odd label (newspapers come out as EVENT or WORK_OF_ART, rare names as LOC), unless it is a
# date or a number.
_NOT_AGENT_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}
# Nouns that name people by what they do: spokesman, minister, official, analyst, director,
# expert, police, government, ministry … (English agent-noun endings plus institution words).
_AGENT_NOUN = re.compile(
    r"(?:man|men|woman|women|person|people|er|or|ist|ian|ant|ent|ee|ary|official|minister|chief|"
    r"head|leader|police|government|ministry|office|agency|army|military|committee|council|"
    r"court|union|group|party|team|staff|source|family|coach|member|expert|witness|city|state|"
    r"administration|authority|authorities|department|company|embassy|commission|board|"
    r"association|organisation|organization|institute|university|bank|newspaper)s?$"
)

# Things whose names end like agent nouns ("-ist", "-er", "-or"): general English, not people.
_NOT_AGENT_NOUNS = frozenset(
    "list shortlist longlist checklist playlist waitlist blacklist whitelist wishlist number order letter "
    "paper border corner matter water weather quarter center centre error factor sector mirror "
    "chapter register twist mist gist".split()
)

# Common nouns for a person, by what they are or do (general English): a pronoun can stand for one
# named no other way ("the nurse described her shifts … she said"). Gendered nouns are in _MALE/_FEMALE.
_PERSON_NOUNS = frozenset(
    "nurse doctor physician surgeon teacher student pupil resident neighbour neighbor witness victim survivor "
    "patient passenger driver pilot farmer worker employee official spokesperson spokesman spokeswoman "
    "lawyer attorney prosecutor judge officer soldier veteran refugee migrant tourist visitor owner "
    "manager director president chairman chairwoman minister mayor governor senator analyst expert "
    "researcher scientist professor economist activist campaigner protester protestor organiser organizer "
    "volunteer journalist reporter editor author writer artist singer actor actress player coach captain "
    "fan customer shopper parent child teenager man woman person mother father priest imam rabbi "
    "businessman businesswoman entrepreneur investor trader shopkeeper engineer mechanic firefighter "
    "paramedic medic guard diplomat ambassador lawmaker legislator politician candidate voter".split()
)


def _person_noun(lemma: str, wanted: str) -> bool:
    """Whether a common noun names a person a pronoun of gender ``wanted`` ("m"/"f") can stand for."""
    if lemma in _MALE:
        return wanted == "m"
    if lemma in _FEMALE:
        return wanted == "f"
    return lemma in _PERSON_NOUNS

# Nouns for a message someone sends: one may be called by another ("in an email … the statement said").
_MESSAGES = frozenset("statement email e-mail release memo letter message communique".split())


@dataclass(frozen=True)
class _Mention:
    """A mention the resolver adds where the index has none (see ``_unlisted_subjects``)."""

    start: int
    end: int
    text: str
    actor: str


class MentionLike(Protocol):
    start: int
    end: int
    text: str
    actor: str


class IndexLike(Protocol):
    """What the finder needs of :class:`generator.analysis.actors.ActorIndex`."""

    actors: tuple["Actor", ...]

    def resolve(self, surface: str) -> "Actor | None": ...

    def mentions(self, source: str) -> list[Any]: ...


class SpeakerResolver:
    """Resolves the speaker of reporting verbs of one article.

    Args:
        source: the article id.
        doc: its spaCy ``Doc``.
        index: the set's actor index.
        lexicon: the reporting-verb lexicon.
        quoted: character ranges of the article's quotes.
    """

    def __init__(
        self, source: str, doc: "Doc", index: IndexLike, lexicon: ReportingVerbs, quoted: tuple[tuple[int, int], ...] = ()
    ):
        self.doc = doc
        self.quoted = quoted  # (start, end) of quoted spans: names inside a quote are not antecedents
        self.index = index
        self.lexicon = lexicon
        self.mentions = sorted(index.mentions(source), key=lambda m: (m.start, m.end))
        self.kinds = {a.name: a.kind for a in index.actors}
        self.roles = {a.name: " ".join([a.role or "", *(r for _, r in a.roles)]).lower() for a in index.actors}
        self.gender = self._genders()
        # role words without punctuation, so "president" is found in "French President,"
        self.roles = {k: re.sub(r"[^\w\s]", " ", v) for k, v in self.roles.items()}

    # ------------------------------------------------------------------ verbs

    def subject_of(self, verb: "Token") -> "Token | None":
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
            inverted = self._inverted_subject(token)
            if inverted is not None:
                return inverted
            if token.dep_ in ("advcl", "conj", "xcomp") and token.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB", "VBN"):
                head = token.head if token.head is not token else None
                if head is not None and self._coordinated_into_clause(token, head):
                    head = head.head  # "They claimed X was Y and claim Z": the second verb is theirs
                token = head
                continue
            if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "quoted as saying"
                token = token.head.head
                continue
            return None
        return None

    def _coordinated_into_clause(self, verb: "Token", head: "Token") -> bool:
        """Whether the parser hung a reporting verb, coordinated to the reporting verb above, from
        the clause that verb reports ("claimed Paris was a volunteer and claim she …": "claim"
        under "was"): the head is no verb of saying but the content clause of one."""
        frames = self.lexicon.frames
        return (
            verb.dep_ == "conj"
            and verb.lemma_.lower() in frames
            and head.lemma_.lower() not in frames
            and head.dep_ == "ccomp"
            and head.head.lemma_.lower() in frames
        )

    def speaker_of_verb(self, verb: "Token", named: frozenset[str] = frozenset()) -> str | None:
        """The speaker of a reporting verb (or of "according to X"); ``named``: actors inside the quote."""
        if source_phrase(verb):
            pobj = source_object(verb)
            return self.speaker(pobj, named) if pobj is not None else None
        subj = self.subject_of(verb)
        if subj is None or inside(subj.idx, self.quoted):
            return None
        if subj.pos_ == "PRON":  # "He described Montalvo as …": he is not the one he describes
            own = {t.i for t in subj.subtree}
            others = [t for t in verb.subtree if t.i not in own]
            if others:
                lo, hi = others[0].idx, others[-1].idx + len(others[-1])
                named = named | {m.actor for m in self.mentions if lo <= m.start < hi}
        return self.speaker(subj, named)

    def _inverted_subject(self, verb: "Token") -> "Token | None":
        """The subject after a reporting verb that follows its content ("…, added the president")."""
        lemma = verb.lemma_.lower()
        # the tagger often calls "added" in "…,” added KCNA" a participle; one without an
        # auxiliary is finite here
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
            verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )
        if lemma not in self.lexicon.frames or lemma in self.lexicon.urge or not finite:
            return None  # "urging all sides": the object is the one addressed
        before = verb.i > 0 and (self.doc[verb.i - 1].is_punct or self.doc[verb.i - 1].is_quote)
        content_before = (
            verb.head.i < verb.i
            or any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
            or any(t.is_quote for t in self.doc[max(0, verb.i - 3) : verb.i])  # “…,” added the agency
        )
        if not (before and content_before):
            return None
        if verb.dep_ == "amod" and verb.i < verb.head.i <= verb.i + 3 and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head  # "…", added KCNA. parsed as an adjective on "KCNA"
        for child in verb.rights:
            if child.i > verb.i + 4:
                break
            if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                if any(c.dep_ == "acl" for c in child.children):
                    return None  # "signalled Turkey's intent to …" is an object, not a subject
                return child
        return None

    # ------------------------------------------------------------------ noun phrases

    def speaker(self, token: "Token", exclude: frozenset[str] = frozenset()) -> str | None:
        """The canonical speaker for the head ``token`` of a subject, or None.

        ``exclude``: actors a pronoun cannot stand for (those named inside the quote itself:
        a speaker seldom names himself in his own words).
        """
        if token.pos_ == "PRON" or token.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            return self.pronoun(token, exclude)
        if token.lemma_.lower() in self.lexicon.not_speakers | self.lexicon.speech_nouns:
            # "Cornyn's statement added …": the statement's author speaks; "the report says …": nobody
            owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
            if owner is None:  # "The Home Office letter reads …": a named body's document
                owner = next((c for c in token.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE")), None)
            if owner is None:  # "a statement from the ministry", "a letter by the mayor"
                owner = next(
                    (g for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                     for g in c.children if g.dep_ == "pobj"),
                    None,
                )
            if owner is None:  # "X issued a statement. “…,” the statement said": X
                return self._document_owner(token, exclude)
            return self.speaker(owner, exclude)
        phrase = self.name_phrase(token)
        inside = self._mentions_in(phrase, token)
        if inside and self.kinds.get(inside.actor) != "person":
            # "The Office for Budget Responsibility's chairman, Richard Hughes, said": the parser
            # may make the body the subject; the person in apposition speaks
            person = self._appositive_person(phrase)
            if person:
                return person
        if inside:
            return inside.actor
        for surface in self._surfaces(phrase, token):
            actor = self.index.resolve(surface)
            if actor is not None:
                return actor.name
        short = self._short_form(token)
        if short:
            return short
        if token.pos_ == "NOUN":
            by_role = self._by_role(token)
            if by_role:
                return by_role
        return self._surface_speaker(phrase, token)

    def _document_owner(self, noun: "Token", exclude: frozenset[str]) -> str | None:
        """Who put out "the statement" a reporting verb has as subject: the subject of the verb
        whose object the same noun was in this sentence or the two before ("The ministry issued
        a statement …"). Only a definite noun refers back."""
        if not any(c.lower_ == "the" for c in noun.children):
            return None
        sent = noun.sent
        spans = [sent]
        while len(spans) < 3 and spans[-1].start > 0:
            spans.append(self.doc[spans[-1].start - 1].sent)
        for span in spans:
            for tok in reversed(list(span)):
                if tok.i >= noun.i or tok.lemma_ != noun.lemma_ or tok.dep_ not in ("dobj", "pobj"):
                    continue
                verb = tok.head if tok.dep_ == "dobj" else tok.head.head
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lemma_.lower() not in self.lexicon.not_speakers:
                    return self.speaker(subj, exclude)
        # "In an email, a city spokesperson said …. “…,” the statement said": the one who spoke
        # through a document in the sentences before
        documents = self.lexicon.not_speakers | self.lexicon.speech_nouns
        lemma = noun.lemma_.lower()
        kin = _MESSAGES if lemma in _MESSAGES else {lemma}  # a report is not a statement
        for span in spans[1:]:
            if not any(t.lemma_.lower() in kin and t.pos_ == "NOUN" for t in span):
                continue
            for verb in span:
                if verb.pos_ == "VERB" and verb.lemma_.lower() in self.lexicon.frames and not self._in_quote(verb):
                    subj = self.subject_of(verb)
                    if subj is not None and subj.lemma_.lower() not in documents and not self._in_quote(subj):
                        return self.speaker(subj, exclude)
        return None

    def name_phrase(self, token: "Token") -> "Span":
        """The tokens that name the speaker: the head with its title, name and apposition."""
        left, right = token.i, token.i
        for child in token.lefts:
            if child.dep_ in _NAME_DEPS | {"poss"}:
                left = min(left, child.left_edge.i)
        for child in token.rights:
            comma = child.dep_ == "punct" and child.text == ","
            if child.dep_ in ("appos", "flat", "compound", "prep", "cc", "conj") or comma:
                right = max(right, child.right_edge.i)
        while right > token.i and self.doc[right].is_punct:
            right -= 1
        return self.doc[left : right + 1]

    def _mentions_in(self, phrase: "Span", head: "Token") -> MentionLike | None:
        """The actor mention that names ``phrase``: it covers the head, or an apposition/compound."""
        start, end = phrase.start_char, phrase.end_char
        found = [m for m in self.mentions if m.start < end and m.end > start]
        if not found:
            return None
        covering = [m for m in found if m.start <= head.idx < m.end]
        if covering:
            return covering[0]
        # "the team's coach, Alireza Mehraban": a name in an apposition or compound of the head
        deps = ("appos", "compound", "flat") + (("conj",) if head.pos_ in ("NOUN", "ADJ") else ())
        # "American academic and professor Marc Lamont Hill": a name coordinated to a title noun
        named = {t.i for c in head.children if c.dep_ in deps for t in c.subtree}
        tokens = [t for t in phrase if t.i in named]
        hits = [m for m in found if any(m.start <= t.idx < m.end for t in tokens)]
        # "the Crown prosecutor, Mark Tedeschi": the person, not the body in the title
        people = [m for m in hits if self.kinds.get(m.actor) == "person"]
        return (people or hits or [None])[0]

    def _appositive_person(self, phrase: "Span") -> str | None:
        """The one person mentioned in ``phrase`` as an apposition set off by commas."""
        found = set()
        for m in self.mentions:
            if not (phrase.start_char <= m.start < phrase.end_char) or self.kinds.get(m.actor) != "person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ == "appos" and span.start > 0 and self.doc[span.start - 1].text == ",":
                found.add(m.actor)
        return next(iter(found)) if len(found) == 1 else None

    def _surfaces(self, phrase: "Span", head: "Token") -> list[str]:
        """Phrases to ask the index: the whole subject, it without its article, the head noun."""
        words = [t for t in phrase if not t.is_punct]
        if words and words[0].dep_ == "det":
            words = words[1:]
        out = [phrase.text, " ".join(t.text for t in words)]
        compounds = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i >= phrase.start]
        if compounds:
            out.append(" ".join(t.text for t in [*compounds, head]))
        if head.pos_ == "NOUN":
            out.append(head.text)
            out.append(head.lemma_)
        return [s for i, s in enumerate(out) if s and s not in out[:i]]

    def _by_role(self, head: "Token") -> str | None:
        """The person before ``head`` whose role has the head noun ("the president" → the president
        last named, a grammatical subject first)."""
        lemma = head.lemma_.lower()
        return self._antecedent(head, {"person"}, lambda name: lemma in self.roles.get(name, "").split())

    def _surface_speaker(self, phrase: "Span", head: "Token") -> str | None:
        """The subject's own words when they name an agent that is not in the index."""
        if head.lemma_.lower() in self.lexicon.not_speakers or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ == "conj" for c in head.children):
            return None  # "the school district and the police": two speakers, not one
        if head.pos_ == "PROPN" and head.ent_type_ in _NOT_AGENT_ENTS:
            return None
        agent_noun = _AGENT_NOUN.search(head.lemma_.lower()) and head.lemma_.lower() not in _NOT_AGENT_NOUNS
        if head.pos_ == "NOUN" and not (agent_noun or self._agent_modifier(head)):
            return None  # "Ankara's support for …" is no speaker; "a government spokesman" is
        named = self._appositive_name(head)
        if named:
            return named
        # the name without what an apposition says of it ("Ana Ruiz, 34, a nurse" → "Ana Ruiz")
        drop = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
        words = [t for t in phrase if t.i not in drop]
        while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
            words = words[:-1]
        text = "".join(t.text_with_ws for t in words).strip()
        return text if len(text) > 2 else None

    def _appositive_name(self, head: "Token") -> str | None:
        """A person's name in apposition to a title ("CEO of the Refugee Council Enver Solomon"):
        the run of proper nouns outside an organisation's or place's name that ends at the
        apposition's PERSON token (the parser often splits the first name off into the title)."""
        if head.ent_type_ == "PERSON":
            return None
        person = next(
            (c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"),
            None,
        )
        if person is None:
            return None
        left = person.i
        while left > 0 and self.doc[left - 1].pos_ == "PROPN" and self.doc[left - 1].ent_type_ in ("", "PERSON"):
            left -= 1
        right = person.i
        while right + 1 < len(self.doc) and self.doc[right + 1].ent_type_ == "PERSON" and self.doc[right + 1].ent_iob_ == "I":
            right += 1
        return self.doc[left : right + 1].text

    @staticmethod
    def _agent_modifier(head: "Token") -> bool:
        """A noun made an agent by a name on its left ("Turkish officials", "NATO sources")."""
        return any(c.dep_ in ("compound", "amod") and c.ent_type_ in _ACTOR_ENTS for c in head.lefts)

    # ------------------------------------------------------------------ pronouns

    def pronoun(self, token: "Token", exclude: frozenset[str] = frozenset()) -> str | None:
        """The antecedent of a speaker pronoun: the nearest fitting actor before it.

        "they" stands for an organisation or group (a country is "it"), else for the plural
        agent that was the subject of the sentence before ("The authors say … They call …").
        """
        lower = token.lower_
        ok = lambda name: name not in exclude  # noqa: E731
        if lower in _PERSON_PRONOUNS:
            wanted = "m" if lower in ("he", "him") else "f"
            fits = lambda name: ok(name) and self.gender.get(name, wanted) == wanted  # noqa: E731
            found = self._antecedent(token, {"person"}, fits)
            unnamed = self._unnamed_person(token, wanted)
            if unnamed is not None and (found is None or self._mentioned_before(found, unnamed[1], token.idx)):
                return unnamed[0]  # "… the nurse described her shifts. “…,” she said": the nurse
            return found
        if lower == "it":
            found = self._antecedent(token, {"organisation", "country"}, ok, subjects_only=True)
            return found or self._previous_agent(token, ("NN", "NNP"))
        if lower == "they":
            found = self._antecedent(token, {"organisation", "group"}, ok, subjects_only=True)
            return found or self._previous_agent(token, ("NNS", "NNPS"))
        return None

    def _unnamed_person(self, token: "Token", wanted: str) -> "tuple[str, int] | None":
        """A person named only by a noun ("the nurse", "a local woman") as the subject of the sentence
        before a pronoun (or of its own, before it): the pronoun's nearer antecedent than any name
        further back. Returns the phrase and its offset; a noun that stands for a named person
        ("the president") resolves to that person instead."""
        sent = token.sent
        sents = [sent] + ([self.doc[sent.start - 1].sent] if sent.start > 0 else [])
        for span in sents:
            for tok in reversed(list(span)):
                if span == sent and tok.i >= token.i:
                    continue
                if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or tok.tag_ != "NN" or self._in_quote(tok):
                    continue
                if not _person_noun(tok.lemma_.lower(), wanted):
                    continue
                phrase = self.name_phrase(tok)
                if any(m.start < phrase.end_char and m.end > phrase.start_char for m in self.mentions):
                    return None  # "the nurse, Jane Doe": the name decides
                by_role = self._by_role(tok)
                return (by_role, tok.idx) if by_role else (phrase.text, tok.idx)
        return None

    def _mentioned_before(self, actor: str, offset: int, before: int) -> bool:
        """Whether ``actor``'s last mention (outside quotes) before ``before`` comes before ``offset``."""
        starts = [m.start for m in self.mentions if m.actor == actor and m.start < before and not self._in_quote_at(m.start)]
        return not starts or max(starts) < offset

    def _in_quote(self, tok: "Token") -> bool:
        return self._in_quote_at(tok.idx)

    def _in_quote_at(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def _previous_agent(self, token: "Token", tags: tuple[str, ...]) -> str | None:
        """For "they"/"it": the agent that was the subject of the sentence before ("The authors say …
        They call …", "The mayor's office issued a statement. “…,” it said"); plural for "they",
        singular for "it", never a person."""
        start = token.sent.start
        if start == 0:
            return None
        prev = self.doc[start - 1].sent
        for tok in prev:
            if tok.dep_ == "nsubj" and tok.tag_ in tags and not any(s <= tok.idx < e for s, e in self.quoted):
                if tok.ent_type_ == "PERSON":
                    return None
                found = self.speaker(tok) if tok.pos_ == "PROPN" else None
                if found and self.kinds.get(found) == "person":
                    return None
                return found or self._surface_speaker(self.name_phrase(tok), tok)
        return None

    def _antecedent(
        self, token: "Token", kinds: set[str], accept=lambda name: True, subjects_only: bool = False
    ) -> str | None:
        """The nearest actor of ``kinds`` mentioned before ``token``, outside quotes.

        Scans the sentence so far and up to five sentences back (three for "it"/"they"); in each sentence a mention
        that is a grammatical subject wins (news writing keeps the topic in subject position:
        "Okafor emphasised …, noting his talks with Moreno. He said …" means Okafor). With
        ``subjects_only`` (for "it"/"they", which refer far less reliably) only subjects count.
        """
        sent = token.sent
        sentences = [sent]
        start = sent.start
        # he/she carry further than it/they: a person stays the topic over a short paragraph or two
        depth = 4 if subjects_only else 6
        while len(sentences) < depth and start > 0:
            prev = self.doc[start - 1].sent
            sentences.append(prev)
            start = prev.start
        for span in sentences:
            limit = token.idx if span == sent else span.end_char
            cands = [
                m
                for m in self.mentions + self._unlisted_subjects(span)
                if span.start_char <= m.start < limit
                and self.kinds.get(m.actor) in kinds
                and accept(m.actor)
                and not any(s <= m.start < e for s, e in self.quoted)
            ]
            if not cands:
                continue
            cands.sort(key=lambda m: m.start)
            subjects = [m for m in cands if self._is_subject(m)]
            if subjects:
                return subjects[-1].actor
            if not subjects_only:
                return cands[-1].actor
        return None

    def _genders(self) -> dict[str, str]:
        """Each person's gender ("m"/"f") where the text shows it, by majority of the cues.

        Cues: a title or kinship noun next to a mention ("Mr", "spokeswoman", "her father,
        X") and, in a sentence that names one person only, the pronouns that follow the name.
        """
        votes: dict[str, list[str]] = {}
        people = [m for m in self.mentions if self.kinds.get(m.actor) == "person"]
        for m in people:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            near = [t for t in self.doc[max(0, span.start - 2) : span.start]]
            near += [c for c in head.children if c.dep_ in ("appos", "compound")]
            if head.dep_ == "appos":
                near.append(head.head)
            words = {t.lower_.rstrip(".") for t in near}
            votes.setdefault(m.actor, []).extend(["m"] * len(words & _MALE) + ["f"] * len(words & _FEMALE))
            sent = span.sent
            if {p.actor for p in people if sent.start_char <= p.start < sent.end_char} == {m.actor}:
                after = {t.lower_ for t in self.doc[span.end : sent.end] if not any(s <= t.idx < e for s, e in self.quoted)}
                male, female = after & {"he", "him", "his"}, after & {"she", "her", "hers"}
                if bool(male) != bool(female):
                    votes[m.actor].append("m" if male else "f")
        out = {}
        for name, vs in votes.items():
            m, f = vs.count("m"), vs.count("f")
            if m != f:
                out[name] = "m" if m > f else "f"
        return out

    def _unlisted_subjects(self, span: "Span") -> list["_Mention"]:
        """Proper-noun subjects of ``span`` that the index has no mention for but can resolve.

        The index may miss a mention (a surname the tagger labels oddly); a subject is the
        likeliest antecedent, so it is asked for by name.
        """
        out = []
        for tok in span:
            if tok.dep_ != "nsubj" or not (tok.pos_ == "PROPN" or tok.is_title):
                continue
            if any(m.start <= tok.idx < m.end for m in self.mentions):
                continue
            left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"])
            name = self.doc[left : tok.i + 1]
            actor = self.index.resolve(name.text)
            found = actor.name if actor is not None else self._short_form(tok)
            if found:
                out.append(_Mention(name.start_char, name.end_char, name.text, found))
        return out

    def _short_form(self, head: "Token") -> str | None:
        """The organisation that "the Church", "the Council" names back: the one organisation of
        the index whose name has that capitalised word (a bare proper noun after "the", as news
        writing shortens a body's name after giving it in full)."""
        if head.pos_ != "PROPN" or not head.is_title or not any(c.lower_ == "the" for c in head.lefts):
            return None
        if any(c.dep_ in ("compound", "flat", "amod") for c in head.lefts):
            return None
        hits = [
            a.name for a in self.index.actors
            if a.kind == "organisation" and head.text in a.name.split() and a.name != head.text
        ]
        return hits[0] if len(hits) == 1 else None

    def _is_subject(self, mention: MentionLike) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        head = span.root
        while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
            head = head.head
        if head.dep_ == "poss":  # "Thomas' sister pleaded …": the possessor is the topic too
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass")


def inside(char: int, ranges) -> bool:
    """Whether offset ``char`` lies in one of the (start, end) ``ranges``."""
    return any(s <= char < e for s, e in ranges)


def source_phrase(tok: "Token") -> str | None:
    """The cue when ``tok`` opens a phrase naming a quote's source: "according to X", "in the words of X"."""
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return "according to"
    if tok.lower_ == "words" and tok.head.lower_ == "in" and any(c.lower_ == "of" for c in tok.children):
        return "in the words of"
    return None


def source_object(according: "Token") -> "Token | None":
    """X of "according to X" / "in the words of X"; of two objects ("curator Elaine Gustafon"
    parsed as two) the name."""
    objects = [g for c in according.children if c.lower_ in ("to", "of") for g in c.children if g.dep_ == "pobj"]
    return next((o for o in objects if o.pos_ == "PROPN"), objects[0] if objects else None)
