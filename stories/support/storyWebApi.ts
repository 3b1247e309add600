import type { StoryContext } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import type { FakeFault } from '../../src/testing/index.js';
import { FakeWebApi, type FakeWebApiOptions } from '../../src/testing/index.js';
import { applyConnectionGlobal, startConnection } from './connectionGlobal.js';
import { mountFakeWebApi } from './fakeWebApiWorker.js';

/**
 * What a story needs from the outside world: its own fake SuperOffice (seeded from
 * `parameters.fakeWebApi`), the base URL the fake answers on, and a fresh QueryClient.
 */
export interface StoryWebApi {
  fake: FakeWebApi;
  baseUrl: string;
  queryClient: QueryClient;
}

/**
 * `parameters.fakeWebApi`: the fake's seeds, and faults queued before the story renders (so a
 * click on the docs page fails too, not only the play function's). `latencyMs` and
 * `failureRate`, when given, beat the toolbar.
 *
 * @example
 * parameters: { fakeWebApi: { activities: { 'sale_id=7': 'Started' }, faults: [{ fault: { status: 500 } }] } }
 */
export interface FakeWebApiParameters extends FakeWebApiOptions {
  faults?: ({ fault: FakeFault } & FakeFaultTarget)[];
}

/** Which requests a fault is for (toggles by default, or reads) and how many times. */
type FakeFaultTarget = NonNullable<Parameters<FakeWebApi['inject']>[1]>;

const LOADED_KEY = 'storyWebApi';

// Storybook renders a story again, in place, when a global or an arg changes (e.g. the toolbar
// goes offline): the story keeps its fake and QueryClient, or a click queued offline would meet a
// new server. A remount or another story brings a new abort signal, and a new fake.
const byRender = new WeakMap<AbortSignal, StoryWebApi>();

/**
 * Storybook loader: a new fake WebAPI and QueryClient for every story mounted, kept while it
 * renders again. The fake starts with no latency and no random failures unless the story pins
 * them, and a story with a play function starts online, so play functions are deterministic;
 * {@link applyToolbar} applies the toolbar afterwards.
 *
 * @example
 * const preview: Preview = { loaders: [loadStoryWebApi] };
 */
export async function loadStoryWebApi(context: StoryContext): Promise<Record<string, unknown>> {
  const kept = byRender.get(context.abortSignal);
  if (kept) return { [LOADED_KEY]: kept };
  const { faults = [], ...options }: FakeWebApiParameters = context.parameters.fakeWebApi ?? {};
  const fake = new FakeWebApi(options);
  for (const { fault, ...target } of faults) fake.inject(fault, target);
  // Like SuperOffice Online's https://online.superoffice.com/Cust12345/api: a tenant per story.
  const baseUrl = `https://demo.superoffice.test/${context.id}/api`;
  await mountFakeWebApi(fake, baseUrl);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const storyWebApi: StoryWebApi = { fake, baseUrl, queryClient };
  byRender.set(context.abortSignal, storyWebApi);
  startConnection(context.globals, context.viewMode === 'story' && !!context.playFunction);
  return { [LOADED_KEY]: storyWebApi };
}

/**
 * Storybook beforeEach: when the story goes away, its held requests are released. Its fake
 * keeps answering its own base URL: a read-back the library finishes after the story is gone
 * must find the fake, not the network.
 */
export function cleanUpStoryWebApi(context: StoryContext): () => void {
  const web = context.loaded[LOADED_KEY] as StoryWebApi | undefined;
  return () => {
    web?.fake.reset();
    web?.queryClient.clear();
  };
}

/**
 * The story's fake WebAPI, for play functions and render functions.
 *
 * @example
 * play: async (context) => {
 *   const { fake } = storyWebApi(context);
 *   await waitFor(() => expect(fake.status('appointment_id=42')).toBe('Completed'));
 * }
 */
export function storyWebApi(context: Pick<StoryContext, 'loaded'>): StoryWebApi {
  const web = context.loaded[LOADED_KEY] as StoryWebApi | undefined;
  if (!web) throw new Error('No fake WebAPI: is loadStoryWebApi in .storybook/preview loaders?');
  return web;
}

/**
 * Storybook afterEach (after every render): once the play function is done, the fake takes the
 * toolbar's latency and failure rate (unless the story pins its own), and the page the toolbar's
 * connection, for the clicks of the person exploring.
 */
export function applyToolbar(context: Pick<StoryContext, 'globals' | 'parameters' | 'loaded'>) {
  const { fake } = storyWebApi(context);
  const pinned: FakeWebApiParameters = context.parameters.fakeWebApi ?? {};
  fake.setLatency(pinned.latencyMs ?? Number(context.globals.latency ?? 0));
  fake.setFailureRate(pinned.failureRate ?? Number(context.globals.failureRate ?? 0));
  applyConnectionGlobal();
}
