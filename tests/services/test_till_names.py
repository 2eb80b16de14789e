"""The owner's answers about the till's names are kept, and the next import uses them and asks nothing."""

from __future__ import annotations

from pathlib import Path

from xerohelper.adapters.pos.source_names_store import SourceNamesStore
from xerohelper.services.import_day import import_day_file
from xerohelper.services.till_names import remember_till_names

ITEMS = Path(__file__).resolve().parents[1] / "pos" / "samples" / "square" / "items-2026-07-18-2026-07-19.csv"
SHOP = {"shop_categories": ["Coffee", "Food"], "shop_tenders": ["Card", "Cash"]}


def test_answers_are_kept_and_the_next_import_asks_nothing_about_them():
    first = import_day_file(ITEMS, **SHOP)
    asked = {(q.kind, q.pos_name) for q in first.questions}
    assert asked, "the sample's till uses names the shop doesn't"
    tenders = {q.pos_name: "Card" for q in first.questions if q.kind == "tender"}
    categories = {q.pos_name: "Food" for q in first.questions if q.kind == "category"}
    remember_till_names("square", categories=categories, tenders=tenders)
    again = import_day_file(ITEMS, **SHOP)
    assert again.questions == ()
    names_used = {t.name for d in again.days for t in d.tenders} | {
        s.category for d in again.days for s in d.sales
    }
    assert names_used <= {"Card", "Cash", "Coffee", "Food"}


def test_a_damaged_answers_file_is_replaced_by_the_answers_given_now():
    store = SourceNamesStore.for_this_user()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json", encoding="utf-8")
    remember_till_names("square", tenders={"Visa": "Card"})
    assert store.load().for_source("square").lookup("tender", "VISA") == "Card"
