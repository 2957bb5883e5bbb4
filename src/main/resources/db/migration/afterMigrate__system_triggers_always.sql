-- After every migration run: each trigger of Dues' own fires always, whatever the session's
-- session_replication_role. The import's fast path sets that to replica to skip foreign-key
-- checks (system/RowTriggers), and the append-only triggers of the ledger, the audit trail and
-- the other regulated tables must not be skipped with them; neither may a role that can set it
-- silence them so. Running after every migration, it covers the triggers later migrations add.
DO $$
DECLARE
    trigger record;
BEGIN
    FOR trigger IN
        SELECT t.tgname, t.tgrelid::regclass AS tab FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND t.tgenabled = 'O' AND c.relnamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', trigger.tab, trigger.tgname);
    END LOOP;
END $$;
