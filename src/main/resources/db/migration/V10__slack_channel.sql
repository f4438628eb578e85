-- Slack lookups, so a steady-state DM costs one API call. Entries expire; a null user_id caches
-- Slack's users_not_found for a shorter time.
create table slack_user_cache (
    email      varchar(320) primary key,
    user_id    varchar(32),
    expires_at timestamp with time zone not null
);

create table slack_dm_cache (
    user_id    varchar(32) primary key,
    channel_id varchar(32) not null,
    expires_at timestamp with time zone not null
);

-- A chat.postMessage that was sent but not answered (timeout, crash): the next attempt of the same
-- delivery first looks for the message, by the delivery id in its metadata, before posting again.
create table slack_post_attempt (
    delivery_id uuid primary key,
    channel_id  varchar(32) not null,
    started_at  timestamp with time zone not null
);
