import { formatPhone, renderName } from '../noise/noise.js';
import { addDays } from '../world/dates.js';
import type { WMember, WMigrant } from '../world/types.js';
import { ag, bankRecord, mark, personRecord, userAccountRecord, type ObserveCtx } from './common.js';
import { roleLabel } from './labels.js';

/** The FIU: suspicious transactions into flagged collector accounts, money transfers, hawala settlements. */
export const observeFiu = (o: ObserveCtx): void => {
  const a = ag('fiu');
  const { rng, em, nz, group: g } = o;
  const flagged = new Set(g.collectors.filter(() => rng.chance(0.8)).map((c) => c.id));
  for (const pay of g.payments) {
    const visible = pay.beneficiaryAccount
      ? flagged.has(pay.beneficiaryAccount.id)
      : pay.channel === 'MTO' && rng.chance(0.5);
    if (!visible || !rng.chance(0.9)) continue;
    const payer = personRecord(o, a, pay.payer, {
      date: pay.date,
      role: 'ORDERING PARTY',
      docs: rng.chance(0.5),
      phones: [],
    });
    const payerAccount = pay.payerAccount ? bankRecord(o, a, pay.payerAccount, payer, pay.date) : undefined;
    const beneficiary = personRecord(o, a, pay.beneficiary, {
      date: pay.date,
      role: 'BENEFICIARY',
      docs: true,
      phones: [],
    });
    const beneficiaryAccount = pay.beneficiaryAccount
      ? bankRecord(o, a, pay.beneficiaryAccount, beneficiary, pay.date)
      : undefined;
    const mtcn = pay.channel === 'MTO' ? rng.digits(10) : `NOTPROVIDED${rng.digits(8)}`;
    em.emit(
      a,
      'Payment',
      'm',
      pay.id,
      {
        payer,
        payerAccount,
        beneficiary,
        beneficiaryAccount,
        amount: String(pay.amount),
        currency: pay.currency,
        date: pay.date,
        purpose: pay.purpose,
        transactionNumber: mtcn,
        description: pay.channel === 'MTO' ? 'Money transfer (cash in, cash out)' : 'SEPA credit transfer',
      },
      mark(o, a, pay.date),
      {
        channel: pay.channel,
        payerName: renderName(nz, pay.payer.name, a.nameStyle, pay.payer.origin).name.toUpperCase(),
        payerIban: pay.payerAccount?.iban,
        beneficiaryName: renderName(
          nz,
          pay.beneficiary.name,
          a.nameStyle,
          pay.beneficiary.origin,
        ).name.toUpperCase(),
        beneficiaryIban: pay.beneficiaryAccount?.iban,
      },
    );
  }
};

const CASEWORK_COUNTRIES = new Set(['it', 'gb', 'de']);

const indicatorsOf = (m: WMigrant, crowd: number): string[] => {
  const out: string[] = [];
  if (m.docsHeldBy) out.push('Documents held by controller');
  out.push(`Debt bondage (owes ${String(m.debt)})`);
  if (crowd > 2) out.push(`Lives at place of work with ${String(crowd - 1)} others`);
  out.push(m.recruitAccount ? `Recruited online (${m.recruitAccount.service})` : 'Recruited by phone');
  return out;
};

/** A third party as a victim describes them: a nickname and a phone number, marked AMBER/H2. */
const contact = (o: ObserveCtx, member: WMember, phone: string, date: string): string => {
  const a = ag('ngo');
  const known = o.em.recordOf(a.id, member.person.id);
  if (known) return known;
  const p = member.person;
  const name = p.name.nick ?? p.name.given.forms[0] ?? 'unknown';
  const props = {
    name,
    alias: p.name.nick ? p.name.given.forms[0] : undefined,
    phone: formatPhone(o.nz, phone),
    gender: p.gender,
  };
  return o.em.emit(a, 'Person', 'p', p.id, props, mark(o, a, date), { role: roleLabel(a.id, member.role) });
};

/** The NGO's victim casework: clients (RED/H2), their controllers and recruiters as clients name them. */
export const observeNgo = (o: ObserveCtx): void => {
  const a = ag('ngo');
  const { rng, em, group: g } = o;
  for (const m of g.migrants) {
    const w = m.workplace;
    if (!m.exploitation || !w || !CASEWORK_COUNTRIES.has(w.place.country) || !rng.chance(0.4)) continue;
    const intake = addDays(m.recruited, rng.int(120, 600));
    const crowd = g.migrants.filter((x) => x.workplace === w).length;
    const indicators = indicatorsOf(m, crowd);
    const boss = m.controller;
    const bossPhone = boss?.person.phones[boss.person.phones.length - 1];
    const contactText = [boss?.person.name.nick, bossPhone].filter(Boolean).join(' ');
    const client = personRecord(o, a, m.person, {
      date: intake,
      role: roleLabel(a.id, 'victim'),
      victim: true,
      address: w,
      docs: !m.docsHeldBy,
      notes: indicators.join('; '),
      extra: {
        client: 'yes',
        exploitation: m.exploitation,
        indicators: indicators.join('; '),
        contact: contactText,
      },
    });
    if (boss && bossPhone) {
      const c = contact(o, boss, bossPhone, intake);
      em.emit(
        a,
        'UnknownLink',
        'l',
        `${m.person.id}~${boss.person.id}`,
        { subject: client, object: c, role: 'controller' },
        mark(o, a, intake, true),
      );
    }
    const r = contact(o, m.recruiter, m.recruitPhone, intake);
    em.emit(
      a,
      'UnknownLink',
      'l',
      `${m.person.id}~${m.recruiter.person.id}`,
      { subject: client, object: r, role: 'recruiter' },
      mark(o, a, intake, true),
    );
    if (m.recruitAccount) userAccountRecord(o, a, m.recruitAccount, r, intake);
  }
};
