"""Claims: claimant, channel, stance, chains, anonymous sources, posts and quoted spans."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.events.claims import quote_spans
from flashpoint.records import Claim, Event, Post

Code = Callable[..., tuple[Event, ...]]


def _claim(events: tuple[Event, ...], plover: str) -> Claim:
    event = next(e for e in events if e.type == plover)
    return event.claims[0]


def test_claims_author_voice_has_no_claimant(code_events: Code) -> None:
    claim = _claim(code_events("Bordurian police arrested twelve activists.", author="A. Writer"), "COERCE")
    assert (claim.claimant, claim.channel, claim.stance, claim.anonymous) == (None, None, "asserted", False)


def test_claims_said_names_the_speaker(code_events: Code) -> None:
    claim = _claim(code_events("Ruritanian jets bombed the depot, General Ivan Petrov said."), "ASSAULT")
    assert claim.claimant == "General Ivan Petrov"


def test_claims_according_to_is_reported(code_events: Code) -> None:
    text = "Ruritanian jets bombed the depot, according to the Bordurian Red Crescent."
    claim = _claim(code_events(text), "ASSAULT")
    assert claim.claimant is not None and "Red Crescent" in claim.claimant
    assert claim.stance == "reported"


def test_claims_told_media_is_the_channel(code_events: Code) -> None:
    text = "Major Anna Weiss told Syldavian television that Ruritanian troops had shelled the bridge."
    claim = _claim(code_events(text), "ASSAULT")
    assert claim.claimant == "Major Anna Weiss"
    assert claim.channel == "Syldavian television"


def test_claims_speaking_on_a_network_is_the_channel(code_events: Code) -> None:
    text = "Speaking on Channel Nine, Minister Karl Brandt said that Borduria attacked the convoy."
    claim = _claim(code_events(text), "ASSAULT")
    assert claim.claimant == "Minister Karl Brandt"
    assert claim.channel == "Channel Nine"


def test_claims_embedded_post_author_and_handle(code_events: Code) -> None:
    text = "Intro line.\nBordurian police arrested twelve activists in the square.\nOutro."
    start = text.index("Bordurian")
    post = Post(start=start, end=text.index("\nOutro"), author="Lena Ort", handle="lenaort")
    claim = _claim(code_events(text, posts=(post,)), "COERCE")
    assert (claim.claimant, claim.channel) == ("Lena Ort", "Twitter @lenaort")


def test_claims_anonymous_source_relayed_in_a_post(code_events: Code) -> None:
    text = "I am hearing from one source on the ground that Ruritanian troops shelled the market."
    post = Post(start=0, end=len(text), author="Lena Ort", handle="lenaort")
    claim = _claim(code_events(text, posts=(post,)), "ASSAULT")
    assert claim.anonymous and claim.stance == "alleged"
    assert claim.claimant == "one source on the ground"
    assert claim.chain == ("Lena Ort",)


def test_claims_witnesses_are_anonymous(code_events: Code) -> None:
    claim = _claim(code_events("Witnesses say Ruritanian soldiers shot two farmers."), "ASSAULT")
    assert claim.anonymous and claim.stance == "alleged"


def test_claims_nested_attribution_chain(code_events: Code) -> None:
    text = "Lena Ort reports that a local official says Ruritanian troops shelled the market."
    claim = _claim(code_events(text), "ASSAULT")
    assert claim.claimant == "a local official"
    assert claim.chain == ("Lena Ort",)


def test_claims_quote_span_offsets(code_events: Code) -> None:
    text = 'Minister Karl Brandt said: "Our forces attacked the rebel depot at dawn."'
    claim = _claim(code_events(text), "ASSAULT")
    assert claim.quote_start is not None and claim.quote_end is not None
    assert text[claim.quote_start : claim.quote_end] == claim.quote
    assert claim.quote is not None and claim.quote.startswith("Our forces attacked")


def test_claims_denial_negates_the_event(code_events: Code) -> None:
    events = code_events("Ruritania denied that its jets bombed the hospital.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.negated and assault.claims[0].stance == "denied"
    assert "REJECT" not in [e.type for e in events]


def test_claims_quote_spans_handles_curly_and_straight_quotes() -> None:
    text = 'He said “we will win” and "never".'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["we will win", "never"]


def test_claims_pronoun_speaker_is_the_one_named_before(code_events: Code) -> None:
    events = code_events(
        "Major Anton Kessel, a Bordurian army spokesman, told reporters the night was calm. "
        "He said Syldavian gunmen had ambushed a patrol."
    )
    assert _claim(events, "ASSAULT").claimant == "Major Anton Kessel"


def test_claims_pronoun_speaker_without_anyone_before_stays(code_events: Code) -> None:
    events = code_events("He said Syldavian gunmen had ambushed a patrol.")
    assert _claim(events, "ASSAULT").claimant == "He"
