"""What the command groups share: the rejection report on stderr."""

from __future__ import annotations

from flashpoint.commands import SAME_REASON_SHOWN, RejectionReport
from flashpoint.records import Rejection


def test_rejection_report_sums_up_one_file_rejected_record_after_record() -> None:
    lines: list[str] = []
    report = RejectionReport(lines.append)
    for n in range(1, 11):
        report(Rejection(f"notes/tags.jsonl:{n}", "JSON record has no text"))
    report(Rejection("notes/tags.jsonl:11", "line is not JSON"))
    report(Rejection("inbox/empty.txt", "file is empty"))
    report.close()
    shown = [line for line in lines if "has no text" in line]
    assert len(shown) == SAME_REASON_SHOWN + 1
    assert (
        shown[-1]
        == f"rejected: notes/tags.jsonl: {10 - SAME_REASON_SHOWN} more record(s): JSON record has no text"
    )
    # another reason in the same file, and another file, are each named in full
    assert "rejected: notes/tags.jsonl:11: line is not JSON" in lines
    assert "rejected: inbox/empty.txt: file is empty" in lines


def test_rejection_report_shows_every_line_of_a_short_batch() -> None:
    lines: list[str] = []
    report = RejectionReport(lines.append)
    for n in range(1, SAME_REASON_SHOWN + 1):
        report(Rejection(f"posts.jsonl:{n}", "JSON record has no text"))
    report.close()
    assert lines == [
        f"rejected: posts.jsonl:{n}: JSON record has no text" for n in range(1, SAME_REASON_SHOWN + 1)
    ]
