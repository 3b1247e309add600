import { type ActivityStatus, isActivityStatus } from './activityStatus.js';
import { SuperOfficeApiError } from './errors/SuperOfficeApiError.js';

/**
 * Reads the status out of a 200 answer: a JSON string, or with `Accept: application/xml` a single
 * element holding the text. Anything else is an error, never a silent success: the server did
 * toggle something, so the outcome is unknown.
 */
export function parseStatusBody(text: string, contentType: string | null): ActivityStatus {
  const value = /xml/i.test(contentType ?? '') ? parseXmlString(text) : parseJsonString(text);
  if (isActivityStatus(value)) return value;
  const shown = text.trim() === '' ? 'an empty body' : `${JSON.stringify(text.slice(0, 60))}`;
  throw new SuperOfficeApiError(
    `The server answered 200 with ${shown} instead of an activity status; the toggle may or may not have been applied.`,
    { status: 200, errorType: 'UnexpectedResponse', outcomeUnknown: true },
  );
}

/**
 * Reads `Completed` out of an entity read's 200 answer (JSON, or XML with a `<Completed>`
 * element). An answer without a status is an error: nothing was changed, but nothing is known.
 */
export function parseEntityStatus(text: string, contentType: string | null): ActivityStatus {
  const value = /xml/i.test(contentType ?? '')
    ? /<Completed>\s*([^<]*?)\s*<\/Completed>/.exec(text)?.[1]
    : (parseJsonString(text) as { Completed?: unknown } | null)?.Completed;
  if (isActivityStatus(value)) return value;
  throw new SuperOfficeApiError(
    'The server answered 200 to a status read without a Completed status.',
    { status: 200, errorType: 'UnexpectedResponse', outcomeUnknown: true },
  );
}

function parseJsonString(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// No entity decoding: a text that holds an entity is not a status either way.
const XML_STRING = /^\s*(?:<\?xml[^>]*\?>\s*)?<([\w:.-]+)(?:\s[^>]*)?>([^<]*)<\/\1>\s*$/;

function parseXmlString(text: string): unknown {
  return XML_STRING.exec(text)?.[2]?.trim();
}

/** The WebAPI's error body: `{"Error": true, "ErrorType", "ErrorMessage", "ErrorSource"}`. */
export interface WebApiErrorBody {
  ErrorType: string | undefined;
  ErrorMessage: string | undefined;
  ErrorSource: string | undefined;
}

export function asWebApiErrorBody(data: unknown): WebApiErrorBody | undefined {
  const body = typeof data === 'string' ? parseJsonString(data) : data;
  if (body === null || typeof body !== 'object') return undefined;
  const { ErrorType, ErrorMessage, ErrorSource } = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (text(ErrorType) === undefined && text(ErrorMessage) === undefined) return undefined;
  return {
    ErrorType: text(ErrorType),
    ErrorMessage: text(ErrorMessage),
    ErrorSource: text(ErrorSource),
  };
}
