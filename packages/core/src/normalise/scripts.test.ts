import { describe, expect, it } from 'vitest';
import { detectScript, scriptOf } from './scripts.js';
import { cleanText, truncate } from './text.js';

describe('detectScript', () => {
  it.each([
    ['Vladimir', 'latin'],
    ['Владимир', 'cyrillic'],
    ['فلاديمير', 'arabic'],
    ['ולדימיר', 'hebrew'],
    ['ዮሃንስ', 'ethiopic'],
    ['Βλαντίμιρ', 'greek'],
    ['弗拉基米尔', 'han'],
    ['블라디미르', 'hangul'],
    ['ウラジーミル', 'kana'],
    ['व्लादिमीर', 'devanagari'],
    ['Vлadimir', 'latin'],
    ['123 !?', 'common'],
    ['', 'common'],
  ])('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('classifies code points outside the table', () => {
    expect(scriptOf(0x20)).toBe('common');
    expect(scriptOf(0x1f600)).toBe('common');
    expect(scriptOf(0x10400)).toBe('other');
  });
});

describe('text hygiene', () => {
  it('cuts without splitting a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('abc', 5)).toBe('abc');
  });

  it('cleans controls, invisibles and compatibility forms', () => {
    expect(cleanText('\u0000Ａｂ\u200bc\u202e ')).toEqual({ text: 'Abc', truncated: false });
    expect(cleanText('x'.repeat(600)).truncated).toBe(true);
  });
});
