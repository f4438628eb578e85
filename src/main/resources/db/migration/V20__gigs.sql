-- Embeds and mentorships ("gigs"), their owners, and connections (one per gig and user).
create table gig (
    id                        uuid primary key,
    type                      varchar(16)   not null,
    status                    varchar(16)   not null,
    title                     varchar(200)  not null,
    detail                    varchar(500),
    description               text,
    skills                    text          not null,
    location                  varchar(200),
    resources                 text          not null,
    contact                   varchar(255)  not null,
    level_of_expertise        varchar(16),
    start_date                date,
    start_date_flexible       boolean,
    duration_amount           integer,
    duration_unit             varchar(8),
    duration_flexible         boolean,
    team                      varchar(200),
    priority_label            varchar(100),
    meet_type                 varchar(16),
    mentorship_request_type   varchar(32),
    created_by                varchar(255)  not null,
    created_at                timestamp with time zone not null,
    updated_by                varchar(255)  not null,
    updated_at                timestamp with time zone not null
);
create index gig_by_created on gig (created_at);

create table gig_owner (
    gig_id   uuid         not null references gig (id) on delete cascade,
    user_ref varchar(255) not null,
    primary key (gig_id, user_ref)
);

create table gig_connection (
    id                uuid primary key,
    gig_id            uuid          not null references gig (id) on delete cascade,
    user_ref          varchar(255)  not null,
    status            varchar(16)   not null,
    message           varchar(2000),
    reminders_stopped boolean       not null default false,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint gig_connection_once unique (gig_id, user_ref)
);
create index gig_connection_by_status on gig_connection (status, created_at);
