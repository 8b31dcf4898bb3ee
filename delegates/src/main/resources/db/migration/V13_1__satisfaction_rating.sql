-- The citizen's satisfaction with a dossier whose result was returned: the three levels the national public
-- service portal asks (Rất hài lòng, Hài lòng, Không hài lòng; docs/regulation.md), a comment, one per dossier.
-- Counted per competent agency and month of rating in the 766 indices (vn.motcua.stats.ServiceIndices).
create table dossier_rating (
    dossier_id bigint        primary key references dossier (id) on delete cascade,
    level      varchar(16)   not null check (level in ('VERY_SATISFIED', 'SATISFIED', 'DISSATISFIED')),
    comment    varchar(1000),
    rated_at   timestamptz   not null
);

create index dossier_rating_rated_at on dossier_rating (rated_at);
