-- Contact policies as data: a base policy per country and stricter layers (state
-- overlays, a creditor's own rules). A version applies from its effective date on.
CREATE TABLE compliance_policies (
    code           text        NOT NULL,
    version        integer     NOT NULL,
    effective_from date        NOT NULL,
    extends        text,
    document       jsonb       NOT NULL,
    sources        text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (code, version)
);

CREATE TABLE compliance_creditor_policies (
    creditor_id    uuid        NOT NULL REFERENCES portfolio_creditors (id),
    version        integer     NOT NULL,
    effective_from date        NOT NULL,
    document       jsonb       NOT NULL,
    reason         text        NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (creditor_id, version)
);

-- Regulated state: effective-dated, with who placed it, when it was received and why;
-- lifting records who, when and why, and never deletes.
CREATE TABLE compliance_holds (
    id           uuid PRIMARY KEY,
    customer_id  uuid        NOT NULL REFERENCES customer_customers (id),
    account_ids  uuid[]      NOT NULL,
    type         text        NOT NULL,
    received_at  timestamptz NOT NULL,
    ends_at      timestamptz,
    reason       text        NOT NULL,
    placed_by    text        NOT NULL,
    placed_at    timestamptz NOT NULL,
    lifted_at    timestamptz,
    lifted_by    text,
    lift_reason  text
);
CREATE INDEX compliance_holds_customer_idx ON compliance_holds (customer_id);

CREATE TABLE compliance_consents (
    id            uuid PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customer_customers (id),
    kind          text        NOT NULL,
    account_ids   uuid[]      NOT NULL,
    received_at   timestamptz NOT NULL,
    until         timestamptz,
    reason        text        NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    lifted_at     timestamptz,
    lifted_by     text,
    lift_reason   text
);
CREATE INDEX compliance_consents_customer_idx ON compliance_consents (customer_id);

CREATE TABLE compliance_blackouts (
    id            uuid PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customer_customers (id),
    days_of_week  text[]      NOT NULL,
    from_time     time,
    to_time       time,
    until         date,
    received_at   timestamptz NOT NULL,
    reason        text        NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    lifted_at     timestamptz,
    lifted_by     text,
    lift_reason   text
);
CREATE INDEX compliance_blackouts_customer_idx ON compliance_blackouts (customer_id);

CREATE TABLE compliance_channel_bans (
    id            uuid PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customer_customers (id),
    channel       text        NOT NULL,
    address       text,
    received_at   timestamptz NOT NULL,
    reason        text        NOT NULL,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    lifted_at     timestamptz,
    lifted_by     text,
    lift_reason   text
);
CREATE INDEX compliance_channel_bans_customer_idx ON compliance_channel_bans (customer_id);

-- Every gate decision, allowed or blocked, with every rule's finding.
CREATE TABLE compliance_decisions (
    id              uuid PRIMARY KEY,
    decided_at      timestamptz NOT NULL,
    account_id      uuid        NOT NULL REFERENCES portfolio_accounts (id),
    customer_id     uuid        NOT NULL REFERENCES customer_customers (id),
    channel         text        NOT NULL,
    address         text,
    outcome         text        NOT NULL,
    policy_code     text        NOT NULL,
    policy_version  integer     NOT NULL,
    rules           jsonb       NOT NULL,
    warnings        jsonb       NOT NULL,
    decided_by      text        NOT NULL
);
CREATE INDEX compliance_decisions_account_idx ON compliance_decisions (account_id, decided_at);

-- The audit trail: append-only and hash-chained; each record carries the previous
-- record's hash, and its own hash covers that and every field.
CREATE TABLE compliance_audit (
    seq          bigint PRIMARY KEY,
    recorded_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject      text        NOT NULL,
    payload      text        NOT NULL,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL
);

CREATE OR REPLACE FUNCTION compliance_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER compliance_audit_no_change BEFORE UPDATE OR DELETE ON compliance_audit
    FOR EACH ROW EXECUTE FUNCTION compliance_append_only();
CREATE TRIGGER compliance_decisions_no_change BEFORE UPDATE OR DELETE ON compliance_decisions
    FOR EACH ROW EXECUTE FUNCTION compliance_append_only();

INSERT INTO compliance_policies (code, version, effective_from, extends, sources, document) VALUES
('US', 1, DATE '2021-11-30', NULL,
 '15 U.S.C. 1692 (FDCPA); 12 CFR 1006 (Regulation F) with its official interpretations',
 '{
   "hours": {"CALL": {"from": "08:00", "to": "21:00"}, "SMS": {"from": "08:00", "to": "21:00"},
             "EMAIL": {"from": "08:00", "to": "21:00"}, "WHATSAPP": {"from": "08:00", "to": "21:00"},
             "VISIT": {"from": "08:00", "to": "21:00"}},
   "inconvenientTimeConsent": true,
   "replyWindow": "PT1H",
   "callFrequency": {"maxCalls": 7, "days": 7, "conversationCooldownDays": 7, "consentDays": 7},
   "volumeLimits": [
     {"name": "contact-volume", "channels": ["CALL", "SMS", "EMAIL", "WHATSAPP"], "perDebt": false,
      "max": 14, "days": 7, "action": "WARN",
      "citation": "Dues guideline on repeated contact across channels (12 CFR 1006.14(a))"}
   ],
   "holds": {
     "CEASE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "ATTORNEY": {"action": "BLOCK", "noticesAllowed": false, "repliesAllowed": true},
     "DISPUTE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "BANKRUPTCY": {"action": "BLOCK", "noticesAllowed": false, "repliesAllowed": false},
     "DECEASED": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "BREATHING_SPACE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "MENTAL_CAPACITY": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "COMPLAINT": {"action": "WARN", "noticesAllowed": true, "repliesAllowed": true}
   },
   "thirdParty": {"locationOnly": true, "once": true, "noPressure": false}
 }'),
('US-MA', 1, DATE '2021-11-30', 'US',
 '940 CMR 7.04(1)(f) (Massachusetts debt collection regulations)',
 '{
   "volumeLimits": [
     {"name": "massachusetts-calls-and-texts", "channels": ["CALL", "SMS", "WHATSAPP"], "perDebt": true,
      "max": 2, "days": 7, "action": "BLOCK", "citation": "940 CMR 7.04(1)(f)"}
   ]
 }'),
('IN', 1, DATE '2022-08-12', NULL,
 'RBI circular DOR.ORG.REC.65/21.07.001/2022-23 of 12 Aug 2022 (recovery agents); RBI Fair Practices Code',
 '{
   "hours": {"CALL": {"from": "08:00", "to": "19:00"}, "VISIT": {"from": "08:00", "to": "19:00"},
             "SMS": {"from": "08:00", "to": "19:00"}, "WHATSAPP": {"from": "08:00", "to": "19:00"},
             "EMAIL": {"from": "08:00", "to": "19:00"}},
   "inconvenientTimeConsent": false,
   "replyWindow": "PT1H",
   "volumeLimits": [
     {"name": "contact-volume", "channels": ["CALL", "SMS", "EMAIL", "WHATSAPP", "VISIT"], "perDebt": false,
      "max": 14, "days": 7, "action": "WARN",
      "citation": "Dues guideline on persistent contact (RBI circular of 12 Aug 2022: no harassment)"}
   ],
   "holds": {
     "CEASE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "ATTORNEY": {"action": "BLOCK", "noticesAllowed": false, "repliesAllowed": true},
     "DISPUTE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "BANKRUPTCY": {"action": "BLOCK", "noticesAllowed": false, "repliesAllowed": false},
     "DECEASED": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "BREATHING_SPACE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "MENTAL_CAPACITY": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "COMPLAINT": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": true}
   },
   "thirdParty": {"locationOnly": true, "once": false, "noPressure": true}
 }'),
('GB', 1, DATE '2021-05-04', NULL,
 'FCA CONC 7 (arrears, default and recovery); Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and Wales) Regulations 2020',
 '{
   "hours": {"CALL": {"from": "08:00", "to": "21:00"}, "SMS": {"from": "08:00", "to": "21:00"},
             "EMAIL": {"from": "08:00", "to": "21:00"}, "WHATSAPP": {"from": "08:00", "to": "21:00"},
             "VISIT": {"from": "08:00", "to": "21:00"}},
   "inconvenientTimeConsent": false,
   "replyWindow": "PT1H",
   "volumeLimits": [
     {"name": "contact-volume", "channels": ["CALL", "SMS", "EMAIL", "WHATSAPP", "VISIT"], "perDebt": false,
      "max": 14, "days": 7, "action": "WARN",
      "citation": "CONC 7.9.4R(2) and 7.3.4R: no excessive or pressurising contact"}
   ],
   "holds": {
     "CEASE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "ATTORNEY": {"action": "BLOCK", "noticesAllowed": false, "repliesAllowed": true},
     "DISPUTE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "BANKRUPTCY": {"action": "BLOCK", "noticesAllowed": false, "repliesAllowed": false},
     "DECEASED": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "BREATHING_SPACE": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "MENTAL_CAPACITY": {"action": "BLOCK", "noticesAllowed": true, "repliesAllowed": false},
     "COMPLAINT": {"action": "WARN", "noticesAllowed": true, "repliesAllowed": true}
   },
   "thirdParty": {"locationOnly": true, "once": false, "noPressure": true}
 }');
