-- How the citizen chose to receive the result when submitting (docs/pages.md): at the desk, by post through the
-- public postal service to a delivery address, or electronically where the procedure is full-online. One row per
-- dossier that chose; a dossier without a row collects at its return desk.
create table dossier_result_delivery (
    dossier_id bigint       primary key references dossier (id) on delete cascade,
    method     varchar(16)  not null check (method in ('DESK', 'POST', 'ONLINE')),
    address    varchar(500),
    constraint dossier_result_delivery_post_has_address check (method <> 'POST' or address is not null)
);
