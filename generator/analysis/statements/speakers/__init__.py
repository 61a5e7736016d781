"""Who speaks: the speaker of a reporting verb, of "according to X", of a subject noun phrase.

A speaker is an actor of the index when one can be found (a mention inside the subject, the
pronoun's antecedent, a role noun such as "the president" the index resolves), else the
subject's own words when they name an agent ("a government spokesman"), else nobody: a
statement without a speaker is dropped rather than guessed.

:class:`SpeakerResolver` combines the parts, one module each:

- :mod:`.subjects`: the grammatical subject of a reporting verb (inherited, inverted);
- :mod:`.phrases`: the actor a noun phrase names (mention, index, short form, own words);
- :mod:`.antecedents`: what a pronoun or role noun refers back to; :mod:`.gender` keeps
  "she" off a man;
- :mod:`.documents`: who speaks through "the statement", "the ministry's letter";
- :mod:`.facts`: the article as these rules read it; :mod:`.surnames`: bare surnames made full.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from generator.analysis.lexicons import ReportingVerbs
from generator.analysis.statements.found import Ranges, inside
from generator.analysis.statements.speakers.antecedents import (
    antecedent,
    by_age,
    by_body_noun,
    by_role,
    mentioned_before,
    previous_subject,
    unnamed_person,
)
from generator.analysis.statements.speakers.documents import document_issuer, document_owner
from generator.analysis.statements.speakers.facts import IndexLike, MentionLike, article_facts
from generator.analysis.statements.speakers.phrases import (
    appositive_person,
    mention_in,
    name_phrase,
    short_form,
    surface_speaker,
    surfaces,
)
from generator.analysis.statements.speakers.subjects import source_object, source_phrase, subject_of
from generator.analysis.statements.speakers.words import SpeakerWords

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it"}


class SpeakerResolver:
    """Resolves the speaker of reporting verbs of one article.

    Args:
        source: the article id.
        doc: its spaCy ``Doc``.
        index: the set's actor index.
        lexicon: the reporting-verb lexicon.
        words: the speaker word lists (gender cues, person and agent nouns).
        quoted: character ranges of the article's quotes.
        outlets: actors that are news outlets (:func:`.outlets.outlet_actors`): never speakers.
    """

    def __init__(
        self,
        source: str,
        doc: "Doc",
        index: IndexLike,
        lexicon: ReportingVerbs,
        words: SpeakerWords,
        quoted: Ranges = (),
        outlets: frozenset[str] = frozenset(),
    ):
        self.outlets = outlets
        self.facts = article_facts(source, doc, index, lexicon, words, quoted)
        self.lexicon = lexicon
        self.quoted = quoted
        self.mentions: list[MentionLike] = self.facts.mentions
        self.kinds: dict[str, str] = self.facts.kinds
        # "pronoun" when the last speaker returned is a pronoun's antecedent ("“…,” she said")
        self.last_via: str | None = None
        self._starts = [m.start for m in self.mentions]  # mentions are sorted by start

    def mentions_in(self, lo: int, hi: int) -> list[MentionLike]:
        """The mentions that start in ``[lo, hi)`` (bisected: asked once per quote)."""
        return self.mentions[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def subject_of(self, verb: "Token") -> "Token | None":
        """The grammatical speaker of ``verb`` (see :func:`.subjects.subject_of`)."""
        return subject_of(verb, self.lexicon)

    def speaker_of_verb(self, verb: "Token", named: frozenset[str] = frozenset()) -> str | None:
        """The speaker of a reporting verb (or of "according to X"); ``named``: actors inside the quote."""
        self.last_via = None
        if source_phrase(verb):
            pobj = source_object(verb)
            return self.speaker(pobj, named) if pobj is not None else None
        subj = self.subject_of(verb)
        if subj is None or inside(subj.idx, self.quoted):
            return None
        if subj.pos_ == "PRON":  # "He described Halvorsen as …": he is not the one he describes
            own = {t.i for t in subj.subtree}
            others = [t for t in verb.subtree if t.i not in own]
            if others:
                lo, hi = others[0].idx, others[-1].idx + len(others[-1])
                named = named | {m.actor for m in self.mentions_in(lo, hi)}
        return self.speaker(subj, named)

    def speaker(self, token: "Token", exclude: frozenset[str] = frozenset()) -> str | None:
        """The canonical speaker for the head ``token`` of a subject, or None.

        ``exclude``: actors a pronoun cannot stand for (those named inside the quote itself:
        a speaker seldom names himself in his own words). ``last_via`` says afterwards whether
        the answer came through a pronoun.
        """
        self.last_via = None
        if token.pos_ == "PRON" or token.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            found = self.pronoun(token, exclude)
            self.last_via = "pronoun" if found else None
            return found
        if token.lemma_.lower() in self.lexicon.not_speakers | self.lexicon.speech_nouns:
            owner = document_owner(token)
            if owner is None:  # "X issued a statement. “…,” the statement said": X
                owner = document_issuer(self.facts, token)
                return self.speaker(owner, exclude) if owner is not None else None
            return self.speaker(owner, exclude)
        return self._named(token)

    def _named(self, token: "Token") -> str | None:
        """The speaker a noun phrase names: its mention, the index's answer, a short form, a
        role, or its own words."""
        facts = self.facts
        phrase = name_phrase(token)
        mention = mention_in(facts, phrase, token)
        if mention and self.kinds.get(mention.actor) != "person":
            # "The Port Board's chairman, Lena Hoff, said": the parser may make the body the
            # subject; the person in apposition speaks
            person = appositive_person(facts, phrase)
            if person:
                return person
        if mention and token.pos_ == "NOUN" and not mention.start <= token.idx < mention.end:
            # "the Dutch software company said": the country only describes the company last named
            if self.kinds.get(mention.actor) == "country":
                body = by_body_noun(facts, token)
                if body:
                    return body
        if mention:
            return mention.actor
        for surface in surfaces(phrase, token):
            actor = facts.index.resolve(surface)
            if actor is not None:
                return actor.name
        short = short_form(facts, token)
        if short:
            return short
        if token.pos_ == "NOUN":
            role = by_role(facts, token) or by_body_noun(facts, token)
            if role:
                return role
        aged = by_age(facts, token)  # "the 67-year-old": the parser tags "old" an adjective
        if aged:
            return aged
        return surface_speaker(facts, phrase, token)

    def is_outlet(self, token: "Token", speaker: str | None) -> bool:
        """Whether the speaker found for the subject ``token`` is a news outlet ("the newspaper
        reported", "according to the Evening Courier"): its reporting is no one's statement."""
        noun = token.pos_ == "NOUN" and token.lemma_.lower() in self.facts.words.outlet_descriptors
        return noun or (speaker is not None and speaker in self.outlets)

    def outlet_speaks(self, verb: "Token") -> bool:
        """Whether the subject of ``verb`` is a news outlet (then whoever its clause quotes speaks)."""
        subj = self.subject_of(verb)
        return subj is not None and self.is_outlet(subj, self.speaker(subj))

    def pronoun(self, token: "Token", exclude: frozenset[str] = frozenset()) -> str | None:
        """The antecedent of a speaker pronoun: the nearest fitting actor before it.

        "they" stands for an organisation or group (a country is "it"), else for the plural
        agent that was the subject of the sentence before ("The researchers say … They want …").
        """
        facts = self.facts
        lower = token.lower_
        ok = lambda name: name not in exclude  # noqa: E731
        if lower in _PERSON_PRONOUNS:
            wanted = "m" if lower in ("he", "him") else "f"
            fits = lambda name: ok(name) and facts.gender.get(name, wanted) == wanted  # noqa: E731
            found = antecedent(facts, token, {"person"}, fits)
            unnamed = unnamed_person(facts, token, wanted)
            if unnamed is not None and (found is None or mentioned_before(facts, found, unnamed[1], token.idx)):
                return unnamed[0]  # "… the nurse described her shifts. “…,” she said": the nurse
            return found
        if lower == "it":
            found = antecedent(facts, token, {"organisation", "country"}, ok, subjects_only=True)
            return found or self._previous_agent(token, ("NN", "NNP"))
        if lower == "they":
            found = antecedent(facts, token, {"organisation", "group"}, ok, subjects_only=True)
            return found or self._previous_agent(token, ("NNS", "NNPS"))
        return None

    def _previous_agent(self, token: "Token", tags: tuple[str, ...]) -> str | None:
        """For "they"/"it": the agent that was the subject of the sentence before ("The researchers
        say … They want …", "The mayor's office issued a statement. “…,” it said"); plural for
        "they", singular for "it", never a person."""
        tok = previous_subject(self.facts, token, tags)
        if tok is None or tok.ent_type_ == "PERSON":
            return None
        found = self.speaker(tok) if tok.pos_ == "PROPN" else None
        if found and self.kinds.get(found) == "person":
            return None
        return found or surface_speaker(self.facts, name_phrase(tok), tok)
