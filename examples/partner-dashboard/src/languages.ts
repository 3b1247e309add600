/** The languages the checkbox has built-in texts for, by ISO 639-1 code. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'nb', name: 'Norsk bokmål' },
  { code: 'sv', name: 'Svenska' },
  { code: 'da', name: 'Dansk' },
  { code: 'de', name: 'Deutsch' },
  { code: 'nl', name: 'Nederlands' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const KIND_NAMES = { appointment: 'Appointment', sale: 'Sale', document: 'Document' } as const;

export function kindName(kind: keyof typeof KIND_NAMES): string {
  return KIND_NAMES[kind];
}

/** `2026-12-01` as the language writes it, e.g. "1. des. 2026" in Norwegian. */
export function formatDate(isoDate: string, language: LanguageCode): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
