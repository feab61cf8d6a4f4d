"""The write pool: API writes run in worker threads, a bounded number at a time, within a time budget.

The event loop only waits: reading a text and running the pipeline happen in a worker, so `/healthz`
and every read route answer while a write works.  At most `workers + queue` writes are admitted; past
that the caller gets 503 and should retry.  A write still running when its budget is spent is
abandoned: the caller gets its answer at once and the worker, when it comes back, stores nothing.
(A thread cannot be killed; the worker keeps its slot until it returns, so the bound holds.)
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["Busy", "Deadline", "OverBudget", "WritePool"]

T = TypeVar("T")


class Busy(Exception):
    """Every worker is busy and the queue is full."""


class OverBudget(Exception):
    """The write took longer than its budget and was abandoned."""


class Deadline:
    """The end of one write's budget, and who got there first: the worker storing, or the caller giving up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._state = "open"

    def check(self) -> None:
        """Raise OverBudget when the budget is spent or the caller gave up (call it between steps)."""
        if self._state == "abandoned" or time.monotonic() >= self._end:
            raise OverBudget

    def commit(self) -> bool:
        """Return True when the worker may store its results (within budget, not abandoned); final."""
        with self._lock:
            if self._state == "open" and time.monotonic() < self._end:
                self._state = "committed"
            return self._state == "committed"

    def abandon(self) -> bool:
        """Return True when the caller gave up before the worker committed (nothing will be stored)."""
        with self._lock:
            if self._state == "open":
                self._state = "abandoned"
            return self._state == "abandoned"


class WritePool:
    """Worker threads for writes with a bounded queue and a per-write time budget."""

    def __init__(self, *, workers: int, queue: int, budget: float) -> None:
        if workers < 1 or queue < 0 or budget <= 0:
            raise ValueError("write pool needs workers >= 1, queue >= 0 and a positive budget")
        self.budget = budget
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="flashpoint-write")
        self._slots = threading.BoundedSemaphore(workers + queue)
        self.closed = False

    async def run(self, job: Callable[[Deadline], T]) -> T:
        """Return `job(deadline)` run in a worker.

        Raises Busy when no slot is free, and OverBudget when the budget ran out before the job
        committed (the job must call `deadline.commit()` before it stores anything).
        """
        if not self._slots.acquire(blocking=False):
            raise Busy
        deadline = Deadline(self.budget)
        try:
            future = self._executor.submit(self._release_after, job, deadline)
        except RuntimeError:  # shut down
            self._slots.release()
            raise Busy from None
        waiting = asyncio.wrap_future(future)
        try:
            return await asyncio.wait_for(asyncio.shield(waiting), timeout=self.budget)
        except TimeoutError:
            if deadline.abandon():
                raise OverBudget from None
            return await waiting  # the worker committed just in time: let it finish storing

    def _release_after(self, job: Callable[[Deadline], T], deadline: Deadline) -> T:
        try:
            return job(deadline)
        finally:
            self._slots.release()

    def close(self) -> None:
        """Stop taking writes; queued ones are cancelled, running ones finish in the background."""
        self.closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)
