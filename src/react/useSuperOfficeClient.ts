'use client';

import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';
import { useSuperOfficeContext } from './SuperOfficeContext.js';

/**
 * The provider's client, for calls of your own.
 *
 * @example
 * const client = useSuperOfficeClient();
 * const status = await client.setActivityCompleted('document_id=9', true);
 */
export function useSuperOfficeClient(): SuperOfficeClient {
  return useSuperOfficeContext('useSuperOfficeClient').client;
}
