-- What a case's timeline line says in the reader's language beside its English text: a
-- status change's why (acknowledged, verification sent, approved), as a message key with
-- typed arguments (org.dues.shared.PhraseJson). Rows from before have none; the page
-- names the few English whys casework wrote, and shows any other text as written.
ALTER TABLE casework_timeline ADD COLUMN said jsonb;
