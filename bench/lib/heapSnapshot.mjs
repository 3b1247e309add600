// A V8 heap snapshot over Chromium's CDP session, counted per kind of JS object, so that the
// memory row's note can say where a row's bytes are.

/** JS objects on the heap by kind (`object:FiberNode`, `closure`, `string`…): count and bytes. */
export async function heapByKind(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes, edges, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const edgeFields = snapshot.meta.edge_fields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map(
    (f) => fields.indexOf(f),
  );
  const edgeNameAt = snapshot.meta.edge_fields.indexOf('name_or_index');
  const fiberMark = strings.indexOf('memoizedProps');
  const kinds = {};
  let firstEdge = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const edgeCount = nodes[i + edgeCountAt];
    const ownEdges = [firstEdge, firstEdge + edgeCount * edgeFields];
    firstEdge = ownEdges[1];
    const type = types[nodes[i + typeAt]];
    // The DOM and the rest of Blink are not the JS heap the memory row measures.
    if (type === 'native' || type === 'hidden' || type === 'synthetic') continue;
    // The bench page is minified: React's fibers are told by their `memoizedProps` field.
    const isFiber =
      type === 'object' &&
      fiberMark >= 0 &&
      hasEdgeNamed(edges, ownEdges, edgeFields, edgeNameAt, fiberMark);
    const kind = isFiber ? 'FiberNode' : kindOf(type, strings[nodes[i + nameAt]]);
    const entry = kinds[kind] ?? { count: 0, bytes: 0 };
    kinds[kind] = entry;
    entry.count += 1;
    entry.bytes += nodes[i + sizeAt];
  }
  return kinds;
}

function hasEdgeNamed(edges, [from, to], edgeFields, nameAt, name) {
  for (let e = from; e < to; e += edgeFields) if (edges[e + nameAt] === name) return true;
  return false;
}

// Objects by constructor; strings, closures, arrays and code each as one kind.
function kindOf(type, name) {
  if (type === 'object') return name.startsWith('system /') ? 'system' : name;
  if (type.endsWith('string')) return 'string';
  return type;
}

/** `after − before`, per kind, divided by `rows`; the kinds that grew, largest first. */
export function perRow(before, after, rows) {
  return Object.entries(after)
    .map(([kind, { count, bytes }]) => ({
      kind,
      count: (count - (before[kind]?.count ?? 0)) / rows,
      bytes: (bytes - (before[kind]?.bytes ?? 0)) / rows,
    }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}
