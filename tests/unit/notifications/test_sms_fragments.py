"""SMS fragments as handsets and carriers cut them: never inside an escape pair (GSM-7 extension
character) or a UTF-16 surrogate pair, and the count is the number of fragments the cut produces."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numeriqc.notifications import sms_length as sms

BOUNDARIES = [length + delta for length in (70, 67, 134, 160, 153, 306) for delta in (-2, -1, 0, 1, 2)]
GSM_PLAIN = sorted(sms.GSM7_BASIC)
GSM_EXT = sorted(sms.GSM7_EXTENSION)
UCS_PLAIN = ["ê", "ç", "œ", "«", "a", "é"]
ASTRAL = ["😀", "🍁", "𝄞"]


def _units(fragment: str, encoding: sms.Encoding) -> int:
    return sum(sms.cost(char, encoding) for char in fragment)


def _gsm_text(draw: st.DrawFn) -> str:
    """GSM-7 text of a length near a boundary, extension characters placed anywhere."""
    target = draw(st.sampled_from(BOUNDARIES))
    chars: list[str] = []
    septets = 0
    while septets < target:
        char = draw(st.sampled_from(GSM_EXT if draw(st.booleans()) else GSM_PLAIN))
        chars.append(char)
        septets += sms.cost(char, sms.Encoding.GSM7)
    return "".join(chars)


def _ucs_text(draw: st.DrawFn) -> str:
    """UCS-2 text (one ê at least) near a boundary, surrogate pairs placed anywhere."""
    target = draw(st.sampled_from(BOUNDARIES))
    chars = ["ê"]
    units = 1
    while units < target:
        char = draw(st.sampled_from(ASTRAL if draw(st.booleans()) else UCS_PLAIN))
        chars.append(char)
        units += sms.cost(char, sms.Encoding.UCS2)
    index = draw(st.integers(0, len(chars) - 1))
    chars.insert(index, chars.pop(0))
    return "".join(chars)


texts = st.one_of(st.composite(_gsm_text)(), st.composite(_ucs_text)())


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # a shared, slow machine
@given(texts)
def test_no_pair_is_ever_cut_and_the_count_is_the_fragments_produced(text: str) -> None:
    info = sms.analyse(text)
    fragments = sms.split(text)
    assert "".join(fragments) == text  # every character, once, in order: no pair cut in two
    assert info.fragments == len(fragments)
    single, room = sms.SINGLE[info.encoding], sms.PER_FRAGMENT[info.encoding]
    if len(fragments) == 1:
        assert info.length <= single
    else:
        assert info.length > single
        assert all(_units(fragment, info.encoding) <= room for fragment in fragments)
        # each fragment but the last is full, or the next one opens with a pair that did not fit
        for fragment, following in itertools.pairwise(fragments):
            spare = room - _units(fragment, info.encoding)
            assert spare == 0 or (spare == 1 and sms.cost(following[0], info.encoding) == 2)
    assert all(sms.encoding_of(fragment) in (info.encoding, sms.Encoding.GSM7) for fragment in fragments)


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("a" * 152 + "€" + "a", 1),  # 155 septets: one SMS, the pair counts two
        ("a" * 152 + "€" + "a" * 7, 2),  # 161 septets: 152 | € + 7 (the pair would straddle 153)
        ("a" * 151 + "€" + "a" * 10, 2),  # 151 + 2 = 153 exactly | 10
        ("a" * 152 + "€" * 76, 2),  # 152 | 152
        ("ê" + "a" * 65 + "😀" + "a" * 3, 2),  # 71 units: 66 | 😀 + 3 (the pair opens fragment 2)
        ("ê" + "a" * 65 + "😀" * 34, 3),  # 134 units, 2 x 67 by division: 66 | 66 | 2
        ("ê" * 69 + "😀", 2),  # 71 units
        ("ê" * 68 + "😀", 1),  # 70 units: one SMS
    ],
)
def test_a_pair_at_the_boundary_opens_the_next_fragment(text: str, fragments: int) -> None:
    assert len(sms.split(text)) == fragments
    assert sms.analyse(text).fragments == fragments


def test_the_pair_at_the_boundary_costs_a_fragment_a_division_would_not_count() -> None:
    text = "a" * 152 + "€" + "a" * 152  # 306 septets: 2 x 153 by division, 3 fragments in truth
    assert sms.analyse(text).length == 306
    assert [len(fragment) for fragment in sms.split(text)] == [152, 152, 1]  # € + 151 a: 153 septets
    assert sms.analyse(text).fragments == 3
