"""Claims: a speaker named in another sentence than the event — a pronoun's antecedent, a quotation whose
speaker follows it. Our own invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashpoint.records import Event

Code = Callable[..., tuple[Event, ...]]

SPEAKER_CASES = [
    # "she said" with no speech verb before: the last person named
    ('Governor Anna Keller spoke to reporters on Monday. "Troops shelled the town all night," she said.',
     "Governor Anna Keller", None),
    # "it said": the named subject of the sentence before
    ("The defence ministry issued a statement on Monday. It said troops had shelled the town.",
     "The defence ministry", None),
    # a quotation over two sentences: its speaker is named where it closes
    ('"Troops shelled the town all night. We counted forty shells," Governor Anna Keller told Radio Nord.',
     "Governor Anna Keller", "Radio Nord"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "claimant", "channel"), SPEAKER_CASES)
def test_claims_speakers_named_in_another_sentence(
    code_events: Code, text: str, claimant: str, channel: str | None
) -> None:
    found = [(e.claims[0].stance, e.claims[0].claimant, e.claims[0].channel) for e in code_events(text)]
    assert found == [("reported", claimant, channel)]


def test_claims_speakers_a_pronoun_with_no_one_named_stays_as_written(code_events: Code) -> None:
    found = [e.claims[0].claimant for e in code_events('"Troops shelled the town all night," she said.')]
    assert found == ["she"]
