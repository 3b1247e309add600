// What a bundler's client types (vite/client, next-env.d.ts) declare: stylesheets are modules.
declare module '*.css';
