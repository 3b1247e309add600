import { createContext, useContext } from 'react';
import type { FakeWebApi } from '../../src/testing/index.js';
import type { StoryWebApi } from './storyWebApi.js';

export const StoryWebApiContext = createContext<StoryWebApi | null>(null);

/** The story's fake WebAPI, its base URL and QueryClient, for components drawn in a story. */
export function useStoryWebApi(): StoryWebApi {
  const web = useContext(StoryWebApiContext);
  if (!web) throw new Error('useStoryWebApi needs the withSuperOffice decorator.');
  return web;
}

/** The story's fake WebAPI. */
export function useStoryFake(): FakeWebApi {
  return useStoryWebApi().fake;
}
