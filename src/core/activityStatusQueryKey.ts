import { siteOf } from '../client/clientConfig.js';

/**
 * The query-cache entry that mirrors one activity on one site, in every QueryClient that shows
 * it. Its data is the {@link ActivityStatus} the user sees; writing it (`setQueryData`, e.g.
 * after your own refetch) is a report every view of the activity follows. `site` is the
 * provider's `baseUrl` (any spelling of it: it is normalized).
 *
 * @example
 * queryClient.setQueryData(activityStatusQueryKey('sale_id=7', baseUrl), 'Completed');
 */
export function activityStatusQueryKey(activityIdentifier: string, site: string) {
  return ['superoffice', 'activityStatus', siteOf(site), activityIdentifier] as const;
}

export type ActivityStatusQueryKey = ReturnType<typeof activityStatusQueryKey>;
