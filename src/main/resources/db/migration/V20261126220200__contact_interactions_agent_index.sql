-- The supervisor's figures count each agent's attempts of the day.
CREATE INDEX contact_interactions_agent_idx ON contact_interactions (agent, started_at);
