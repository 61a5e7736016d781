"""A briefing's story line stays bounded however many parts the story has."""
from generator.render.filters import STORY_WINDOW, story_window
from generator.render.record import StoryPartRecord


def _parts(n: int) -> list[StoryPartRecord]:
    return [StoryPartRecord(set=f"part-{i:03d}", title=f"Part {i}", date=None) for i in range(1, n + 1)]


def test_a_short_story_is_listed_whole():
    parts = _parts(STORY_WINDOW)
    assert [n for n, _ in story_window(parts, "part-004")] == list(range(1, STORY_WINDOW + 1))


def test_a_long_story_shows_its_ends_and_the_neighbours_with_gaps():
    shown = story_window(_parts(500), "part-250")
    assert [x and x[0] for x in shown] == [1, None, 249, 250, 251, None, 500]


def test_the_first_part_of_a_long_story_has_one_gap():
    shown = story_window(_parts(40), "part-001")
    assert [x and x[0] for x in shown] == [1, 2, None, 40]
