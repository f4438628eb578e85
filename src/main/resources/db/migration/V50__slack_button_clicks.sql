-- A message's buttons act once: the first click that the domain accepts claims the message, in the
-- same transaction as its effect, so a double click or a redelivered envelope changes nothing twice.
create table slack_button_click (
    channel_id varchar(32)  not null,
    message_ts varchar(32)  not null,
    action_id  varchar(64)  not null,
    clicked_by varchar(255) not null,
    clicked_at timestamp with time zone not null,
    primary key (channel_id, message_ts)
);
