import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const GIVEN = [
  'Mohammed',
  'Yohannes',
  'Amina',
  'Thi Lan',
  'Ivan',
  'Fatima',
  'Ahmed',
  'Tesfaye',
  'Olga',
  'Ali',
  'Blessing',
  'Arben',
];
const FAMILY = [
  'Haile',
  'Nguyen',
  'Petrov',
  'Hassan',
  'Okafor',
  'Berhane',
  'Ibrahim',
  'Hoxha',
  'Diallo',
  'Tran',
  'Kovac',
  'Osman',
];
const COUNTRIES = ['er', 'et', 'ng', 'sy', 'iq', 'vn', 'al', 'sd', 'ly', 'af'];

/**
 * Write `n` Person entities as FtM JSON lines, six properties each (name, firstName, lastName,
 * birthDate, nationality, phone) — deterministic, so every run of a benchmark reads the same file.
 */
export const writeSyntheticPeople = async (file: string, n: number): Promise<void> => {
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const g = GIVEN[i % GIVEN.length] ?? '';
    const f = FAMILY[(i * 7 + Math.floor(i / 12)) % FAMILY.length] ?? '';
    const line = JSON.stringify({
      id: `p${i}`,
      schema: 'Person',
      properties: {
        name: [`${g} ${f}`],
        firstName: [g],
        lastName: [f],
        birthDate: [
          `${1950 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        ],
        nationality: [COUNTRIES[i % COUNTRIES.length] ?? 'er'],
        phone: [`+39 3${String(i).padStart(9, '0')}`],
      },
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
};
