"""Every date format seen in the samples (reference/pos-formats.md §12.3), the day/month order of a file,
and which trading day a sale counts for."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from xerohelper.adapters.pos.datetimes import (
    DateOrder,
    DateReader,
    Stamp,
    decide_order,
    parse_time,
    period_in_file_name,
    trading_date,
)
from xerohelper.adapters.pos.problems import ValueProblem
from xerohelper.adapters.pos.time_zones import zone_named


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-07-18", DateOrder.MONTH_FIRST, Stamp(date(2026, 7, 18))),  # Square 2022+
        ("11/15/2017", DateOrder.MONTH_FIRST, Stamp(date(2017, 11, 15))),  # Square 2017/2018
        ("7/28/26 1:33 PM", DateOrder.MONTH_FIRST, Stamp(date(2026, 7, 28), time(13, 33))),  # Loyverse (US)
        ("7/28/26 12:03 AM", DateOrder.MONTH_FIRST, Stamp(date(2026, 7, 28), time(0, 3))),
        ("01/10/2026 23:50", DateOrder.DAY_FIRST, Stamp(date(2026, 10, 1), time(23, 50))),  # Loyverse (PH)
        ("31/12/2023 22:36", DateOrder.DAY_FIRST, Stamp(date(2023, 12, 31), time(22, 36))),  # Excel re-save
        ("15.03.23", DateOrder.MONTH_FIRST, Stamp(date(2023, 3, 15))),  # SumUp: dots are always day first
        ("24.03.2023, 12:32", DateOrder.MONTH_FIRST, Stamp(date(2023, 3, 24), time(12, 32))),
        ("16-03-2013", DateOrder.MONTH_FIRST, Stamp(date(2013, 3, 16))),  # Casio
        ("20130316", DateOrder.MONTH_FIRST, Stamp(date(2013, 3, 16))),
        (
            "2025-06-30 23:32:39 -0400",  # Shopify
            DateOrder.MONTH_FIRST,
            Stamp(date(2025, 6, 30), time(23, 32, 39), timedelta(hours=-4)),
        ),
        ("2026-01-01 08:00:00", DateOrder.DAY_FIRST, Stamp(date(2026, 1, 1), time(8))),
        ("2026-01-01T08:00:00Z", DateOrder.DAY_FIRST, Stamp(date(2026, 1, 1), time(8), timedelta(0))),
        (
            "2026-01-01 08:00 +05:30",
            DateOrder.DAY_FIRST,
            Stamp(date(2026, 1, 1), time(8), timedelta(hours=5.5)),
        ),
    ],
)
def test_dates_seen_in_real_exports(text, order, expected):
    assert DateReader(order).read(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30", "no such date"),
        ("13/13/2026", "no such date"),
        ("yesterday", "not a date"),
        ("2026-07-18 25:00", "no such time"),
        ("7/28/26 13:33 PM", "AM or PM"),
        ("2026-07-18 10:00 +1900", "offset doesn't exist"),
        ("99999-01-01", "not a date"),
        ("", "not a date"),
    ],
)
def test_what_is_not_a_date_says_why(text, words):
    with pytest.raises(ValueProblem) as error:
        DateReader(DateOrder.MONTH_FIRST).read(text)
    assert words in error.value.problem


def test_time_column_on_its_own():
    assert parse_time("12:59:30") == (time(12, 59, 30), None)
    assert parse_time("1:05 pm") == (time(13, 5), None)


def test_order_is_decided_by_a_value_that_can_only_be_one_way():
    assert decide_order(
        ["7/28/26 1:33 PM", "7/26/26 11:46 AM"], period=None, default=DateOrder.DAY_FIRST
    ) == (
        DateOrder.MONTH_FIRST,
        None,
    )
    assert decide_order(["28/07/2026", "01/08/2026"], period=None, default=DateOrder.MONTH_FIRST) == (
        DateOrder.DAY_FIRST,
        None,
    )
    assert decide_order(["2026-07-28"], period=None, default=DateOrder.DAY_FIRST) == (
        DateOrder.DAY_FIRST,
        None,
    )


def test_order_is_decided_by_the_period_in_the_file_name_when_every_value_could_be_either():
    period = period_in_file_name("receipts-2026-09-20-2026-10-02.csv")
    assert period == (date(2026, 9, 20), date(2026, 10, 2))
    assert decide_order(["01/10/2026 23:50"], period=period, default=DateOrder.MONTH_FIRST) == (
        DateOrder.DAY_FIRST,
        None,
    )


def test_a_guessed_order_is_said_out_loud():
    order, note = decide_order(["05/11/2026"], period=None, default=DateOrder.DAY_FIRST)
    assert order is DateOrder.DAY_FIRST
    assert note == (
        "Dates like “05/11/2026” could be day/month or month/day; xerohelper read them as day/month "
        "(Thursday 5 November 2026). Check the day's date before posting it."
    )


def test_a_file_mixing_both_orders_is_refused():
    with pytest.raises(ValueProblem, match="mix day/month and month/day"):
        decide_order(["13/01/2026", "01/13/2026"], period=None, default=DateOrder.DAY_FIRST)


def test_period_in_file_names():
    assert period_in_file_name("items-2026-07-18-2026-07-19.csv") == (date(2026, 7, 18), date(2026, 7, 19))
    assert period_in_file_name("item-sales-summary-2025-04-14-to-2025-04-20.csv") == (
        date(2025, 4, 14),
        date(2025, 4, 20),
    )
    assert period_in_file_name("item_sales_may.csv") is None
    assert period_in_file_name("x-2026-07-19-2026-07-18.csv") is None


def test_time_zone_names_as_square_writes_them():
    assert zone_named("Eastern Time (US & Canada)") == ZoneInfo("America/New_York")
    assert zone_named("Pacific Time (US & Canada)") == ZoneInfo("America/Los_Angeles")
    assert zone_named("Sydney") == ZoneInfo("Australia/Sydney")
    assert zone_named("London") == ZoneInfo("Europe/London")
    assert zone_named("Wellington") == ZoneInfo("Pacific/Auckland")
    assert zone_named("(GMT-05:00) Eastern Time (US & Canada)") == ZoneInfo("America/New_York")
    assert zone_named("Australia/Perth") == ZoneInfo("Australia/Perth")
    assert zone_named("Middle Earth") is None
    assert zone_named("../../etc/passwd") is None


def test_the_trading_day_is_the_date_the_till_wrote_unless_a_shop_zone_is_given():
    late = Stamp(date(2026, 7, 18), time(22, 30))  # 10:30 pm in New York is 12:30 pm next day in Sydney
    assert trading_date(late, zone_name="Eastern Time (US & Canada)") == date(2026, 7, 18)
    sydney = ZoneInfo("Australia/Sydney")
    assert trading_date(late, zone_name="Eastern Time (US & Canada)", shop_zone=sydney) == date(2026, 7, 19)
    shopify = Stamp(date(2025, 6, 30), time(23, 32, 39), timedelta(hours=-4))
    assert trading_date(shopify) == date(2025, 6, 30)
    assert trading_date(shopify, shop_zone=ZoneInfo("Europe/London")) == date(2025, 7, 1)
    assert trading_date(Stamp(date(2018, 12, 27)), shop_zone=sydney) == date(
        2018, 12, 27
    )  # no time: as written
    with pytest.raises(ValueProblem, match="doesn't know this time zone"):
        trading_date(late, zone_name="Middle Earth", shop_zone=sydney)


@pytest.mark.parametrize("text", ["0000-07-18", "9999-12-31", "18/07/1900", "20991231"])
def test_a_year_far_from_today_is_refused_not_changed(text):
    from datetime import date

    from xerohelper.adapters.pos.datetimes import DateReader
    from xerohelper.adapters.pos.problems import ValueProblem

    with pytest.raises(ValueProblem, match="can't be right"):
        DateReader(DateOrder.DAY_FIRST).read(text)
    assert DateReader(DateOrder.MONTH_FIRST).read(f"7/18/{date.today():%y}").day.year == date.today().year
