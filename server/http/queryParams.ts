import { z } from 'zod';

/** `?limit=`: a whole number from 1 to `max`, `fallback` when absent, each refusal saying which rule it broke. */
export const limitParam = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'The limit must be a number.' })
    .int('The limit must be a whole number.')
    .min(1, 'The limit must be at least 1.')
    .max(max, `The limit may be at most ${max}.`)
    .default(fallback);
