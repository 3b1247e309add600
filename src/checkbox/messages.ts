/** Every text the checkbox shows or announces; override any of them with the `labels` prop. */
export interface ActivityCheckboxLabels {
  /** The visible label. */
  completed: string;
  /** Announced while a toggle is unsettled. */
  saving: string;
  /** Announced while the outcome of a toggle is read back from the server. */
  checking: string;
  /** Announced when a click waits for the connection to come back. */
  queued: string;
  /** Shown before the server's message when a toggle failed. */
  failed: string;
  /** Shown when the outcome could not be confirmed; the checkbox shows the last known state. */
  unconfirmed: string;
  /** Shown when the activity kept being changed somewhere else while it was being saved. */
  changedElsewhere: string;
}

const en: ActivityCheckboxLabels = {
  completed: 'Completed',
  saving: 'Saving…',
  checking: 'Checking with the server…',
  queued: 'Will be saved when the connection is back.',
  failed: 'Could not save the change',
  unconfirmed: 'The change could not be confirmed.',
  changedElsewhere: 'The activity was changed elsewhere; this shows its current state.',
};

/** Built-in texts by ISO 639-1 language; anything else falls back to English. */
export const BUILT_IN_LABELS: Readonly<Record<string, ActivityCheckboxLabels>> = {
  en,
  nb: {
    completed: 'Fullført',
    saving: 'Lagrer…',
    checking: 'Sjekker med serveren…',
    queued: 'Lagres når tilkoblingen er tilbake.',
    failed: 'Kunne ikke lagre endringen',
    unconfirmed: 'Endringen kunne ikke bekreftes.',
    changedElsewhere: 'Aktiviteten ble endret et annet sted; her vises gjeldende status.',
  },
  sv: {
    completed: 'Slutförd',
    saving: 'Sparar…',
    checking: 'Kontrollerar med servern…',
    queued: 'Sparas när anslutningen är tillbaka.',
    failed: 'Det gick inte att spara ändringen',
    unconfirmed: 'Ändringen kunde inte bekräftas.',
    changedElsewhere: 'Aktiviteten ändrades någon annanstans; här visas aktuell status.',
  },
  da: {
    completed: 'Fuldført',
    saving: 'Gemmer…',
    checking: 'Tjekker med serveren…',
    queued: 'Gemmes, når forbindelsen er tilbage.',
    failed: 'Ændringen kunne ikke gemmes',
    unconfirmed: 'Ændringen kunne ikke bekræftes.',
    changedElsewhere: 'Aktiviteten blev ændret et andet sted; her vises den aktuelle status.',
  },
  de: {
    completed: 'Erledigt',
    saving: 'Wird gespeichert…',
    checking: 'Wird mit dem Server abgeglichen…',
    queued: 'Wird gespeichert, sobald die Verbindung wieder da ist.',
    failed: 'Die Änderung konnte nicht gespeichert werden',
    unconfirmed: 'Die Änderung konnte nicht bestätigt werden.',
    changedElsewhere:
      'Die Aktivität wurde an anderer Stelle geändert; hier steht der aktuelle Stand.',
  },
  nl: {
    completed: 'Voltooid',
    saving: 'Opslaan…',
    checking: 'Controleren bij de server…',
    queued: 'Wordt opgeslagen zodra de verbinding terug is.',
    failed: 'De wijziging kon niet worden opgeslagen',
    unconfirmed: 'De wijziging kon niet worden bevestigd.',
    changedElsewhere: 'De activiteit is elders gewijzigd; hier staat de huidige status.',
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
