import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { TestSwitches } from '../access/testSwitches.js';
import type { ModelClass } from '../data/models.js';
import { resourceRequests } from './callerTransaction.js';
import type { SessionUser } from '../auth/sessions.js';
import { workflowOf } from '../../permissions/workflows.js';
import { filledOnCreate } from '../access/filledOnCreate.js';
import { runOperation } from '../workflows/runOperation.js';
import type { ResourceInfo, SchemaModel } from '../meta/schemaModel.js';
import { operationsOn } from '../workflows/operationsOn.js';
import { parseListParams, MAX_PAGE_SIZE } from '../resources/listParams.js';
import { resourceService } from '../resources/resourceService.js';
import { parseAggregate } from '../resources/aggregate.js';
import { badRequest, HttpError, notFound } from './errors.js';

interface Deps {
  knex: Knex;
  schema: () => SchemaModel;
  models: () => Map<string, ModelClass>;
  switches?: TestSwitches;
}

/**
 * One generic router for every resource, speaking react-admin's simple-REST protocol:
 * GET /:resource (getList, getMany, getManyReference; with `format=csv` the whole filtered,
 * sorted list as a CSV download), GET /:resource/:id, POST /:resource, PUT /:resource/:id,
 * DELETE /:resource/:id, and workflow transitions POST /:resource/:id/:action (one record)
 * and POST /:resource/:action with {ids} (several), and declared operations on a whole
 * resource, POST /:resource/:operation (permissions/operations.ts). Each request is one transaction.
 */
export function resourceRouter({ knex, schema, models, switches = {} }: Deps): Router {
  const router = Router();

  const runWithAbility = resourceRequests({ knex, schema, switches });
  const run = <T>(
    req: Request,
    fn: (svc: ReturnType<typeof resourceService>, resource: ResourceInfo, user: SessionUser) => Promise<T>,
    options: { read?: boolean } = {},
  ) =>
    runWithAbility(
      req,
      (trx, ability, resource, user) =>
        fn(resourceService({ trx, resource, model: models().get(resource.name)!, ability, referenced: (name) => schema().resources.get(name), labelViews: schema().labelViews }), resource, user),
      options,
    );
  const READ = { read: true };
  const transitionNamed = (resource: ResourceInfo, name: string) => {
    const t = workflowOf(resource.name)?.transitions.find((x) => x.name === name);
    if (!t) throw notFound(`${resource.label} has no action "${name}".`);
    return t;
  };
  /** In a bulk action, an error says which record it concerns. */
  const naming = (id: unknown) => (err: unknown) => {
    if (err instanceof HttpError) throw new HttpError(err.status, `${String(id)}: ${err.message}`, err.errors, { ...err.extra, id });
    throw err;
  };
  const writable = (resource: ResourceInfo) => {
    if (resource.readOnly) throw badRequest(`${resource.label} is read-only.`);
  };

  router.get('/:resource', async (req, res) => {
    const params = parseListParams(req.query as Record<string, unknown>);
    if (req.query.format === 'csv') {
      const name = String(req.params.resource);
      try {
        await run(req, (svc) =>
          svc.exportCsv(params, {
            stream: res,
            begin: () =>
              res.status(200).set({
                'Content-Type': 'text/csv; charset=utf-8',
                'Content-Disposition': `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
              }),
          }),
        );
      } catch (err) {
        // Once the CSV has begun (or the client has gone) no JSON error can follow: cut the
        // response short, so the client sees a failed download rather than a short file.
        if (!res.headersSent && !res.destroyed) throw err;
        req.log.warn({ err }, 'CSV export stopped');
        res.destroy();
      }
      return;
    }
    const summary = parseAggregate(req.query as Record<string, unknown>);
    if (summary) {
      res.json(await run(req, (svc) => svc.summarise(params, summary), READ));
      return;
    }
    if (req.query.range === undefined) params.range = { offset: 0, limit: MAX_PAGE_SIZE };
    const { rows, total, estimated } = await run(req, (svc) => svc.list(params), READ);
    const end = rows.length ? params.range.offset + rows.length - 1 : params.range.offset;
    res.set('Content-Range', `${String(req.params.resource)} ${params.range.offset}-${end}/${total}`);
    // The protocol has no word for a guess: a header says the total is the planner's estimate.
    if (estimated) res.set('X-Total-Estimated', 'true');
    res.json(rows);
  });
  router.get('/:resource/:id', async (req, res) => {
    res.json(await run(req, (svc) => svc.getOne(req.params.id, { last: true }), READ));
  });
  router.post('/:resource', async (req, res) => {
    res.status(201).json(
      await run(req, (svc, r, user) => {
        writable(r);
        // The insert is the request's last statement: its COMMIT may ride with it.
        return svc.create(req.body, filledOnCreate(user, r.name), { last: true });
      }),
    );
  });
  router.put('/:resource/:id', async (req, res) => {
    // The change is the request's last statement: its COMMIT may ride with it.
    res.json(await run(req, (svc, r) => (writable(r), svc.update(req.params.id, req.body, { last: true }))));
  });
  // Workflow transitions: one record, or several at once (all or nothing, in one transaction).
  router.post('/:resource/:id/:action', async (req, res) => {
    // The change is the request's last statement: its COMMIT may ride with it.
    res.json(await run(req, (svc, r, user) => svc.transition(req.params.id, transitionNamed(r, req.params.action), req.body, user.id, { last: true })));
  });
  router.post('/:resource/:action', async (req, res) => {
    const operation = operationsOn(schema(), String(req.params.resource)).find((o) => o.name === req.params.action);
    if (operation) {
      res.json(await runWithAbility(req, (trx, ability, r) => runOperation(trx, ability, r, operation, req.body)));
      return;
    }
    const ids = (req.body as { ids?: unknown } | undefined)?.ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PAGE_SIZE) {
      throw badRequest(`Give the records as "ids": a list of 1 to ${MAX_PAGE_SIZE} ids.`, { ids: 'Required.' });
    }
    const done = await run(req, async (svc, r, user) => {
      const t = transitionNamed(r, req.params.action);
      const rows = [];
      for (const id of ids) rows.push(await svc.transition(id, t, req.body, user.id).catch(naming(id)));
      return rows;
    });
    res.json(done);
  });
  router.delete('/:resource/:id', async (req, res) => {
    res.json(await run(req, (svc, r) => (writable(r), svc.remove(req.params.id))));
  });
  return router;
}
