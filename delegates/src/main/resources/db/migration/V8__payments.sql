-- Fees and payments (docs/fees.md). One row per payment request a dossier's process makes; the row follows the
-- request to its end: paid (online through a gateway, or at the desk in cash or by card), expired, cancelled,
-- refunded. Amounts are whole đồng.
create table payment (
    id                      bigint generated always as identity primary key,
    -- What the citizen and the gateway quote (vnp_TxnRef): random, unguessable, never the dossier code.
    reference               varchar(32)  not null unique,
    dossier_id              bigint       not null references dossier (id),
    dossier_code            varchar(64)  not null,
    -- The agency that collects: the dossier's receiving unit (its one-stop desk collects fees, NĐ 61/2018 art. 8).
    agency_code             varchar(40)  not null references agency (code),
    amount                  bigint       not null check (amount > 0),
    currency                char(3)      not null default 'VND',
    -- The fee quote's items, as JSON [{"name": "…", "amount": 2000}, …]
    items                   text         not null,
    legal_basis             text,
    status                  varchar(20)  not null
        check (status in ('REQUESTED', 'PAID', 'EXPIRED', 'CANCELLED', 'REFUNDED')),
    requested_at            timestamptz  not null,
    expires_at              timestamptz  not null,
    -- How it was paid: ONLINE (through gateway), DESK_CASH, DESK_CARD.
    method                  varchar(20)  check (method in ('ONLINE', 'DESK_CASH', 'DESK_CARD')),
    gateway                 varchar(40),
    gateway_transaction_no  varchar(100),
    -- The clerk who recorded a desk payment.
    recorded_by             varchar(100),
    paid_at                 timestamptz,
    confirmed_at            timestamptz,
    -- The electronic receipt (biên lai): a number series per collecting agency and year.
    receipt_year            integer,
    receipt_number          integer,
    -- Expiry, cancellation or refund: when and why.
    closed_at               timestamptz,
    close_reason            text,
    unique (gateway, gateway_transaction_no),
    unique (agency_code, receipt_year, receipt_number)
);

-- At most one open request per dossier; the dossier's payments by dossier.
create unique index payment_open_idx on payment (dossier_id) where status = 'REQUESTED';
create index payment_dossier_idx on payment (dossier_id);
-- Statistics: paid dossiers by month and method.
create index payment_paid_idx on payment (paid_at) where paid_at is not null;

-- One row per collecting agency and year; incremented in the paying transaction, so a rolled-back payment gives
-- its number back and the receipt numbers stay gap-free and unique under concurrency.
create table payment_receipt_sequence (
    agency_code  varchar(40) not null,
    receipt_year integer     not null,
    last_value   integer     not null,
    primary key (agency_code, receipt_year)
);
