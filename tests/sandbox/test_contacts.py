"""Contacts through the real SDK: create, update, archive, restore, and one test per rule."""

from __future__ import annotations

from xero_python.accounting import Contact, Contacts

from tests.sandbox.helpers import day_invoice, invoices, refused
from xerohelper.sandbox.testing import control


def _contacts(*items):
    return Contacts(contacts=list(items))


def test_create_contact(connected):
    made = connected.accounting.create_contacts(
        connected.tenant_id,
        _contacts(Contact(name="Market Stall", contact_number="MKT", email_address="a@b.example")),
    ).contacts[0]
    assert made.contact_status == "ACTIVE"
    assert (
        connected.accounting.get_contact(connected.tenant_id, made.contact_id).contacts[0].contact_number
        == "MKT"
    )


def test_update_contact(connected):
    pos = connected.contact_id()
    connected.accounting.update_contact(
        connected.tenant_id, pos, _contacts(Contact(email_address="till@harbour.example"))
    )
    assert (
        connected.accounting.get_contact(connected.tenant_id, pos).contacts[0].email_address
        == "till@harbour.example"
    )


def test_archive_and_restore_through_the_api(connected):
    pos = connected.contact_id()
    connected.accounting.update_contact(
        connected.tenant_id, pos, _contacts(Contact(contact_status="ARCHIVED"))
    )
    assert connected.accounting.get_contact(connected.tenant_id, pos).contacts[0].contact_status == "ARCHIVED"
    connected.accounting.update_contact(connected.tenant_id, pos, _contacts(Contact(contact_status="ACTIVE")))
    assert connected.accounting.get_contact(connected.tenant_id, pos).contacts[0].contact_status == "ACTIVE"


def test_control_archive_then_invoice_is_refused_then_restore(connected):
    control(connected.base_url, "contacts/archive", {"contact": "POS Sales"})
    invoice = day_invoice(connected.contact_id(), "POS-X", day=connected.today)
    assert refused(connected.accounting.create_invoices, connected.tenant_id, invoices(invoice)) == [
        "The contact with the specified contact details has been archived. "
        "The contact must be un-archived before creating new invoices or credit notes."
    ]
    control(connected.base_url, "contacts/restore", {"contact": "POS Sales"})
    assert connected.accounting.create_invoices(connected.tenant_id, invoices(invoice)).invoices[0].invoice_id


def test_rule_archived_contact_cannot_be_edited(connected):
    cash = connected.contact_id("Cash Sales")
    assert refused(
        connected.accounting.update_contact,
        connected.tenant_id,
        cash,
        _contacts(Contact(email_address="x@y.example")),
    ) == [
        "The specified contact details matched an archived contact. "
        "Archived contacts cannot currently be edited via the API."
    ]


def test_rule_contact_name_must_be_unique_among_active_contacts(connected):
    assert refused(
        connected.accounting.create_contacts, connected.tenant_id, _contacts(Contact(name="POS Sales"))
    ) == [
        "The contact name POS Sales is already assigned to another contact. "
        "The contact name must be unique across all active contacts."
    ]
    made = connected.accounting.create_contacts(
        connected.tenant_id, _contacts(Contact(name="Cash Sales"))
    ).contacts
    assert made[0].name == "Cash Sales"  # the other one is archived


def test_rule_rename_onto_an_existing_name(connected):
    builders = connected.contact_id("Coastal Builders Pty Ltd")
    assert refused(
        connected.accounting.update_contact,
        connected.tenant_id,
        builders,
        _contacts(Contact(name="POS Sales")),
    ) == [
        "The existing contact with name 'Coastal Builders Pty Ltd' cannot be updated "
        "to use new name 'POS Sales'. There is an existing contact with that name."
    ]


def test_rule_contact_number_taken_even_by_an_archived_contact(connected):
    assert refused(
        connected.accounting.create_contacts,
        connected.tenant_id,
        _contacts(Contact(name="Cash Till", contact_number="CASH")),
    ) == ["Another contact has this contact number. Please enter a different contact number."]


def test_rule_account_number_taken(connected):
    assert refused(
        connected.accounting.create_contacts,
        connected.tenant_id,
        _contacts(Contact(name="Builders Two", account_number="CB-001")),
    ) == ["The Account Number already exists. Please enter a different Account Number."]


def test_rule_email_must_be_valid(connected):
    assert refused(
        connected.accounting.create_contacts,
        connected.tenant_id,
        _contacts(Contact(name="No Email", email_address="not-an-address")),
    ) == ["Email address must be valid."]


def test_contacts_summarize_errors_false(connected):
    made = connected.accounting.create_contacts(
        connected.tenant_id,
        _contacts(Contact(name="Fresh One"), Contact(name="POS Sales")),
        summarize_errors=False,
    ).contacts
    assert [c.status_attribute_string for c in made] == ["OK", "ERROR"]
    assert made[1].contact_id == "00000000-0000-0000-0000-000000000000"


def test_update_or_create_contacts_by_name(connected):
    again = connected.accounting.update_or_create_contacts(
        connected.tenant_id, _contacts(Contact(name="POS Sales", email_address="pos@harbour.example"))
    ).contacts[0]
    assert again.contact_id == connected.contact_id()
