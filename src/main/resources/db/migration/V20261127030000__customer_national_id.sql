-- A customer's national id (Aadhaar, PAN, SSN, NI number…), encrypted at rest with the
-- application's field keyset (Tink AES-256-SIV, deterministic: the same id always gives the
-- same bytes, so a re-import compares without decrypting); the last four characters in
-- clear for right-party verification and masked display.
ALTER TABLE customer_customers ADD COLUMN national_id_enc bytea, ADD COLUMN national_id_last4 text;
