-- The import's handover tables (portfolio/NewRowsSession) live in a schema of their own, the only
-- one where the application's role may create anything; it is on no role's search path. The
-- embedded server's superuser makes it before the migrations; on a configured server the
-- migration role makes it when it may create schemas (else the operator does, see the README, and
-- without it imports write in one session).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname OPERATOR(pg_catalog.=) 'dues_handover')
       AND pg_catalog.has_database_privilege(pg_catalog.current_database(), 'CREATE') THEN
        CREATE SCHEMA dues_handover;
    END IF;
END $$;
