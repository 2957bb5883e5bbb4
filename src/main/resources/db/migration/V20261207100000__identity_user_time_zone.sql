-- The time zone a user reads times in (an IANA id such as Asia/Kolkata); empty for the
-- Dues default (the dues.time-zone setting). Pages show times in it, the zone named, and
-- format dates in the conventions of its country.
ALTER TABLE identity_users ADD COLUMN time_zone text;
