"""The watched folder's decisions as values: no disk, no Qt, no sleeping."""

from xerohelper.core.export_watch import ExportWatch, FileSeen, Next, Verdict


def test_a_file_is_read_only_once_it_has_stopped_growing():
    watch = ExportWatch(settle_seconds=2.0)
    assert watch.ready([FileSeen("day.csv", 100, 1.0)], now=10.0) == []
    assert watch.ready([FileSeen("day.csv", 200, 2.0)], now=11.0) == []  # still growing
    assert watch.ready([FileSeen("day.csv", 200, 2.0)], now=12.5) == []  # 1.5 s quiet
    assert watch.waiting()
    assert watch.ready([FileSeen("day.csv", 200, 2.0)], now=13.0) == ["day.csv"]


def test_a_handled_file_is_not_read_again_until_it_changes():
    watch = ExportWatch(settle_seconds=0)
    seen = FileSeen("day.csv", 100, 1.0)
    assert watch.ready([seen], now=0) == ["day.csv"]
    watch.read_done(seen)
    assert watch.ready([seen], now=5) == []
    assert not watch.waiting()
    changed = FileSeen("day.csv", 120, 9.0)
    assert watch.ready([changed], now=6) == ["day.csv"]


def test_empty_files_wait():
    watch = ExportWatch(settle_seconds=0)
    assert watch.ready([FileSeen("new.csv", 0, 1.0)], now=0) == []


def test_same_content_is_never_imported_twice_even_under_another_name_or_after_a_restart():
    watch = ExportWatch()
    assert watch.before_import("abc") is Next.IMPORT
    assert watch.after_reading("abc", looks_like_export=True, read_ok=True) is Next.IMPORT
    assert watch.before_import("abc") is Next.IGNORE
    restarted = ExportWatch(verdicts=ExportWatch.verdicts_from_section(watch.verdicts_section()))
    assert restarted.before_import("abc") is Next.IGNORE
    assert restarted.before_import("other") is Next.IMPORT


def test_non_exports_are_ignored_quietly_and_failures_said_once():
    watch = ExportWatch()
    assert watch.after_reading("photo", looks_like_export=False, read_ok=False) is Next.IGNORE
    assert watch.after_reading("broken", looks_like_export=True, read_ok=False) is Next.TELL
    assert watch.before_import("broken") is Next.IGNORE
    assert watch.verdicts == {"photo": Verdict.NOT_AN_EXPORT, "broken": Verdict.FAILED}


def test_files_that_arrived_while_closed_are_read_on_the_first_look():
    watch = ExportWatch(settle_seconds=2.0)
    files = [FileSeen("b.csv", 10, 1.0), FileSeen("a.csv", 10, 1.0)]
    assert watch.ready(files, now=100.0) == []
    assert watch.ready(files, now=102.0) == ["a.csv", "b.csv"]


def test_damaged_verdicts_are_dropped():
    assert ExportWatch.verdicts_from_section({"a": "imported", "b": "??", "c": 3}) == {"a": Verdict.IMPORTED}


def test_files_no_till_saves_are_never_opened():
    watch = ExportWatch(settle_seconds=0)
    files = [
        FileSeen("holiday.jpg", 10, 1.0),
        FileSeen("takings.csv.part", 10, 1.0),
        FileSeen(".~lock.takings.csv#", 10, 1.0),
        FileSeen("Takings.CSV", 10, 1.0),
        FileSeen("zettle.xlsx", 10, 1.0),
    ]
    assert watch.ready(files, now=0) == ["Takings.CSV", "zettle.xlsx"]


def test_a_file_handled_before_a_restart_is_not_read_again_until_it_changes():
    watch = ExportWatch(settle_seconds=0)
    seen, other = FileSeen("day.csv", 100, 1.0), FileSeen("half-read.csv", 50, 1.0)
    assert watch.ready([seen, other], now=0) == ["day.csv", "half-read.csv"]
    watch.read_done(seen, "abc")
    watch.after_reading("abc", looks_like_export=True, read_ok=True)
    watch.read_done(other, "def")  # the app stopped before deciding about this one
    section = watch.handled_section()
    assert section == {"day.csv": [100, 1.0, "abc"]}
    restarted = ExportWatch(
        verdicts=ExportWatch.verdicts_from_section(watch.verdicts_section()), settle_seconds=0
    )
    restarted.remember_handled(section)
    assert restarted.ready([seen, other], now=5) == ["half-read.csv"]
    assert restarted.ready([FileSeen("day.csv", 100, 7.0)], now=6) == ["day.csv"]  # saved again: read again


def test_damaged_handled_files_are_dropped():
    watch = ExportWatch(verdicts={"abc": Verdict.IMPORTED}, settle_seconds=0)
    watch.remember_handled(
        {"a.csv": [1, 2.0, "abc"], "b.csv": ["1", 2.0, "abc"], "c.csv": [1, 2.0, "zzz"], "d": 3}
    )
    assert watch.handled_section() == {"a.csv": [1, 2.0, "abc"]}
