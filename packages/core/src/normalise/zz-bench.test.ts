import { it } from 'vitest';
import { normaliseName } from './names.js';
import { normaliseOrganisation } from './organisations.js';
import { normalisePhone } from './phones.js';
it('bench', () => {
  const names = ['John Smith', 'Mohammed bin Salman Al Saud', 'Vladimir Vladimirovich Putin', 'Yohannes Tesfay Gebremedhin', 'Maria Garcia Lopez', 'Nguyen Van Duc', 'Ahmed Hassan', 'Olena Kovalenko'];
  const native = ['Владимир Владимирович Путин', 'محمد بن سلمان آل سعود', 'ዮሃንስ ተስፋይ ገብረመድህን', 'Γεώργιος Παπαδόπουλος', '王小明', 'Nguyễn Văn Đức'];
  const run = (label: string, list: string[], fn: (s: string) => unknown, n = 200000) => {
    for (let i = 0; i < 20000; i++) fn(list[i % list.length] ?? '');
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(list[i % list.length] ?? '');
    const us = ((performance.now() - t0) * 1000) / n;
    console.log(`${label}: ${us.toFixed(2)} µs/call`);
  };
  run('normaliseName latin', names, normaliseName);
  run('normaliseName other scripts', native, normaliseName);
  run('normaliseOrganisation', ['Acme Trading Co., Ltd.', 'ООО «Ромашка»', 'Müller GmbH & Co. KG'], normaliseOrganisation);
  run('normalisePhone', ['+49 30 1234567', '030 1234567'], (s) => normalisePhone(s, { defaultRegion: 'DE' }), 50000);
});
it('cold', () => {
  const letters = 'abcdefghijklmnoprstuvyz';
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const word = () => Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => letters[Math.floor(rnd() * letters.length)]).join('');
  const names = Array.from({ length: 20000 }, () => `${word()} ${word()} ${word()}`);
  const t0 = performance.now();
  for (const n of names) normaliseName(n);
  console.log(`normaliseName cold (3 unseen tokens): ${(((performance.now() - t0) * 1000) / names.length).toFixed(2)} µs/call`);
});
