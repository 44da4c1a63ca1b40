import type { AgencyId } from '../agencies/agencies.js';
import type { Role } from '../world/types.js';

/** What a person is in a record, besides a group role. */
export type Status = 'victim' | 'migrant' | 'missing' | 'relative' | 'suspect';

type Lang = 'it' | 'de' | 'el' | 'sq' | 'en';

const LANG: Readonly<Record<AgencyId, Lang>> = {
  'it-ps': 'it',
  'de-bka': 'de',
  'gr-hp': 'el',
  'al-asp': 'sq',
  'uk-nca': 'en',
  'ng-npf': 'en',
  'eu-bcg': 'en',
  fiu: 'en',
  ngo: 'en',
  'intl-ref': 'en',
};

// prettier-ignore
const LABELS: Readonly<Record<Lang, Readonly<Record<Role | Status, string>>>> = {
  it: {
    organiser: 'INDAGATO - ORGANIZZATORE', recruiter: 'INDAGATO - RECLUTATORE', transporter: 'INDAGATO - TRASPORTATORE',
    driver: 'INDAGATO - AUTISTA', 'boat-pilot': 'INDAGATO - SCAFISTA', forger: 'INDAGATO - FALSARIO',
    'money-handler': 'INDAGATO - CASSIERE', 'hawala-broker': 'INDAGATO - HAWALADAR', enforcer: 'INDAGATO - ESATTORE',
    controller: 'INDAGATO - CONTROLLORE', suspect: 'INDAGATO', victim: 'PERSONA OFFESA', migrant: 'MIGRANTE IDENTIFICATO',
    missing: 'SCOMPARSO', relative: 'FAMILIARE',
  },
  de: {
    organiser: 'Beschuldigter (Organisator)', recruiter: 'Beschuldigter (Anwerber)', transporter: 'Beschuldigter (Schleuser)',
    driver: 'Beschuldigter (Fahrer)', 'boat-pilot': 'Beschuldigter (Bootsführer)', forger: 'Beschuldigter (Fälscher)',
    'money-handler': 'Beschuldigter (Kassierer)', 'hawala-broker': 'Beschuldigter (Hawaladar)', enforcer: 'Beschuldigter (Eintreiber)',
    controller: 'Beschuldigter (Aufpasser)', suspect: 'Beschuldigter', victim: 'Geschädigte/r', migrant: 'Geschleuste/r',
    missing: 'Vermisst', relative: 'Angehörige/r',
  },
  el: {
    organiser: 'Κατηγορούμενος – διοργανωτής', recruiter: 'Κατηγορούμενος – στρατολόγος', transporter: 'Κατηγορούμενος – διακινητής',
    driver: 'Κατηγορούμενος – οδηγός', 'boat-pilot': 'Κατηγορούμενος – χειριστής σκάφους', forger: 'Κατηγορούμενος – πλαστογράφος',
    'money-handler': 'Κατηγορούμενος – ταμίας', 'hawala-broker': 'Κατηγορούμενος – χαβάλα', enforcer: 'Κατηγορούμενος – εισπράκτορας',
    controller: 'Κατηγορούμενος – επιτηρητής', suspect: 'Κατηγορούμενος', victim: 'Θύμα', migrant: 'Αλλοδαπός',
    missing: 'Αγνοούμενος', relative: 'Συγγενής',
  },
  sq: {
    organiser: 'I dyshuar - organizator', recruiter: 'I dyshuar - rekrutues', transporter: 'I dyshuar - transportues',
    driver: 'I dyshuar - shofer', 'boat-pilot': 'I dyshuar - skafist', forger: 'I dyshuar - falsifikues',
    'money-handler': 'I dyshuar - arkëtar', 'hawala-broker': 'I dyshuar - hawala', enforcer: 'I dyshuar - detyrues',
    controller: 'I dyshuar - kontrollues', suspect: 'I dyshuar', victim: 'Viktimë', migrant: 'Emigrant',
    missing: 'I zhdukur', relative: 'I afërm',
  },
  en: {
    organiser: 'SUSPECT - ORGANISER', recruiter: 'SUSPECT - RECRUITER', transporter: 'SUSPECT - TRANSPORTER',
    driver: 'SUSPECT - DRIVER', 'boat-pilot': 'SUSPECT - BOAT PILOT', forger: 'SUSPECT - DOCUMENT FORGER',
    'money-handler': 'SUSPECT - MONEY HANDLER', 'hawala-broker': 'SUSPECT - HAWALA BROKER', enforcer: 'SUSPECT - ENFORCER',
    controller: 'SUSPECT - CONTROLLER', suspect: 'SUSPECT', victim: 'VICTIM', migrant: 'MIGRANT', missing: 'MISSING PERSON',
    relative: 'RELATIVE',
  },
};

/** How an agency labels a person's role or status in its records. */
export const roleLabel = (a: AgencyId, r: Role | Status): string => LABELS[LANG[a]][r];

/** The short role word a Membership records ("SCAFISTA", "Bootsführer"). */
export const memberRole = (a: AgencyId, r: Role): string => {
  const label = roleLabel(a, r);
  const m = /[-–(]\s*([^)]+)\)?$/.exec(label);
  return (m?.[1] ?? label).trim();
};

// Recruitment messages, by the language the recruiter writes in.
const MESSAGES: Readonly<Record<string, readonly string[]>> = {
  ar: ['رحلة آمنة إلى أوروبا، السعر ٣٥٠٠ دولار، الدفع عند الوصول', 'القارب يغادر الأسبوع القادم، جهز نفسك'],
  vi: ['Việc làm ở Anh, lương cao, bao ăn ở. Liên hệ anh.', 'Tuần sau đi, chuẩn bị tiền và hộ chiếu.'],
  sq: [
    'Punë në Londër, 2000 paund në muaj. Më shkruaj.',
    'Nisemi të hënën nga Brukseli, mos i thuaj askujt.',
  ],
  ru: ['Работа в Европе, жильё есть. Позвони мне.'],
  en: [
    'Hello my dear, there is good work in Italy, madam will sponsor you. Call me.',
    'Trip is ready. Send the money to the number I gave you.',
  ],
};

/** A recruitment message in the recruiter's language. */
export const messageLanguage = (origin: string): readonly string[] => {
  const lang =
    origin === 'sd' || origin === 'sy' || origin === 'iq' || origin === 'ly'
      ? 'ar'
      : origin === 'vn'
        ? 'vi'
        : origin === 'al'
          ? 'sq'
          : origin === 'ru'
            ? 'ru'
            : 'en';
  return MESSAGES[lang] ?? [];
};
