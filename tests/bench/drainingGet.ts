import http from 'node:http';

/** One keep-alive pool for the whole run, as a browser keeps its connections. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * A GET whose body is read off the socket and dropped: no decompression, no JSON parsing. The
 * load generator shares the machine with the servers it measures, so what it spends on an
 * answer is taken from them — and unequally, since Gatehouse's answers are larger and
 * compressed while the bare server's are not (`/api/meta`'s 157 kB parsed per call held its
 * rate to the generator's). Resolves the status and the body if it was not a 200.
 */
export function drainingGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${path}`, { agent, headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 200) {
        res.on('end', () => resolve({ status, text: '' })).on('error', reject).resume();
        return;
      }
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status, text })).on('error', reject);
    });
    req.on('error', reject);
  });
}
