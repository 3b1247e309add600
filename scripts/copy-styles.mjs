// Ships the optional stylesheet as `superoffice-activity-react/styles.css` (dist/styles.css):
// the library build has no CSS entry, so Vite would not emit it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const from = resolve(root, 'src/checkbox/styles.css');
const to = resolve(root, 'dist/styles.css');

mkdirSync(dirname(to), { recursive: true });
copyFileSync(from, to);
console.log('[copy-styles] src/checkbox/styles.css -> dist/styles.css');
