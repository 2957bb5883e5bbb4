-- Identity's published face for reporting (see V20261206100000): the teams an agent is a
-- member of, so figures kept per agent can be added up per team.
CREATE VIEW identity_team_member_facts AS
SELECT team_id, username
FROM identity_team_members;
