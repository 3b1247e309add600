'use client';

import {
  type CSSProperties,
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  useId,
  useImperativeHandle,
  useRef,
} from 'react';
import type { ActivityStatus } from '../client/activityStatus.js';
import { ActivityChangedElsewhereError } from '../client/errors/ActivityChangedElsewhereError.js';
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { useSuperOfficeContext } from '../react/SuperOfficeContext.js';
import { useActivityCheckbox } from '../react/useActivityCheckbox.js';
import { useBrowserLayoutEffect } from '../react/useBrowserLayoutEffect.js';
import { type ActivityCheckboxLabels, labelsFor } from './messages.js';

type NativeInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'checked' | 'defaultChecked' | 'onChange' | 'onError' | 'children' | 'value'
>;

/**
 * The checkbox's parts, each marked `data-part="…"` (with `data-scope="activity-checkbox"`):
 * the wrapper, the native input, its label, the visually hidden live region, the error text.
 */
export type ActivityCheckboxPart = 'root' | 'input' | 'label' | 'status' | 'error';

export interface ActivityCompleteCheckboxProps extends NativeInputProps {
  /** E.g. `"appointment_id=42"`, `"sale_id=7"`, `"document_id=9"`. */
  activityIdentifier: string;
  /** Whether the dashboard's data says the activity is completed. */
  completed?: boolean | undefined;
  /** The activity's status as the dashboard knows it; wins over `completed`. */
  status?: ActivityStatus | undefined;
  /** The visible label. Default: "Completed" in the provider's language. */
  label?: ReactNode;
  /** Override any built-in text. */
  labels?: Partial<ActivityCheckboxLabels> | undefined;
  /**
   * `true` (default): the server ends where the user's last click said. `false`: the server's
   * answer is kept as it is, e.g. a three-state appointment stepping through `Started`.
   */
  converge?: boolean | undefined;
  /**
   * Class names per part; `className` is the same as `classNames.root`.
   *
   * @example
   * <ActivityCompleteCheckbox classNames={{ input: 'size-4 data-[pending]:opacity-60', error: 'text-red-700' }} … />
   */
  classNames?: Partial<Record<ActivityCheckboxPart, string>> | undefined;
  /** Inline styles per part (the input's are also `style`). */
  styles?: Partial<Record<ActivityCheckboxPart, CSSProperties>> | undefined;
  /** Called when the server has confirmed the state this checkbox's clicks asked for. */
  onCompletedChange?: ((completed: boolean, status: ActivityStatus) => void) | undefined;
  /** Called once per failed toggle started from this checkbox. */
  onError?: ((error: SuperOfficeError) => void) | undefined;
}

/**
 * A native checkbox that ticks a SuperOffice activity as completed, and unticks it. Clicks show
 * at once; the server ends where the user's last click said. Every part (`data-part="root"`,
 * `"input"`, `"label"`, `"status"`, `"error"`) carries the state for styling:
 * `data-state="checked|unchecked|indeterminate"`, `data-pending`, `data-checking`, `data-queued`,
 * `data-error`, `data-disabled`. No CSS needed; `superoffice-activity-react/styles.css` is
 * optional. Nothing the checkbox shows moves the input: the error text is on its own line (with
 * the stylesheet, under the box, taking no space).
 *
 * @example
 * <ActivityCompleteCheckbox activityIdentifier={`appointment_id=${row.id}`} completed={row.completed} />
 */
export const ActivityCompleteCheckbox = forwardRef<HTMLInputElement, ActivityCompleteCheckboxProps>(
  function ActivityCompleteCheckbox(props, ref) {
    const {
      activityIdentifier,
      completed,
      status: knownStatus,
      label,
      labels: labelOverrides,
      converge = true,
      classNames = {},
      styles = {},
      onCompletedChange,
      onError,
      disabled,
      className,
      style,
      id,
      'aria-describedby': describedBy,
      ...inputProps
    } = props;
    const { language } = useSuperOfficeContext('ActivityCompleteCheckbox');
    const labels = labelsFor(language, labelOverrides);
    const { checked, indeterminate, isPending, isChecking, isQueued, error, toggle } =
      useActivityCheckbox(
        activityIdentifier,
        { status: knownStatus, completed },
        { converge, onCompletedChange, onError },
      );

    const generatedId = useId();
    const inputId = id ?? `${generatedId}-input`;
    const errorId = `${generatedId}-error`;
    const input = useRef<HTMLInputElement>(null);
    useImperativeHandle(ref, () => input.current as HTMLInputElement, []);

    useBrowserLayoutEffect(() => {
      if (input.current) input.current.indeterminate = indeterminate;
    }, [indeterminate]);

    const state = {
      'data-scope': 'activity-checkbox',
      'data-state': indeterminate ? 'indeterminate' : checked ? 'checked' : 'unchecked',
      'data-pending': flag(isPending),
      'data-checking': flag(isChecking),
      'data-queued': flag(isQueued),
      'data-error': flag(error),
      'data-disabled': flag(disabled),
    };
    const part = (name: ActivityCheckboxPart, ...extra: (string | undefined)[]) => ({
      ...state,
      'data-part': name,
      className: [...extra, classNames[name]].filter(Boolean).join(' ') || undefined,
    });

    return (
      <span {...part('root', className)} style={styles.root}>
        <input
          {...inputProps}
          {...part('input')}
          style={{ ...style, ...styles.input }}
          ref={input}
          type="checkbox"
          id={inputId}
          checked={checked}
          disabled={disabled}
          aria-busy={isPending || isChecking || isQueued || undefined}
          aria-describedby={[describedBy, error && errorId].filter(Boolean).join(' ') || undefined}
          onChange={toggle}
        />
        <label {...part('label')} style={styles.label} htmlFor={inputId}>
          {label ?? labels.completed}
        </label>
        <span {...part('status')} role="status" style={{ ...visuallyHidden, ...styles.status }}>
          {isQueued ? labels.queued : isChecking ? labels.checking : isPending ? labels.saving : ''}
        </span>
        {error ? (
          // Its own line, so it never widens the input's line (which would move the input in a
          // centred or right-aligned cell); the stylesheet takes it out of the flow altogether.
          <span
            {...part('error')}
            role="alert"
            id={errorId}
            style={{ display: 'block', ...styles.error }}
          >
            {errorText(error, labels)}
          </span>
        ) : null}
      </span>
    );
  },
);

/** Text only: a server's message is never parsed as markup. */
function errorText(error: SuperOfficeError, labels: ActivityCheckboxLabels): string {
  if (error.outcomeUnknown) return labels.unconfirmed;
  if (error instanceof ActivityChangedElsewhereError) return labels.changedElsewhere;
  return `${labels.failed}: ${error.message}`;
}

/** `""` (present) or `undefined` (absent), as React renders boolean data attributes. */
function flag(on: unknown): '' | undefined {
  return on ? '' : undefined;
}

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
