import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Fragment, StrictMode } from 'react';
import {
  type ActivityStatus,
  BUILT_IN_LABELS,
  isCompleted,
  type SuperOfficeError,
  type SuperOfficeProviderProps,
} from '../../../src/index.js';

/** The library's React parts, from the copy a tab loaded (see tabLibrary.ts). */
export type DashboardLibrary = Pick<
  typeof import('../../../src/index.js'),
  'ActivityCompleteCheckbox' | 'SuperOfficeProvider' | 'useActivityStatus' | 'useToggleActivity'
>;

export type WidgetKind = 'checkbox' | 'hooks';

/** What an error says to the user: the three kinds the contract tells apart. */
export type ErrorKind = 'unconfirmed' | 'changedElsewhere' | 'refused';

/** One view of an activity on the dashboard. */
export interface WidgetSpec {
  key: string;
  /** The activity's lane key: site and identifier. */
  activityKey: string;
  activityIdentifier: string;
  kind: WidgetKind;
  mounted: boolean;
  /** What the panel's data says about the activity: the view's prop. */
  known: ActivityStatus;
}

/** A partner widget tree: its QueryClient, a provider for one site, and its views. */
export interface PanelView {
  key: string;
  queryClient: QueryClient;
  provider: Omit<SuperOfficeProviderProps, 'children'>;
  widgets: readonly WidgetSpec[];
}

export interface DashboardProps {
  lib: DashboardLibrary;
  panels: readonly PanelView[];
  onError: (error: SuperOfficeError) => void;
  /** Render in StrictMode, as a development build of a partner app would. */
  strict: boolean;
}

/** A page of partner dashboards: checkboxes and partner-drawn buttons on the hooks. */
export function FuzzDashboard({ lib, panels, onError, strict }: DashboardProps) {
  const Mode = strict ? StrictMode : Fragment;
  const { ActivityCompleteCheckbox, SuperOfficeProvider } = lib;
  return (
    <Mode>
      {panels.map((panel) => (
        <QueryClientProvider key={panel.key} client={panel.queryClient}>
          <SuperOfficeProvider {...panel.provider}>
            {panel.widgets
              .filter((widget) => widget.mounted)
              .map((widget) =>
                widget.kind === 'checkbox' ? (
                  <ActivityCompleteCheckbox
                    key={widget.key}
                    data-widget={widget.key}
                    data-activity={widget.activityKey}
                    label={widget.key}
                    activityIdentifier={widget.activityIdentifier}
                    completed={isCompleted(widget.known)}
                    onError={onError}
                  />
                ) : (
                  <HookButton key={widget.key} lib={lib} widget={widget} onError={onError} />
                ),
              )}
          </SuperOfficeProvider>
        </QueryClientProvider>
      ))}
    </Mode>
  );
}

function HookButton({
  lib,
  widget,
  onError,
}: {
  lib: DashboardLibrary;
  widget: WidgetSpec;
  onError: (error: SuperOfficeError) => void;
}) {
  const shown = lib.useActivityStatus(widget.activityIdentifier, { status: widget.known });
  const toggle = lib.useToggleActivity({ onError });
  return (
    <button
      type="button"
      data-widget={widget.key}
      data-activity={widget.activityKey}
      data-status={shown.status}
      data-error={shown.error ? errorKindOf(shown.error) : undefined}
      aria-pressed={shown.completed}
      aria-busy={shown.isPending}
      onClick={() => toggle.mutate({ activityIdentifier: widget.activityIdentifier })}
    >
      {shown.error ? shown.error.message : widget.key}
    </button>
  );
}

/** By name: each tab's copy of the library has its own error classes. */
export function errorKindOf(error: SuperOfficeError): ErrorKind {
  if (error.outcomeUnknown) return 'unconfirmed';
  if (error.name === 'ActivityChangedElsewhereError') return 'changedElsewhere';
  return 'refused';
}

/** What one rendered widget shows. */
export interface WidgetView {
  completed: boolean;
  /** The exact status; only the hook buttons expose it. */
  status: string | undefined;
  busy: boolean;
  error: ErrorKind | undefined;
}

const LABELS = BUILT_IN_LABELS.en;

export function readWidget(element: Element): WidgetView {
  if (element instanceof HTMLInputElement) {
    return {
      completed: element.checked,
      status: undefined,
      busy: element.getAttribute('aria-busy') === 'true',
      error: element.hasAttribute('data-error') ? checkboxErrorKind(element) : undefined,
    };
  }
  return {
    completed: element.getAttribute('aria-pressed') === 'true',
    status: element.getAttribute('data-status') ?? undefined,
    busy: element.getAttribute('aria-busy') === 'true',
    error: (element.getAttribute('data-error') as ErrorKind | null) ?? undefined,
  };
}

/** The checkbox tells the kind only in its alert's words. */
function checkboxErrorKind(input: HTMLInputElement): ErrorKind {
  const alert = input.closest('[data-part="root"]')?.querySelector('[role="alert"]');
  const text = alert?.textContent ?? '';
  if (text === LABELS?.unconfirmed) return 'unconfirmed';
  if (text === LABELS?.changedElsewhere) return 'changedElsewhere';
  return 'refused';
}
