from datetime import date

import pytest

from xerohelper.core.mapping import Mapping, MappingFileError, SalesAccount, Tracking

SAT = date(2026, 11, 21)


def shop_mapping() -> Mapping:
    return (
        Mapping(rounding_account_code="860", tracking=Tracking("Shop", {"Main St": "Main Street"}))
        .with_sales("Hardware", "200", "OUTPUT")
        .with_sales("Gift cards sold", "820", "NONE")
        .with_tender("Cash", "091")
        .with_tender("EFTPOS", "610")
    )


def test_invoice_number_and_reference_from_patterns():
    m = Mapping()
    assert m.invoice_number(SAT) == "POS-20261121"
    assert m.invoice_number(SAT, attempt=2) == "POS-20261121-2"
    assert m.invoice_number(SAT, location="Main St") == "POS-20261121-MAIN-ST"
    located = Mapping(invoice_number_pattern="{location}/{yyyy}-{mm}-{dd}")
    assert located.invoice_number(SAT, location="Café 2") == "CAFÉ-2/2026-11-21"
    assert m.reference(SAT) == "Till takings Sat 21 Nov 2026"


def test_unmapped_names_are_listed_once_and_sorted():
    m = shop_mapping()
    assert m.unmapped_categories(["Hardware", "Paint", "Garden", "Paint"]) == ["Garden", "Paint"]
    assert m.unmapped_tenders(["Cash", "Visa"]) == ["Visa"]


def test_problems_in_plain_words():
    assert shop_mapping().problems() == []
    bad = Mapping(invoice_number_pattern="POS-{date}", customer_contact=" ")
    problems = bad.problems()
    assert any("contact" in p for p in problems)
    assert any("{date}" in p and "{yyyymmdd}" in p for p in problems)
    unclosed = Mapping(invoice_number_pattern="POS-{yyyymmdd")
    assert "doesn't pair up" in unclosed.problems()[0]
    same_every_day = Mapping(invoice_number_pattern="POS-{yyyy}")
    assert "same number" in same_every_day.problems()[0]


def test_file_round_trip_keeps_everything():
    m = shop_mapping()
    assert Mapping.from_dict(m.to_dict()) == m
    assert m.to_dict()["sales"]["Hardware"] == {"account_code": "200", "tax_type": "OUTPUT"}
    assert Mapping.from_dict(m.to_dict()).sales["Gift cards sold"] == SalesAccount("820", "NONE")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"hello": 1}, "isn't a xerohelper mapping"),
        ([1, 2], "isn't a xerohelper mapping"),
        ({"format": "xerohelper-mapping", "version": 99}, "version 99"),
        ({"format": "xerohelper-mapping", "version": 1, "sales": {"X": {"tax_type": "OUTPUT"}}}, "damaged"),
    ],
)
def test_bad_files_say_what_to_do(data, words):
    with pytest.raises(MappingFileError) as error:
        Mapping.from_dict(data)
    assert words in str(error.value)
