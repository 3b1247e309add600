import { SuperOfficeError } from './SuperOfficeError.js';

/** Thrown when the client or provider is configured in a way that cannot work or is unsafe. */
export class SuperOfficeConfigError extends SuperOfficeError {
  override name = 'SuperOfficeConfigError';
}
