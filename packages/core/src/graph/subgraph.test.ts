import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { connectedComponents } from './components.js';
import { EdgeType, NodeType, recordOf } from './csr.js';
import { inducedSubgraph } from './subgraph.js';

describe('inducedSubgraph', () => {
  it('keeps what the reader may see, with maps back to the original ids and records', () => {
    // 0 – 1 – 2 – 3, the middle node hidden: the reader sees two pieces, not one.
    const b = new GraphBuilder();
    b.addNodes(4, NodeType.person);
    b.addEdge(0, 1, EdgeType.associate, { record: 10 });
    b.addEdge(1, 2, EdgeType.associate, { record: 11 });
    b.addEdge(2, 3, EdgeType.family, { record: 12, time: 5 });
    const g = b.build();
    const sub = inducedSubgraph(g, { allowedNodes: Uint8Array.from([1, 1, 0, 1]) });
    expect(Array.from(sub.originalNode)).toEqual([0, 1, 3]);
    expect(Array.from(sub.nodeIndex)).toEqual([0, 1, -1, 2]);
    expect(Array.from(sub.originalEdge)).toEqual([0]);
    expect(recordOf(sub.graph, 0)).toBe(10);
    expect(connectedComponents(sub.graph).count).toBe(2);
    const family = inducedSubgraph(g, { edgeTypes: [EdgeType.family] });
    expect(family.graph.nodeCount).toBe(4);
    expect(Array.from(family.originalEdge)).toEqual([2]);
    expect(family.graph.edgeTime?.[0]).toBe(5);
  });
});
