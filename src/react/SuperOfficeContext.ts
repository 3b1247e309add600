'use client';

import { createContext } from 'react';
import type { SuperOfficeClient } from '../client/createSuperOfficeClient.js';

export interface SuperOfficeContextValue {
  client: SuperOfficeClient;
  language: string | undefined;
}

export const SuperOfficeContext = createContext<SuperOfficeContextValue | null>(null);
