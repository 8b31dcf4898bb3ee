-- Deadlines in working days (docs/deadlines.md).

-- The time limit the due date was computed from (the procedure version's timeLimitWorkingDays), so it
-- can be recomputed when the calendar changes; whether the due moment passed before the dossier was
-- finished; the new appointment given in the apology letter.
alter table dossier
    add column time_limit_working_days integer,
    add column late                    boolean not null default false,
    add column extended_due_at         timestamptz;

-- The clock stops while the citizen is asked for a supplement: one row per supplement request made
-- after the complete dossier was received. ended_at is null while the dossier waits.
create table dossier_pause (
    id                   bigint generated always as identity primary key,
    dossier_id           bigint      not null references dossier (id),
    started_at           timestamptz not null,
    ended_at             timestamptz,
    -- working time of the pause (inside working hours), by which the due moment moved; set on resume
    paused_working_seconds bigint,
    due_before           timestamptz,
    due_after            timestamptz
);

create index dossier_pause_dossier_idx on dossier_pause (dossier_id);
create unique index dossier_pause_open_idx on dossier_pause (dossier_id) where ended_at is null;

-- Open dossiers by due moment (recalculation, overdue lists) and finished ones by month (statistics).
create index dossier_open_due_idx on dossier (due_at) where finished_at is null;
create index dossier_finished_idx on dossier (finished_at);

-- The fingerprint of the working-day calendar the due dates were computed with; a different one at
-- start-up recalculates the due dates of open dossiers and their timers.
create table calendar_state (
    id          smallint    primary key check (id = 1),
    fingerprint char(64)    not null,
    years       varchar(200) not null,
    applied_at  timestamptz not null
);
