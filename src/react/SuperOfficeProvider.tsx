'use client';

import { type ReactNode, useMemo, useRef, useState } from 'react';
import { resolveClientConfig, type SuperOfficeClientConfig } from '../client/clientConfig.js';
import { createClientReading } from '../client/createSuperOfficeClient.js';
import { SuperOfficeContext } from './SuperOfficeContext.js';
import { useBrowserLayoutEffect } from './useBrowserLayoutEffect.js';
import { useRequiredQueryClient } from './useRequiredQueryClient.js';

export interface SuperOfficeProviderProps extends SuperOfficeClientConfig {
  children?: ReactNode;
}

/**
 * Supplies the WebAPI client (auth, locale headers) to every checkbox and hook below it. Put it
 * inside your own `QueryClientProvider`. New `auth` or locale props take effect on the next
 * request; nothing remounts.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <SuperOfficeProvider baseUrl={webApiUrl} auth={{ scheme: 'Bearer', token: getToken }} language="nb">
 *     <ActivityCompleteCheckbox activityIdentifier="appointment_id=42" completed={row.completed} />
 *   </SuperOfficeProvider>
 * </QueryClientProvider>
 */
export function SuperOfficeProvider({ children, ...config }: SuperOfficeProviderProps) {
  useRequiredQueryClient('SuperOfficeProvider');
  const resolved = resolveClientConfig(config);
  const latest = useRef(resolved);
  useBrowserLayoutEffect(() => {
    latest.current = resolved;
  });
  const [client] = useState(() => createClientReading(() => latest.current));
  const value = useMemo(() => ({ client, language: config.language }), [client, config.language]);
  return <SuperOfficeContext.Provider value={value}>{children}</SuperOfficeContext.Provider>;
}
