-- What pages say in the reader's language beside the English text the API and the history
-- keep: why an arrangement closed (kept, broken, completed) and what went beyond its
-- asker's authority, each as a message key with typed arguments (org.dues.shared.PhraseJson).
-- Rows from before have none, and pages show their English text.
ALTER TABLE arrangement_arrangements ADD COLUMN close_phrase jsonb;
ALTER TABLE arrangement_approvals ADD COLUMN beyond_phrase jsonb;

-- The instalments of an arrangement rejected or cancelled are no longer due: they were
-- left PENDING, and read as if they still were.
UPDATE arrangement_instalments i SET status = 'CANCELLED'
FROM arrangement_arrangements a
WHERE a.id = i.arrangement_id AND a.status IN ('REJECTED', 'CANCELLED') AND i.status IN ('PENDING', 'PARTIAL');
