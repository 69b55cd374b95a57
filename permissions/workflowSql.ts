import { approvalCovers, type ApprovalCover, type Person, type Transition, type Workflow } from './workflows.js';
import { ident, literal, sqlNameOfResource } from './sqlText.js';
import { listOf } from './words.js';

/**
 * The database's own guard of each workflow: a BEFORE INSERT OR UPDATE trigger, generated
 * from permissions/workflows.ts, so that even SQL sent by hand as an API role can only make
 * the transitions the workflow has, with the matrix action it needs, the fields it requires,
 * and never approving one's own work. The API names the transition it runs in
 * `app.action`; writes made outside the API (no `app.user_id`: migrations, seeding,
 * maintenance) pass, and the audit trail records them.
 */

/** The lookup function that names the person behind a reference (the trigger and the API call it). */
export const workflowTriggerName = (workflow: Workflow) => ident(`${workflow.table.replace(/\W/g, '_')}_workflow`);
export const workflowFunction = (workflow: Workflow) => `gatehouse.${ident(`workflow_${workflow.table.replace(/\W/g, '_')}`)}`;

export const personFunction = (via: { table: string; column: string }) => `gatehouse.${ident(`person_${via.table.replace(/\W/g, '_')}_${via.column}`)}`;

/** SQL for "the person this column names", from a row (NEW or OLD). */
function personSql(person: Person, row: 'NEW' | 'OLD'): string {
  const value = `${row}.${ident(person.column)}`;
  return person.via ? `${personFunction(person.via)}(${value})` : value;
}

/**
 * One SECURITY DEFINER lookup per reference a workflow names a person through (a staff member's
 * login), for the trigger and the API alike: the caller may not be able to read that table.
 */
export function personFunctionsSql(workflows: readonly Workflow[]): string {
  const vias = new Map<string, { table: string; column: string }>();
  for (const t of workflows.flatMap((w) => w.transitions)) {
    for (const p of [t.notBy, t.onlyBy]) if (p?.via) vias.set(personFunction(p.via), p.via);
  }
  return [...vias.entries()]
    .map(
      ([name, via]) => `CREATE FUNCTION ${name}(p_id uuid) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$ SELECT ${ident(via.column)} FROM ${sqlNameOfResource(via.table)} WHERE id = p_id $fn$;`,
    )
    .join('\n');
}

function refusal(message: string, code: string, column?: string): string {
  return `RAISE EXCEPTION ${literal(message)} USING ERRCODE = ${literal(code)}${column ? `, COLUMN = ${literal(column)}` : ''};`;
}

function transitionBranch(workflow: Workflow, t: Transition): string {
  const status = ident(workflow.statusColumn);
  const checks = [
    `IF NOT gatehouse.allows(${literal(workflow.table)}, ${literal(t.needs)}) THEN ${refusal(`not allowed to ${t.name} ${workflow.table}`, '42501')} END IF;`,
    ...(t.notBy ? [`IF ${personSql(t.notBy, 'OLD')} IS NOT DISTINCT FROM auth.uid() THEN ${refusal(`nobody may ${t.name} their own ${workflow.table}`, '42501')} END IF;`] : []),
    ...(t.onlyBy ? [`IF ${personSql(t.onlyBy, 'OLD')} IS DISTINCT FROM auth.uid() THEN ${refusal(`only its owner may ${t.name} this`, '42501')} END IF;`] : []),
    ...(t.requires ?? []).map(
      (f) => `IF NEW.${ident(f)} IS NULL OR btrim(NEW.${ident(f)}::text) = '' THEN ${refusal(`${f} is required to ${t.name}`, '23502', f)} END IF;`,
    ),
  ];
  // What the transition records about itself is the database's to write, not the caller's.
  const sets = Object.entries(t.sets ?? {}).map(([c, v]) => `NEW.${ident(c)} := ${v === 'caller' ? 'auth.uid()' : 'now()'};`);
  // As text: a status of an enum type compares with the pack's state names like any other.
  const from = `OLD.${status}::text = ANY (ARRAY[${t.from.map(literal).join(', ')}]::text[])`;
  return `IF v_action = ${literal(t.name)} AND ${from} AND NEW.${status}::text = ${literal(t.to)} THEN
          ${[...checks, ...sets].join('\n          ')}
          RETURN NEW;
        END IF;`;
}

/** "budget" / "budget and end_date" / "budget, end_date and content", for a message. */
/**
 * An edit (no step under way) changing what an approving step covers: back to where the step
 * starts, its stamps cleared, with the reason in the audit trail; refused once no step leaves
 * the record's state.
 */
function coverBranch(workflow: Workflow, cover: ApprovalCover): string {
  const status = ident(workflow.statusColumn);
  const states = (list: readonly string[]) => `ARRAY[${list.map(literal).join(', ')}]::text[]`;
  const changed = cover.columns.map((c) => `NEW.${ident(c)} IS DISTINCT FROM OLD.${ident(c)}`).join(' OR ');
  const what = listOf(cover.columns);
  return `IF v_action IS NULL AND OLD.${status}::text = ANY (${states([...cover.reopens, ...cover.refuses])}) AND (${changed}) THEN
          IF OLD.${status}::text = ANY (${states(cover.refuses)}) THEN
            RAISE EXCEPTION 'the % of a % % record can no longer change', ${literal(what)}, OLD.${status}, ${literal(workflow.table)}
              USING ERRCODE = '55000', COLUMN = ${literal(cover.columns[0]!)};
          END IF;
          IF NEW.${status} IS DISTINCT FROM OLD.${status} AND NEW.${status}::text <> ${literal(cover.backTo)} THEN
            ${refusal(`the status of ${workflow.table} changes only through its workflow`, '55000', workflow.statusColumn)}
          END IF;
          NEW.${status} := ${literal(cover.backTo)};
          ${cover.clears.map((c) => `NEW.${ident(c)} := NULL;`).join(' ')}
          PERFORM set_config('app.reason', ${literal(`${what} changed after "${cover.step.label}": back to ${cover.backTo}`)}, true);
          RETURN NEW;
        END IF;`;
}

export function workflowTriggerSql(workflow: Workflow): string {
  const fn = workflowFunction(workflow);
  const status = ident(workflow.statusColumn);
  return `
    CREATE FUNCTION ${fn}() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
      DECLARE v_action text := nullif(current_setting('app.action', true), '');
      BEGIN
        IF auth.uid() IS NULL THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
          IF coalesce(NEW.${status}::text, ${literal(workflow.initial)}) <> ${literal(workflow.initial)} THEN
            ${refusal(`a new ${workflow.table} record starts as ${workflow.initial}`, '55000', workflow.statusColumn)}
          END IF;
          -- A new record starts in the first state, where the schema gives the status no default (the API says the same).
          NEW.${status} := coalesce(NEW.${status}, ${literal(workflow.initial)});
          RETURN NEW;
        END IF;
        ${approvalCovers(workflow).map((c) => coverBranch(workflow, c)).join('\n        ')}
        IF NEW.${status} IS NOT DISTINCT FROM OLD.${status} THEN RETURN NEW; END IF;
        ${workflow.transitions.map((t) => transitionBranch(workflow, t)).join('\n        ')}
        ${refusal(`the status of ${workflow.table} changes only through its workflow`, '55000', workflow.statusColumn)}
      END $fn$;
    CREATE TRIGGER ${workflowTriggerName(workflow)} BEFORE INSERT OR UPDATE ON ${sqlNameOfResource(workflow.table)}
      FOR EACH ROW EXECUTE FUNCTION ${fn}();`;
}

/**
 * `gatehouse.allows_transition_among(roles, table)`: may one of these roles, held by the caller,
 * run the transition in app.action (its matrix action); `allows_transition(table)` asks it of
 * every role the caller holds.
 */
export function allowsTransitionSql(workflows: readonly Workflow[]): string {
  const rows = workflows.flatMap((w) => w.transitions.map((t) => `(${literal(w.table)}, ${literal(t.name)}, ${literal(t.needs)})`));
  const among = rows.length
    ? `CREATE OR REPLACE FUNCTION gatehouse.allows_transition_among(p_roles text[], p_resource text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
      AS $fn$
        SELECT coalesce((
          SELECT gatehouse.allows_among(p_roles, p_resource, w.needs)
            FROM (VALUES ${rows.join(', ')}) AS w(resource, action, needs)
           WHERE w.resource = p_resource AND w.action = nullif(current_setting('app.action', true), '')), false)
      $fn$;`
    : `CREATE OR REPLACE FUNCTION gatehouse.allows_transition_among(p_roles text[], p_resource text) RETURNS boolean
      LANGUAGE sql STABLE AS $fn$ SELECT false $fn$;`;
  return `${among}
    CREATE OR REPLACE FUNCTION gatehouse.allows_transition(p_resource text) RETURNS boolean
      LANGUAGE sql STABLE AS $fn$ SELECT gatehouse.allows_transition_among(gatehouse.caller_roles(), p_resource) $fn$;`;
}
