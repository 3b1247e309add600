'use client';

import { useEffect, useLayoutEffect } from 'react';

/** useLayoutEffect in the browser; on the server (where React 18 warns about it) a no-op effect. */
export const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
