-- Hack projects, their members and followers, comments, and an activity log the digest reads.
create table hack (
    id                    uuid primary key,
    name                  varchar(200)  not null,
    status                varchar(24)   not null,
    pitch                 varchar(500),
    description           text,
    point_of_contact      varchar(255),
    suggested_by          varchar(255),
    tags                  text          not null,
    skills                text          not null,
    team_location         varchar(200),
    communication_channel varchar(200),
    repository_urls       text          not null,
    recruiting_headline   varchar(200),
    created_by            varchar(255)  not null,
    created_at            timestamp with time zone not null,
    updated_by            varchar(255)  not null,
    updated_at            timestamp with time zone not null
);

create table hack_member (
    hack_id  uuid         not null references hack (id) on delete cascade,
    user_ref varchar(255) not null,
    primary key (hack_id, user_ref)
);

create table hack_follower (
    hack_id  uuid         not null references hack (id) on delete cascade,
    user_ref varchar(255) not null,
    primary key (hack_id, user_ref)
);
create index hack_follower_by_user on hack_follower (user_ref);

create table hack_comment (
    id          uuid primary key,
    hack_id     uuid          not null references hack (id) on delete cascade,
    author      varchar(255)  not null,
    message     varchar(4000) not null,
    replying_to uuid,
    edited      boolean       not null default false,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create index hack_comment_by_hack on hack_comment (hack_id, created_at);

-- Who changed a hack when: UPDATE (edits, claims, status, members) or COMMENT (new or edited comments).
create table hack_activity (
    id      uuid primary key,
    hack_id uuid          not null references hack (id) on delete cascade,
    actor   varchar(255)  not null,
    kind    varchar(16)   not null,
    at      timestamp with time zone not null
);
create index hack_activity_by_time on hack_activity (at);
