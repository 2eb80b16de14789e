import threading
import time

import pytest

from xerohelper.ui.workers import jobs_running, run_in_background


def test_work_runs_off_the_gui_thread_and_results_come_back_on_it(qtbot):
    seen = {}

    def work(report):
        seen["work_thread"] = threading.current_thread()
        report("half way")
        time.sleep(0.05)
        return 42

    progress = []
    done = []
    job = run_in_background(
        work,
        on_done=lambda r: done.append((r, threading.current_thread())),
        on_progress=lambda p: progress.append((p, threading.current_thread())),
    )
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert seen["work_thread"] is not threading.main_thread()
    assert done == [(42, threading.main_thread())]
    assert progress == [("half way", threading.main_thread())]
    assert job.thread_name and job.thread_name != threading.main_thread().name
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=1000)


def test_failures_come_back_as_the_exception(qtbot):
    failed = []
    run_in_background(lambda: 1 / 0, on_failed=lambda e: failed.append((e, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(failed), timeout=3000)
    error, thread = failed[0]
    assert isinstance(error, ZeroDivisionError) and thread is threading.main_thread()


@pytest.mark.parametrize("count", [20])
def test_many_jobs_all_deliver(qtbot, count):
    results = []
    for n in range(count):
        run_in_background(lambda n=n: n * n, on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == count, timeout=5000)
    assert sorted(results) == [n * n for n in range(count)]
