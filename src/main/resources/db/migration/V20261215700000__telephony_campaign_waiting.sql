-- Why a running campaign places no call now, as the node dialling it last saw it, and until
-- when: outside the campaign's own hours (until they open again), or no customer of its
-- queue inside their calling hours (until the first of them opens). Null while it dials,
-- or when it has nothing to say (no agent ready, for one).
ALTER TABLE telephony_campaigns
    ADD COLUMN waiting text CHECK (waiting IN ('CAMPAIGN_HOURS', 'CALLING_HOURS')),
    ADD COLUMN waiting_until timestamptz,
    ADD CHECK ((waiting IS NULL) = (waiting_until IS NULL));
