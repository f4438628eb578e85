-- One row per scheduled job: locked while the job runs (FOR UPDATE SKIP LOCKED), so each due run happens
-- on one instance only. watermark is the start of the last run; null until the first run sets it.
create table scheduled_job (
    name        varchar(64) primary key,
    watermark   timestamp with time zone,
    next_run_at timestamp with time zone,
    last_run_at timestamp with time zone
);
