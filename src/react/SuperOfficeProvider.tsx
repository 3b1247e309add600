'use client';

import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import {
  type ResolvedClientConfig,
  resolveClientConfig,
  type SuperOfficeClientConfig,
} from '../client/clientConfig.js';
import { createClientOverConfig } from '../client/createSuperOfficeClient.js';
import { activityLanes } from '../core/activityLanes.js';
import { SuperOfficeContext } from './SuperOfficeContext.js';
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect.js';
import { useRequiredQueryClient } from './useRequiredQueryClient.js';

export interface SuperOfficeProviderProps extends SuperOfficeClientConfig {
  children?: ReactNode;
  /**
   * Serialize each activity's toggles across tabs (Web Locks) and show every tab's state in the
   * others (BroadcastChannel). Default `true`.
   */
  syncTabs?: boolean | undefined;
  /**
   * Write each unsettled intent to localStorage, so that a reload or a closed tab resolves it
   * later by reading and converging. Default `true`.
   */
  persist?: boolean | undefined;
  /** How long an intent left by a reload or a closed tab is still carried out. Default 24 h. */
  keepIntentsMs?: number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Supplies the WebAPI client (auth, locale headers) to every checkbox and hook below it. Put it
 * inside your own `QueryClientProvider`. New `auth` or locale props take effect on the next
 * request; nothing remounts. A new `baseUrl` is another site: what was clicked on the old one
 * is still carried out there, with its own credentials.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <SuperOfficeProvider baseUrl={webApiUrl} auth={{ scheme: 'Bearer', token: getToken }} language="nb">
 *     <ActivityCompleteCheckbox activityIdentifier="appointment_id=42" completed={row.completed} />
 *   </SuperOfficeProvider>
 * </QueryClientProvider>
 */
export function SuperOfficeProvider({
  children,
  syncTabs = true,
  persist = true,
  keepIntentsMs = DAY_MS,
  ...config
}: SuperOfficeProviderProps) {
  useRequiredQueryClient('SuperOfficeProvider');
  const resolved = resolveClientConfig(config);
  const latest = useRef(resolved);
  useBrowserLayoutEffect(() => {
    latest.current = resolved;
  });
  const { site } = resolved;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one client per site; `resolved` seeds it and `latest` keeps it current.
  const client = useMemo(() => {
    // The site's latest config; once the provider moves on, the last one it had (rule 10).
    let ofSite: ResolvedClientConfig = resolved;
    return createClientOverConfig(() => {
      if (latest.current.site === site) ofSite = latest.current;
      return ofSite;
    });
  }, [site]);
  // rule 13: what a reload or a closed tab left for this site is carried out once a provider mounts.
  useEffect(
    () => (persist ? activityLanes.resume(client.site, client, keepIntentsMs) : undefined),
    [client, persist, keepIntentsMs],
  );
  const value = useMemo(
    () => ({ client, language: config.language, tabs: { syncTabs, persist } }),
    [client, config.language, syncTabs, persist],
  );
  return <SuperOfficeContext.Provider value={value}>{children}</SuperOfficeContext.Provider>;
}
