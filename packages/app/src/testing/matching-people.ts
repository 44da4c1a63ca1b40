import { personLine } from './hub-fixture.js';

/** Italian police records: p1 and p3 are one person written two ways; p2 holds a passport; p4 stands alone. */
export const IT_PEOPLE: readonly string[] = [
  personLine('p1', { name: ['Mohammed Ali'], birthDate: ['1985-03-02'], nationality: ['er'] }),
  personLine('p2', { name: ['Yohannes Tesfay'], birthDate: ['1990-07-11'], passportNumber: ['ER1234567'] }),
  personLine('p3', { name: ['Muhammad Ali'], birthDate: ['1985-03-02'], nationality: ['er'] }),
  personLine('p4', { name: ['Giulia Rossi'], birthDate: ['1970-01-01'] }),
];

/** An NGO in Greece: one person like p1, one like p2 whose passport number is RED (never leaves the NGO). */
export const GR_PEOPLE: readonly string[] = [
  personLine('g1', { name: ['Mohamed Ali'], birthDate: ['1985-03-02'], nationality: ['er'] }),
  personLine(
    'g2',
    { name: ['Yonas Berhe'], passportNumber: ['ER1234567'] },
    { clew: { values: { passportNumber: { ER1234567: { tlp: 'RED' } } } } },
  ),
];
