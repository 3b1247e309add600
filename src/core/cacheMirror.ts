import { hashKey, type Query, type QueryClient } from '@tanstack/react-query';
import { type ActivityStatus, isActivityStatus } from '../client/activityStatus.js';
import type { ActivityLane } from './ActivityLane.js';

interface Mirrored {
  lane: ActivityLane;
  queryKey: readonly unknown[];
  views: number;
  /** What this mirror last wrote: anything else in the entry was written by the partner. */
  written: ActivityStatus | undefined;
  stopFollowing: () => void;
}

/**
 * Mirrors the lanes shown under one QueryClient into its cache (`activityStatusQueryKey`), so
 * partners can read them with react-query, and takes their writes there as reports (rule 8)
 * and a cleared entry as a logout (rule 11). One cache subscription per QueryClient.
 */
class CacheMirror {
  readonly #queryClient: QueryClient;
  readonly #mirrored = new Map<string, Mirrored>();

  constructor(queryClient: QueryClient) {
    this.#queryClient = queryClient;
    queryClient.getQueryCache().subscribe((event) => this.#onCacheEvent(event.type, event.query));
  }

  /** Mirrors the lane while a view under this QueryClient shows it. */
  attach(lane: ActivityLane, queryKey: readonly unknown[]): () => void {
    const hash = hashKey(queryKey);
    let entry = this.#mirrored.get(hash);
    if (!entry) {
      const created: Mirrored = {
        lane,
        queryKey,
        views: 0,
        written: undefined,
        stopFollowing: lane.subscribe(() => this.#write(created)),
      };
      entry = created;
      this.#mirrored.set(hash, entry);
      this.#write(entry);
    }
    entry.views += 1;
    const attached = entry;
    return () => {
      attached.views -= 1;
      if (attached.views > 0) return;
      this.#mirrored.delete(hash);
      attached.stopFollowing();
      const query = this.#queryClient.getQueryCache().get(hash);
      // A partner's own useQuery on the entry keeps it; otherwise it goes with the last view.
      if (query && query.getObserversCount() === 0) {
        this.#queryClient.getQueryCache().remove(query);
      }
    };
  }

  #write(entry: Mirrored): void {
    const { status } = entry.lane.state;
    if (status === undefined || status === entry.written) return;
    entry.written = status;
    // Kept until the last view goes, not garbage-collected behind the views' backs.
    this.#queryClient.getQueryCache().build(this.#queryClient, {
      queryKey: entry.queryKey,
      gcTime: Number.POSITIVE_INFINITY,
    });
    this.#queryClient.setQueryData(entry.queryKey, status);
  }

  #onCacheEvent(type: string, query: Query): void {
    const entry = this.#mirrored.get(query.queryHash);
    if (!entry) return; // an entry whose last view went is removed unmirrored
    if (type === 'removed') {
      entry.written = undefined;
      entry.lane.leave(this);
      entry.lane.forget(); // rule 11
    } else if (type === 'updated') {
      const data: unknown = query.state.data;
      if (data === entry.written) return;
      entry.written = undefined;
      if (data === undefined)
        entry.lane.forget(); // rule 11
      else if (isActivityStatus(data)) entry.lane.report(this, data, false); // rule 8
    }
  }
}

const mirrors = new WeakMap<QueryClient, CacheMirror>();

/** The mirror of one QueryClient, made when its first view subscribes. */
export function cacheMirror(queryClient: QueryClient): CacheMirror {
  let mirror = mirrors.get(queryClient);
  if (!mirror) {
    mirror = new CacheMirror(queryClient);
    mirrors.set(queryClient, mirror);
  }
  return mirror;
}
