import { TextDecoder } from 'node:util';

/** The text encodings a table file may be read in; auto: a BOM, else UTF-8 falling back to Windows-1252. */
export type TableEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const bomOf = (b: Uint8Array): TableEncoding | undefined => {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
};

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Decode a byte stream to text chunks. A BOM decides the encoding (and is dropped); in auto mode,
 * text that is not valid UTF-8 is read as Windows-1252 from the first bad chunk on, and `onNotice`
 * says so — a file is never refused for its encoding, but the switch is reported.
 */
export async function* decodeTable(
  source: AsyncIterable<Uint8Array>,
  encoding: TableEncoding = 'auto',
  onNotice?: (message: string) => void,
): AsyncGenerator<string> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  let decoder: TextDecoder | undefined;
  let auto = false;
  let offset = 0;
  for await (const chunk of source) {
    let bytes = chunk;
    if (head !== undefined) {
      head = concat(head, chunk);
      if (head.length < 3) continue;
      bytes = head;
      head = undefined;
      const bom = bomOf(bytes);
      const chosen = bom ?? (encoding === 'auto' ? 'utf-8' : encoding);
      auto = encoding === 'auto' && bom === undefined;
      decoder = new TextDecoder(chosen, { fatal: auto });
    }
    if (decoder === undefined) continue;
    try {
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') yield text;
    } catch {
      onNotice?.(`not valid UTF-8 near byte ${offset}: read as Windows-1252 from there`);
      auto = false;
      decoder = new TextDecoder('windows-1252');
      yield decoder.decode(bytes, { stream: true });
    }
    offset += bytes.length;
  }
  if (head !== undefined && head.length > 0) {
    // A file of one or two bytes: too short for a BOM.
    yield new TextDecoder(encoding === 'auto' ? 'utf-8' : encoding).decode(head);
    return;
  }
  if (decoder === undefined) return;
  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    onNotice?.('the file ends inside a UTF-8 character');
  }
}
