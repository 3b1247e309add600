import type { ReactNode } from 'react';
import { SuperOfficeProvider } from '../../src/index.js';
import { useStoryWebApi } from './StoryWebApiContext.js';
import { DEMO_AUTH } from './withSuperOffice.js';

/**
 * The story's provider again, with a short request `timeout`: an unknown outcome is settled
 * only once the lost toggle can no longer land (its send time plus the timeout), and the default
 * 10 s is long for a story.
 *
 * @example
 * render: (args, { globals }) => (
 *   <WithRequestTimeout ms={1000} language={globals.language}><ActivityCompleteCheckbox {...args} /></WithRequestTimeout>
 * )
 */
export function WithRequestTimeout({
  ms,
  language,
  children,
}: {
  ms: number;
  language?: string | undefined;
  children: ReactNode;
}) {
  const { baseUrl } = useStoryWebApi();
  return (
    <SuperOfficeProvider baseUrl={baseUrl} auth={DEMO_AUTH} language={language} timeout={ms}>
      {children}
    </SuperOfficeProvider>
  );
}
