-- Next account passes over accounts with a callback still to come.
CREATE INDEX work_followups_account_idx ON work_followups (account_id) WHERE done_at IS NULL;
