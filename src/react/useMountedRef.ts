'use client';

import { type RefObject, useEffect, useRef } from 'react';

/** `current` is false once the component has unmounted (and true again if StrictMode remounts it). */
export function useMountedRef(): RefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
