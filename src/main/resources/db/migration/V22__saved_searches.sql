-- Saved searches: a user's query terms for one gig type; matched against new posts by the search.match job.
create table saved_search (
    id         uuid primary key,
    owner      varchar(255) not null,
    gig_type   varchar(16)  not null,
    queries    text         not null,
    created_at timestamp with time zone not null
);
create index saved_search_by_type on saved_search (gig_type);
create index saved_search_by_owner on saved_search (owner);
