import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';

/** The API speaks ra-data-simple-rest's protocol as is; the session cookie rides along. */
const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' });

export const dataProvider = simpleRestProvider('/api', httpClient);
