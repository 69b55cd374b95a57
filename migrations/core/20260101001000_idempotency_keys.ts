import type { Knex } from 'knex';

/**
 * Retries that do not repeat: a POST sent with an `Idempotency-Key` claims the key inside the
 * same transaction as its write (so the claim exists exactly when the write does), and its
 * answer is kept beside it for a retry to be given. Kept in the database, so a retry reaching
 * another instance finds it too. Claims are made by the caller (auth.uid()) through a definer
 * function: no role needs privileges on the table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE gatehouse.idempotency_keys (
      user_id uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,
      key text NOT NULL,
      -- What was asked (method, path, body): the same key for another request is a mistake.
      fingerprint text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- The answer, once the request's transaction has committed; NULL if it was lost (a crash).
      status integer,
      body jsonb,
      PRIMARY KEY (user_id, key)
    );
    CREATE INDEX idempotency_keys_created_at ON gatehouse.idempotency_keys (created_at);
    REVOKE ALL ON gatehouse.idempotency_keys FROM PUBLIC;

    -- Claims a key for the caller inside their transaction; a key already claimed (committed, or
    -- by a transaction still running, whose end this waits for) raises unique_violation. Keys
    -- live a day: the caller's older ones go first (by the primary key's prefix, no scan).
    CREATE FUNCTION gatehouse.claim_idempotency_key(p_key text, p_fingerprint text) RETURNS void
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog
      AS $$
        DELETE FROM gatehouse.idempotency_keys WHERE user_id = auth.uid() AND created_at < now() - interval '24 hours';
        INSERT INTO gatehouse.idempotency_keys (user_id, key, fingerprint) VALUES (auth.uid(), p_key, p_fingerprint);
      $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS gatehouse.claim_idempotency_key(text, text); DROP TABLE IF EXISTS gatehouse.idempotency_keys');
}
