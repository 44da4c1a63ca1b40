import type { NameSystem, NameToken, Script } from '../data/names.js';
import type { Corridor, Exploitation, Leg, Place } from '../data/routes.js';

/** A role in an organised crime group. */
export type Role =
  | 'organiser'
  | 'recruiter'
  | 'transporter'
  | 'driver'
  | 'boat-pilot'
  | 'forger'
  | 'money-handler'
  | 'hawala-broker'
  | 'enforcer'
  | 'controller';

/** What a person is in the world: a group member, a migrant (maybe a victim), or a migrant's relative. */
export type PersonKind = 'member' | 'migrant' | 'relative';

/** A person's real name, as tokens the agencies romanise, reorder and misspell. */
export interface PersonName {
  system: NameSystem;
  script: Script;
  given: NameToken;
  /** Patronymic systems: the father's given name; Vietnamese: the middle name. */
  middle: NameToken | undefined;
  /** Family name; for patronymic systems the grandfather's given name. */
  family: NameToken;
  /** A street name or kunya the person is known by ("Wedi Tesfaye", "Mama Osas"). */
  nick: string | undefined;
}

/** A real person of the world; `id` is the truth cluster of every record about them. */
export interface WPerson {
  id: string;
  kind: PersonKind;
  origin: string;
  nationality: string;
  gender: 'male' | 'female';
  name: PersonName;
  birthDate: string;
  birthPlace: string;
  phones: string[];
  email: string | undefined;
  accounts: WUserAccount[];
  documents: WDocument[];
  bankAccounts: WBankAccount[];
  home: WAddress | undefined;
}

/** An address: a safe house, a workplace, a home. */
export interface WAddress {
  id: string;
  place: Place;
  /** The street as "form/form" variants. */
  street: string;
  number: number;
  kind: 'safe-house' | 'workplace' | 'home';
}

/** Whether a document is what it says. */
export type DocumentStatus = 'genuine' | 'forged' | 'stolen' | 'lost';

/** A travel or identity document. */
export interface WDocument {
  id: string;
  kind: 'passport' | 'idcard';
  country: string;
  number: string;
  status: DocumentStatus;
  /** The person carrying or named in it; for a forged document, who uses it. */
  holder: string | undefined;
  issued: string;
  expires: string;
  /** For a forged document: the stolen document whose number it reuses. */
  basedOn: string | undefined;
  /** When it was reported stolen or lost. */
  reported: string | undefined;
}

/** A road vehicle. */
export interface WVehicle {
  id: string;
  kind: 'van' | 'lorry' | 'pickup' | 'car';
  plate: string;
  country: string;
  model: string;
  owner: string | undefined;
}

/** A boat or ship; only the large ones have IMO numbers and MMSIs. */
export interface WVessel {
  id: string;
  kind: 'dinghy' | 'fishing' | 'cargo' | 'yacht' | 'small-boat' | 'lorry-ferry';
  name: string | undefined;
  imo: string | undefined;
  mmsi: string | undefined;
  flag: string | undefined;
  stolen: string | undefined;
}

/** A bank account, with an IBAN where the country has them. */
export interface WBankAccount {
  id: string;
  iban: string;
  bankName: string;
  bic: string;
  country: string;
  holder: string;
}

/** An e-mail, messaging or social-media account. */
export interface WUserAccount {
  id: string;
  service: string;
  username: string;
  number: string | undefined;
  owner: string;
}

/** A group member: the person and their place in the group. */
export interface WMember {
  person: WPerson;
  group: string;
  role: Role;
  since: string;
  /** True for members who also belong to another group (brokers). */
  bridge: boolean;
  /** True in the second group of a broker: the person was created (and written to truth) with the first. */
  carriedIn: boolean;
}

/** One movement of a batch of people along a leg. */
export interface WTrip {
  id: string;
  leg: Leg;
  date: string;
  vehicle: WVehicle | undefined;
  vessel: WVessel | undefined;
  crew: WMember[];
  passengers: WPerson[];
}

/** A payment, mostly debts paid into the group's collector accounts. */
export interface WPayment {
  id: string;
  date: string;
  amount: number;
  currency: string;
  channel: 'SEPA' | 'MTO' | 'HAWALA';
  payer: WPerson;
  payerAccount: WBankAccount | undefined;
  beneficiary: WPerson;
  beneficiaryAccount: WBankAccount | undefined;
  purpose: string;
}

/** Something that happened and was recorded: an interception, rescue, arrest, search or detection. */
export interface WEvent {
  id: string;
  kind: 'interception' | 'rescue' | 'arrest' | 'search' | 'detection' | 'missing-report';
  date: string;
  place: Place;
  address: WAddress | undefined;
  trip: WTrip | undefined;
  involved: WPerson[];
  /** Documents seized (held by someone else than their holder). */
  seized: WDocument[];
}

/** A migrant and what happened to them. */
export interface WMigrant {
  person: WPerson;
  recruiter: WMember;
  recruitPhone: string;
  recruitAccount: WUserAccount | undefined;
  recruited: string;
  exploitation: Exploitation | undefined;
  controller: WMember | undefined;
  workplace: WAddress | undefined;
  docsHeldBy: WMember | undefined;
  debt: number;
  relative: WPerson | undefined;
}

/** A relationship between two members, as FtM models it. */
export interface WLink {
  id: string;
  schema: 'Associate' | 'Family' | 'UnknownLink';
  a: WPerson;
  b: WPerson;
  relationship: string;
}

/** One organised crime group with everything around it: the unit the world is generated and written in. */
export interface WGroup {
  id: string;
  index: number;
  corridor: Corridor;
  start: string;
  end: string;
  members: WMember[];
  links: WLink[];
  front: { id: string; name: string; country: string; address: WAddress; employees: WMember[] };
  safeHouses: WAddress[];
  sharedPhones: string[];
  vehicles: WVehicle[];
  vessels: WVessel[];
  collectors: WBankAccount[];
  migrants: WMigrant[];
  trips: WTrip[];
  payments: WPayment[];
  events: WEvent[];
  /** Stolen and lost documents the world's reference lists hold that concern no one here. */
  strayDocuments: WDocument[];
}
