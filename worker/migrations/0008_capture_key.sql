-- A web capture must be signed by the extension's device key, and the key travels in the
-- bundle: without pinning, anyone holding the token could sign with a key of their own.
-- The first signed upload on a token pins its key's fingerprint here; a bundle signed by
-- another key on that token is refused (the councillor re-pairs with a new token).
ALTER TABLE tokens ADD COLUMN capture_key_fp TEXT;
