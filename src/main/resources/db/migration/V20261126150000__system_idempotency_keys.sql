-- Responses of API writes sent with an Idempotency-Key header, replayed when the same
-- user retries the same request with the same key. status 0 marks a request in progress.
CREATE TABLE system_idempotency_keys (
    username     text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (username, key)
);
CREATE INDEX system_idempotency_keys_created_idx ON system_idempotency_keys (created_at);
