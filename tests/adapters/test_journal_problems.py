"""The problems found with a day are kept in the journal (found_problems), and a journal from before that
table still opens as it is: the table is added, nothing is set aside."""

from __future__ import annotations

import sqlite3
from datetime import date

from xerohelper.adapters.journal import Journal
from xerohelper.adapters.journal_check import why_unusable
from xerohelper.core.checklist import Step
from xerohelper.core.explain import explanation_for
from xerohelper.core.explain.kept import as_kept, from_kept

DAY = date(2026, 11, 21)


def test_a_problem_is_kept_over_a_restart_until_it_is_forgotten(tmp_path):
    path = tmp_path / "journal.sqlite3"
    card = explanation_for("contact-archived", values={"contact_name": "POS Sales"}, short_code="!Xk3Lp")
    journal = Journal(path)
    journal.keep_problem("org-1", DAY, "", Step.SALES_SUMMARY, as_kept(card))
    journal.close()

    again = Journal(path)
    kept = again.problems("org-1", DAY)
    assert list(kept) == [Step.SALES_SUMMARY]
    assert from_kept(kept[Step.SALES_SUMMARY]) == card  # the same card: words, steps, screen, predicted
    assert again.problems("org-1", date(2026, 11, 22)) == {} and again.problems("org-2", DAY) == {}
    again.forget_problems("org-1", DAY)
    assert again.problems("org-1", DAY) == {}
    again.close()


def test_a_journal_from_before_the_problems_table_opens_and_gets_it(tmp_path):
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    with sqlite3.connect(path) as db:  # as the first version of the journal left it
        db.execute("DROP TABLE found_problems")
        db.execute("PRAGMA user_version=1")
    db.close()
    assert why_unusable(path) is None

    journal, set_aside = Journal.open_checked(path)
    assert set_aside is None
    card = explanation_for("contact-archived", values={"contact_name": "POS Sales"})
    journal.keep_problem("org-1", DAY, "", Step.SALES_SUMMARY, as_kept(card))
    assert from_kept(journal.problems("org-1", DAY)[Step.SALES_SUMMARY]) == card
    journal.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
    db.close()


def test_a_problem_the_journal_cannot_read_back_is_left_out_not_raised(tmp_path):
    """A problem kept by a later xerohelper (a step this one doesn't know) or a row that isn't JSON: the day
    is shown without it (its step runs again), never a traceback."""
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    card = explanation_for("contact-archived", values={"contact_name": "POS Sales"})
    journal.keep_problem("org-1", DAY, "", Step.SALES_SUMMARY, as_kept(card))
    journal.close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO found_problems VALUES ('org-1', ?, '', 'a-later-step', '{}', '')", (str(DAY),)
        )
        db.execute(
            "UPDATE found_problems SET explanation='{not json' WHERE step=?", (Step.SALES_SUMMARY.value,)
        )
    db.close()

    again = Journal(path)
    assert again.problems("org-1", DAY) == {}
    again.close()
