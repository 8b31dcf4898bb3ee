-- A province of many agencies (docs/agencies.md, docs/adr/0007-agency-isolation.md).

alter table agency
    add column province_code varchar(40) references agency (code),
    add column has_desk      boolean not null default true,
    add column active_from   date,
    add column active_to     date,
    add column merged_into   varchar(40) references agency (code);

-- Two-level local government since 1/7/2025: no districts. A district row of an older installation ended on
-- 30/6/2025 and stays for the dossiers that name it, as a commune-level unit no longer active.
alter table agency drop constraint agency_level_check;
update agency set level = 'COMMUNE', active_to = date '2025-06-30' where level = 'DISTRICT';
alter table agency add constraint agency_level_check
    check (level in ('CENTRAL', 'PROVINCE', 'DEPARTMENT', 'POLICE', 'COMMUNE'));
update agency set province_code = code where level = 'PROVINCE';

-- Where the citizen collects the result (a desk they chose; the receiving desk unless they chose another),
-- and the agencies' names as they were when the dossier was received: a later rename or merger changes
-- neither what an old dossier shows nor its code.
alter table dossier
    add column return_agency_code    varchar(40) references agency (code),
    add column receiving_agency_name varchar(255),
    add column competent_agency_name varchar(255),
    add column return_agency_name    varchar(255);
update dossier d set return_agency_code = d.receiving_agency_code,
    receiving_agency_name = (select name from agency where code = d.receiving_agency_code),
    competent_agency_name = (select name from agency where code = d.competent_agency_code),
    return_agency_name    = (select name from agency where code = d.receiving_agency_code);
alter table dossier
    alter column return_agency_code set not null,
    alter column receiving_agency_name set not null,
    alter column competent_agency_name set not null,
    alter column return_agency_name set not null;

create index dossier_competent_agency_idx on dossier (competent_agency_code, public_status);
create index dossier_return_agency_idx on dossier (return_agency_code, public_status);

-- What a staff member does at each agency they belong to (staff_agency): desk clerk, specialist, leader,
-- designer, administrator. The Camunda memberships (role groups and per-agency task groups) follow these rows.
create table staff_agency_role (
    user_id     varchar(64) not null,
    agency_code varchar(40) not null,
    role        varchar(20) not null
        check (role in ('DESK_CLERK', 'SPECIALIST', 'LEADER', 'DESIGNER', 'ADMINISTRATOR')),
    primary key (user_id, agency_code, role),
    foreign key (user_id, agency_code) references staff_agency (user_id, agency_code) on delete cascade
);

-- Staff of an older installation keep doing what their Camunda role groups said, at the agencies they belong to.
insert into staff_agency_role (user_id, agency_code, role)
select sa.user_id, sa.agency_code,
       case m.group_id_ when 'tiepnhan' then 'DESK_CLERK' when 'chuyenvien' then 'SPECIALIST'
                        when 'lanhdao' then 'LEADER' else 'ADMINISTRATOR' end
from staff_agency sa
join act_id_membership m on m.user_id_ = sa.user_id
where m.group_id_ in ('tiepnhan', 'chuyenvien', 'lanhdao', 'camunda-admin');
