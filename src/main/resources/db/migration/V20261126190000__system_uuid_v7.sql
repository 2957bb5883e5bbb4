-- Time-ordered UUIDs (version 7) for rows written in bulk: consecutive keys land on the
-- same index pages, where random (version 4) keys would touch a different page per row.
-- PostgreSQL 18 has uuidv7(); this works on 15 and later.
CREATE OR REPLACE FUNCTION dues_uuid_v7() RETURNS uuid AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$ LANGUAGE sql VOLATILE;
