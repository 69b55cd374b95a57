/**
 * The tamper-evident audit trail: every INSERT, UPDATE, DELETE (and TRUNCATE) on every table
 * put under it (`gatehouse.audit_attach`; a schema's migration or `gatehouse govern` decides
 * which) is written to the trail table by the database, so no path — the API, a workflow, a
 * psql session — skips it.
 *
 * - Who: `auth.uid()`, their e-mail and `auth.role()` (NULL outside the API), and the login
 *   (`session_user`: gatehouse_authenticator for the API, anything else is SQL done outside
 *   it). Why: `app.action`, `app.reason`, `app.request_id`, set by the API for its transaction.
 * - What: the row's key as text (a JSON array for composite keys), the whole row for INSERT
 *   and DELETE, only the columns that changed (old and new values) for UPDATE. Secret columns
 *   (permissions/secrets.ts) are never copied. Time stamps are written in UTC.
 * - Statement-level triggers with transition tables: one trigger call per statement, the rows
 *   hashed and inserted by one INSERT ... SELECT (the seed's multi-row INSERTs cost one call
 *   each, not one per row).
 * - Chained: hash = sha256(prev_hash || canonical content), the canonical content being
 *   `gatehouse.audit_content(...)` (a jsonb array's text: deterministic), computed over a whole
 *   statement at once by the window aggregate `gatehouse.audit_chain`. One chain for the whole
 *   database: a writing transaction takes the chain's head row (gatehouse.audit_chain_head) in
 *   a BEFORE statement trigger, before any row lock of its own, and keeps it until it ends, so
 *   nobody else appends meanwhile: ids follow the last one without gaps (1, 2, 3...; a rolled
 *   back transaction leaves none) and two transactions never link to the same predecessor.
 *   Writing transactions are therefore serialised from their first write to their commit. The
 *   head row is updated once per transaction (then only re-locked, so a long transaction
 *   does not pile up row versions): under REPEATABLE READ a transaction whose snapshot
 *   predates another's committed links fails with a serialization error instead of forking
 *   the chain.
 * - Every trigger is ENABLE ALWAYS: session_replication_role = replica skips none of them.
 *   A table created later is put under the trail with `gatehouse.audit_attach(...)`.
 * - Append-only: nobody but the owner holds UPDATE, DELETE or TRUNCATE, no API role may
 *   INSERT, and a statement trigger refuses UPDATE, DELETE and TRUNCATE for everyone (the owner
 *   included) and any INSERT that does not come from the audit trigger itself. Tampering needs
 *   `ALTER TABLE ... DISABLE TRIGGER` by the owner, and `npm run audit:verify` then finds the
 *   first broken link.
 * - Read: where the trail is served, RLS as on every table (the matrix's readers of the trail),
 *   SELECT only; a record's own history through
 *   `gatehouse.history_of(resource, key)`, which shows only the columns the caller's database
 *   role may read.
 */

/** The columns the trigger turns into audit rows, in the order `audit_content` hashes them. */
const CONTENT_COLUMNS = [
  'id',
  'created_at',
  'user_id',
  'user_email',
  'user_role',
  'db_user',
  'table_name',
  'record_id',
  'operation',
  'action',
  'reason',
  'request_id',
  'before',
  'after',
] as const;

/** The key of `r` (a row as jsonb) as text: its single key column's value, or the JSON array of a composite key's values. */
const RECORD_ID = `CASE cardinality(v_keys)
            WHEN 0 THEN NULL
            WHEN 1 THEN r ->> v_keys[1]
            ELSE (SELECT jsonb_agg(r -> k ORDER BY o) FROM unnest(v_keys) WITH ORDINALITY AS u (k, o))::text
          END`;

/**
 * Appends the changes `changes` (a query yielding record_id, operation, before, after) to the
 * trail: ids following the trail's last id without gaps (the chain is held, so nobody else
 * appends meanwhile), each row's hash chained to the one before it, starting from the trail's
 * last hash.
 */
function appendSql(trail: string, changes: string): string {
  const contentArgs = CONTENT_COLUMNS.map((c) => `c.${c}`).join(', ');
  return `
      INSERT INTO ${trail} (${CONTENT_COLUMNS.join(', ')}, prev_hash, hash)
      WITH c AS MATERIALIZED (
        SELECT v_last_id + row_number() OVER () AS id, clock_timestamp() AS created_at,
               v_user AS user_id, v_email AS user_email, v_role AS user_role, v_db_user AS db_user,
               v_resource AS table_name, ch.record_id, ch.operation,
               v_action AS action, v_reason AS reason, v_request AS request_id, ch.before, ch.after
          FROM (${changes}) AS ch
      ), chained AS (
        SELECT c.*, gatehouse.audit_chain(v_prev, gatehouse.audit_content(${contentArgs}))
                      OVER (ORDER BY c.id ROWS UNBOUNDED PRECEDING) AS hash
          FROM c
      )
      SELECT ${CONTENT_COLUMNS.join(', ')}, coalesce(lag(hash) OVER (ORDER BY id), v_prev), hash
        FROM chained
       ORDER BY id;`;
}

/**
 * The rows of a transition table as jsonb, secrets removed, with their record id. OFFSET 0 keeps
 * the planner from pulling the subquery up, which would turn every use of `r` into another
 * to_jsonb() of the row (once per column compared, in an update).
 */
const rowsOf = (transition: string) =>
  `SELECT r, ${RECORD_ID} AS record_id FROM (SELECT to_jsonb(t) - v_secrets AS r FROM ${transition} AS t OFFSET 0) AS x`;

/** The columns of `a` whose value differs in `b` (all of them when there is no `b`). */
const changed = (a: string, b: string) =>
  `coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(${a}.r) AS e WHERE ${b}.r -> e.key IS DISTINCT FROM e.value), '{}')`;

/**
 * The trail's table and functions, written so that running it again changes nothing and keeps
 * what the trail holds (a governed database keeps its trail across a revert and a new apply).
 * `trail` is the quoted, schema-qualified table name; its rows are read by
 * `gatehouse.history_of` and `npm run audit:verify`.
 */
export function auditTrailSql(trail: string): string {
  return `
    CREATE TABLE IF NOT EXISTS ${trail} (
      id bigint PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      table_name text NOT NULL,
      record_id text,
      operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')),
      user_email text,
      action text,
      user_role text,
      reason text,
      request_id text,
      db_user text,
      user_id uuid,
      before jsonb,
      after jsonb,
      prev_hash text,
      hash text -- always written; a missing one is a broken link to audit:verify
    );
    COMMENT ON TABLE ${trail} IS 'Every change to every table, written by the database; append-only and hash-chained (npm run audit:verify)';
    COMMENT ON COLUMN ${trail}.id IS 'The entry''s place in the chain: 1, 2, 3... with no gaps';
    COMMENT ON COLUMN ${trail}.created_at IS 'When the change was made';
    COMMENT ON COLUMN ${trail}.table_name IS 'The table changed';
    COMMENT ON COLUMN ${trail}.record_id IS 'The changed row''s key (a JSON array for a composite key)';
    COMMENT ON COLUMN ${trail}.user_email IS 'The signed-in user who made the change; empty for SQL run outside the API';
    COMMENT ON COLUMN ${trail}.action IS 'The workflow action that made the change (approve, reject, ...); empty for a plain edit';
    COMMENT ON COLUMN ${trail}.user_role IS 'The user''s role at the time';
    COMMENT ON COLUMN ${trail}.reason IS 'The reason given for the change';
    COMMENT ON COLUMN ${trail}.request_id IS 'The API request that made the change (also in the server log)';
    COMMENT ON COLUMN ${trail}.db_user IS 'The database login: gatehouse_authenticator for the API, anything else is SQL run outside it';
    COMMENT ON COLUMN ${trail}.before IS 'The row before the change (for an update, only the columns that changed)';
    COMMENT ON COLUMN ${trail}.after IS 'The row after the change (for an update, only the columns that changed)';
    COMMENT ON COLUMN ${trail}.prev_hash IS 'The hash of the previous entry';
    COMMENT ON COLUMN ${trail}.hash IS 'sha256 of the previous hash and this entry''s content';
    CREATE INDEX IF NOT EXISTS audit_log_record_idx ON ${trail} (table_name, record_id, id DESC);
    CREATE INDEX IF NOT EXISTS audit_log_created_at_idx ON ${trail} (created_at DESC, id);

    -- The chain's head: held (row-locked) by the transaction writing links, from its first write to its end.
    CREATE TABLE IF NOT EXISTS gatehouse.audit_chain_head (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      held_by xid8,
      held_at timestamptz
    );
    INSERT INTO gatehouse.audit_chain_head DEFAULT VALUES ON CONFLICT DO NOTHING;

    -- The canonical text of an entry, the one thing hashed besides the previous hash. A jsonb
    -- array's text is deterministic; the time is microseconds since the epoch, free of time zones.
    CREATE OR REPLACE FUNCTION gatehouse.audit_content(
        p_id bigint, p_created_at timestamptz, p_user_id uuid, p_user_email text, p_user_role text, p_db_user text,
        p_table_name text, p_record_id text, p_operation text, p_action text, p_reason text, p_request_id text,
        p_before jsonb, p_after jsonb) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT jsonb_build_array(p_id, (extract(epoch FROM p_created_at) * 1000000)::bigint, p_user_id, p_user_email, p_user_role,
                                     p_db_user, p_table_name, p_record_id, p_operation, p_action, p_reason, p_request_id,
                                     p_before, p_after)::text $$;

    -- One link: sha256 over the previous hash (empty for the first entry) and the content, hex.
    CREATE OR REPLACE FUNCTION gatehouse.audit_link(p_prev text, p_content text) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT encode(sha256(convert_to(coalesce(p_prev, '') || p_content, 'UTF8')), 'hex') $$;

    -- The chain as a running aggregate: over rows in order, each row's value is its hash.
    CREATE OR REPLACE FUNCTION gatehouse.audit_chain_step(p_state text, p_prev text, p_content text) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT gatehouse.audit_link(CASE WHEN p_state IS NULL THEN p_prev ELSE p_state END, p_content) $$;
    CREATE OR REPLACE AGGREGATE gatehouse.audit_chain(text, text) (SFUNC = gatehouse.audit_chain_step, STYPE = text);

    -- BEFORE each writing statement: hold the chain (once per transaction; a cheap re-lock after).
    CREATE OR REPLACE FUNCTION gatehouse.audit_hold_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        IF current_setting('gatehouse.audit_chain_held', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
          UPDATE gatehouse.audit_chain_head SET held_by = pg_current_xact_id(), held_at = clock_timestamp();
          PERFORM set_config('gatehouse.audit_chain_held', pg_current_xact_id()::text, true);
        ELSE
          PERFORM 1 FROM gatehouse.audit_chain_head FOR UPDATE;
        END IF;
        RETURN NULL;
      END $fn$;

    -- AFTER each writing statement: its rows, into the trail. Arguments: the resource name, the
    -- key columns (JSON array), the secret columns never copied (JSON array).
    CREATE OR REPLACE FUNCTION gatehouse.audit_record() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET timezone = 'UTC'
      AS $fn$
      DECLARE
        v_resource text := TG_ARGV[0];
        v_keys text[] := ARRAY(SELECT jsonb_array_elements_text(TG_ARGV[1]::jsonb));
        v_secrets text[] := ARRAY(SELECT jsonb_array_elements_text(TG_ARGV[2]::jsonb));
        v_user uuid := auth.uid();
        v_role text := auth.role();
        v_db_user text := session_user;
        v_action text := nullif(current_setting('app.action', true), '');
        v_reason text := nullif(current_setting('app.reason', true), '');
        v_request text := nullif(current_setting('app.request_id', true), '');
        v_email text;
        v_prev text;
        v_last_id bigint := 0;
      BEGIN
        SELECT a.id, a.hash INTO v_last_id, v_prev FROM ${trail} a ORDER BY a.id DESC LIMIT 1;
        v_last_id := coalesce(v_last_id, 0);
        IF v_user IS NOT NULL THEN
          SELECT u.email INTO v_email FROM auth.users u WHERE u.id = v_user;
        END IF;
        IF TG_OP = 'INSERT' THEN
          ${appendSql(trail, `SELECT n.record_id, 'INSERT' AS operation, NULL::jsonb AS before, n.r AS after FROM (${rowsOf('new_rows')}) AS n`)}
        ELSIF TG_OP = 'UPDATE' THEN
          -- Old and new rows paired by key; a row whose key changed shows as its old key's
          -- values going and its new key's values coming.
          ${appendSql(trail, `SELECT coalesce(o.record_id, n.record_id) AS record_id, 'UPDATE' AS operation,
                      CASE WHEN o.r IS NOT NULL THEN ${changed('o', 'n')} END AS before,
                      CASE WHEN n.r IS NOT NULL THEN ${changed('n', 'o')} END AS after
                 FROM (${rowsOf('old_rows')}) AS o FULL JOIN (${rowsOf('new_rows')}) AS n ON n.record_id = o.record_id`)}
        ELSIF TG_OP = 'DELETE' THEN
          ${appendSql(trail, `SELECT o.record_id, 'DELETE' AS operation, o.r AS before, NULL::jsonb AS after FROM (${rowsOf('old_rows')}) AS o`)}
        ELSE
          ${appendSql(trail, `SELECT NULL::text AS record_id, 'TRUNCATE' AS operation, NULL::jsonb AS before, NULL::jsonb AS after`)}
        END IF;
        RETURN NULL;
      END $fn$;

    -- Puts a table under the trail (its key columns read from the catalog). A migration that
    -- creates a table calls it: SELECT gatehouse.audit_attach('public.t', 't', ARRAY[secret columns]).
    CREATE OR REPLACE FUNCTION gatehouse.audit_attach(p_table regclass, p_resource text, p_secrets text[] DEFAULT '{}') RETURNS void
      LANGUAGE plpgsql SET search_path = pg_catalog, public
      AS $fn$
      DECLARE
        v_keys jsonb;
        v_args text;
      BEGIN
        SELECT coalesce(jsonb_agg(a.attname::text ORDER BY k.o), '[]') INTO v_keys
          FROM pg_index i
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, o)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE i.indrelid = p_table AND i.indisprimary;
        v_args := format('%L, %L, %L', p_resource, v_keys::text, to_jsonb(coalesce(p_secrets, '{}'))::text);
        EXECUTE format('CREATE TRIGGER audit_hold_chain BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s
                          FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.audit_hold_chain()', p_table);
        EXECUTE format('CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows
                          FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.audit_record(%s)', p_table, v_args);
        EXECUTE format('CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                          FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.audit_record(%s)', p_table, v_args);
        EXECUTE format('CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows
                          FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.audit_record(%s)', p_table, v_args);
        EXECUTE format('CREATE TRIGGER audit_truncate AFTER TRUNCATE ON %s
                          FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.audit_record(%s)', p_table, v_args);
        -- ALWAYS: session_replication_role = replica, which skips ordinary triggers, skips none of these.
        EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER audit_hold_chain, ENABLE ALWAYS TRIGGER audit_insert,
                          ENABLE ALWAYS TRIGGER audit_update, ENABLE ALWAYS TRIGGER audit_delete, ENABLE ALWAYS TRIGGER audit_truncate', p_table);
      END $fn$;
    COMMENT ON FUNCTION gatehouse.audit_attach(regclass, text, text[]) IS
      'Records every change to the table in the audit trail (resource name, columns never copied)';

    -- The trail is append-only, for everyone: the owner must disable this trigger to tamper.
    CREATE OR REPLACE FUNCTION gatehouse.audit_log_append_only() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, public
      AS $fn$
      BEGIN
        -- The audit trigger's own INSERT runs one trigger level down; nothing else may add entries.
        IF TG_OP = 'INSERT' AND pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $fn$;
    DROP TRIGGER IF EXISTS audit_log_append_only ON ${trail};
    CREATE TRIGGER audit_log_append_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${trail}
      FOR EACH STATEMENT EXECUTE FUNCTION gatehouse.audit_log_append_only();
    -- ALWAYS: session_replication_role = replica (which skips ordinary triggers) skips none of the trail's.
    ALTER TABLE ${trail} ENABLE ALWAYS TRIGGER audit_log_append_only;

    -- A record's history, newest first, for the API's History tab: only to a role the matrix lets
    -- read the table, and only the columns its database role may read. The API has checked that
    -- the caller may see the record itself (p_key: its key values, in key order, as text).
    CREATE OR REPLACE FUNCTION gatehouse.history_of(p_resource text, p_key text[], p_limit integer DEFAULT 200)
      RETURNS TABLE (
        id bigint, created_at timestamptz, operation text, action text, reason text, user_id uuid, user_email text,
        user_role text, db_user text, request_id text, before jsonb, after jsonb
      )
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public SET timezone = 'UTC'
      AS $fn$
      DECLARE
        v_table regclass := to_regclass(CASE WHEN p_resource LIKE '%.%' THEN p_resource ELSE 'public.' || quote_ident(p_resource) END);
        v_role text := nullif(current_setting('role'), 'none');
        v_casts text;
        v_count integer;
        v_key jsonb;
        v_record text;
        v_readable text[];
      BEGIN
        IF v_table IS NULL OR NOT gatehouse.allows(p_resource, 'read') THEN RETURN; END IF;
        -- The key as the trigger wrote it: each value cast to its column's type, as jsonb.
        SELECT string_agg(format('$1[%s]::%s', k.o, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY k.o), count(*)
          INTO v_casts, v_count
          FROM pg_index i
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, o)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE i.indrelid = v_table AND i.indisprimary;
        IF v_count IS NULL OR v_count = 0 OR cardinality(p_key) <> v_count THEN RETURN; END IF;
        EXECUTE format('SELECT jsonb_build_array(%s)', v_casts) INTO v_key USING p_key;
        v_record := CASE WHEN v_count = 1 THEN v_key ->> 0 ELSE v_key::text END;
        SELECT array_agg(a.attname::text) INTO v_readable
          FROM pg_attribute a
         WHERE a.attrelid = v_table AND a.attnum > 0 AND NOT a.attisdropped
           AND (v_role IS NULL OR has_column_privilege(v_role, v_table, a.attnum, 'SELECT'));
        -- An update that changed only columns the caller may not read is left out altogether.
        RETURN QUERY
          SELECT l.id, l.created_at, l.operation, l.action, l.reason, l.user_id, l.user_email, l.user_role, l.db_user, l.request_id,
                 f.before, f.after
            FROM ${trail} l
           CROSS JOIN LATERAL (
             SELECT CASE WHEN l.before IS NOT NULL THEN coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(l.before) AS e WHERE e.key = ANY (v_readable)), '{}') END AS before,
                    CASE WHEN l.after IS NOT NULL THEN coalesce((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(l.after) AS e WHERE e.key = ANY (v_readable)), '{}') END AS after
           ) AS f
           WHERE l.table_name = p_resource AND l.record_id = v_record
             AND NOT (l.operation = 'UPDATE' AND (l.before <> '{}' OR l.after <> '{}') AND f.before = '{}' AND f.after = '{}')
           ORDER BY l.id DESC
           LIMIT least(greatest(coalesce(p_limit, 200), 1), 1000);
      END $fn$;
    COMMENT ON FUNCTION gatehouse.history_of(text, text[], integer) IS
      'A record''s audit entries, newest first, with only the columns the caller may read; empty unless the caller may read the table';
`;
}

/** Names the trail's functions and triggers, so \`gatehouse govern --revert\` can take them off again. */
export const AUDIT_TRIGGERS = ['audit_hold_chain', 'audit_insert', 'audit_update', 'audit_delete', 'audit_truncate'] as const;
