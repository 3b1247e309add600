// The WebAPI client: framework-neutral.

// The UI.
export type { ActivityCompleteCheckboxProps } from './checkbox/ActivityCompleteCheckbox.js';
export { ActivityCompleteCheckbox } from './checkbox/ActivityCompleteCheckbox.js';
export type { ActivityCheckboxLabels } from './checkbox/messages.js';
export { BUILT_IN_LABELS } from './checkbox/messages.js';
export type {
  ActivityIdentifier,
  ActivityKind,
  ParsedActivityIdentifier,
} from './client/activityIdentifier.js';
export { activityIdentifier, parseActivityIdentifier } from './client/activityIdentifier.js';
export type { ActivityStatus } from './client/activityStatus.js';
export { isCompleted } from './client/activityStatus.js';
export type { Credential, SuperOfficeAuth } from './client/auth.js';
export type { SuperOfficeClientConfig } from './client/clientConfig.js';
export type { SuperOfficeClient, ToggleActivityOptions } from './client/createSuperOfficeClient.js';
export { createSuperOfficeClient } from './client/createSuperOfficeClient.js';
export { ActivityChangedElsewhereError } from './client/errors/ActivityChangedElsewhereError.js';
export { InvalidActivityIdentifierError } from './client/errors/InvalidActivityIdentifierError.js';
export type { SuperOfficeApiErrorDetails } from './client/errors/SuperOfficeApiError.js';
export { SuperOfficeApiError } from './client/errors/SuperOfficeApiError.js';
export { SuperOfficeConfigError } from './client/errors/SuperOfficeConfigError.js';
export { SuperOfficeError } from './client/errors/SuperOfficeError.js';
export type { NetworkFailureReason } from './client/errors/SuperOfficeNetworkError.js';
export { SuperOfficeNetworkError } from './client/errors/SuperOfficeNetworkError.js';
// The toggle's rules over a QueryClient.
export type { ActivityStatusQueryKey } from './core/activityStatusQueryKey.js';
export { activityStatusQueryKey } from './core/activityStatusQueryKey.js';
// The React binding.
export type { SuperOfficeProviderProps } from './react/SuperOfficeProvider.js';
export { SuperOfficeProvider } from './react/SuperOfficeProvider.js';
export type { ActivityStatusResult, KnownActivityStatus } from './react/useActivityStatus.js';
export { useActivityStatus } from './react/useActivityStatus.js';
export { useSuperOfficeClient } from './react/useSuperOfficeClient.js';
export type {
  ToggleActivityVariables,
  UseToggleActivityOptions,
  UseToggleActivityResult,
} from './react/useToggleActivity.js';
export { TOGGLE_ACTIVITY_MUTATION_KEY, useToggleActivity } from './react/useToggleActivity.js';
