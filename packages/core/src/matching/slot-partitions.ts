/**
 * The partition of each indexed record (its dataset, say), worked out from its id once and then kept
 * as a number per slot: a query that filters by partition asks its question once per partition, and
 * reads no id (ids of a restored index are UTF-8 bytes until read) after a slot's first query.
 */
export class SlotPartitions {
  private codes = new Uint32Array(1024);
  // Code 0 is "not worked out yet".
  private readonly names: string[] = [''];
  private readonly byName = new Map<string, number>();

  constructor(private readonly partitionOf: (id: string) => string) {}

  /** Note the partition of a slot's id (as the record is added). */
  set(slot: number, id: string): void {
    if (slot >= this.codes.length) {
      const grown = new Uint32Array(Math.max(slot + 1, this.codes.length * 2));
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[slot] = this.codeOf(this.partitionOf(id));
  }

  /**
   * A query's filter by slot: `accept` is asked once per partition; `id` reads a slot's id, for the
   * slots whose partition is not known yet.
   */
  filter(accept: (partition: string) => boolean, id: (slot: number) => string): (slot: number) => boolean {
    const verdicts: (boolean | undefined)[] = [];
    return (slot) => {
      let code = slot < this.codes.length ? (this.codes[slot] ?? 0) : 0;
      if (code === 0) {
        this.set(slot, id(slot));
        code = this.codes[slot] ?? 0;
      }
      let verdict = verdicts[code];
      if (verdict === undefined) verdict = verdicts[code] = accept(this.names[code] ?? '');
      return verdict;
    };
  }

  private codeOf(name: string): number {
    let code = this.byName.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.byName.set(name, code);
    }
    return code;
  }
}
