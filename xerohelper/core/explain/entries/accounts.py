"""The catalogue's entries about the accounts of the chart of accounts."""

from __future__ import annotations

from functools import partial

from xerohelper.core.explain.entries.entry import TRY_AGAIN, A, Entry, S, entry
from xerohelper.core.explain.topics import Topic

_entry = partial(entry, topic=Topic.ACCOUNT)

ENTRIES: tuple[Entry, ...] = (
    # ---- set-up: accounts ----------------------------------------------------------------------------------
    _entry(
        "account-needs-code",
        r"Add a Code to the Xero account",
        title="A Xero account has no code",
        what="Xero turned down {where|a payment} because the account it goes into has no code, and "
        "without one it can't be used.",
        why="Bank accounts are created in Xero without a code. Payments from the till need the account "
        "they go into to have one.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts.",
            (
                "Open {account} and type a code that isn't used yet (for example 090), then save.",
                "Open the account the payment goes into (often a bank or clearing account) and type a code "
                "that isn't used yet (for example 090), then save.",
            ),
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "account-not-for-sales",
        r"Account code '(?P<account_code>[^']*)' is not a valid code for this document",
        title="Account {account_code} can't be used on a sales invoice",
        what="Xero turned down {where|the day's invoice} because a sales line uses account code "
        "{account_code}, and Xero won't put that account on a sales invoice.",
        why="The account is probably a bank, expense or system account rather than a sales (Revenue) "
        "account, or it was archived or deleted.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and look up code {account_code}: check its type "
            "and that it is active.",
            "In xerohelper's Shop setup, choose a sales (Revenue) account for that category, for example "
            "200 Sales.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-code-dropped",
        r"Account code '(?P<account_code>[^']*)' has been removed as it does not match a recognised account",
        title="Xero doesn't know account code {account_code}",
        what="Xero took {where|the day's invoice} but left account code {account_code} off a line, "
        "because it has no account with that code. The invoice is not right as it is.",
        why="The account was deleted or its code changed in Xero after xerohelper's Shop setup was done.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and find the account you meant to use.",
            "In xerohelper's Shop setup, choose that account instead of code {account_code}.",
            "Check the day's invoice in Xero, then send the day again.",
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-not-for-items",
        r"Account code '(?P<account_code>[^']*)' does not exist or cannot be applied",
        title="Account code {account_code} doesn't exist or can't be used here",
        what="Xero turned down {where|a line} because of account code {account_code}.",
        why="There is no active account with that code in Xero, or it is a kind of account that can't be "
        "used for sales.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and look up code {account_code}.",
            "In xerohelper's Shop setup, choose an active sales account instead.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-not-chosen",
        r"Account code or ID must be specified",
        r"Account code must be specified",
        title="A sales category or tender has no Xero account chosen",
        what="Xero turned down {where|what xerohelper sent} because a line has no account.",
        why="A sales category or payment type from the till isn't mapped to a Xero account in xerohelper "
        "yet, often a new one the till started using.",
        steps=(
            "In xerohelper's Shop setup, choose a Xero account for every sales category and tender.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "account-not-valid",
        r"\bAccount must be valid",
        title=("Xero won't use {account} for this", "An account xerohelper uses can't be used in Xero"),
        what="Xero turned down {where|what xerohelper sent} because {account|an account it uses} can't be "
        "used for it.",
        why="Most often the account a tender (cash, card…) is paid into doesn't have “Enable payments to "
        "this account” ticked. Less often the account was archived or deleted.",
        steps=(
            (
                "In Xero, go to Accounting > Chart of accounts and open {account}.",
                "In Xero, go to Accounting > Chart of accounts and open the account the tender is paid into.",
            ),
            "Tick “Enable payments to this account” and save. If the account is archived, restore it, or "
            "choose another account in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=2,
    ),
    _entry(
        "account-not-found",
        r"\bAccount could not be found",
        title="Xero can't find the account a payment goes into",
        what="Xero turned down {where|a payment} because it can't find the account it should go into.",
        why="The account has no code in Xero, or it was archived, deleted or given a new code after "
        "xerohelper's Shop setup was done.",
        steps=(
            "In Xero, go to Accounting > Chart of accounts and find "
            "{account|the account the tender is paid into}.",
            "Check it is active and has a code; type a code that isn't used yet if it has none.",
            "If you now use a different account, choose it in xerohelper's Shop setup.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_XERO,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=1,
    ),
    _entry(
        "bank-account-by-hand",
        r"Bank Account Number must contain",
        r"Please enter a valid Bank Account Number",
        topic=Topic.BANK_ACCOUNT,
        title="Xero needs this bank account to be added by hand",
        what="xerohelper tried to create a bank account in Xero, and Xero wants details only you have "
        "(such as the real account number).",
        why="Xero only lets apps create bank accounts with a full, correctly formatted account number.",
        steps=(
            "In Xero, go to Accounting > Bank accounts and click Add Bank Account.",
            "Create the account (for example “Card clearing”) and give it a code.",
            "In xerohelper's Shop setup, choose that account, then click “I've fixed it — try again”.",
        ),
        action=A.FIX_IN_XERO,
        screen="bank_accounts",
        stage=S.SETUP,
        priority=3,
    ),
    _entry(
        "account-name-taken",
        r"Please enter a unique Name",
        r"Please enter a unique Code",
        title="An account with that name or code already exists in Xero",
        what="xerohelper tried to create an account in Xero, but one with the same name or code already "
        "exists.",
        why="The account was made earlier, by hand or by an earlier set-up.",
        steps=(
            "In xerohelper's Shop setup, choose the existing account instead of creating a new one.",
            TRY_AGAIN,
        ),
        action=A.FIX_IN_APP,
        screen="chart_of_accounts",
        stage=S.SETUP,
        priority=3,
    ),
)
