"""Boilerplate removal and block typing: units → paragraphs, subheads and social posts.

Every pattern below describes a layout habit of news sites and blogs in general (share
bars, reading-time badges, comment prompts, wire-service credits, media credits); none is
tied to one outlet. What is removed is kept in ``Cleaned.removed`` for the log.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.units import Unit
from generator.model import BlockKind

# Lines that are page furniture as a whole (matched on a stripped unit, case-insensitive).
# Kept short on purpose: a long unit is content even when it starts like a prompt.
_BOILERPLATE_MAX = 160
BOILERPLATE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\.?$",  # reading-time badge
        r"^(?:leave|add|post|write) a (?:comment|reply)\b.{0,40}$",
        r"^(?:\d+|no) comments?(?: yet)?\s*[.:!]?$",  # "3 comments", "No comments yet"
        r"^(?-i:(?:\d+|No) Comments? on\b).*$",  # "No Comments on <headline>" (title case: a widget)
        r"^(?:share|tweet|email|print)(?: this| on| via| the)?(?: article| story| page| post)?\s*[:!.]?$",
        r"^share (?:this|on|via)\b.{0,80}$",
        r"^click to (?:share|email|print|tweet)\b.*$",
        r"^.{0,40}\(opens in (?:a )?new (?:window|tab)\)$",
        r"^(?:follow|like|join) us on\b.*$",
        r"^(?:read|see) (?:more|also)\b\s*(?:[:»>|–—-].*)?$",
        r"^(?:read more|more on this story|related(?: stories| articles| posts| news| coverage)?|"
        r"most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|you may also like)"
        r"\s*(?:[:»>|]\s*.{0,100})?$",
        r"^subscribe\b.*$",
        r"^sign up\b.*\b(?:newsletter|updates|alerts|email)\b.*$",
        r"^(?:(?:last )?(?:updated|published|posted)\s*:?\s*)?\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
        # a kicker above the headline
        r"^(?:breaking(?: news)?|exclusive|live(?: updates)?|just in|developing(?: story)?|analysis|opinion|"
        r"explainer|fact check|watch|listen|update)\s*[:!]?$",
        r"^(?:advertisement|sponsored(?: content)?|continue reading(?: below)?|scroll to continue.*)$",
        # the alt text of brand images standing for a site's name ("Metro Daily LogoGroup Logo")
        r"^(?-i:(?:[A-Z][\w&’'.-]*\s?){1,5}Logo\s*){2,3}$",
        r"^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)).*$",
        r"^.*\ball rights reserved\.?$",
        # wire-service credits: "(Reporting by X; Editing by Y)", "X contributed to this report."
        r"^\((?:additional )?(?:reporting|writing|editing|compiled|research|graphics) by\b.*\)\.?$",
        r"^(?:additional )?reporting by\b[^.]{0,80};\s*editing by\b.*$",
        r"^[^.]{0,80}\bcontributed (?:reporting )?to this (?:report|story|article)\.?$",
        r"^(?:tags?|filed under|topics?|categories|posted in)\s*:.*$",
        r"^(?:photo|image|picture|video|audio|credit|source)s?\s*:.{1,80}$",  # a bare credit line
        r"^(?:like this|loading|related)\s*[:.…]*$",
        r"^(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|print)"
        r"(?:\s*[,|·•]\s*(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|print))*$",
        r"^(?:https?://\S+|(?:www\.)?pic\.twitter\.com/\S+|t\.co/\S+)$",  # a bare link
        r"^(?:source|originally published (?:at|on|in|by)|read the original(?: article)? (?:at|on)|via)\s*:?\s*https?://\S+$",
        r"^(?:we use cookies|this (?:site|website) uses cookies)\b.*$",
    )
)

# Phrases glued to real text by copy-paste ("Leave a commentTurkish President …",
# "…capable ally’5 minute read"): cut out so the neighbouring sentence survives. Case-
# sensitive and anchored on a sentence edge, so "readers can leave a comment below" stays.
GLUED = re.compile(
    r"(?:(?<=^)|(?<=[.!?…”\"’)]\s)|(?<=[.!?…”\"’)]))(Leave a (?:comment|reply)|No [Cc]omments yet)"
    r"(?=$|\s*[A-Z“\"‘])"
    # a reading time glued to the word before it, or after a closing mark and a space (wrapped
    # lines of a plain-text page joined into one paragraph); a comment link right after it goes too
    r"|(?:(?<=[\w’'\".!?…)])|(?<=[.!?…”\"’)]\s))"
    r"(\d+\s*(?:-\s*)?[Mm]in(?:ute)?s?\.?\s+read(?:\s+(?:Leave a (?:comment|reply)|No [Cc]omments yet))?)"
    r"(?=$|\s*[A-Z“\"‘])"
)
# Removed wherever they stand: the embedded-media links of social posts.
INLINE = re.compile(r"\s*(?:(?:https?://)?(?:www\.)?pic\.twitter\.com/\w+|https?://t\.co/\w+)")
# A trailing credit on an image or video caption: "… the 501st Legion booth. Image: Nick Moreau."
MEDIA_CREDIT = re.compile(
    r"\s+(?:Image|Photo|Photograph|Picture|Video|Audio|Credit|Illustration)s?\s*:\s*[^.:]{1,60}\.?$"
)
# Headings after which the rest of a page is a list of sources or links, not article text.
END_SECTION = re.compile(
    r"^(?:sources?|references|external links|see also|related (?:news|stories|articles|links)|"
    r"further reading|notes)\s*:?$",
    re.IGNORECASE,
)
# The attribution line under an embedded post: "— Name (@handle) May 13, 2025" (X/Twitter
# embeds), "A post shared by Name (@handle)" (Instagram embeds).
ATTRIBUTION = re.compile(
    r"^(?:[—–―-]{1,2}\s*[^()\n]{1,80}?|A post shared by [^()\n]{1,80}?)\s*\(@[\w.]{1,30}\)(?:\s+.{0,40})?$"
)
# The same attribution run into the end of the post's text when line breaks were lost.
GLUED_ATTRIBUTION = re.compile(
    r"\s(?P<attribution>[—–―]\s*[^()\n—–―]{1,80}?\s*\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})$"
)
# A parenthesised photo credit inside a caption: "(Photo by Jane Doe/Agency)".
PHOTO_CREDIT = re.compile(r"\s*\((?:Photo|Image|Picture|Video|Photograph)s?(?: by|:| credit:?)\s[^()]{1,80}\)")

_TERMINAL = ".!?;:,…"
_QUOTES = "\"'“”‘’«»"
_SUBHEAD_MAX_CHARS = 90
_SUBHEAD_MAX_WORDS = 12


@dataclass(frozen=True)
class CleanBlock:
    """A cleaned block before offsets are assigned."""

    kind: BlockKind
    text: str
    attribution: str | None = None


@dataclass(frozen=True)
class Cleaned:
    """The body of an article as blocks, and what was dropped on the way."""

    blocks: tuple[CleanBlock, ...]
    removed: tuple[str, ...]


def is_boilerplate(text: str) -> bool:
    """True when the whole ``text`` is page furniture (share prompt, badge, credit, …)."""
    text = text.strip()
    return len(text) <= _BOILERPLATE_MAX and any(p.match(text) for p in BOILERPLATE)


def split_glued(units: list[Unit], removed: list[str]) -> list[Unit]:
    """Cut glued boilerplate phrases out of units, keeping the text on both sides."""
    out: list[Unit] = []
    for unit in units:
        if unit.heading or not GLUED.search(unit.text):
            out.append(unit)
            continue
        pos = 0
        for m in GLUED.finditer(unit.text):
            out.append(Unit(unit.text[pos : m.start()].strip()))
            removed.append(m.group(0).strip())
            pos = m.end()
        out.append(Unit(unit.text[pos:].strip()))
    return [u for u in out if u.text]


def clean_body(units: list[Unit], removed: list[str]) -> Cleaned:
    """Type the body units as paragraphs, subheads and posts; drop boilerplate.

    Steps: strip inline social links; cut a trailing sources/links section; drop whole
    boilerplate units; strip media credits from captions; split an attribution run into
    its post; join each post with its attribution line; decide subheads among the short
    lines.
    """
    kept: list[tuple[Unit, bool]] = []  # (unit, is_caption)
    for i, unit in enumerate(units):
        text = _strip_inline(unit.text, removed)
        if not text:
            continue
        # A "Sources"/"See also" heading in the second half of a page opens its link list.
        if END_SECTION.match(text) and (unit.heading or _looks_like_heading(text)) and i >= len(units) / 2:
            removed.extend(u.text for u in units[i:])
            break
        if is_boilerplate(text):
            removed.append(text)
            continue
        text, caption = _strip_credits(text, removed) if not unit.heading else (text, False)
        glued = GLUED_ATTRIBUTION.search(text) if not unit.heading else None
        if glued:
            kept.append((Unit(text[: glued.start()].rstrip()), caption))
            text = glued.group("attribution")
        kept.append((Unit(text, unit.heading, unit.level), caption))
    return Cleaned(blocks=tuple(_type_blocks(kept, removed)), removed=tuple(removed))


def _strip_credits(text: str, removed: list[str]) -> tuple[str, bool]:
    """Cut media credits out of a caption; True when there was one (the unit is a caption)."""
    found = False
    for m in PHOTO_CREDIT.finditer(text):
        removed.append(m.group(0).strip())
        found = True
    text = PHOTO_CREDIT.sub("", text).strip()
    credit = MEDIA_CREDIT.search(text)
    if credit and credit.start() > 0:
        removed.append(credit.group(0).strip())
        text = text[: credit.start()].rstrip()
        found = True
    return text, found


def _strip_inline(text: str, removed: list[str]) -> str:
    for m in INLINE.finditer(text):
        removed.append(m.group(0).strip())
    return " ".join(INLINE.sub("", text).split())


def _type_blocks(kept: list[tuple[Unit, bool]], removed: list[str]) -> list[CleanBlock]:
    blocks: list[CleanBlock] = []
    candidates = [
        not caption and (unit.heading or _looks_like_heading(unit.text)) for unit, caption in kept
    ]
    for i, (unit, _caption) in enumerate(kept):
        if ATTRIBUTION.match(unit.text) and not unit.heading:
            # The unit above is the post, even when it is short and unpunctuated like a
            # heading (a post ending in a hashtag or an emoji).
            if blocks and blocks[-1].kind != "post" and not kept[i - 1][0].heading:
                blocks[-1] = CleanBlock("post", blocks[-1].text, attribution=unit.text)
            else:
                removed.append(unit.text)
            continue
        kind: BlockKind = _kind(i, kept, candidates)
        if kind == "subhead" and not unit.heading and not any(b.kind != "subhead" for b in blocks):
            kind = "paragraph"  # a short line above all running text is a caption or standfirst
        blocks.append(CleanBlock(kind, unit.text))
    return blocks


def _kind(i: int, kept: list[tuple[Unit, bool]], candidates: list[bool]) -> BlockKind:
    """Markup headings are subheads; a short heading-like line is one only when it stands
    alone between running text (a run of short lines is a list or a set of captions)."""
    unit = kept[i][0]
    if unit.heading:
        return "subhead"
    if not candidates[i]:
        return "paragraph"
    nxt_is_text = i + 1 < len(kept) and not candidates[i + 1]
    prev_is_short = i > 0 and candidates[i - 1] and not kept[i - 1][0].heading
    return "subhead" if nxt_is_text and not prev_is_short else "paragraph"


def _looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation that starts like a title."""
    if len(text) > _SUBHEAD_MAX_CHARS or len(text.split()) > _SUBHEAD_MAX_WORDS:
        return False
    inner = text.strip(_QUOTES + " ")
    if not inner or inner[-1] in _TERMINAL or ATTRIBUTION.match(text):
        return False
    first = text.lstrip(_QUOTES)[:1]
    return first.isupper() or first.isdigit()
