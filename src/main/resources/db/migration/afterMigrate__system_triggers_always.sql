-- After every migration run: each trigger of Dues' own fires always, whatever the session's
-- session_replication_role. The import's fast path sets that to replica to skip foreign-key
-- checks (system/RowTriggers), and the append-only triggers of the ledger, the audit trail and
-- the other regulated tables must not be skipped with them; neither may a role that can set it
-- silence them so. Running after every migration, it covers the triggers later migrations add.
-- It runs as the role that owns the tables: every function it calls is named with its schema,
-- so that nothing another role may have created elsewhere on the search path is ever run here.
DO $$
DECLARE
    trigger record;
BEGIN
    FOR trigger IN
        SELECT t.tgname, t.tgrelid::pg_catalog.regclass AS tab
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.tgrelid
        WHERE NOT t.tgisinternal AND t.tgenabled OPERATOR(pg_catalog.=) 'O'
          AND c.relnamespace OPERATOR(pg_catalog.=) pg_catalog.current_schema()::pg_catalog.regnamespace
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', trigger.tab, trigger.tgname);
    END LOOP;
END $$;

-- Flyway's own history is the owner's alone: the default privileges that give the application's
-- role its rows give it this table's too, and whoever can edit it can make a migration look
-- applied (or not). Every grant on it but the owner's is revoked.
DO $$
DECLARE
    revoked record;
BEGIN
    FOR revoked IN
        SELECT DISTINCT c.oid::pg_catalog.regclass AS tab, a.grantee
        FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
        WHERE c.relname OPERATOR(pg_catalog.=) 'flyway_schema_history'
          AND c.relnamespace OPERATOR(pg_catalog.=) pg_catalog.current_schema()::pg_catalog.regnamespace
          AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON %s FROM %s', revoked.tab,
            CASE WHEN revoked.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
                 ELSE revoked.grantee::pg_catalog.regrole::pg_catalog.text END);
    END LOOP;
END $$;
