import { createContext, useContext } from 'react';
import type { FakeWebApi } from '../../src/testing/index.js';
import type { StoryWebApi } from './storyWebApi.js';

export const StoryWebApiContext = createContext<StoryWebApi | null>(null);

/** The story's fake WebAPI, for components drawn inside a story. */
export function useStoryFake(): FakeWebApi {
  const web = useContext(StoryWebApiContext);
  if (!web) throw new Error('useStoryFake needs the withSuperOffice decorator.');
  return web.fake;
}
