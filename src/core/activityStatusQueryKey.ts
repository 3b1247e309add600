/**
 * The one query-cache entry per activity that every checkbox and hook shares. Its data is the
 * {@link ActivityStatus} the user sees: the server's last word, or the user's click while a
 * toggle is on its way.
 *
 * @example
 * queryClient.setQueryData(activityStatusQueryKey('sale_id=7'), 'Completed');
 */
export function activityStatusQueryKey(activityIdentifier: string) {
  return ['superoffice', 'activityStatus', activityIdentifier] as const;
}

export type ActivityStatusQueryKey = ReturnType<typeof activityStatusQueryKey>;
