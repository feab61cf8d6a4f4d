"""WritePool and Deadline: bounded admission, the budget, and who wins when both finish at once."""

from __future__ import annotations

import asyncio
import threading

import pytest

from flashpoint.api.workers import Busy, Deadline, OverBudget, WritePool


def test_workers_deadline_commit_wins_then_abandon_loses() -> None:
    deadline = Deadline(60)
    assert deadline.commit() and deadline.commit()
    assert not deadline.abandon()
    deadline.check()  # committed work is never stopped


def test_workers_deadline_abandon_wins_then_commit_loses() -> None:
    deadline = Deadline(60)
    assert deadline.abandon()
    assert not deadline.commit()
    with pytest.raises(OverBudget):
        deadline.check()


def test_workers_spent_deadline_refuses_to_commit() -> None:
    deadline = Deadline(1e-9)
    threading.Event().wait(0.01)
    with pytest.raises(OverBudget):
        deadline.check()
    assert not deadline.commit()


def test_workers_pool_runs_a_job_and_frees_its_slot() -> None:
    pool = WritePool(workers=1, queue=0, budget=30)

    async def twice() -> list[str]:
        return [await pool.run(lambda d: threading.current_thread().name) for _ in range(2)]

    try:
        names = asyncio.run(twice())
    finally:
        pool.close()
    assert all(name.startswith("flashpoint-write") for name in names)


def test_workers_pool_refuses_past_its_bound_and_abandons_over_budget() -> None:
    pool = WritePool(workers=1, queue=0, budget=0.2)
    release = threading.Event()
    stored: list[bool] = []

    def slow(deadline: Deadline) -> None:
        release.wait(20)
        stored.append(deadline.commit())

    async def scenario() -> tuple[BaseException | None, BaseException | None]:
        first = asyncio.ensure_future(pool.run(slow))
        await asyncio.sleep(0)  # let the first job take the only slot
        try:
            await pool.run(slow)
            busy: BaseException | None = None
        except Busy as exc:
            busy = exc
        try:
            await first
            over: BaseException | None = None
        except OverBudget as exc:
            over = exc
        return busy, over

    try:
        busy, over = asyncio.run(scenario())
    finally:
        release.set()
        pool.close()
    assert isinstance(busy, Busy) and isinstance(over, OverBudget)
    pause = threading.Event()  # never set: a bounded sleep between looks
    for _ in range(200):
        if stored:
            break
        pause.wait(0.05)
    assert stored == [False]  # the late worker was told not to store


@pytest.mark.parametrize(("workers", "queue", "budget"), [(0, 1, 1.0), (1, -1, 1.0), (1, 1, 0.0)])
def test_workers_pool_refuses_bad_limits(workers: int, queue: int, budget: float) -> None:
    with pytest.raises(ValueError, match="write pool"):
        WritePool(workers=workers, queue=queue, budget=budget)
