/** Every text the checkbox shows or announces; override any of them with the `labels` prop. */
export interface ActivityCheckboxLabels {
  /** The visible label. */
  completed: string;
  /** Announced while a toggle is unsettled. */
  saving: string;
  /** Shown before the server's message when a toggle failed. */
  failed: string;
  /** Shown when no answer came back, so the state could not be confirmed. */
  unconfirmed: string;
}

const en: ActivityCheckboxLabels = {
  completed: 'Completed',
  saving: 'Saving…',
  failed: 'Could not save the change',
  unconfirmed: 'The change could not be confirmed. Reload to see the current state.',
};

/** Built-in texts by ISO 639-1 language; anything else falls back to English. */
export const BUILT_IN_LABELS: Readonly<Record<string, ActivityCheckboxLabels>> = {
  en,
  nb: {
    completed: 'Fullført',
    saving: 'Lagrer…',
    failed: 'Kunne ikke lagre endringen',
    unconfirmed: 'Endringen kunne ikke bekreftes. Last inn på nytt for å se gjeldende status.',
  },
  sv: {
    completed: 'Slutförd',
    saving: 'Sparar…',
    failed: 'Det gick inte att spara ändringen',
    unconfirmed: 'Ändringen kunde inte bekräftas. Ladda om för att se aktuell status.',
  },
  da: {
    completed: 'Fuldført',
    saving: 'Gemmer…',
    failed: 'Ændringen kunne ikke gemmes',
    unconfirmed: 'Ændringen kunne ikke bekræftes. Genindlæs for at se den aktuelle status.',
  },
  de: {
    completed: 'Erledigt',
    saving: 'Wird gespeichert…',
    failed: 'Die Änderung konnte nicht gespeichert werden',
    unconfirmed:
      'Die Änderung konnte nicht bestätigt werden. Laden Sie neu, um den aktuellen Stand zu sehen.',
  },
  nl: {
    completed: 'Voltooid',
    saving: 'Opslaan…',
    failed: 'De wijziging kon niet worden opgeslagen',
    unconfirmed:
      'De wijziging kon niet worden bevestigd. Laad opnieuw om de huidige status te zien.',
  },
};

// Norwegian arrives as nb, nn or no; all get Bokmål.
const ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb' };

/**
 * The texts for a language such as `"nb"` or `"de-AT"`, with overrides applied.
 *
 * @example
 * labelsFor('de-AT').completed; // "Erledigt"
 */
export function labelsFor(
  language: string | undefined,
  overrides?: Partial<ActivityCheckboxLabels>,
): ActivityCheckboxLabels {
  const base = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const builtIn = BUILT_IN_LABELS[ALIASES[base] ?? base] ?? en;
  return overrides ? { ...builtIn, ...overrides } : builtIn;
}
