import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { EdgeType, NodeType } from './csr.js';
import { traceMoney } from './flows.js';

/**
 * Accounts A=0 B=1 C=2 D=3 E=4 F=5:
 *   e0 A→B 100 @5,  e1 B→C 50 @3 (leaves before the money arrived),  e2 B→D 80 @7,
 *   e3 E→B 30 @9 (arrives after B paid D),  e4 D→F 60 @7 (same day: allowed),  e5 A–C undirected "payment".
 */
const payments = () => {
  const b = new GraphBuilder();
  b.addNodes(6, NodeType.account);
  const pay = (s: number, t: number, amount: number, time: number) =>
    b.addEdge(s, t, EdgeType.payment, { directed: true, amount, time });
  pay(0, 1, 100, 5);
  pay(1, 2, 50, 3);
  pay(1, 3, 80, 7);
  pay(4, 1, 30, 9);
  pay(3, 5, 60, 7);
  b.addEdge(0, 2, EdgeType.payment, { amount: 999, time: 1 });
  return b.build();
};

const row = (f: ReturnType<typeof traceMoney>, node: number) => {
  const i = Array.from(f.nodes).indexOf(node);
  return i < 0 ? undefined : { hop: f.hop[i], time: f.time[i], received: f.received[i], sent: f.sent[i] };
};

describe('traceMoney', () => {
  it('forward: never follows a payment that left before the money arrived', () => {
    const f = traceMoney(payments(), 0);
    expect(Array.from(f.nodes)).toEqual([0, 1, 3, 5]);
    expect(Array.from(f.edges)).toEqual([0, 2, 4]);
    expect(row(f, 2)).toBeUndefined();
    expect(row(f, 1)).toEqual({ hop: 1, time: 5, received: 100, sent: 80 });
    expect(row(f, 5)).toEqual({ hop: 3, time: 7, received: 60, sent: 0 });
    expect(f.total).toBe(100);
  });

  it('backward: never follows a payment that arrived after the money left', () => {
    const f = traceMoney(payments(), 3, { direction: 'backward' });
    expect(Array.from(f.nodes)).toEqual([3, 1, 0]);
    expect(Array.from(f.edges)).toEqual([0, 2]);
    expect(row(f, 4)).toBeUndefined();
    expect(row(f, 1)).toEqual({ hop: 1, time: 7, received: 100, sent: 80 });
    expect(f.total).toBe(80);
    // From C, the only way in is B→C at 3, and nothing reached B before 3.
    expect(Array.from(traceMoney(payments(), 2, { direction: 'backward' }).nodes)).toEqual([2, 1]);
  });

  it('uses the earliest arrival, even when it takes more hops, within the depth limit', () => {
    // A→B @10 directly, or A→C @1, C→B @2; then B→D @5 is only reachable through C.
    const b = new GraphBuilder();
    b.addNodes(4, NodeType.account);
    b.addEdge(0, 1, EdgeType.payment, { directed: true, amount: 1, time: 10 });
    b.addEdge(0, 2, EdgeType.payment, { directed: true, amount: 1, time: 1 });
    b.addEdge(2, 1, EdgeType.payment, { directed: true, amount: 1, time: 2 });
    b.addEdge(1, 3, EdgeType.payment, { directed: true, amount: 1, time: 5 });
    const g = b.build();
    expect(Array.from(traceMoney(g, 0, { maxDepth: 2 }).nodes)).toEqual([0, 1, 2]);
    const deep = traceMoney(g, 0, { maxDepth: 3 });
    expect(Array.from(deep.nodes)).toEqual([0, 1, 2, 3]);
    expect(row(deep, 1)?.time).toBe(2);
    expect(Array.from(deep.edges)).toEqual([0, 1, 2, 3]);
  });

  it('applies the window, minimum amount, undated policy and the sharing policy', () => {
    const g = payments();
    expect(Array.from(traceMoney(g, 0, { to: 6 }).nodes)).toEqual([0, 1]);
    expect(Array.from(traceMoney(g, 0, { minAmount: 70 }).nodes)).toEqual([0, 1, 3]);
    expect(Array.from(traceMoney(g, 0, { allowedNodes: Uint8Array.from([1, 1, 1, 0, 1, 1]) }).nodes)).toEqual(
      [0, 1],
    );
    const b = new GraphBuilder();
    b.addNodes(3, NodeType.account);
    b.addEdge(0, 1, EdgeType.payment, { directed: true, amount: 5 });
    b.addEdge(1, 2, EdgeType.payment, { directed: true, amount: 5, time: 3 });
    const undated = b.build();
    expect(Array.from(traceMoney(undated, 0).nodes)).toEqual([0]);
    expect(Array.from(traceMoney(undated, 0, { undated: 'any-time' }).nodes)).toEqual([0, 1, 2]);
  });
});
