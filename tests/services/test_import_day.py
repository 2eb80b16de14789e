"""Importing a day's file: days in the shop's names, or problems and nothing else; the till's names are
remembered in the settings folder so the second import of the same till asks nothing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from xerohelper.adapters.pos.source_names_store import SourceNamesStore
from xerohelper.core.pos_source_mapping import PosSourceMapping
from xerohelper.services.import_day import at_its_till, import_day_file

SAMPLES = Path(__file__).resolve().parents[1] / "pos" / "samples"
ITEMS = SAMPLES / "square" / "items-2026-07-18-2026-07-19.csv"
MAY = SAMPLES / "square" / "item_sales_may.csv"
TEMPLATE = Path(__file__).resolve().parents[2] / "xerohelper" / "resources" / "generic-day-template.csv"
SHOP = {"shop_categories": ["Coffee", "Food"], "shop_tenders": ["Card", "Cash"]}


def remember_till_names(source: str, **answers) -> None:
    """The owner's answers kept as the app will keep them (nothing in the app asks yet: issue 13)."""
    store = SourceNamesStore.for_this_user()
    store.save(PosSourceMapping().remember(source, **answers))


def test_a_square_export_is_read_and_its_names_are_asked_about():
    outcome = import_day_file(ITEMS, **SHOP)
    assert outcome.ok and outcome.format == "square-items" and outcome.source == "square"
    assert outcome.title == "Square Item Detail export"
    (day,) = outcome.days
    assert day.date == date(2026, 7, 18)
    asked = {(q.kind, q.pos_name, q.suggestion) for q in outcome.questions}
    assert asked == {
        ("category", "Uncategorized", None),
        ("tender", "Visa", "Card"),
        ("tender", "MasterCard", "Card"),
        ("tender", "American Express", "Card"),
        ("tender", "Discover", "Card"),
    }


def test_the_second_import_of_the_same_till_needs_no_questions(user_folders):
    first = import_day_file(ITEMS, **SHOP)
    remember_till_names(
        first.source,
        categories={"Uncategorized": "Coffee"},
        tenders={q.pos_name: "Card" for q in first.questions if q.kind == "tender"},
    )
    settings_file = SourceNamesStore.for_this_user().path
    assert settings_file.is_file() and str(settings_file).startswith(str(user_folders))
    second = import_day_file(SAMPLES / "square" / "items-2026-06-30-2026-07-01.csv", **SHOP)
    assert second.questions == ()
    (day,) = second.days
    assert [t.name for t in day.tenders] == ["Card"]
    assert [s.category for s in day.sales] == ["Coffee"]
    assert day.to_json_dict()["totals"]["gross"] == "1538.33"  # the same money, in the shop's names
    # names the owner has not answered for yet still pass through, and are asked about
    may = import_day_file(MAY, **SHOP)
    assert {q.pos_name for q in may.questions} == {"Cash or other"}


def test_import_works_without_any_saved_names_and_with_a_damaged_names_file():
    outcome = import_day_file(ITEMS)
    assert [t.name for t in outcome.days[0].tenders] == ["American Express", "Discover", "MasterCard", "Visa"]
    store = SourceNamesStore.for_this_user()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{damaged", encoding="utf-8")
    damaged = import_day_file(ITEMS)
    assert damaged.ok and damaged.days == outcome.days
    assert any("couldn't read the till names you matched before" in note for note in damaged.notes)


def test_one_day_of_several():
    outcome = import_day_file(MAY, only_date=date(2026, 5, 23))
    assert [d.date for d in outcome.days] == [date(2026, 5, 23)]
    missing = import_day_file(MAY, only_date=date(2026, 5, 24))
    assert missing.days == ()
    assert str(missing.problems[0]) == (
        "item_sales_may.csv: this file has no takings for Sunday 24 May 2026 (it has Friday 22 May 2026, "
        "Saturday 23 May 2026, Saturday 30 May 2026). Choose one of the days the file has, or export that "
        "day from the till."
    )


def test_a_file_with_errors_gives_no_days_and_a_message_that_counts_the_rest(tmp_path):
    bad = tmp_path / "takings.csv"
    rows = [line.replace("65.22", "6O.22") for line in TEMPLATE.read_text(encoding="utf-8").splitlines()]
    rows += [f"2026-11-22,sale,Coffee,,x{i},0," for i in range(7)]
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outcome = import_day_file(bad)
    assert not outcome.ok and outcome.days == () and outcome.questions == ()
    assert outcome.more_problems == 3
    message = outcome.message()
    assert message.splitlines()[0] == (
        "takings.csv, line 2, column “Tax”: this is not an amount of money (found “6O.22”). Correct it in "
        "the file (an amount looks like 1234.56 or $1,234.56), save it and import again."
    )
    assert (
        message.splitlines()[-1]
        == "…and 3 more problems in the same file. Nothing from this file was imported."
    )
    # the owner fixes the file and imports it again
    bad.write_text(TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    assert import_day_file(bad).ok


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p / "nowhere.csv", "there is no such file"),
        (lambda p: p, "this is a folder, not a file"),
    ],
)
def test_files_that_cannot_be_opened(tmp_path, make, words):
    outcome = import_day_file(make(tmp_path))
    assert words in outcome.message() and outcome.days == ()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_a_file_we_may_not_read(tmp_path):  # pragma: no cover - the test machine runs as root
    locked = tmp_path / "locked.csv"
    locked.write_text("x")
    locked.chmod(0)
    assert "isn't allowed to read" in import_day_file(locked).message()


def test_the_shop_zone_moves_sales_to_the_shops_day():
    from zoneinfo import ZoneInfo

    outcome = import_day_file(ITEMS, shop_zone=ZoneInfo("Australia/Sydney"))
    # the café's sales run from about 9 am to 1 pm in New York: 11 pm to 3 am in Sydney, so two days there
    assert [d.date for d in outcome.days] == [date(2026, 7, 18), date(2026, 7, 19)]
    assert sum(d.totals.gross for d in outcome.days) == import_day_file(ITEMS).days[0].totals.gross


def test_a_file_of_one_of_the_shops_several_tills_keeps_its_days_at_that_till():
    from xerohelper.core.day import Day

    one_till = Day(date(2026, 10, 2), "generic", place="Front counter")  # the file names one till only
    assert at_its_till(one_till, {"Front counter", "Garden centre"}).location == "Front counter"
    assert at_its_till(one_till, set()).location == ""  # a shop with one till: its day, as before
    new_till = at_its_till(one_till, {"Garden centre"})  # a till never seen: its own (asked about first)
    assert new_till.location == new_till.place == "Front counter"
