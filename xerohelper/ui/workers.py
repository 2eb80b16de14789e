"""Run blocking work (Xero, files, the keyring) on a thread pool; hear of its result on the GUI thread.

    run_in_background(session.open, on_done=self._opened, on_failed=self._failed)
    run_in_background(lambda report: days.run_day(d, progress=report), on_progress=self._show, ...)

A callable that takes one argument is given `report(anything)`: each report reaches `on_progress` on the
GUI thread. Results and exceptions come back as queued signals, so callbacks always run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
_running: set[Job] = set()  # keeps jobs alive until their result has been delivered


class Job(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)

    def __init__(self, work: Callable, on_done, on_failed, on_progress) -> None:
        super().__init__()
        self.work = work
        self.thread_name = ""
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)
        self.progress.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_done(self, result) -> None:
        _running.discard(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, error) -> None:
        _running.discard(self)
        if self._on_failed is not None:
            self._on_failed(error)
        else:
            log.error("background work failed: %r", error)

    @Slot(object)
    def _deliver_progress(self, report) -> None:
        if self._on_progress is not None:
            self._on_progress(report)


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        job = self.job
        job.thread_name = threading.current_thread().name
        try:
            try:
                result = job.work(job.progress.emit) if _takes_report(job.work) else job.work()
            except BaseException as error:  # every failure goes back to the GUI to be explained
                log.info("background work raised %s", type(error).__name__, exc_info=True)
                job.failed.emit(error)
            else:
                job.done.emit(result)
        except RuntimeError:  # the window that asked has gone (the app is closing): nobody to tell
            log.debug("background work finished after its window closed")


def _takes_report(work: Callable) -> bool:
    """True when `work` has exactly one parameter without a default (the `report` callable)."""
    import inspect

    required = [
        p
        for p in inspect.signature(work).parameters.values()
        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return len(required) == 1


def run_in_background(
    work: Callable,
    on_done: Callable | None = None,
    on_failed: Callable | None = None,
    on_progress: Callable | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    job = Job(work, on_done, on_failed, on_progress)
    runner = _Runner(job)
    runner.setAutoDelete(False)  # Python owns it: kept on the job until the result has been delivered
    job.runner = runner
    _running.add(job)
    (pool or QThreadPool.globalInstance()).start(runner)
    return job


def jobs_running() -> int:
    return len(_running)
