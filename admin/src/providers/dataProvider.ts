import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type GetListParams, type GetListResult, type GetManyParams } from 'react-admin';
import type { LabelsOf } from '../fields/ReferenceLabelField';
import { gateOfError } from '../account/gate';
import { refreshMeta } from '../meta/metaStore';
import { withCsrf } from './csrf';

type Body = { message?: string; errors?: Record<string, unknown> } | undefined;

/**
 * fetchJson rejects with an HttpError whose `body` is the server's JSON, so a 400's
 * `{ errors: { field: message } }` reaches react-admin's create/edit controllers as
 * `error.body.errors` and each message is drawn beside its input. The overall message is
 * added as `root.serverError`, which react-admin notifies instead of a bare "form invalid"
 * (it is the only trace of an error on a field the form does not show).
 *
 * A 403 means the screens offered something the server refuses: the matrix may have changed
 * since the metadata was fetched, so it is fetched again (the screens follow if it differs).
 * Its message (the body's `message`) is what react-admin notifies. A 403 naming a gate is
 * not about the matrix: the auth provider's checkError sends the caller to the gate's page.
 *
 * Every request carries the CSRF header: the server wants it on every mutating one, and
 * sending it on reads too costs nothing and leaves no method to forget.
 */
async function httpClient(url: string, options: fetchUtils.Options = {}) {
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers: withCsrf(options.headers), credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof HttpError && error.status === 403 && !gateOfError(error)) void refreshMeta();
    const body = error instanceof HttpError ? (error.body as Body) : undefined;
    if (!(error instanceof HttpError) || !body?.errors || Object.keys(body.errors).length === 0) throw error;
    const errors = { ...body.errors, root: { serverError: body.message ?? error.message } };
    throw new HttpError(error.message, error.status, { ...body, errors });
  }
}

export interface TransitionParams {
  action: string;
  /** One record, or several (`ids`, all or nothing). */
  id?: unknown;
  ids?: unknown[];
  data?: Record<string, unknown>;
}

/**
 * The API speaks ra-data-simple-rest's protocol as is; the session cookie rides along. Workflow
 * transitions and resource operations are two more methods (POST /api/<resource>/...).
 */
const simpleRest = simpleRestProvider('/api', httpClient);

/** What a list's total is when the server could only estimate it (`X-Total-Estimated`). */
export interface ListMeta {
  estimatedTotal?: number;
}

export const dataProvider = {
  ...simpleRest,
  /**
   * A list whose total the server estimated pages by "next" (react-admin's partial pagination:
   * next only after a full page, so never past the end) and keeps the estimate in `meta`,
   * for the pagination to say "about".
   */
  async getList(resource: string, params: GetListParams): Promise<GetListResult & { meta?: ListMeta }> {
    let estimated = false;
    const watching = simpleRestProvider('/api', async (url, options) => {
      const response = await httpClient(url, options);
      estimated = response.headers.get('x-total-estimated') === 'true';
      return response;
    });
    const result = await watching.getList(resource, params);
    if (!estimated) return result;
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    return {
      data: result.data,
      pageInfo: { hasNextPage: result.data.length === perPage, hasPreviousPage: page > 1 },
      meta: { estimatedTotal: result.total },
    };
  },
  /** With `meta.labelsOf` (a reference's column), only the labels of the records it names: see ReferenceLabelField. */
  async getMany(resource: string, params: GetManyParams) {
    const via = (params.meta as Partial<LabelsOf> | undefined)?.labelsOf;
    if (!via) return simpleRest.getMany(resource, params);
    const ids = encodeURIComponent(JSON.stringify(params.ids));
    const of = via.of === undefined ? '' : `&of=${encodeURIComponent(via.of)}`;
    const { json } = await httpClient(`/api/${encodeURIComponent(via.resource)}/${encodeURIComponent(via.field)}/labels?ids=${ids}${of}`, { signal: params.signal });
    return { data: json as { id: string | number; label: string | null }[] };
  },
  async transition(resource: string, { action, id, ids, data = {} }: TransitionParams) {
    const target = id === undefined ? '' : `/${encodeURIComponent(String(id))}`;
    const body = id === undefined ? { ...data, ids } : data;
    const { json } = await httpClient(`/api/${encodeURIComponent(resource)}${target}/${encodeURIComponent(action)}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return { data: json as unknown };
  },
  /** A declared operation on a whole resource: POST /api/<resource>/<name> with its parameters. */
  async operation(resource: string, { name, data = {} }: { name: string; data?: Record<string, unknown> }) {
    const { json } = await httpClient(`/api/${encodeURIComponent(resource)}/${encodeURIComponent(name)}`, { method: 'POST', body: JSON.stringify(data) });
    return { data: json as unknown };
  },
};
