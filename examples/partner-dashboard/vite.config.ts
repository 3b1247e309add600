import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A partner's plain Vite config. scripts/dev.mjs and the e2e test add the fake backend's plugin.
export default defineConfig({
  plugins: [react()],
});
