/** The SQLSTATE a database call fails with, or 'ok' when it succeeds: for asserting refusals. */
export async function sqlStateOf(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code;
  }
}
