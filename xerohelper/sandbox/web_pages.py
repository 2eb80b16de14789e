"""The HTML of the sandbox's stand-ins for Xero's own screens (see web_screens.py for which path shows
which): plain, read-only pages that name the record an "Open in Xero" link points at, with its number,
amounts, status and lines, so the demo's links land somewhere real."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from html import escape

from xerohelper.sandbox.store import Account, Contact, Invoice, Ledger, Payment

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f5f7;color:#1e2a36;margin:0}
header{background:#1f3a4d;color:#fff;padding:.7rem 1.5rem} header b{font-size:1.05rem}
header span{opacity:.8;font-size:.85rem;margin-left:1rem}
main{max-width:60rem;margin:1.5rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;
box-shadow:0 1px 4px #0002}
h1{font-size:1.35rem;margin:.2rem 0 .8rem} .menu{font-size:.85rem;color:#5b6b7b}
table{border-collapse:collapse;width:100%;margin:.8rem 0} th,td{text-align:left;padding:.35rem .5rem;
border-bottom:1px solid #e3e8ec} th{font-size:.85rem;color:#5b6b7b} td.n,th.n{text-align:right}
.status{display:inline-block;padding:.1rem .6rem;border-radius:1rem;background:#e7f0f6;font-size:.9rem}
dl{display:grid;grid-template-columns:max-content auto;gap:.3rem 1.2rem} dt{color:#5b6b7b}
.note{font-size:.85rem;color:#5b6b7b;margin-top:1.5rem}
"""
STATUS_WORDS = {  # Xero's screens say these, not the API's values
    "DRAFT": "Draft",
    "SUBMITTED": "Awaiting approval",
    "AUTHORISED": "Awaiting payment",
    "PAID": "Paid",
    "VOIDED": "Voided",
    "DELETED": "Deleted",
}


def money(amount: Decimal) -> str:
    """$1,234.56, -$12.00."""
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "—"


def page(ledger: Ledger | None, title: str, menu: str, content: str) -> str:
    organisation = escape(ledger.organisation.name) if ledger else "Xero sandbox"
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(title)} – {organisation}</title><style>{_STYLE}</style></head><body>"
        f"<header><b>{organisation}</b><span>Xero sandbox on this computer — not the real Xero; "
        "these pages only show, they change nothing</span></header>"
        f"<main><div class=menu>{escape(menu)}</div><h1>{escape(title)}</h1>{content}</main></body></html>"
    )


def table(headings: Sequence[str], rows: Iterable[Sequence[str]], numbers: Iterable[int] = ()) -> str:
    """`rows` hold HTML already escaped; columns in `numbers` are right-aligned."""
    right = set(numbers)
    head = "".join(f"<th{' class=n' if i in right else ''}>{escape(h)}</th>" for i, h in enumerate(headings))
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in right else ''}>{c}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body or '<tr><td>Nothing here.</td></tr>'}</table>"


def facts(pairs: Iterable[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in pairs) + "</dl>"


def link(href: str, words: str) -> str:
    return f'<a href="{escape(href)}">{escape(words)}</a>'


def invoice_page(ledger: Ledger, inv: Invoice) -> str:
    contact = ledger.contacts.get(inv.contact_id)
    number = inv.invoice_number or "(no number)"
    kind = "Credit note" if inv.type.endswith("CREDIT") else "Invoice"
    lines = table(
        ("Description", "Qty", "Unit price", "Account", "Tax rate", "Tax", "Amount"),
        (
            (
                escape(line.description or ""),
                escape(f"{line.quantity.normalize():f}"),
                money(line.unit_amount),
                escape(line.account_code or ""),
                escape(_tax_name(ledger, line.tax_type)),
                money(line.tax_amount),
                money(line.line_amount),
            )
            for line in inv.line_items
        ),
        numbers=(1, 2, 5, 6),
    )
    payments = [ledger.payments[p] for p in inv.payment_ids if p in ledger.payments]
    paid = table(
        ("Date", "Paid into", "Reference", "Amount"),
        (_payment_row(ledger, p) for p in payments if p.status == "AUTHORISED"),
        numbers=(3,),
    )
    content = (
        f"<p><span class=status>{escape(STATUS_WORDS.get(inv.status, inv.status.title()))}</span></p>"
        + facts(
            (
                ("To", contact.name if contact else inv.contact_id),
                ("Date", day(inv.date)),
                ("Due date", day(inv.due_date)),
                (f"{kind} number", number),
                ("Reference", inv.reference or ""),
                (
                    "Amounts are",
                    {"Exclusive": "Tax exclusive", "Inclusive": "Tax inclusive"}.get(
                        inv.line_amount_types, inv.line_amount_types
                    ),
                ),
            )
        )
        + lines
        + facts(
            (
                ("Subtotal", money(inv.sub_total)),
                ("Total tax", money(inv.total_tax)),
                ("Total", money(inv.total)),
                ("Amount paid", money(inv.amount_paid)),
                ("Amount due", money(inv.amount_due)),
            )
        )
        + "<h2>Payments</h2>"
        + paid
    )
    return page(ledger, f"{kind} {number}", "Sales > Invoices", content)


def _tax_name(ledger: Ledger, tax_type: str | None) -> str:
    rate = ledger.tax_rate(tax_type)
    return rate.name if rate else (tax_type or "")


def _payment_row(ledger: Ledger, pay: Payment) -> tuple[str, ...]:
    account = ledger.accounts.get(pay.account_id)
    into = f"{account.code} {account.name}" if account and account.code else (account.name if account else "")
    return (
        escape(day(pay.date)),
        escape(into),
        link(f"/Bank/ViewTransaction.aspx?bankTransactionID={pay.payment_id}", pay.reference or "(payment)"),
        money(pay.amount),
    )


def invoices_page(ledger: Ledger, status: str | None) -> str:
    shown = [
        inv
        for inv in sorted(
            ledger.invoices.values(), key=lambda i: (i.date, i.invoice_number or ""), reverse=True
        )
        if inv.type == "ACCREC" and (status is None or inv.status == status)
    ]
    rows = (
        (
            link(
                f"/AccountsReceivable/View.aspx?InvoiceID={inv.invoice_id}",
                inv.invoice_number or "(no number)",
            ),
            escape(inv.reference or ""),
            escape(ledger.contacts[inv.contact_id].name if inv.contact_id in ledger.contacts else ""),
            escape(day(inv.date)),
            escape(STATUS_WORDS.get(inv.status, inv.status)),
            money(inv.total),
            money(inv.amount_due),
        )
        for inv in shown
    )
    tab = STATUS_WORDS.get(status or "", "All")
    title = "Invoices" if status is None else f"Invoices: {tab}"
    tabs = " · ".join(
        link(f"/AccountsReceivable/Search.aspx?invoiceStatus=INVOICESTATUS%2F{key}", words)
        for key, words in STATUS_WORDS.items()
        if key not in ("VOIDED", "DELETED")
    )
    return page(
        ledger,
        title,
        "Sales > Invoices" + ("" if status is None else f" > {tab}"),
        f"<p>{link('/AccountsReceivable/Search.aspx', 'All')} · {tabs}</p>"
        + table(("Number", "Reference", "To", "Date", "Status", "Total", "Due"), rows, numbers=(5, 6)),
    )


def payment_page(ledger: Ledger, pay: Payment) -> str:
    inv = ledger.invoices.get(pay.invoice_id) or ledger.credit_notes.get(pay.credit_note_id or "")
    account = ledger.accounts.get(pay.account_id)
    content = facts(
        (
            ("Amount", money(pay.amount)),
            ("Date", day(pay.date)),
            ("Paid into", f"{account.code or ''} {account.name}".strip() if account else pay.account_id),
            ("Reference", pay.reference or ""),
            ("Status", "Removed" if pay.status == "DELETED" else "Recorded"),
        )
    )
    if inv is not None:
        content += (
            "<p>On "
            + link(
                f"/AccountsReceivable/View.aspx?InvoiceID={inv.invoice_id}",
                inv.invoice_number or "the invoice",
            )
            + "</p>"
        )
    return page(
        ledger, f"Payment of {money(pay.amount)}", "Sales > Invoices > (the invoice) > payment", content
    )


def accounts_page(ledger: Ledger, only_bank: bool = False) -> str:
    accounts = sorted(
        (a for a in ledger.accounts.values() if not only_bank or a.type == "BANK"),
        key=lambda a: (a.code or "~", a.name),
    )
    rows = (
        (
            escape(a.code or ""),
            link(f"/Bank/BankRec.aspx?accountID={a.account_id}", a.name)
            if a.type == "BANK"
            else escape(a.name),
            escape(a.type.title()),
            escape(_tax_name(ledger, a.tax_type)),
            escape("Archived" if a.status == "ARCHIVED" else "Active"),
        )
        for a in accounts
    )
    title = "Bank accounts" if only_bank else "Chart of accounts"
    menu = "Accounting > Bank accounts" if only_bank else "Accounting > Chart of accounts"
    return page(ledger, title, menu, table(("Code", "Name", "Type", "Tax rate", "Status"), rows))


def account_page(ledger: Ledger, account: Account) -> str:
    payments = sorted(
        (
            p
            for p in ledger.payments.values()
            if p.account_id == account.account_id and p.status == "AUTHORISED"
        ),
        key=lambda p: p.date,
        reverse=True,
    )
    content = facts(
        (
            ("Code", account.code or ""),
            ("Type", account.type.title()),
            ("Tax rate", _tax_name(ledger, account.tax_type)),
            ("Status", "Archived" if account.status == "ARCHIVED" else "Active"),
        )
    )
    content += "<h2>Payments into this account</h2>" + table(
        ("Date", "Paid into", "Reference", "Amount"),
        (_payment_row(ledger, p) for p in payments),
        numbers=(3,),
    )
    title = f"{account.code} {account.name}" if account.code else account.name
    return page(ledger, title, "Accounting > Bank accounts > (the account)", content)


def contacts_page(ledger: Ledger) -> str:
    rows = (
        (
            link(f"/Contacts/View/{c.contact_id}", c.name),
            escape(c.email_address or ""),
            escape("Archived" if c.status == "ARCHIVED" else "Active"),
        )
        for c in sorted(ledger.contacts.values(), key=lambda c: c.name.lower())
    )
    return page(
        ledger,
        "Contacts",
        "Contacts > All contacts",
        table(("Name", "Email", "Status"), rows) + "<p class=note>Archived contacts are listed here too; in "
        "Xero they are under the Archived tab.</p>",
    )


def contact_page(ledger: Ledger, person: Contact) -> str:
    invoices = [i for i in ledger.invoices.values() if i.contact_id == person.contact_id]
    content = facts(
        (
            ("Status", "Archived" if person.status == "ARCHIVED" else "Active"),
            ("Email", person.email_address or ""),
            ("Contact number", person.contact_number or ""),
            ("Account number", person.account_number or ""),
        )
    )
    content += "<h2>Invoices</h2>" + table(
        ("Number", "Date", "Status", "Total"),
        (
            (
                link(
                    f"/AccountsReceivable/View.aspx?InvoiceID={i.invoice_id}",
                    i.invoice_number or "(no number)",
                ),
                escape(day(i.date)),
                escape(STATUS_WORDS.get(i.status, i.status)),
                money(i.total),
            )
            for i in sorted(invoices, key=lambda i: i.date, reverse=True)
        ),
        numbers=(3,),
    )
    return page(ledger, person.name, "Contacts > All contacts > (the contact)", content)


def settings_page(ledger: Ledger) -> str:
    org = ledger.organisation
    content = facts(
        (
            (
                "Lock date for everyone but advisers",
                day(org.period_lock_date) if org.period_lock_date else "none",
            ),
            (
                "Lock date for everyone",
                day(org.end_of_year_lock_date) if org.end_of_year_lock_date else "none",
            ),
            ("Financial year end", f"{org.financial_year_end_day} {_month(org.financial_year_end_month)}"),
            ("Tax basis", org.sales_tax_basis.title()),
            ("Base currency", org.base_currency),
        )
    )
    return page(ledger, "Financial settings", "Accounting > Advanced > Financial settings", content)


def _month(number: int) -> str:
    return date(2000, number, 1).strftime("%B")


def tax_rates_page(ledger: Ledger) -> str:
    rows = (
        (escape(r.name), escape(r.tax_type), escape(f"{r.rate.normalize():f}%"), escape(r.status.title()))
        for r in ledger.tax_rates
    )
    return page(
        ledger,
        "Tax rates",
        "Accounting > Advanced > Tax rates",
        table(("Name", "Tax type", "Rate", "Status"), rows, numbers=(2,)),
    )


def tracking_page(ledger: Ledger, category_id: str | None) -> str:
    categories = [
        c for c in ledger.tracking_categories if category_id is None or c.tracking_category_id == category_id
    ]
    content = (
        "".join(
            f"<h2>{escape(c.name)}</h2>"
            + table(("Option", "Status"), ((escape(o.name), escape(o.status.title())) for o in c.options))
            for c in categories
        )
        or "<p>No tracking categories.</p>"
    )
    title = categories[0].name if category_id and categories else "Tracking categories"
    return page(ledger, title, "Accounting > Advanced > Tracking categories", content)


def currencies_page(ledger: Ledger) -> str:
    rows = ((escape(c.code), escape(c.description)) for c in ledger.currencies)
    return page(ledger, "Currencies", "Accounting > Advanced > Currencies", table(("Code", "Currency"), rows))


def connected_apps_page(ledger: Ledger, apps: Sequence[tuple[str, str]]) -> str:
    """`apps`: (app name, connected since) for each live connection to this organisation."""
    rows = ((escape(name), escape(since)) for name, since in apps)
    return page(
        ledger,
        "Connected apps",
        "Settings > Connected apps",
        table(("App", "Connected"), rows)
        + "<p class=note>In Xero, Disconnect here removes an app's access.</p>",
    )


def home_page(ledger: Ledger) -> str:
    drafts = [i for i in ledger.invoices.values() if i.type == "ACCREC" and i.status == "DRAFT"]
    owed = sum((i.amount_due for i in ledger.invoices.values() if i.status == "AUTHORISED"), Decimal("0"))
    content = facts(
        (
            ("Draft invoices", str(len(drafts))),
            ("Awaiting payment", money(owed)),
            ("Short code", ledger.organisation.short_code),
        )
    )
    content += (
        "<p>"
        + " · ".join(
            link(path, words)
            for path, words in (
                ("/AccountsReceivable/Search.aspx", "Invoices"),
                ("/GeneralLedger/ChartOfAccounts.aspx", "Chart of accounts"),
                ("/Contacts/Search.aspx", "Contacts"),
                ("/Setup/FinancialSettings.aspx", "Financial settings"),
                ("/Settings/ConnectedApps", "Connected apps"),
            )
        )
        + "</p>"
    )
    return page(ledger, "Dashboard", "Xero's home page", content)


def elsewhere_page(ledger: Ledger | None, title: str, menu: str) -> str:
    """A screen of Xero's the sandbox has nothing to show for (users, subscription…)."""
    return page(
        ledger,
        title,
        menu,
        "<p>In the real Xero this screen shows the organisation's own settings. The sandbox keeps nothing "
        "for it.</p>",
    )


def not_here(ledger: Ledger | None, what: str) -> str:
    return page(
        ledger,
        "Not found",
        "",
        f"<p>The sandbox has no {escape(what)} with this id in this organisation.</p>",
    )
