"""Three-way merge of briefing pages (generator/merge.py) on real page texts.

The fixtures under tests/data/pages/ are briefing pages in the format render.py writes,
built from the sentences of seeds/rutte-erdogan-ankara: ``*.base.md`` as generated from
the first article only, ``*.next.md`` after the second article arrived (new statements,
actors, a timeline entry, a source, a tag; the mention counts and source references of
existing lines changed). The base carries one deliberate generator mistake: the quote
"Turkey maintains its stance …" is filed under the wrong speaker.
"""
from __future__ import annotations

import re

import markdown
import pytest
import yaml

from generator.merge.body import merge_lines
from generator.merge.conflicts import CONFLICT_END, CONFLICT_START, find_conflicts
from generator.merge.state import locked_in
from generator.merge.threeway import merge_page, merge_without_base
from generator.util.frontmatter import split_front_matter
from generator.util.lines import split_lines
from tests.conftest import DATA

PAGES = DATA / "pages"
BASE = (PAGES / "rutte-erdogan-ankara.base.md").read_text("utf-8")
NEXT = (PAGES / "rutte-erdogan-ankara.next.md").read_text("utf-8")

WRONG_QUOTE = "- “Turkey maintains its stance of not being a party to this war” — said [s1][s1-15]\n"
ERDOGAN_FIRST = (
    "- “Turkey will continue to do its utmost to ensure NATO remains strong despite internal and "
    "external challenges” — stated [s1][s1-9]\n"
)
ONE_LINE = (
    "    NATO Secretary General Mark Rutte arrived in Ankara to meet with Turkish President "
    "Recep Tayyip Erdoğan on May 13, 2025.\n"
)
EDITOR_SUMMARY = (
    "    Rutte’s first visit to Ankara as NATO chief: praise for Türkiye as an ally, Kosovo "
    "command, and talk of Ukraine peace efforts.\n"
)
TRUMP_ROW = "| [Donald Trump](actors/donald-trump.md) | person | U.S. President | Trump | 1 | [s1][s1] |\n"
ANALYST_NOTE = (
    "## Analyst note\n\n"
    "Turkey’s offer to host talks rests on its earlier role in the March 2022 Istanbul talks; "
    "watch whether Moscow sends a delegation.\n\n"
)


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r}"
    return text.replace(old, new)


def front(text: str) -> dict:
    block, _ = split_front_matter(text)
    assert block is not None
    return yaml.safe_load(block.strip().strip("-"))


def edit_all_five(page: str) -> str:
    """The five hand edits of the issue, applied to a page as an editor would."""
    # 1. fix a speaker: the quote moves from Rutte's statements to Erdoğan's
    page = replace_once(page, WRONG_QUOTE, "")
    page = replace_once(page, ERDOGAN_FIRST, ERDOGAN_FIRST + WRONG_QUOTE)
    # 2. reword the summary
    page = replace_once(page, ONE_LINE, EDITOR_SUMMARY)
    # 3. delete a wrong actor (table row and front matter list)
    page = replace_once(page, TRUMP_ROW, "")
    page = replace_once(page, "- Donald Trump\n", "")
    # 4. add an "Analyst note" section before the sources
    page = replace_once(page, "## Sources\n", ANALYST_NOTE + "## Sources\n")
    # 5. add tags, and mark the page reviewed
    page = replace_once(page, "- diplomacy\nactors:", "- diplomacy\n- kosovo\n- mediation\nactors:")
    page = replace_once(page, "status: generated", "status: reviewed")
    return page


# --------------------------------------------------------------------------- trivial cases


def test_untouched_page_becomes_the_new_page_byte_for_byte():
    assert merge_page(BASE, BASE, NEXT).text == NEXT
    assert merge_page(BASE, BASE, NEXT).conflicts == ()


def test_unchanged_generation_keeps_the_editors_page_byte_for_byte():
    ours = edit_all_five(BASE)
    assert merge_page(BASE, ours, BASE).text == ours


def test_merge_is_deterministic_and_a_second_run_changes_nothing():
    ours = edit_all_five(BASE)
    first = merge_page(BASE, ours, NEXT)
    assert merge_page(BASE, ours, NEXT) == first
    # next run: the stored base is now NEXT, the generator produces NEXT again
    assert merge_page(NEXT, first.text, NEXT).text == first.text


# --------------------------------------------------------------------------- the five edits


def test_all_five_hand_edits_survive_the_second_article():
    result = merge_page(BASE, edit_all_five(BASE), NEXT)
    page = result.text
    assert result.conflicts == ()
    # 1. the quote is under Erdoğan, after the new statements of s2, and gone from Rutte
    rutte = page[page.index("### [Mark Rutte]") : page.index("### [Recep Tayyip Erdoğan]")]
    erdogan = page[page.index("### [Recep Tayyip Erdoğan]") : page.index("## Open questions")]
    assert WRONG_QUOTE not in rutte and WRONG_QUOTE in erdogan
    assert "Türkiye expects cooperation from its allies" in erdogan
    assert "It is excellent to meet Erdogan as they prepare" in rutte
    # 2. the reworded summary
    assert EDITOR_SUMMARY in page and ONE_LINE not in page
    # 3. the deleted actor stays deleted; the new actors arrive
    assert TRUMP_ROW not in page
    assert "| [Hakan Fidan](actors/hakan-fidan.md) | person | Turkish Foreign Minister" in page
    meta = front(page)
    assert "Donald Trump" not in meta["actors"]
    assert meta["actors"][-2:] == ["Volodymyr Zelenskyy", "Hakan Fidan"]
    # 4. the analyst note, followed by the sources section with the new source
    assert ANALYST_NOTE + "## Sources\n" in page
    assert "### s2 · Turkish President Recep Tayyip Erdogan has reiterated support" in page
    # 5. the editor's tags and status win; the generator's new tag is added after them
    assert meta["tags"] == ["nato", "diplomacy", "kosovo", "mediation", "ceasefire"]
    assert meta["status"] == "reviewed"
    # the generator's changes to lines the editor did not touch arrive
    assert meta["generator"]["hash"] == "9be0417c55d2"
    assert [s["id"] for s in meta["sources"]] == ["s1", "s2"]
    assert "[s1][s1-12] [s2][s2-6]" in page
    assert "| 15 May 2025 | Proposed unconditional talks between Russia and Ukraine in Istanbul." in page
    assert page.endswith('[s2-12]: sources/rutte-erdogan-ankara/s2.md#s2-12 "s2, sentence 13: '
                         'Turkish President Recep Tayyip Erdogan has reiterated"\n')


def test_front_matter_keeps_the_generators_key_order_then_the_editors_keys():
    ours = replace_once(BASE, "---\ntitle:", "---\nreviewer: J. Smith\ntitle:")
    ours = replace_once(ours, "\ntitle: NATO chief Rutte visits", "\ntitle: Rutte in Ankara — NATO chief visits")
    merged = merge_page(BASE, ours, NEXT).text
    keys = list(front(merged))
    assert keys == list(front(NEXT)) + ["reviewer"]
    assert front(merged)["title"].startswith("Rutte in Ankara")


def test_a_key_the_editor_deleted_returns_only_if_the_generator_changed_it():
    ours = re.sub(r"(?ms)^places:\n(?:- .*?\n)+", "", BASE)  # the generator adds Moscow
    ours = re.sub(r"(?m)^description: .*\n", "", ours)  # the generator leaves it as it was
    meta = front(merge_page(BASE, ours, NEXT).text)
    assert meta["places"] == ["Ankara", "Istanbul", "Antalya", "Moscow"]
    assert "description" not in meta


def test_an_edited_source_entry_merges_by_id():
    ours = replace_once(BASE, "  outlet: null\n  published: '2025-05-14'", "  outlet: Diplomatic Wire\n  published: '2025-05-14'")
    meta = front(merge_page(BASE, ours, NEXT).text)
    assert [s["id"] for s in meta["sources"]] == ["s1", "s2"]
    assert meta["sources"][0]["outlet"] == "Diplomatic Wire"
    assert meta["sources"][1]["outlet"] is None


def test_word_level_merge_of_an_edited_line_the_generator_extended():
    # the editor fixes the name's spelling; the generator adds the second source's reference
    ours = replace_once(BASE, "President Erdoğgan announced", "President Erdoğan announced")
    result = merge_page(BASE, ours, NEXT)
    assert result.conflicts == ()
    assert (
        "    - President Erdoğan announced that his country will once again take command of the "
        "NATO Kosovo Force (KFOR). [s1][s1-7] [s2][s2-10]\n"
    ) in result.text


def test_analyst_note_at_the_end_of_the_page_stays_after_the_new_lines():
    ours = BASE + "\n" + ANALYST_NOTE.rstrip("\n") + "\n"
    result = merge_page(BASE, ours, NEXT)
    assert result.conflicts == ()
    assert result.text == NEXT + "\n" + ANALYST_NOTE.rstrip("\n") + "\n"


# --------------------------------------------------------------------------- conflicts

RUTTE_ROW = "| Rutte, NATO chief, @SecGenNATO | 7 | [s1][s1] |\n"


def conflicting_page() -> str:
    # The editor corrects Rutte's mention count; the generator recounts with two sources.
    return replace_once(edit_all_five(BASE), RUTTE_ROW, "| Rutte, NATO chief, @SecGenNATO | 6 | [s1][s1] |\n")


def comment_at(text: str, line: int) -> str:
    """The conflict comment starting at 1-based ``line``."""
    rest = "".join(split_lines(text)[line - 1 :])
    assert rest.startswith(CONFLICT_START)
    return rest[: rest.index(CONFLICT_END) + len(CONFLICT_END)]


def test_conflict_keeps_the_editors_line_and_proposes_the_generators_after_its_block():
    result = merge_page(BASE, conflicting_page(), NEXT)
    assert len(result.conflicts) == 1
    comment = comment_at(result.text, result.conflicts[0])
    outside = result.text.replace(comment, "")
    assert "| Rutte, NATO chief, @SecGenNATO | 6 | [s1][s1] |\n" in outside  # the editor's row stays
    assert "| 11 |" not in outside
    assert "| Rutte, NATO chief, @SecGenNATO | 11 | [s1][s1] [s2][s2] |" in comment  # proposed
    assert RUTTE_ROW in comment  # the last generated version, for reference
    assert find_conflicts(result.text) == result.conflicts
    # the comment follows the whole table, and the other rows took the generator's counts
    table_end = outside.index("Places: Ankara")
    assert result.text.index(comment) < result.text.index("Places: Ankara") and table_end > 0
    assert "| [NATO](actors/nato.md) | organisation |  | the alliance, Alliance | 19 |" in outside
    assert EDITOR_SUMMARY in result.text and "Hakan Fidan" in result.text


def test_conflict_block_is_invisible_in_the_rendered_page():
    body = split_front_matter(merge_page(BASE, conflicting_page(), NEXT).text)[1]
    html = markdown.markdown(body, extensions=["tables", "admonition", "attr_list", "md_in_html"])
    visible = re.sub(r"(?s)<!--.*?-->", "", html)
    assert "generator now proposes" not in visible
    assert "| 11 |" not in visible and ">11</td>" not in visible
    assert ">6</td>" in visible  # the editor's row renders as a table row


def test_text_quoted_in_a_conflict_cannot_close_the_comment():
    base = "## Summary\n\n- one\n"
    ours = "## Summary\n\n- one, as the editor has it\n"
    theirs = "## Summary\n\n- one --> <script>alert(1)</script> <!-- x\n"
    result = merge_lines(base, ours, theirs)
    assert len(result.conflicts) == 1
    comment = comment_at(result.text, result.conflicts[0])
    assert comment.count("-->") == 1 and result.text.rstrip().endswith(CONFLICT_END)
    assert "&lt;!-- x" in comment


def test_deleting_a_line_the_generator_changed_is_a_conflict():
    row = "| [Mark Rutte](actors/mark-rutte.md) | person | NATO Secretary General " + RUTTE_ROW
    ours = replace_once(BASE, row, "")
    result = merge_page(BASE, ours, NEXT)
    assert len(result.conflicts) == 1
    assert "you deleted" in split_lines(result.text)[result.conflicts[0] - 1]
    outside = re.sub(r"(?s)<!--.*?-->", "", result.text)
    assert "| 11 | [s1][s1] [s2][s2] |" in result.text and "| 11 |" not in outside
    assert not re.search(r"(?m)^\| \[Mark Rutte\]", outside)


# --------------------------------------------------------------------------- odd inputs


def test_unparsable_front_matter_falls_back_to_a_line_merge_keeping_the_editors_text():
    ours = replace_once(BASE, "status: generated", "status: [reviewed")  # a YAML typo
    result = merge_page(BASE, ours, NEXT)
    assert "status: [reviewed\n" in result.text
    assert "- id: s2\n" in result.text and "Hakan Fidan" in result.text


def test_without_a_base_the_editors_text_wins_and_differences_are_conflicts():
    ours = edit_all_five(BASE)
    result = merge_without_base(ours, NEXT)
    assert result.conflicts
    for line in split_lines(split_front_matter(ours)[1]):
        assert line in result.text
    meta = front(result.text)
    assert meta["status"] == "reviewed" and "Hakan Fidan" in meta["actors"]


@pytest.mark.parametrize(
    ("text", "locked"),
    [
        (replace_once(BASE, "status: generated\n", "status: generated\nlocked: true\n"), True),
        (replace_once(BASE, "status: generated\n", "status: generated\nlocked: false\n"), False),
        (BASE, False),
        (replace_once(BASE, "status: generated\n", "status: [x\nlocked: true\n"), True),
    ],
)
def test_is_locked(text, locked):
    assert locked_in(text) is locked


def test_find_conflicts_also_spots_git_markers():
    text = "a\n<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n"
    assert find_conflicts(text) == (2, 6)


TABBED = """## Actors

=== "People"

    | Name | Role | Also called | Mentions | Sources |
    | --- | --- | --- | --: | --- |
    | [Mark Rutte](actors/mark-rutte.md) | NATO Secretary General | Rutte, NATO chief, @SecGenNATO | 6 | [s1][s1] |
    | [Donald Trump](actors/donald-trump.md) | President of the United States |  | 1 | [s1][s1] |

=== "Countries"

    | Name | Role | Also called | Mentions | Sources |
    | --- | --- | --- | --: | --- |
    | [Türkiye](actors/turkiye.md) |  | Turkey, Ankara, Turkiye | 27 | [s1][s1] |

## Timeline
"""


def test_conflict_in_an_indented_tab_goes_after_the_whole_block():
    ours = TABBED.replace("@SecGenNATO | 6 |", "@SecGenNATO | 7 |")
    theirs = TABBED.replace("@SecGenNATO | 6 | [s1][s1] |", "@SecGenNATO | 9 | [s1][s1] [s2][s2] |")
    result = merge_lines(TABBED, ours, theirs)
    (line,) = result.conflicts
    lines = split_lines(result.text)
    assert lines[line - 2] == "\n" and lines[line - 3].endswith("| 27 | [s1][s1] |\n")  # after both tabs
    assert "".join(lines[line:]).split(CONFLICT_END)[1] == "\n\n## Timeline\n"
    assert "@SecGenNATO | 7 |" in "".join(lines[: line - 1])


def test_generator_removing_lines_the_editor_edited_is_a_conflict():
    ours = TABBED.replace("President of the United States", "U.S. President")
    theirs = TABBED.replace(
        "    | [Donald Trump](actors/donald-trump.md) | President of the United States |  | 1 | [s1][s1] |\n", ""
    )
    result = merge_lines(TABBED, ours, theirs)
    assert len(result.conflicts) == 1
    assert "The generator now proposes to remove them." in result.text
    assert "| U.S. President |" in result.text.split(CONFLICT_START)[0]


def test_conflict_in_a_numbered_list_goes_after_the_whole_list():
    cues = "    <small>Cues: reportedly, no confirmation</small>\n"
    ours = replace_once(BASE, cues, "    <small>Cues: reportedly</small>\n")
    theirs = replace_once(BASE, cues, "    <small>Cues: reportedly, no confirmation, being considered</small>\n")
    result = merge_page(BASE, ours, theirs)
    (line,) = result.conflicts
    lines = split_lines(result.text)
    assert lines[line - 3] == "    <small>Cues: expectations are high</small>\n"  # the list's last item
    after = "".join(lines[line - 1 :]).split(CONFLICT_END, 1)[1]
    assert after.startswith("\n\n## Actors\n")
    body = split_front_matter(result.text)[1]
    html = markdown.markdown(body, extensions=["tables", "admonition", "attr_list", "md_in_html"])
    assert html.count("<ol>") == 1  # the numbered list is not cut in two
