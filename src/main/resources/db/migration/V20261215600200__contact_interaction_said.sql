-- An interaction's note as pages say it in the reader's language, beside the English note
-- the API keeps: a message key with typed arguments (org.dues.shared.PhraseJson), where the
-- application wrote the note (a chat's transcript, its times in the reader's zone). Notes
-- people write, and rows from before, have none; pages show the note as written.
ALTER TABLE contact_interactions ADD COLUMN note_said jsonb;
