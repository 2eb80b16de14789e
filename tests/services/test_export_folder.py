"""The watched export folder against the demo sandbox, without Qt: files that settle are imported, every
day kept, sent when the owner opted in and nothing needs a person; the same content never twice."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tests.ui.demo_session import demo_session
from xerohelper.core.checklist import Step, StepState
from xerohelper.services.demo_shop import DAY_FILE
from xerohelper.services.everyday_settings import EverydaySettings
from xerohelper.services.export_folder import ExportFolderService

FILE_DATE = "2026-11-21"  # the date in the demo till's day file


def write_days(path, dates, cash=None):
    """The demo till's day once per date, in one generic day file; `cash` changes one day's cash."""
    header, *rows = DAY_FILE.read_text(encoding="utf-8").splitlines()
    lines = [header]
    for d in dates:
        for row in rows:
            row = row.replace(FILE_DATE, d.isoformat())
            if cash and d == cash[0]:
                row = row.replace("412.30", cash[1])
            lines.append(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def session():
    with demo_session() as session:
        yield session


def watcher(session, folder, send=True):
    settings = EverydaySettings(session.connection.folders.settings)
    choices = settings.choices()
    settings.save_choices(replace(choices, watched_folder=str(folder), send_automatically=send))
    clock = Clock()
    return ExportFolderService(session, settings, clock), clock


def settle(service, clock):
    first = service.look()
    clock.now += 5
    return first + service.look()


def missed(session, count):
    today = session.today()
    return [today - timedelta(days=3 + n) for n in range(count, 0, -1)]


def test_a_dropped_file_is_sent_once_with_no_click(session, tmp_path):
    service, clock = watcher(session, tmp_path)
    (day,) = missed(session, 1)
    write_days(tmp_path / "export.csv", [day])
    alerts = settle(service, clock)
    assert [(a.kind, a.trading_date) for a in alerts] == [("sent", day)]
    assert session.day_service().checklist(day)[Step.SALES_SUMMARY].state is StepState.DONE
    (tmp_path / "copy.csv").write_bytes((tmp_path / "export.csv").read_bytes())
    assert settle(service, clock) == []  # same content under another name: never twice
    again, clock = watcher(session, tmp_path)  # after a restart too
    assert settle(again, clock) == []


def test_a_five_day_file_keeps_five_days_and_sends_them(session, tmp_path):
    service, clock = watcher(session, tmp_path)
    days = missed(session, 5)
    write_days(tmp_path / "week.csv", days)
    alerts = settle(service, clock)
    assert [(a.kind, a.trading_date) for a in alerts] == [("sent", d) for d in days]


def test_without_opting_in_the_days_are_kept_and_the_owner_told(session, tmp_path):
    service, clock = watcher(session, tmp_path, send=False)
    (day,) = missed(session, 1)
    write_days(tmp_path / "export.csv", [day])
    alerts = settle(service, clock)
    assert [(a.kind, a.trading_date) for a in alerts] == [("kept", day)]
    assert session.day_service().checklist(day)[Step.SALES_SUMMARY].state is StepState.READY


def test_a_till_difference_is_asked_not_sent(session, tmp_path):
    service, clock = watcher(session, tmp_path)
    (day,) = missed(session, 1)
    write_days(tmp_path / "export.csv", [day], cash=(day, "400.00"))
    alerts = settle(service, clock)
    assert [(a.kind, a.trading_date) for a in alerts] == [("needs you", day)]
    assert "differ" in alerts[0].words
    assert session.day_service().checklist(day)[Step.SALES_SUMMARY].state is not StepState.DONE


def test_a_broken_export_is_said_once_and_other_files_ignored_quietly(session, tmp_path):
    service, clock = watcher(session, tmp_path)
    (day,) = missed(session, 1)
    broken = write_days(tmp_path / "export.csv", [day]).read_text().replace("412.30", "four hundred")
    (tmp_path / "export.csv").write_text(broken)
    (tmp_path / "holiday.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a till export")
    (tmp_path / "notes.txt").write_text("milk, eggs\n")
    alerts = settle(service, clock)
    assert [a.kind for a in alerts] == ["problem"]
    assert "four hundred" in alerts[0].problem
    clock.now += 100
    assert settle(service, clock) == []


def test_a_file_still_growing_waits(session, tmp_path):
    service, _clock = watcher(session, tmp_path)
    (day,) = missed(session, 1)
    write_days(tmp_path / "export.csv", [day])
    assert service.look() == [] and service.waiting()


class Reads:
    """Counts the files read in one folder (the service reads each file it handles whole)."""

    def __init__(self, monkeypatch, folder):
        self.names: list[str] = []
        read_bytes = Path.read_bytes

        def counted(path):
            if path.parent == folder:
                self.names.append(path.name)
            return read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", counted)


def test_files_handled_before_a_restart_are_not_read_again_unless_changed(session, tmp_path, monkeypatch):
    service, clock = watcher(session, tmp_path)
    first, second = missed(session, 2)
    write_days(tmp_path / "monday.csv", [first])
    write_days(tmp_path / "tuesday.csv", [second])
    (tmp_path / "notes.txt").write_text("milk, eggs\n")  # not an export: handled (quietly) too
    reads = Reads(monkeypatch, tmp_path)
    assert [a.kind for a in settle(service, clock)] == ["sent", "sent"]
    assert sorted(reads.names) == ["monday.csv", "notes.txt", "tuesday.csv"]

    reads.names.clear()
    again, clock = watcher(session, tmp_path)  # the app started again: nothing has changed
    assert settle(again, clock) == []
    assert reads.names == []  # not one file read

    reads.names.clear()
    monday = tmp_path / "monday.csv"
    os.utime(monday, (monday.stat().st_atime, monday.stat().st_mtime + 60))  # saved again, same content
    write_days(tmp_path / "tuesday.csv", [second], cash=(second, "400.00"))  # changed
    third, clock = watcher(session, tmp_path)
    alerts = settle(third, clock)
    assert sorted(reads.names) == ["monday.csv", "tuesday.csv"]  # the changed ones only, read again
    assert [(a.kind, a.trading_date) for a in alerts if a.trading_date == first] == []  # same content: once
    assert [a.trading_date for a in alerts] == [second]  # the new figures: the owner is asked
