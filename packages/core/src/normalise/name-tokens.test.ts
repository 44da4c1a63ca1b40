import { describe, expect, it } from 'vitest';
import { foldToken } from './name-fold.js';
import { canonicalPatronymic, classifyTokens, mergeCompounds, splitTokens } from './name-tokens.js';

const notArabic = (): boolean => false;
const classify = (text: string) =>
  classifyTokens(mergeCompounds(splitTokens(text).map(foldToken)), notArabic);

describe('splitTokens', () => {
  it('splits on spaces, hyphens and punctuation; joins apostrophes except elisions', () => {
    expect(splitTokens("jean-marie o'brien, d'souza sa'id l'aquila x9y")).toEqual([
      'jean',
      'marie',
      'obrien',
      'souza',
      'said',
      'aquila',
      'x',
      'y',
    ]);
    expect(splitTokens('')).toEqual([]);
  });
});

describe('mergeCompounds', () => {
  it('joins Abd, Abu, Umm and Mc with the next token, across an article', () => {
    expect(mergeCompounds(['abd', 'al', 'rahman'])).toEqual(['abdulrahman']);
    expect(mergeCompounds(['abdel', 'aziz'])).toEqual(['abdulaziz']);
    expect(mergeCompounds(['abu', 'bakr'])).toEqual(['abubakr']);
    expect(mergeCompounds(['um', 'kultum'])).toEqual(['umkultum']);
    expect(mergeCompounds(['mk', 'donald'])).toEqual(['mkdonald']);
    expect(mergeCompounds(['salah', 'ad', 'din'])).toEqual(['salahudin']);
    expect(mergeCompounds(['karim', 'abdul'])).toEqual(['karim', 'abdul']);
  });
});

describe('classifyTokens', () => {
  it('drops honorifics and particles when a name is left', () => {
    expect(classify('dr haji ali al hasan').names).toEqual(['ali', 'hasan']);
    expect(classify('ludwig van beethoven').names).toEqual(['ludvig', 'bitoven']);
    expect(classify('sheikh').names).toEqual(['shai']);
  });

  it('drops the head of an unfinished compound', () => {
    expect(classify('karim abdul').names).toEqual(['karim']);
  });

  it('drops sun-letter articles only before their letter', () => {
    expect(classify('harun ar rashid').names).toEqual(['harun', 'rashid']);
    expect(classify('ar harun').names).toEqual(['ar', 'harun']);
  });

  it('keeps Vietnamese names that look like particles', () => {
    expect(classify('le van thanh').names).toEqual(['le', 'van', 'tanh']);
    expect(classify('jean le blanc').names).toEqual(['yean', 'blank']);
  });

  it('sets patronymics apart and sorts initials out', () => {
    expect(classify('vladimir v vladimirovich putin')).toEqual({
      names: ['vladimir', 'putin'],
      initials: ['v'],
      patronymics: ['vladimirovich'],
    });
    expect(classify('olga ivanovna').patronymics).toEqual([]);
    expect(canonicalPatronymic('vladimirovitj')).toBe('vladimirovich');
  });

  it('keeps initials as the name when nothing else is there', () => {
    expect(classify('a b').names).toEqual(['a', 'b']);
  });
});
