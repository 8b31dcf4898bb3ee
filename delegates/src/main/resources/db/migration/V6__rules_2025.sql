-- The 2025 rules (docs/regulation.md).

-- A time limit counts working days or days, as the procedure's legal text says (procedure.yaml timeLimit.kind);
-- the receiving clerk may extend it by a few working days, with a reason, where the law allows it (certifying
-- many copies: Nghị định 23/2015/NĐ-CP, Điều 7). Dossiers received before this migration counted working days.
alter table dossier
    add column time_limit_kind             varchar(10) not null default 'WORKING'
        check (time_limit_kind in ('WORKING', 'CALENDAR')),
    add column extension_working_days      integer     not null default 0 check (extension_working_days >= 0),
    add column extension_reason            text;

comment on column dossier_pause.paused_working_seconds is
    'time the clock stood still: working time for a limit in working days, elapsed time for one in days';

-- Digitisation (Nghị định 107/2021/NĐ-CP, kept by Nghị định 118/2025/NĐ-CP): the receiving clerk records that
-- each paper document was scanned and attached (stage RECEIPT); the result is digitised too (stage RESULT,
-- recorded when its file is attached). One row per dossier, document and stage.
create table dossier_digitisation (
    dossier_id    bigint       not null references dossier (id),
    document_code varchar(100) not null,
    stage         varchar(10)  not null check (stage in ('RECEIPT', 'RESULT')),
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz  not null,
    primary key (dossier_id, stage, document_code)
);

-- The 766 indices count dossiers by month of receipt per receiving agency.
create index dossier_received_idx on dossier (received_at);
