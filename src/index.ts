// biome-ignore-all assist/source/organizeImports: grouped by layer, the way a reader meets them.

// The WebAPI client: HTTP only, framework-neutral.
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
export { siteOf } from './client/clientConfig.js';
export type {
  ReadActivityOptions,
  SuperOfficeClient,
  ToggleActivityOptions,
} from './client/createSuperOfficeClient.js';
export { createSuperOfficeClient } from './client/createSuperOfficeClient.js';
export { ActivityChangedElsewhereError } from './client/errors/ActivityChangedElsewhereError.js';
export { InvalidActivityIdentifierError } from './client/errors/InvalidActivityIdentifierError.js';
export type { SuperOfficeApiErrorDetails } from './client/errors/SuperOfficeApiError.js';
export { SuperOfficeApiError } from './client/errors/SuperOfficeApiError.js';
export { SuperOfficeConfigError } from './client/errors/SuperOfficeConfigError.js';
export { SuperOfficeError } from './client/errors/SuperOfficeError.js';
export type { NetworkFailureReason } from './client/errors/SuperOfficeNetworkError.js';
export { SuperOfficeNetworkError } from './client/errors/SuperOfficeNetworkError.js';

// The lanes: one per activity and site on the page, mirrored into each QueryClient's cache.
export type { ActivityStatusQueryKey } from './core/activityStatusQueryKey.js';
export { activityStatusQueryKey } from './core/activityStatusQueryKey.js';

// The React binding.
export {
  SET_ACTIVITY_COMPLETED_MUTATION_KEY,
  TOGGLE_ACTIVITY_MUTATION_KEY,
} from './react/activityMutations.js';
export type { SuperOfficeProviderProps } from './react/SuperOfficeProvider.js';
export { SuperOfficeProvider } from './react/SuperOfficeProvider.js';
export type { ActivityStatusResult, KnownActivityStatus } from './react/useActivityStatus.js';
export { useActivityStatus } from './react/useActivityStatus.js';
export type {
  SetActivityCompletedVariables,
  UseSetActivityCompletedOptions,
  UseSetActivityCompletedResult,
} from './react/useSetActivityCompleted.js';
export { useSetActivityCompleted } from './react/useSetActivityCompleted.js';
export { useSuperOfficeClient } from './react/useSuperOfficeClient.js';
export type {
  ToggleActivityVariables,
  UseToggleActivityOptions,
  UseToggleActivityResult,
} from './react/useToggleActivity.js';
export { useToggleActivity } from './react/useToggleActivity.js';

// The UI.
export type {
  ActivityCheckboxPart,
  ActivityCompleteCheckboxProps,
} from './checkbox/ActivityCompleteCheckbox.js';
export { ActivityCompleteCheckbox } from './checkbox/ActivityCompleteCheckbox.js';
export type { ActivityCheckboxLabels } from './checkbox/messages.js';
export { BUILT_IN_LABELS } from './checkbox/messages.js';
