-- The outbox: a notification, who gets it, and one delivery per (notification, recipient, channel).
-- Written in the same transaction as the change that caused it.
create table notification (
    id           uuid primary key,
    type         varchar(64)   not null,
    post_type    varchar(16),
    actor        varchar(255),
    origin       varchar(255)  not null,
    title        varchar(255)  not null,
    description  text,
    link         varchar(2048),
    severity     varchar(16)   not null,
    topic        varchar(255)  not null,
    scope        varchar(255),
    data         text          not null,
    created_at   timestamp with time zone not null
);

-- The inbox: every notification is kept per recipient, whatever the channels do.
create table inbox_entry (
    notification_id uuid         not null references notification (id),
    recipient       varchar(255) not null,
    read_at         timestamp with time zone,
    saved           boolean      not null default false,
    created_at      timestamp with time zone not null,
    primary key (notification_id, recipient)
);
create index inbox_entry_by_recipient on inbox_entry (recipient, created_at);

create table delivery (
    id              uuid primary key,
    notification_id uuid          not null references notification (id),
    recipient       varchar(255)  not null,
    channel         varchar(32)   not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(2000),
    reference       varchar(1024),
    lease_owner     varchar(128),
    lease_until     timestamp with time zone,
    version         integer       not null default 0,
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone,
    constraint delivery_once unique (notification_id, recipient, channel)
);
create index delivery_due on delivery (status, next_attempt_at);
create index delivery_by_notification on delivery (notification_id);

-- Opt-outs per user, channel and type; absence means the default (on).
create table preference (
    recipient varchar(255) not null,
    channel   varchar(32)  not null,
    type      varchar(64)  not null,
    enabled   boolean      not null,
    primary key (recipient, channel, type)
);

-- A channel paused by a channel-wide error (bad credentials, missing scopes) until its probe succeeds.
create table channel_pause (
    channel       varchar(32)   primary key,
    reason        varchar(2000) not null,
    paused_at     timestamp with time zone not null,
    next_probe_at timestamp with time zone not null
);
