-- The application's own records. Camunda's ACT_* tables are created by the engine itself;
-- everything here is owned by the application and migrated by Flyway.

-- Agencies use the national unit code (mã định danh đơn vị), e.g. 000.00.17.H26.
create table agency (
    code        varchar(40)  primary key,
    name        varchar(255) not null,
    level       varchar(20)  not null check (level in ('COMMUNE', 'DISTRICT', 'PROVINCE')),
    parent_code varchar(40)  references agency (code)
);

create table dossier (
    id                         bigint generated always as identity primary key,
    code                       varchar(64)  not null unique,
    procedure_key              varchar(100) not null,
    procedure_version          integer      not null,
    process_instance_id        varchar(64),
    applicant_name             varchar(255) not null,
    applicant_identity_number  varchar(20),
    applicant_birth_date       date,
    applicant_phone            varchar(20),
    applicant_email            varchar(255),
    applicant_address          varchar(500),
    receiving_agency_code      varchar(40)  not null references agency (code),
    competent_agency_code      varchar(40)  not null references agency (code),
    channel                    varchar(10)  not null check (channel in ('ONLINE', 'DESK', 'POST')),
    service_level              varchar(20)  not null check (service_level in ('FULL_ONLINE', 'PARTIAL')),
    -- The national portal's status code, 1 (new) to 10 (result returned).
    public_status              smallint     not null check (public_status between 1 and 10),
    internal_step              varchar(100),
    -- SHA-256 of the lookup key the citizen keeps; the key itself is never stored.
    lookup_key_sha256          char(64),
    submitted_at               timestamptz  not null,
    received_at                timestamptz,
    due_at                     timestamptz,
    finished_at                timestamptz,
    returned_at                timestamptz,
    updated_at                 timestamptz  not null
);

create index dossier_receiving_agency_idx on dossier (receiving_agency_code, public_status);

-- Append-only: the citizen's timeline is the public part of these rows.
create table dossier_event (
    id             bigint generated always as identity primary key,
    dossier_id     bigint       not null references dossier (id),
    occurred_at    timestamptz  not null,
    actor          varchar(100) not null,
    public_status  smallint     not null,
    internal_step  varchar(100),
    public_message text,
    internal_note  text
);

create index dossier_event_dossier_idx on dossier_event (dossier_id, id);

-- One row per receiving unit and receipt day; incremented in the submitting transaction,
-- so a rolled-back submission gives its number back and codes stay gap-free.
create table dossier_code_sequence (
    unit_code   varchar(40) not null,
    receipt_day date        not null,
    last_value  integer     not null,
    primary key (unit_code, receipt_day)
);

-- Files handed in with a dossier. Kept in PostgreSQL so that a submission stores its files in the
-- same transaction as the dossier and the engine (nothing half-stored), and every node of a
-- cluster sees them (docs/adr/0003-files-in-postgresql.md).
create table dossier_document (
    id                bigint generated always as identity primary key,
    dossier_id        bigint       not null references dossier (id),
    document_code     varchar(100) not null,
    file_name         varchar(255) not null,
    content_type      varchar(100) not null,
    size_bytes        bigint       not null,
    sha256            char(64)     not null,
    -- 0 for the original submission, 1.. for each supplement the citizen sends.
    supplement_round  integer      not null default 0,
    uploaded_at       timestamptz  not null,
    content           bytea        not null
);

create index dossier_document_dossier_idx on dossier_document (dossier_id);

-- Transactional outbox: written in the same transaction as the change it reports; drained by
-- workers (search indexer, notifications) that may run late but never before the commit.
create table outbox (
    id           bigint generated always as identity primary key,
    topic        varchar(50)  not null,
    aggregate_id varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    attempts     integer      not null default 0,
    next_attempt_at timestamptz not null,
    last_error   text,
    done_at      timestamptz
);

create index outbox_pending_idx on outbox (topic, next_attempt_at) where done_at is null;
