"""Actors: mentions resolved to coded actors (country + sector) with our own YAML dictionary."""

from __future__ import annotations

from flashpoint.actors.dictionary import ActorDictionary, load_dictionary
from flashpoint.actors.entries import Entry, Role
from flashpoint.actors.resolver import ActorResolver
from flashpoint.actors.stage import ActorStage

__all__ = ["ActorDictionary", "ActorResolver", "ActorStage", "Entry", "Role", "load_dictionary"]
