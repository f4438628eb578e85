-- Slack's rate budget shared by every instance on a PostgreSQL database (docs/decisions/0003): Bucket4j's
-- token buckets (per method, chat.postMessage per workspace and per channel) and the method a 429 blocked
-- until its Retry-After. Created on H2 too, where one embedded instance keeps its budget in memory instead.
create table slack_rate_bucket (
    id    varchar(128) primary key,
    state bytea
);

create table slack_rate_block (
    method        varchar(64) primary key,
    blocked_until timestamp with time zone not null
);
