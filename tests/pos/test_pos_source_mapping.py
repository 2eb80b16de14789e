"""The till's names and the shop's names: answered once, used on every later import, kept in a file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from xerohelper.adapters.pos.source_names_store import FILE_NAME, SourceNamesStore, SourceNamesUnreadable
from xerohelper.core.day import Day, LineKind, SalesLine, Tender
from xerohelper.core.pos_source_mapping import NameQuestion, PosSourceMapping

SQUARE_DAY = Day(
    date(2026, 7, 18),
    "square-items",
    sales=(
        SalesLine("Uncategorized", "100", "7.73"),
        SalesLine("Uncategorized", "-5", "-0.39", kind=LineKind.REFUND),
    ),
    tenders=(Tender("Visa", "80"), Tender("MasterCard", "12.34"), Tender("CASH OR OTHER", "10")),
)
SHOP_CATEGORIES = ["Coffee", "Food"]
SHOP_TENDERS = ["Card", "Cash or other", "Cash"]


def test_questions_ask_only_about_names_the_shop_does_not_use():
    questions = PosSourceMapping().questions(
        "square", [SQUARE_DAY], shop_categories=SHOP_CATEGORIES, shop_tenders=SHOP_TENDERS
    )
    assert questions == [
        NameQuestion("square", "category", "Uncategorized", None),
        NameQuestion("square", "tender", "Visa", "Card"),  # a card brand: the shop's card tender is suggested
        NameQuestion("square", "tender", "MasterCard", "Card"),
    ]
    assert questions[1].text() == "The till calls a payment type “Visa”. Which of your payment types is it?"


def test_answers_rename_and_add_together_and_the_second_import_asks_nothing():
    names = PosSourceMapping().remember(
        "square", categories={"Uncategorized": "Coffee"}, tenders={"visa": "Card", "MasterCard": "Card"}
    )
    day = names.apply("square", SQUARE_DAY, shop_categories=SHOP_CATEGORIES, shop_tenders=SHOP_TENDERS)
    assert day.to_json_dict()["sales"] == [
        {"category": "Coffee", "net": "100.00", "tax": "7.73", "gross": "107.73"},
        {"category": "Coffee", "net": "-5.00", "tax": "-0.39", "gross": "-5.39", "kind": "refund"},
    ]
    assert day.to_json_dict()["tenders"] == [
        {"name": "Card", "amount": "92.34"},
        {"name": "Cash or other", "amount": "10.00"},  # the shop's own spelling
    ]
    assert day.totals == SQUARE_DAY.totals
    assert names.questions("square", [day], shop_categories=SHOP_CATEGORIES, shop_tenders=SHOP_TENDERS) == []
    assert names.apply("shopify", SQUARE_DAY) == SQUARE_DAY  # answers are per till
    assert PosSourceMapping().apply("square", SQUARE_DAY) == SQUARE_DAY  # no answers: names pass through


def test_amounts_that_include_tax_still_include_it_in_the_shops_names():
    shopify = Day(
        date(2026, 10, 14),
        "shopify-payments",
        sales=(SalesLine("Shopify POS", "110", "0", tax_included=True),),
        tenders=(Tender("Visa", "110"),),
    )
    names = PosSourceMapping().remember("shopify", categories={"Shopify POS": "Counter sales"})
    (line,) = names.apply("shopify", shopify).sales
    assert line.category == "Counter sales" and line.tax_included  # Xero works the GST out of the 110.00
    assert PosSourceMapping().apply("shopify", shopify, shop_categories=["shopify pos"]).sales[0].tax_included


def test_a_new_answer_replaces_the_old_one_whatever_the_case():
    names = (
        PosSourceMapping()
        .remember("square", tenders={"Visa": "Card"})
        .remember("square", tenders={"VISA": "Visa"})
    )
    assert names.to_dict()["sources"]["square"]["tenders"] == {"VISA": "Visa"}
    with pytest.raises(ValueError):
        names.remember("square", tenders={"Amex": " "})


def test_the_store_writes_the_settings_file_atomically_and_reads_it_back(tmp_path):
    store = SourceNamesStore(tmp_path / "settings" / FILE_NAME)
    assert store.load() == PosSourceMapping()
    names = PosSourceMapping().remember("square", categories={"None": "Coffee"}, tenders={"Visa": "Card"})
    store.save(names)
    assert store.load() == names
    assert json.loads(store.path.read_text(encoding="utf-8")) == {
        "version": 1,
        "sources": {"square": {"categories": {"None": "Coffee"}, "tenders": {"Visa": "Card"}}},
    }
    assert [p.name for p in store.path.parent.iterdir()] == [FILE_NAME]  # no temporary file left behind


def test_the_store_lives_in_the_users_settings_folder(user_folders):
    store = SourceNamesStore.for_this_user()
    assert store.path.name == "pos_sources.json"
    assert str(store.path).startswith(str(user_folders))


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"version": 9, "sources": {}}',
        '{"version": 1, "sources": {"square": {"tenders": {"Visa": 3}}}}',
    ],
)
def test_a_damaged_file_is_said_in_plain_words(tmp_path, content):
    store = SourceNamesStore(tmp_path / FILE_NAME)
    store.path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceNamesUnreadable) as error:
        store.load()
    assert "couldn't read the till names you matched before" in str(error.value)
    assert "ask about them again" in str(error.value)
