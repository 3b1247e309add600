'use client';

import { useContext } from 'react';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import { SuperOfficeConfigError } from '../client/errors/SuperOfficeConfigError.js';
import { SuperOfficeContext, type SuperOfficeContextValue } from './SuperOfficeContext.js';

/**
 * The provider's client, for calls of your own.
 *
 * @example
 * const client = useSuperOfficeClient();
 * const status = await client.toggleActivity('document_id=9');
 */
export function useSuperOfficeClient(): SuperOfficeClient {
  return useSuperOffice().client;
}

export function useSuperOffice(): SuperOfficeContextValue {
  const value = useContext(SuperOfficeContext);
  if (!value) {
    throw new SuperOfficeConfigError(
      'No SuperOfficeProvider found: render this inside a <SuperOfficeProvider>.',
    );
  }
  return value;
}
