"""One act per force in a short report: attacks by two named forces are two acts, not one happening;
fire between the two sides stays one fight."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.events.acled import label_note
from flashpoint.records import Actor, Event

Code = Callable[..., tuple[Event, ...]]


def _attack(start: int, actor: str, country: str, target: Actor | None = None) -> Event:
    return Event(
        type="ASSAULT",
        sentence=0,
        trigger_start=start,
        trigger_end=start + 7,
        trigger="shelled",
        actor=Actor(country=country),
        actor_text=actor,
        recipient=target,
        recipient_text=None if target is None else "them",
        goldstein=-9.0,
    )


def test_acled_note_two_named_forces_attacking_are_two_acts(code_events: Code) -> None:
    events = code_events("Ruritanian jets are bombing and the Bordurian army is shelling the valley.")
    attackers = sorted(e.actor.country for e in events if e.type == "ASSAULT" and e.actor is not None)
    assert attackers == ["BOR", "RUR"]


def test_acled_note_allies_shelling_one_town_are_two_acts() -> None:
    text = "Ruritanian guns shelled the town and Bordurian guns shelled it too."
    events = [_attack(16, "Ruritanian guns", "RUR"), _attack(52, "Bordurian guns", "BOR")]
    assert len(label_note(text, events, sentences=1)) == 2


def test_acled_note_fire_between_the_two_sides_is_one_fight() -> None:
    text = "Ruritanian guns shelled Bordurian posts and Bordurian guns shelled them back."
    events = [
        _attack(16, "Ruritanian guns", "RUR", Actor(country="BOR")),
        _attack(59, "Bordurian guns", "BOR", Actor(country="RUR")),
    ]
    assert len(label_note(text, events, sentences=1)) == 1


def test_acled_note_one_force_told_twice_is_one_act() -> None:
    text = "Ruritanian guns shelled the town and Ruritanian guns shelled it again."
    events = [_attack(16, "Ruritanian guns", "RUR"), _attack(52, "Ruritanian guns", "RUR")]
    assert len(label_note(text, events, sentences=1)) == 1
