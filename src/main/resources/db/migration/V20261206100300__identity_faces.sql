-- Identity's published face (see V20261206100000): a team's name, for lists of the
-- team's queues.
CREATE VIEW identity_team_facts AS
SELECT id, name
FROM identity_teams;
