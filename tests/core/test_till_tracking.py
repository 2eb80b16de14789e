"""Each till's tracking option checked against what the organisation has in Xero (no Qt, no Xero)."""

from __future__ import annotations

from xerohelper.core.explain import SetupRow
from xerohelper.core.mapping import Tracking
from xerohelper.core.till_tracking import (
    TrackingCategoryInfo,
    no_tracking_categories,
    option_problem,
    till_problems,
    tracking_chosen,
)

TILL = TrackingCategoryInfo("Till", "cat-1", options=("Till 1", "Till 2"), archived_options=("Till 3",))
REGION = TrackingCategoryInfo("Region", "cat-2", status="ARCHIVED", options=("North",))


def test_an_active_option_is_fine_and_the_others_are_said_in_words():
    assert option_problem([TILL], "Till", "Till 1", "Front", "!abc") is None
    archived = option_problem([TILL], "Till", "Till 3", "Back", "!abc")
    assert archived.title == "The tracking option “Till 3” was archived in Xero"
    assert archived.setup_row == SetupRow(SetupRow.TILLS, "Back") and archived.predicted
    assert archived.screen.path == "/Setup/Tracking.aspx?categoryID=cat-1"  # the category itself
    deleted = option_problem([TILL], "Till", "Till 9", "Back", "!abc")
    assert deleted.title == "Xero has no tracking option “Till 9” under “Till”"
    gone = option_problem([TILL, REGION], "Region", "North", "Back", None)
    assert gone.title == "The tracking category “Region” was archived in Xero"
    missing = option_problem([TILL], "Location", "Main", "Back", None)
    assert "no longer there" in missing.title
    assert missing.screen.screen.key == "tracking_categories"  # no id: the list of categories


def test_problems_per_till_and_the_choice_as_a_tracking():
    tracking = Tracking("Till", {"Front": "Till 1", "Back": "Till 3"})
    assert list(till_problems(tracking, [TILL], None)) == ["Back"]
    assert till_problems(None, [TILL], None) == {}
    assert tracking_chosen("Till", {"Front": "Till 1", "Back": ""}) == Tracking("Till", {"Front": "Till 1"})
    assert tracking_chosen("", {"Front": "Till 1"}) is None
    assert tracking_chosen("Till", {"Front": ""}) is None


def test_no_tracking_says_what_it_is_for_and_where_to_add_it():
    card = no_tracking_categories("!abc")
    assert "reports" in card.what_happened and card.steps[0].endswith("Tracking categories.")
    assert card.screen.screen.key == "tracking_categories" and "!abc" in card.screen.url
