'use client';

import { createContext, useContext } from 'react';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import { SuperOfficeConfigError } from '../client/errors/SuperOfficeConfigError.js';

export interface SuperOfficeContextValue {
  /** The site's client: follows the provider's props, never leaves its site (rule 10). */
  client: SuperOfficeClient;
  language: string | undefined;
  /** How this provider's wants are carried out across tabs and reloads. */
  tabs: { syncTabs: boolean; persist: boolean };
}

export const SuperOfficeContext = createContext<SuperOfficeContextValue | null>(null);

/** The nearest provider's value; without one, a SuperOfficeConfigError that names who needs it. */
export function useSuperOfficeContext(who: string): SuperOfficeContextValue {
  const value = useContext(SuperOfficeContext);
  if (!value) {
    throw new SuperOfficeConfigError(
      `No SuperOfficeProvider found: render ${who} inside a <SuperOfficeProvider>.`,
    );
  }
  return value;
}
