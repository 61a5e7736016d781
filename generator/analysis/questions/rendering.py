"""Question words from parse tokens: titles before a name left out, a pronoun subject put back
as the person it stands for, no serial comma, a common noun lower-cased after the question word."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from generator.analysis.document import doc_index

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Entity labels of names, which keep their capital inside a question.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}


def pronoun(tokens: list["Token"]) -> str | None:
    """The lower-cased pronoun when ``tokens`` are one pronoun (punctuation aside), else None."""
    words = [t for t in tokens if not t.is_punct]
    return words[0].lower_ if len(words) == 1 and words[0].pos_ == "PRON" else None


QUOTE_MARKS = {'"', "“", "”", "„", "«", "»", "‘", "’", "'", "``", "''"}


class Renderer:
    """Renders the tokens of one document as question words.

    ``titles`` are the title words of the hedge lexicon; ``is_person`` says whether a proper
    noun names a person (through the actor index).
    """

    def __init__(self, doc: "Doc", titles: frozenset[str], is_person: Callable[[str], bool]):
        self.doc = doc
        self.titles = titles
        self.is_person = is_person

    def subject_text(self, tokens: list["Token"], swap: dict[int, str] | None = None) -> str | None:
        """The subject as question words; a pronoun is replaced by the person it most
        likely stands for, or the question is dropped.

        "I", "we" and "you" belong to a speaker's voice and "it"/"they" rarely have a
        recoverable antecedent without coreference; "he"/"she" take the nearest person named
        before them in the article.
        """
        pron = pronoun(tokens)
        if not pron:
            return self.render(tokens, swap=swap)
        words = [t for t in tokens if not t.is_punct]
        if pron not in ("he", "she"):
            return None
        name = doc_index(self.doc).last_before(words[0].i, "PERSON")
        if name is None:
            return None
        return self.render(list(name))

    def title_words(self, tokens: Iterable["Token"]) -> set[int]:
        """Indices of title words before a person's name ("Velmoran President" in
        "Velmoran President Quist"), to be left out of the question."""
        drop: set[int] = set()
        titles = self.titles
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
        hide = self.title_words(tokens)
        # a question paraphrases: quote marks of the source (often only half of a pair) go
        kept = [t for t in tokens if t.i not in hide
                and (t.dep_ == "case" or not (t.is_quote or t.text in QUOTE_MARKS))]  # keep "workers' pay"
        if not kept:
            return ""
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
            and head.pos_ != "DET"  # "The Harbour Authority" → "the Harbour Authority"
        named = named or head.i in (swap or {})  # a name put in for a pronoun
        if not first and not named:
            text = text[:1].lower() + text[1:]
        return text
