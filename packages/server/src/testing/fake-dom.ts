/** Just enough of a DOM element for the hub page's script, so its drawing can be checked without a browser. */
export class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attributes: Record<string, string> = {};
  readonly style: Record<string, string> = {};
  private ownText = '';
  readonly classList = {
    add: (c: string): void => {
      this.attributes.class = `${this.attributes.class ?? ''} ${c}`.trim();
    },
  };
  constructor(readonly tag: string) {}
  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.ownText = text;
    this.children.length = 0;
  }
  setAttribute(k: string, v: string): void {
    this.attributes[k] = v;
  }
  appendChild(c: FakeNode): FakeNode {
    this.children.push(c);
    return c;
  }
  replaceChildren(...c: FakeNode[]): void {
    this.children.splice(0, this.children.length, ...c);
  }
  /** Every descendant with this tag, in document order. */
  all(tag: string): FakeNode[] {
    return this.children.flatMap((c) => [...(c.tag === tag ? [c] : []), ...c.all(tag)]);
  }
}

/** A text node. */
export const textNode = (text: string): FakeNode => {
  const n = new FakeNode('#text');
  n.textContent = text;
  return n;
};

/** A document whose getElementById answers from `ids`. */
export const fakeDocument = (
  ids: Record<string, FakeNode>,
): {
  createElement: (tag: string) => FakeNode;
  createTextNode: (text: string) => FakeNode;
  getElementById: (id: string) => FakeNode | undefined;
} => ({
  createElement: (tag: string) => new FakeNode(tag),
  createTextNode: textNode,
  getElementById: (id: string) => ids[id],
});
