"""When a day from the watched folder is sent without asking: values only."""

from dataclasses import replace

from xerohelper.core.auto_send import SEND, DayArrived, ask_why, nothing_to_do

CLEAN = DayArrived(
    send_automatically=True, difference_decided=True, in_xero=False, figures_changed=False, finished=False
)


def test_a_clean_day_is_sent_when_the_owner_opted_in():
    assert ask_why(CLEAN) == SEND
    assert not nothing_to_do(CLEAN)


def test_not_opted_in_means_kept_and_asked():
    assert ask_why(replace(CLEAN, send_automatically=False)) == "Its figures are kept, ready to send."


def test_a_till_difference_is_never_sent_automatically():
    assert "differ" in ask_why(replace(CLEAN, difference_decided=False))


def test_figures_that_differ_from_xero_are_never_sent_automatically():
    changed = replace(CLEAN, in_xero=True, figures_changed=True)
    assert "different figures" in ask_why(changed)
    assert not nothing_to_do(changed)


def test_same_figures_already_in_xero_are_left_alone():
    assert nothing_to_do(replace(CLEAN, in_xero=True))
    assert nothing_to_do(replace(CLEAN, finished=True))


def test_unknown_names_and_new_tills_ask():
    assert "names" in ask_why(replace(CLEAN, questions=2))
    assert "shop or till" in ask_why(replace(CLEAN, new_place=True))
