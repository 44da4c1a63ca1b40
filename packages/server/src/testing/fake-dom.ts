/** Just enough of a DOM element for the hub page's script, so its drawing can be checked without a browser. */
export class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attributes: Record<string, string> = {};
  readonly style: Record<string, string> = {};
  /** What a user typed (inputs), and the properties the page script sets directly. */
  value = '';
  hidden = false;
  disabled = false;
  focused = false;
  private ownText = '';
  private readonly listeners: Record<string, ((event: { preventDefault: () => void }) => void)[]> = {};
  readonly classList = {
    add: (c: string): void => {
      this.attributes.class = `${this.attributes.class ?? ''} ${c}`.trim();
    },
    remove: (c: string): void => {
      this.attributes.class = (this.attributes.class ?? '')
        .split(' ')
        .filter((x) => x !== c && x !== '')
        .join(' ');
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
  removeAttribute(k: string): void {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a record used as a map of attributes
    delete this.attributes[k];
  }
  addEventListener(type: string, listener: (event: { preventDefault: () => void }) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  /** Fire an event as a user would (a click, a form's submit). */
  dispatch(type: string): void {
    for (const l of this.listeners[type] ?? []) l({ preventDefault: () => undefined });
  }
  focus(): void {
    this.focused = true;
  }
  appendChild(c: FakeNode): FakeNode {
    this.children.push(c);
    return c;
  }
  replaceChildren(...c: FakeNode[]): void {
    this.children.splice(0, this.children.length, ...c);
  }
  /** The first descendant with this attribute value (e.g. an input by its name). */
  find(attribute: string, value: string): FakeNode | undefined {
    for (const c of this.children) {
      if (c.attributes[attribute] === value) return c;
      const deeper = c.find(attribute, value);
      if (deeper) return deeper;
    }
    return undefined;
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
