import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, userEvent, waitFor } from 'storybook/test';
import { ActivityCompleteCheckbox, SuperOfficeProvider } from '../src/index.js';
import { settled, statusOf, wrapperOf } from './support/assertions.js';
import { ConnectionSwitch } from './support/ConnectionSwitch.js';
import { type ConnectionGlobal, useSwitchConnection } from './support/connectionGlobal.js';
import { playContext } from './support/playContext.js';
import { RequestCounter } from './support/RequestCounter.js';
import { ServerStatus } from './support/ServerStatus.js';
import { useStoryWebApi } from './support/StoryWebApiContext.js';
import { fakeOfHostPage, fetchFrom, lendFakeToFrames } from './support/sharedTabsFake.js';
import { refusedWhileOffline } from './support/storyConnection.js';
import { storyWebApi } from './support/storyWebApi.js';
import { DEMO_AUTH } from './support/withSuperOffice.js';

const ID = 'appointment_id=42';
const TAB_STORY_ID = 'tabs--one-tab';

const meta = {
  title: 'Tabs',
  parameters: {
    fakeWebApi: { activities: { [ID]: 'NotStarted' } },
    docs: {
      description: {
        component:
          'One writer per activity across tabs (Web Locks), every tab showing the others’ state (BroadcastChannel), and clicks made offline waiting as queued intents until the connection is back. The Offline button here is the toolbar’s Connection switch, which takes every story offline. See the README, “Tabs, reloads and offline”.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The provider of a frame held by the Two tabs story: its requests go to the host page's fake,
 * so both frames talk to one SuperOffice. Opened on its own, it uses its own fake.
 */
function TabProvider({ children, language }: { children: ReactNode; language?: string }) {
  const { baseUrl } = useStoryWebApi();
  const [hostFake] = useState(fakeOfHostPage);
  if (!hostFake) return children;
  return (
    <SuperOfficeProvider
      baseUrl={baseUrl}
      auth={DEMO_AUTH}
      language={language}
      fetch={fetchFrom(hostFake)}
    >
      {children}
    </SuperOfficeProvider>
  );
}

/**
 * One "tab": the checkbox of one appointment. The Two tabs story shows it twice, each in its own
 * frame, with its own copy of the library, as two browser tabs would have. No play function:
 * it would run again in each frame.
 */
export const OneTab: Story = {
  tags: ['!autodocs'],
  render: (_args, { globals }) => (
    <TabProvider language={globals.language}>
      <div style={{ display: 'grid', gap: 8 }}>
        <ActivityCompleteCheckbox activityIdentifier={ID} completed={false} />
      </div>
    </TabProvider>
  ),
};

/** Where Storybook serves one story alone. */
const TAB_URL = `iframe.html?id=${TAB_STORY_ID}&viewMode=story`;

/** Storybook's preview page; under Vitest there is no Storybook server to serve the frames. */
function servedByStorybook(): boolean {
  return location.pathname.endsWith('/iframe.html');
}

function TwoTabs({ onSwitch }: { onSwitch: (connection: ConnectionGlobal) => void }) {
  const { fake } = useStoryWebApi();
  useEffect(() => lendFakeToFrames(fake), [fake]);
  const frame = {
    inlineSize: '100%',
    blockSize: 160,
    border: '1px solid #d0d7de',
    borderRadius: 8,
  };
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <ConnectionSwitch onSwitch={onSwitch} />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
        {servedByStorybook() ? (
          <>
            <iframe title="Left tab" data-testid="left-tab" src={TAB_URL} style={frame} />
            <iframe title="Right tab" data-testid="right-tab" src={TAB_URL} style={frame} />
          </>
        ) : (
          <p>Open this story in Storybook to see two tabs: its frames are Storybook pages.</p>
        )}
      </div>
      <small>
        <ServerStatus activityIdentifier={ID} />
      </small>
      <RequestCounter />
    </div>
  );
}

/** The checkbox inside a tab's frame, once the frame has loaded the story. */
async function checkboxIn(frame: HTMLIFrameElement): Promise<HTMLInputElement> {
  let found: HTMLInputElement | null = null;
  await waitFor(
    () => {
      found =
        frame.contentDocument?.querySelector<HTMLInputElement>('input[type=checkbox]') ?? null;
      expect(found).not.toBeNull();
    },
    // Each frame loads a whole Storybook preview: on a busy machine's dev server, seconds.
    { timeout: 30_000 },
  );
  return found as unknown as HTMLInputElement;
}

/**
 * Two tabs side by side: two frames of the One tab story, so they share BroadcastChannel, Web
 * Locks and localStorage as two tabs of one browser do, and one fake SuperOffice (this page's).
 * A click in one shows in the other at once, pending included, and costs one toggle. Offline
 * (here or in the toolbar), both tabs are offline, as in one browser: clicks in one show queued
 * in both, and go out once when the connection is back.
 *
 * Storybook serves the frames (`iframe.html`); under Vitest there is no Storybook server, so the
 * story says so and its play function checks nothing there (the Playwright tests cover tabs).
 */
export const TwoTabsSideBySide: Story = {
  // Each tab is a whole page (the One tab story, checked on its own): page-level rules such as
  // "one main landmark" do not apply to it as a part of this page.
  parameters: { a11y: { context: { exclude: ['iframe'] } } },
  render: () => <TwoTabs onSwitch={useSwitchConnection()} />,
  play: async (context) => {
    const { canvas, fake } = playContext(context);
    if (!servedByStorybook()) return;

    const left = await checkboxIn(canvas.getByTestId<HTMLIFrameElement>('left-tab'));
    const right = await checkboxIn(canvas.getByTestId<HTMLIFrameElement>('right-tab'));
    await expect(right).not.toBeChecked();

    const release = fake.hold();
    left.click();
    await waitFor(() => expect(right).toBeChecked(), { timeout: 1000 });
    await waitFor(() => expect(right).toHaveAttribute('data-pending'), { timeout: 1000 });
    release();
    await settled(left);
    await settled(right);
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(1);
    await expect(fake.status(ID)).toBe('Completed');

    right.click();
    await waitFor(() => expect(left).not.toBeChecked(), { timeout: 1000 });
    await settled(left);
    await settled(right);
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(2);
    await expect(fake.status(ID)).toBe('NotStarted');

    const offline = canvas.getByRole('button', { name: 'Offline' });
    await userEvent.click(offline);
    await waitFor(() => expect(onLineIn(left)).toBe(false));
    await expect(onLineIn(right)).toBe(false);
    for (let click = 1; click <= 3; click += 1) left.click();
    await waitFor(() => expect(right).toBeChecked(), { timeout: 1000 });
    await waitFor(() => expect(right).toHaveAttribute('data-queued'), { timeout: 1000 });
    await expect(left).toHaveAttribute('data-queued');
    await expect(refusedWhileOffline(fake)).toHaveLength(0);
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(2);

    await userEvent.click(offline);
    await waitFor(() => expect(onLineIn(right)).toBe(true));
    await waitFor(() => expect(left).not.toHaveAttribute('data-queued'));
    await settled(left);
    await settled(right);
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(3);
    await expect(refusedWhileOffline(fake)).toHaveLength(0);
  },
};

/** What the browser says inside the tab (frame) holding `element`. */
function onLineIn(element: Element): boolean | undefined {
  return element.ownerDocument.defaultView?.navigator.onLine;
}

function OfflineClicks({ onSwitch }: { onSwitch: (connection: ConnectionGlobal) => void }) {
  return (
    <div style={{ display: 'grid', gap: 12, maxWidth: 520 }}>
      <ConnectionSwitch onSwitch={onSwitch} />
      <ActivityCompleteCheckbox activityIdentifier={ID} completed={false} />
      <small>
        <ServerStatus activityIdentifier={ID} />
      </small>
      <RequestCounter />
    </div>
  );
}

/**
 * Offline, clicks wait: the box follows them, shows `data-queued` and says it will be saved when
 * the connection is back, and nothing is sent. Back online, the intent is read and converged:
 * three offline clicks cost one toggle.
 *
 * The Offline button is the toolbar's Connection switch (it sets the same global), here so the
 * play function can click it. A page cannot take its own network down, so offline means the
 * library sees `navigator.onLine === false` and the `offline` event, and every request to the
 * fake fails as a network error; the Playwright tests use `context.setOffline(true)` for the
 * real thing.
 */
export const OfflineClicksWait: Story = {
  render: () => <OfflineClicks onSwitch={useSwitchConnection()} />,
  play: async (context) => {
    const { canvas, text, fake } = playContext(context);
    const { baseUrl } = storyWebApi(context);
    const checkbox = canvas.getByRole('checkbox', { name: text.completed });
    const counter = canvas.getByTestId('request-counter');
    const offline = canvas.getByRole('button', { name: 'Offline' });
    await expect(offline).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(offline);
    await waitFor(() => expect(navigator.onLine).toBe(false));
    await expect(offline).toHaveAttribute('aria-pressed', 'true');
    // The fake is out of reach too: a request fails as `fetch` fails offline, and is counted.
    await expect(fetch(`${baseUrl}/v1/Appointment/42`)).rejects.toThrow(TypeError);
    await waitFor(() => expect(counter).toHaveAttribute('data-refused-offline', '1'));

    for (let click = 1; click <= 3; click += 1) await userEvent.click(checkbox);
    await expect(checkbox).toBeChecked();
    await waitFor(() => expect(checkbox).toHaveAttribute('data-queued'));
    await expect(wrapperOf(checkbox)).toHaveAttribute('data-queued');
    await expect(statusOf(checkbox)).toHaveTextContent(text.queued);
    // The library sent nothing: no request failed offline but the play function's own.
    await expect(refusedWhileOffline(fake)).toHaveLength(1);
    await expect(fake.requests).toHaveLength(0);

    await userEvent.click(offline);
    await waitFor(() => expect(navigator.onLine).toBe(true));
    await expect(offline).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(checkbox).not.toHaveAttribute('data-queued'));
    await settled(checkbox);
    await expect(checkbox).toBeChecked();
    await expect(fake.status(ID)).toBe('Completed');
    await expect(fake.toggleRequestsFor(ID)).toHaveLength(1);
    await expect(fake.readCount(ID)).toBeLessThanOrEqual(1);
    await expect(refusedWhileOffline(fake)).toHaveLength(1);
    await expect(counter).toHaveAttribute('data-requests', String(fake.requests.length));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
