"""Which day: oldest first, and the days before the first one that stopped."""

from datetime import date

from xerohelper.services.day.day_key import DayKey, days_before, in_order


def test_days_are_worked_through_oldest_first_then_by_shop():
    keys = [DayKey(date(2026, 11, 22)), DayKey(date(2026, 11, 21), "Quay St"), DayKey(date(2026, 11, 21))]
    assert sorted(keys, key=in_order) == [keys[2], keys[1], keys[0]]


def test_the_days_before_the_first_stop_go_on():
    keys = [DayKey(date(2026, 11, d)) for d in (20, 21, 22)]
    assert days_before(keys, None) == keys
    assert days_before(keys, keys[1]) == keys[:1]
    assert days_before(keys, keys[0]) == []
