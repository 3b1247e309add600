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
import type { SuperOfficeError } from '../client/errors/SuperOfficeError.js';
import { useActivityCheckbox } from '../react/useActivityCheckbox.js';
import { useBrowserLayoutEffect } from '../react/useBrowserLayoutEffect.js';
import { useSuperOffice } from '../react/useSuperOfficeClient.js';
import { type ActivityCheckboxLabels, labelsFor } from './messages.js';

type NativeInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'checked' | 'defaultChecked' | 'onChange' | 'onError' | 'children' | 'value'
>;

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
  /** Called when the server has confirmed the state this checkbox's clicks asked for. */
  onCompletedChange?: ((completed: boolean, status: ActivityStatus) => void) | undefined;
  /** Called once per failed toggle started from this checkbox. */
  onError?: ((error: SuperOfficeError) => void) | undefined;
}

/**
 * A native checkbox that ticks a SuperOffice activity as completed, and unticks it. Clicks show
 * at once; the server ends where the user's last click said. Styling hooks on the wrapper and
 * the input: `data-state="checked|unchecked|indeterminate"`, `data-pending`, `data-error`,
 * `data-disabled`. No CSS needed; `superoffice-activity-react/styles.css` is optional.
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
      onCompletedChange,
      onError,
      disabled,
      className,
      id,
      'aria-describedby': describedBy,
      ...inputProps
    } = props;
    const { language } = useSuperOffice();
    const labels = labelsFor(language, labelOverrides);
    const { checked, indeterminate, isPending, error, toggle } = useActivityCheckbox(
      activityIdentifier,
      { status: knownStatus, completed },
      { onCompletedChange, onError },
    );

    const generatedId = useId();
    const inputId = id ?? `${generatedId}-input`;
    const errorId = `${generatedId}-error`;
    const input = useRef<HTMLInputElement>(null);
    useImperativeHandle(ref, () => input.current as HTMLInputElement, []);

    useBrowserLayoutEffect(() => {
      if (input.current) input.current.indeterminate = indeterminate;
    }, [indeterminate]);

    const dataAttributes = {
      'data-state': indeterminate ? 'indeterminate' : checked ? 'checked' : 'unchecked',
      'data-pending': isPending ? '' : undefined,
      'data-error': error ? '' : undefined,
      'data-disabled': disabled ? '' : undefined,
    };

    return (
      <span className={className} {...dataAttributes}>
        <input
          {...inputProps}
          {...dataAttributes}
          ref={input}
          type="checkbox"
          id={inputId}
          checked={checked}
          disabled={disabled}
          aria-busy={isPending || undefined}
          aria-describedby={[describedBy, error && errorId].filter(Boolean).join(' ') || undefined}
          onChange={toggle}
        />
        <label htmlFor={inputId}>{label ?? labels.completed}</label>
        <span role="status" style={visuallyHidden}>
          {isPending ? labels.saving : ''}
        </span>
        {error ? (
          <span role="alert" id={errorId} data-error-message="">
            {error.outcomeUnknown ? labels.unconfirmed : `${labels.failed}: ${error.message}`}
          </span>
        ) : null}
      </span>
    );
  },
);

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
