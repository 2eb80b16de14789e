"""The closing-time reminder's schedule, with dates and times as values (no clock, no Qt)."""

from datetime import date, datetime, time, timedelta

from xerohelper.core.closing_time import ClosingHours, days_to_remind, next_check, reminder_words

MONDAY = date(2026, 12, 7)
SUNDAY = date(2026, 12, 13)
WEEK = (time(17, 0),) * 6 + (None,)  # closed on Sunday
HOURS = ClosingHours(WEEK, grace=timedelta(minutes=60))


def nothing_in_xero(_day: date) -> bool:
    return False


def test_no_reminder_before_closing_plus_grace():
    assert days_to_remind(HOURS, datetime(2026, 12, 7, 17, 59), nothing_in_xero) == []


def test_reminder_due_after_closing_plus_grace_for_a_day_not_in_xero():
    assert days_to_remind(HOURS, datetime(2026, 12, 7, 18, 0), nothing_in_xero) == [MONDAY]


def test_no_reminder_when_the_day_is_in_xero():
    assert days_to_remind(HOURS, datetime(2026, 12, 7, 19, 0), lambda day: day == MONDAY) == []


def test_reminded_once_only():
    assert days_to_remind(HOURS, datetime(2026, 12, 7, 22, 0), nothing_in_xero, reminded={MONDAY}) == []


def test_no_nagging_on_a_closed_day():
    assert (
        days_to_remind(
            HOURS, datetime(2026, 12, 13, 23, 0), nothing_in_xero, reminded={SUNDAY - timedelta(1)}
        )
        == []
    )


def test_yesterday_is_remembered_next_morning_newest_first():
    tuesday_morning = datetime(2026, 12, 8, 8, 0)
    assert days_to_remind(HOURS, tuesday_morning, nothing_in_xero) == [MONDAY]
    tuesday_night = datetime(2026, 12, 8, 20, 0)
    assert days_to_remind(HOURS, tuesday_night, nothing_in_xero) == [MONDAY + timedelta(1), MONDAY]


def test_switched_off_never_reminds():
    off = ClosingHours(WEEK, enabled=False)
    assert days_to_remind(off, datetime(2026, 12, 7, 23, 0), nothing_in_xero) == []
    assert next_check(off, datetime(2026, 12, 7, 9, 0)) is None


def test_next_check_skips_closed_days():
    saturday_night = datetime(2026, 12, 12, 20, 0)
    assert next_check(HOURS, saturday_night) == datetime(2026, 12, 14, 18, 0)  # Monday, not Sunday
    assert next_check(HOURS, datetime(2026, 12, 7, 9, 0)) == datetime(2026, 12, 7, 18, 0)


def test_a_shop_that_never_opens_has_no_next_check():
    assert next_check(ClosingHours((None,) * 7), datetime(2026, 12, 7, 9, 0)) is None


def test_settings_round_trip_and_damaged_values_fall_back():
    assert ClosingHours.from_section(HOURS.to_section()) == HOURS
    odd = ClosingHours.from_section({"closes": ["25:99"] + [None] * 6, "grace_minutes": "x", "enabled": 3})
    assert odd.closes[0] == ClosingHours().closes[0] and odd.closes[1] is None
    assert odd.grace == ClosingHours().grace and odd.enabled is True


def test_words():
    assert reminder_words(MONDAY, MONDAY).startswith("Today's takings aren't in Xero")
    assert "Monday 7 December" in reminder_words(MONDAY, MONDAY + timedelta(1))


def test_words_name_the_tills_whose_day_isnt_in_xero():
    assert reminder_words(MONDAY, MONDAY, ["Back"]) == (
        "Today's takings at the till “Back” aren't in Xero yet. Click to open the day and send it."
    )
    assert "at the tills “Back” and “Side” aren't" in reminder_words(MONDAY, MONDAY, ["Back", "Side"])
