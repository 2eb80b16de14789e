"""The warning ahead of a capped plan, one invoice a day: a day whose till paid refunds sends a credit note
too, which the cap check before sending counts (plan_cap.py: counted to be safe), so the warning counts it
too and names the day the check would really stop at. The real sandbox, SDK and journal."""

from __future__ import annotations

from tests.services.day.test_plan_cap_and_weeks import STARTER, a_past_month_of_31_days
from tests.services.day.test_week_refunds import paying_back
from xerohelper.core.dates import WEEKDAYS


def test_the_daily_warning_counts_the_credit_note_of_a_day_that_paid_refunds(shop):
    shop.control("organisation", STARTER)
    month = a_past_month_of_31_days(shop.today)
    already = shop.service.books.approved_sales_invoices(month[0].year, month[0].month)
    left = 20 - already
    assert left > 2
    refunding = paying_back(shop.the_day(month[2]), "Cash", "20.00", instead="EFTPOS")
    shop.service.save_day(refunding)  # the 3rd: figures in with a refund, not sent yet

    words = shop.service.plan_warning(month[9])  # looking at the 10th
    # still to post: the 3rd's invoice and credit note (two), then one a day from the 10th
    over = month[9 + left - 2]
    assert f"{left} left for" in words and f"from {WEEKDAYS[over.weekday()]} {over.day} " in words
