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

# The alerts tests' standoff on one day (rows for `ReportFactory.add_all` with place="Poonch"): India threatens
# Pakistan and Indian troops move up; an accusation goes between them when a test needs a third report.
POONCH_DAY = dt.date(2024, 3, 11)
POONCH_THREAT = (
    "India warned Pakistan over firing near Poonch.",
    "THREATEN",
    "warned",
    "INDGOV",
    "PAK",
    -4.4,
)
POONCH_ACCUSATION = (
    "Pakistan accused India of shelling a village near Poonch.",
    "ACCUSE",
    "accused",
    "PAKGOV",
    "IND",
    -2.0,
)
POONCH_MOVE = ("Indian troops moved guns up to Poonch.", "MOBILIZE", "moved", "INDMIL", None, -7.0)
