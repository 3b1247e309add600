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
    `The server answered 200 with ${shown} instead of an activity status; the toggle's outcome is unknown.`,
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

const XML_STRING = /^\s*(?:<\?xml[^>]*\?>\s*)?<([\w:.-]+)(?:\s[^>]*)?>([^<]*)<\/\1>\s*$/;

function parseXmlString(text: string): unknown {
  const match = XML_STRING.exec(text);
  return match ? decodeXmlText(match[2] ?? '').trim() : undefined;
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The WebAPI's error body: `{"Error": true, "ErrorType", "ErrorMessage", "ErrorSource"}`. */
export interface WebApiErrorBody {
  ErrorType?: string;
  ErrorMessage?: string;
  ErrorSource?: string;
}

export function asWebApiErrorBody(data: unknown): WebApiErrorBody | undefined {
  if (typeof data === 'string') data = parseJsonString(data);
  if (data === null || typeof data !== 'object') return undefined;
  const body = data as Record<string, unknown>;
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  const parsed: WebApiErrorBody = {};
  const type = text('ErrorType');
  const message = text('ErrorMessage');
  const source = text('ErrorSource');
  if (type !== undefined) parsed.ErrorType = type;
  if (message !== undefined) parsed.ErrorMessage = message;
  if (source !== undefined) parsed.ErrorSource = source;
  return message === undefined && type === undefined ? undefined : parsed;
}
