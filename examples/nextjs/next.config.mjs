// This folder is its own project inside the library's repository: its root is here, not at the
// repository's lockfile.
/** @type {import('next').NextConfig} */
const config = {
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
