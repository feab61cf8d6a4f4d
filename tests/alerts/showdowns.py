"""Two showdowns told in our own words: Manbij in 2018 and the Line of Control in 2025 (a store mixing periods)."""

from __future__ import annotations

import datetime as dt

# (text, type, trigger, actor, recipient, place, goldstein) — a showdown told in our own words.
MANBIJ = [
    ("Ankara told American soldiers to quit Manbij.", "REQUEST", "told", "TURGOV", "USAMIL", "Manbij", -1.0),
    ("A US commander refused to leave Manbij.", "REJECT", "refused", "USAMIL", "TURGOV", "Manbij", -4.0),
    ("Turkey's leader threatened to hit Manbij soon.", "THREATEN", "threatened", "TURGOV", "USA", "Manbij", -4.4),
    ("Turkish tanks drove towards Manbij at night.", "MOBILIZE", "drove", "TURMIL", None, "Manbij", -6.5),
]  # fmt: skip
BORDER = [
    ("Delhi accused Islamabad of shelling near Poonch.", "ACCUSE", "accused", "INDGOV", "PAKGOV", "Poonch", -2.0),
    ("Pakistan threatened India over troops at Kotli.", "THREATEN", "threatened", "PAKGOV", "IND", "Kotli", -4.4),
    ("Indian troops massed along the line near Poonch.", "MOBILIZE", "massed", "INDMIL", None, "Poonch", -6.5),
    ("Pakistani soldiers moved up to Kotli overnight.", "MOBILIZE", "moved", "PAKMIL", None, "Kotli", -6.5),
]  # fmt: skip
OLD, NEW = dt.date(2018, 1, 20), dt.date(2025, 3, 10)
