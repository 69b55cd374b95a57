import type { Knex } from 'knex';

/**
 * Recomputes the denormalised counters that span batches: vendors' and therapists' ratings
 * and counts, promotions' usage counts. Run as a superuser, the BEFORE UPDATE triggers are
 * skipped (session_replication_role) so updated_at keeps its demo date instead of now().
 */
export async function refreshTotals(trx: Knex.Transaction): Promise<void> {
  const { rows } = (await trx.raw('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')) as { rows: { rolsuper: boolean }[] };
  const quiet = rows[0]?.rolsuper === true;
  if (quiet) await trx.raw('SET LOCAL session_replication_role = replica');
  await trx.raw(`
    UPDATE public.vendors v SET rating = coalesce(r.avg, 0), total_reviews = coalesce(r.n, 0)
      FROM (SELECT v2.id, round(avg(rv.overall_rating), 2) AS avg, count(rv.id)::int AS n
              FROM public.vendors v2 LEFT JOIN public.reviews rv ON rv.vendor_id = v2.id AND rv.status = 'approved'
             GROUP BY v2.id) r
     WHERE r.id = v.id;

    UPDATE public.therapists t SET rating = coalesce(r.avg, 0), total_reviews = coalesce(r.n, 0), total_services = coalesce(s.n, 0)
      FROM public.therapists t2
      LEFT JOIN (SELECT therapist_id, round(avg(overall_rating), 2) AS avg, count(*)::int AS n
                   FROM public.reviews WHERE status = 'approved' AND therapist_id IS NOT NULL GROUP BY therapist_id) r ON r.therapist_id = t2.id
      LEFT JOIN (SELECT therapist_id, count(*)::int AS n
                   FROM public.therapist_assignments WHERE status = 'completed' GROUP BY therapist_id) s ON s.therapist_id = t2.id
     WHERE t.id = t2.id;

    UPDATE public.promotions p SET current_usage_count = coalesce(u.n, 0)
      FROM public.promotions p2
      LEFT JOIN (SELECT promotion_id, count(*)::int AS n FROM public.promotion_usage GROUP BY promotion_id) u ON u.promotion_id = p2.id
     WHERE p.id = p2.id;
  `);
  if (quiet) await trx.raw('SET LOCAL session_replication_role = origin');
}
