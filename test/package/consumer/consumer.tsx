// A partner's code against the packed declarations, checked by `tsc` under the strictest settings
// a consumer may use. Every `@ts-expect-error` fails the check if the types went loose (`any`).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRef } from 'react';
import {
  type ActivityCheckboxLabels,
  ActivityCompleteCheckbox,
  type ActivityIdentifier,
  type ActivityStatus,
  activityIdentifier,
  activityStatusQueryKey,
  BUILT_IN_LABELS,
  createSuperOfficeClient,
  isCompleted,
  parseActivityIdentifier,
  SuperOfficeApiError,
  type SuperOfficeAuth,
  type SuperOfficeClientConfig,
  SuperOfficeError,
  SuperOfficeNetworkError,
  SuperOfficeProvider,
  useActivityStatus,
  useSuperOfficeClient,
  useToggleActivity,
} from 'superoffice-activity-react';
import {
  createFakeFetch,
  FAKE_CREDENTIALS,
  FakeWebApi,
  type RecordedRequest,
} from 'superoffice-activity-react/testing';
import { createFakeWebApiHandlers } from 'superoffice-activity-react/testing/msw';
import { startFakeWebApiServer } from 'superoffice-activity-react/testing/node';

/** An archive row as a dashboard gets it: `completed` may be missing. */
interface ArchiveRow {
  appointmentId: number;
  title: string;
  completed?: boolean;
}

const auth: SuperOfficeAuth = { scheme: 'Bearer', token: () => Promise.resolve('token') };
const language: string | undefined = navigator.language.split('-')[0];
const config: SuperOfficeClientConfig = {
  baseUrl: 'https://online.superoffice.com/Cust12345/api',
  auth,
  language,
  onUnauthorized: (error) => (error.status === 401 ? auth : undefined),
};

// @ts-expect-error an auth scheme SuperOffice does not have
const wrongAuth: SuperOfficeAuth = { scheme: 'OAuth', token: 'x' };

export async function toggleFromAServer(): Promise<boolean> {
  const client = createSuperOfficeClient(config);
  try {
    const status: ActivityStatus = await client.toggleActivity(activityIdentifier('sale', 7));
    return isCompleted(status);
  } catch (error) {
    if (error instanceof SuperOfficeApiError) return error.status === 412 && !error.outcomeUnknown;
    if (error instanceof SuperOfficeNetworkError) return error.reason.length > 0;
    if (error instanceof SuperOfficeError) return error.outcomeUnknown;
    throw error;
  }
}

function Row({ row }: { row: ArchiveRow }) {
  const id: ActivityIdentifier = activityIdentifier('appointment', row.appointmentId);
  const input = useRef<HTMLInputElement>(null);
  const { completed, isPending, error, status } = useActivityStatus(id, {
    completed: row.completed,
  });
  const labels: Partial<ActivityCheckboxLabels> = { completed: `${row.title} done` };
  return (
    <li aria-busy={isPending} title={error?.message ?? status}>
      <ActivityCompleteCheckbox
        ref={input}
        activityIdentifier={id}
        completed={row.completed}
        labels={labels}
        className={completed ? 'done' : undefined}
        onCompletedChange={(done, confirmed) =>
          console.log(done, confirmed satisfies ActivityStatus)
        }
        onError={(failure) => console.log(failure.outcomeUnknown)}
      />
      {/* @ts-expect-error activityIdentifier is required */}
      <ActivityCompleteCheckbox completed />
      {/* @ts-expect-error not an ActivityStatus */}
      <ActivityCompleteCheckbox activityIdentifier={id} status="Done" />
    </li>
  );
}

function DoneButton({ id }: { id: string }) {
  const client = useSuperOfficeClient();
  const toggle = useToggleActivity({ onError: (error) => console.log(error.outcomeUnknown) });
  const kind = parseActivityIdentifier(id).kind;
  return (
    <button
      type="button"
      onClick={() => toggle.mutate({ activityIdentifier: id, select: undefined })}
      onDoubleClick={() => void client.toggleActivity(id, { signal: AbortSignal.timeout(1000) })}
    >
      {kind} {toggle.data satisfies ActivityStatus | undefined}
    </button>
  );
}

export function Dashboard({ rows }: { rows: ArchiveRow[] }) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(
    activityStatusQueryKey('sale_id=7', config.baseUrl),
    'Completed' satisfies ActivityStatus,
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SuperOfficeProvider {...config} culture={undefined} timeZone="UTC">
        <ul>
          {rows.map((row) => (
            <Row key={row.appointmentId} row={row} />
          ))}
        </ul>
        <DoneButton id="sale_id=7" />
        <p>{BUILT_IN_LABELS.nb?.completed}</p>
      </SuperOfficeProvider>
    </QueryClientProvider>
  );
}

export async function aTest(): Promise<RecordedRequest[]> {
  const fake = new FakeWebApi({ activities: { 'appointment_id=1': 'NotStarted' } });
  const server = await startFakeWebApiServer(fake);
  const client = createSuperOfficeClient({
    baseUrl: server.url,
    auth: { scheme: 'SoTicket', ticket: FAKE_CREDENTIALS.tickets[0] ?? '' },
  });
  await client.toggleActivity('appointment_id=1');
  await server.close();
  const status: ActivityStatus | undefined = fake.status('appointment_id=1');
  console.log(status, wrongAuth);
  return fake.requestsFor('appointment_id=1');
}

export function inProcessFakes() {
  const fake = new FakeWebApi();
  const handlers = createFakeWebApiHandlers(fake, { baseUrl: '/api' });
  const client = createSuperOfficeClient({
    baseUrl: 'https://fake.superoffice.test/api',
    auth: { scheme: 'Bearer', token: FAKE_CREDENTIALS.bearerTokens[0] ?? '' },
    fetch: createFakeFetch(fake),
  });
  return { handlers, client };
}
