import type { Decorator } from '@storybook/react-vite';
import { QueryClientProvider } from '@tanstack/react-query';
import styles from '../../src/checkbox/styles.css?inline';
import type { SuperOfficeAuth } from '../../src/index.js';
import { SuperOfficeProvider } from '../../src/index.js';
import { StoryWebApiContext } from './StoryWebApiContext.js';
import { storyWebApi } from './storyWebApi.js';

/** What the fake WebAPI accepts (FAKE_CREDENTIALS.bearerTokens). */
export const DEMO_AUTH: SuperOfficeAuth = { scheme: 'Bearer', token: 'fake-bearer-token' };

/**
 * Every story renders inside a fresh QueryClient and a SuperOfficeProvider pointed at the
 * story's own fake WebAPI, in the toolbar's language, with the optional stylesheet unless the
 * toolbar turns it off.
 */
export const withSuperOffice: Decorator = (Story, context) => {
  const web = storyWebApi(context);
  return (
    <QueryClientProvider client={web.queryClient}>
      <SuperOfficeProvider
        baseUrl={web.baseUrl}
        auth={DEMO_AUTH}
        language={context.globals.language}
      >
        <StoryWebApiContext.Provider value={web}>
          {context.globals.stylesheet === 'off' ? null : <style>{styles}</style>}
          <Story />
        </StoryWebApiContext.Provider>
      </SuperOfficeProvider>
    </QueryClientProvider>
  );
};
