import type { ActivityKind } from '../client/activityIdentifier.js';
import type { ActivityStatus } from '../client/activityStatus.js';

/**
 * What the fake decided to answer, kept as text so it can be recorded synchronously and turned
 * into a `Response` only at the end.
 *
 * @example
 * const answer: FakeAnswer = { status: 200, body: '"Completed"', contentType: 'application/json' };
 */
export interface FakeAnswer {
  status: number;
  body: string;
  contentType: string;
  /** Further response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';
// How the WebAPI's DataContractSerializer writes a bare string.
const XML_STRING_NAMESPACE = 'http://schemas.microsoft.com/2003/10/Serialization/';
// How it writes an entity: its data-contract namespace, and `i:nil` for a null field.
const XML_ENTITY_NAMESPACE = 'http://schemas.datacontract.org/2004/07/SuperOffice.CRM.Services';
const XML_INSTANCE_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
// Each kind's entity name, id field and title field, as the WebAPI names them.
const ENTITIES: Record<ActivityKind, { name: string; idField: string; titleField: string }> = {
  appointment: { name: 'AppointmentEntity', idField: 'AppointmentId', titleField: 'Description' },
  sale: { name: 'SaleEntity', idField: 'SaleId', titleField: 'Heading' },
  document: { name: 'DocumentEntity', idField: 'DocumentId', titleField: 'Header' },
};
// Statuses a Fetch `Response` refuses a body for.
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * An error in the shape SuperOffice uses for every failed call.
 *
 * @example
 * superOfficeError(400, 'ArgumentException', 'ActivityIdentifier is required');
 * // body: {"Error":true,"ErrorType":"ArgumentException","ErrorMessage":"…","ErrorSource":"SuperOffice.WebApi"}
 */
export function superOfficeError(
  status: number,
  errorType: string,
  message: string,
  source = 'SuperOffice.WebApi',
): FakeAnswer {
  const body = { Error: true, ErrorType: errorType, ErrorMessage: message, ErrorSource: source };
  return { status, body: JSON.stringify(body), contentType: JSON_TYPE };
}

/**
 * The 200 answer of `ToggleActivity`, as JSON unless the `Accept` header prefers XML.
 *
 * @example
 * activityStatusAnswer('Completed', 'application/json').body; // '"Completed"'
 * activityStatusAnswer('Completed', 'text/xml').body; // '<string xmlns="…">Completed</string>'
 */
export function activityStatusAnswer(status: ActivityStatus, accept: string | null): FakeAnswer {
  if (prefersXml(accept)) {
    const body = `<string xmlns="${XML_STRING_NAMESPACE}">${status}</string>`;
    return { status: 200, body, contentType: XML_TYPE };
  }
  return { status: 200, body: JSON.stringify(status), contentType: JSON_TYPE };
}

/**
 * The 200 answer of `GET /v1/Appointment/{id}` (or `Sale`, `Document`): a few of the entity's
 * fields and its `Completed` status. Fields missing from a `$select` list (names compared
 * case-insensitively) are `null`, as the WebAPI documents; XML when `Accept` prefers it.
 *
 * @example
 * activityEntityAnswer({ kind: 'sale', id: 7, status: 'Started' }, { select: ['completed'] }).body;
 * // '{"SaleId":null,"Heading":null,"Completed":"Started"}'
 */
export function activityEntityAnswer(
  entity: { kind: ActivityKind; id: number; status: ActivityStatus },
  request: { select?: readonly string[] | undefined; accept?: string | null } = {},
): FakeAnswer {
  const { name, idField, titleField } = ENTITIES[entity.kind];
  const full: Record<string, string | number> = {
    [idField]: entity.id,
    [titleField]: `Fake ${entity.kind} ${entity.id}`,
    Completed: entity.status,
  };
  const selected = request.select?.map((field) => field.toLowerCase());
  const fields = Object.entries(full).map(
    ([field, value]) =>
      [
        field,
        selected === undefined || selected.includes(field.toLowerCase()) ? value : null,
      ] as const,
  );
  if (prefersXml(request.accept ?? null)) {
    const elements = fields.map(([field, value]) =>
      value === null
        ? `<${field} i:nil="true"/>`
        : `<${field}>${escapeXml(String(value))}</${field}>`,
    );
    const body = `<${name} xmlns:i="${XML_INSTANCE_NAMESPACE}" xmlns="${XML_ENTITY_NAMESPACE}">${elements.join('')}</${name}>`;
    return { status: 200, body, contentType: XML_TYPE };
  }
  return { status: 200, body: JSON.stringify(Object.fromEntries(fields)), contentType: JSON_TYPE };
}

/**
 * Turns an answer into the Fetch `Response` both adapters send on.
 *
 * @example
 * const response = toResponse(activityStatusAnswer('Completed', null));
 * await response.json(); // 'Completed'
 */
export function toResponse(answer: FakeAnswer): Response {
  const body = NULL_BODY_STATUSES.has(answer.status) ? null : answer.body;
  return new Response(body, {
    status: answer.status,
    headers: {
      ...answer.headers,
      ...(body === null ? {} : { 'Content-Type': answer.contentType }),
    },
  });
}

/**
 * Whether the request body's media type is one the fake parses (JSON; the real server also takes
 * XML and forms, which no client of this library sends).
 *
 * @example
 * isJsonContentType('application/json; charset=utf-8'); // true
 * isJsonContentType('text/plain'); // false
 */
export function isJsonContentType(contentType: string | null): boolean {
  const mediaType = mediaTypeOf(contentType ?? '');
  return mediaType === 'application/json' || mediaType === 'text/json';
}

// The highest-q JSON or XML range wins, earlier ranges break ties; anything else falls back to
// JSON, as ASP.NET does when no formatter matches.
function prefersXml(accept: string | null): boolean {
  let best: { xml: boolean; q: number } | undefined;
  for (const range of (accept ?? '').split(',')) {
    const mediaType = mediaTypeOf(range);
    const xml = mediaType === 'application/xml' || mediaType === 'text/xml';
    const json =
      mediaType === 'application/json' || mediaType === 'text/json' || mediaType === '*/*';
    if (!xml && !json) continue;
    const q = qualityOf(range);
    if (q > 0 && (best === undefined || q > best.q)) best = { xml, q };
  }
  return best?.xml ?? false;
}

function mediaTypeOf(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function qualityOf(range: string): number {
  const match = /;\s*q=([0-9.]+)/i.exec(range);
  const q = match?.[1] === undefined ? 1 : Number(match[1]);
  return Number.isFinite(q) ? q : 1;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
