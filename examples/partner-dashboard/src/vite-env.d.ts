/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The SuperOffice WebAPI root, e.g. `https://online.superoffice.com/Cust12345/api`. */
  readonly VITE_SUPEROFFICE_API?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
