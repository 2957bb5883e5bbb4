-- A user's security stamp and status are cached by every node (identity's SecurityStamps), so
-- an API request need not read them: every change to either, from whatever statement on
-- whichever node, is announced on the channel identity_stamps with the user's name, at
-- commit, and each node drops its copy when it hears it. A renamed or deleted user is
-- announced under the old name (and the new one).
CREATE FUNCTION identity_users_stamp_notice() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_catalog.pg_notify('identity_stamps', OLD.username);
        RETURN OLD;
    END IF;
    IF OLD.security_stamp IS DISTINCT FROM NEW.security_stamp OR OLD.enabled IS DISTINCT FROM NEW.enabled
       OR OLD.username IS DISTINCT FROM NEW.username THEN
        PERFORM pg_catalog.pg_notify('identity_stamps', OLD.username);
        IF OLD.username IS DISTINCT FROM NEW.username THEN
            PERFORM pg_catalog.pg_notify('identity_stamps', NEW.username);
        END IF;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER identity_users_stamp_notice AFTER UPDATE OR DELETE ON identity_users
    FOR EACH ROW EXECUTE FUNCTION identity_users_stamp_notice();
