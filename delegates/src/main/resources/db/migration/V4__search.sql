-- The dossier search index (docs/search.md).

-- The version of a dossier's search document. Every change takes the next value of one sequence
-- (DossierChanges.changed), in the change's own transaction and while it holds the dossier's row
-- lock, so a dossier's versions grow in the order its changes commit. The indexer reads the row and
-- its version in one statement and writes them with Elasticsearch's external versioning: a late or
-- repeated write of an older state is refused and never overwrites a newer one. One sequence for all
-- dossiers also lets a reindex ask what changed after it began (index_version > its high-water mark).
create sequence dossier_index_version_seq;

alter table dossier add column index_version bigint not null default nextval('dossier_index_version_seq');

create index dossier_index_version_idx on dossier (index_version);

-- Which agencies' dossiers a staff member works on and may find (user_id is the Camunda user id).
-- The clerk search filters by these rows on the server; a member of no agency finds nothing.
create table staff_agency (
    user_id     varchar(64) not null,
    agency_code varchar(40) not null references agency (code),
    primary key (user_id, agency_code)
);

-- Reindex runs and their progress, readable from every node of a cluster.
create table search_reindex (
    id            bigint generated always as identity primary key,
    index_name    varchar(100) not null,
    state         varchar(10)  not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    requested_by  varchar(64)  not null,
    total         bigint       not null default 0,
    indexed       bigint       not null default 0,
    -- dossiers changed while the run scanned, written again before it finished
    caught_up     bigint       not null default 0,
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    error         text
);
