import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Fragment, StrictMode } from 'react';
import {
  ActivityCompleteCheckbox,
  type ActivityStatus,
  isCompleted,
  type SuperOfficeError,
  SuperOfficeProvider,
  type SuperOfficeProviderProps,
  useActivityStatus,
  useToggleActivity,
} from '../../../src/index.js';

export type WidgetKind = 'checkbox' | 'hooks';

/** One view of an activity on the dashboard. */
export interface WidgetSpec {
  key: string;
  activityIdentifier: string;
  kind: WidgetKind;
  mounted: boolean;
}

export interface DashboardProps {
  queryClient: QueryClient;
  provider: Omit<SuperOfficeProviderProps, 'children'>;
  widgets: readonly WidgetSpec[];
  /** What the dashboard's own data says, per activity (its last refetch). */
  known: Readonly<Record<string, ActivityStatus>>;
  onError: (error: SuperOfficeError) => void;
  /** Render in StrictMode, as a development build of a partner app would. */
  strict: boolean;
}

/** A partner dashboard: some activities as checkboxes, some as partner-drawn buttons on the hooks. */
export function FuzzDashboard({
  queryClient,
  provider,
  widgets,
  known,
  onError,
  strict,
}: DashboardProps) {
  const Mode = strict ? StrictMode : Fragment;
  return (
    <Mode>
      <QueryClientProvider client={queryClient}>
        <SuperOfficeProvider {...provider}>
          {widgets
            .filter((widget) => widget.mounted)
            .map((widget) =>
              widget.kind === 'checkbox' ? (
                <ActivityCompleteCheckbox
                  key={widget.key}
                  data-widget={widget.key}
                  data-activity={widget.activityIdentifier}
                  label={widget.key}
                  activityIdentifier={widget.activityIdentifier}
                  completed={isCompleted(known[widget.activityIdentifier])}
                  onError={onError}
                />
              ) : (
                <HookButton
                  key={widget.key}
                  widgetKey={widget.key}
                  activityIdentifier={widget.activityIdentifier}
                  status={known[widget.activityIdentifier]}
                  onError={onError}
                />
              ),
            )}
        </SuperOfficeProvider>
      </QueryClientProvider>
    </Mode>
  );
}

interface HookButtonProps {
  widgetKey: string;
  activityIdentifier: string;
  status: ActivityStatus | undefined;
  onError: (error: SuperOfficeError) => void;
}

function HookButton({ widgetKey, activityIdentifier, status, onError }: HookButtonProps) {
  const shown = useActivityStatus(activityIdentifier, { status });
  const toggle = useToggleActivity({ onError });
  return (
    <button
      type="button"
      data-widget={widgetKey}
      data-activity={activityIdentifier}
      data-status={shown.status}
      data-error={shown.error ? '' : undefined}
      aria-pressed={shown.completed}
      aria-busy={shown.isPending}
      onClick={() => toggle.mutate({ activityIdentifier })}
    >
      {shown.error ? shown.error.message : widgetKey}
    </button>
  );
}

/** What one rendered widget shows. */
export interface WidgetView {
  completed: boolean;
  /** The exact status; only the hook buttons expose it. */
  status: string | undefined;
  busy: boolean;
  error: boolean;
}

export function readWidget(element: Element): WidgetView {
  if (element instanceof HTMLInputElement) {
    return {
      completed: element.checked,
      status: undefined,
      busy: element.getAttribute('aria-busy') === 'true',
      error: element.hasAttribute('data-error'),
    };
  }
  return {
    completed: element.getAttribute('aria-pressed') === 'true',
    status: element.getAttribute('data-status') ?? undefined,
    busy: element.getAttribute('aria-busy') === 'true',
    error: element.hasAttribute('data-error'),
  };
}
