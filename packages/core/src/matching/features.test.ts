import { describe, expect, it } from 'vitest';
import { comparableSchemata, schemaFamily, toMatchRecord } from './features.js';

describe('toMatchRecord', () => {
  it('joins a person’s name parts and keeps every name, date, country and identifier', () => {
    const r = toMatchRecord({
      id: 'p1',
      schema: 'Person',
      properties: {
        firstName: ['Vladimir'],
        fatherName: ['Vladimirovich'],
        lastName: ['Putin'],
        alias: ['Владимир Путин'],
        birthDate: ['7.10.1952'],
        nationality: ['RUS'],
        gender: ['male'],
        phone: ['+7 495 606 36 02'],
        passportNumber: ['ER 123 4567'],
      },
    });
    expect(r.names.map((n) => n.key)).toEqual(['putin vladimir', 'putin vladimir']);
    expect(r.names[0]?.phonetic).toEqual(['frtmr', 'btn']);
    expect(r.dates[0]?.date.iso).toBe('1952-10-07');
    expect(r.countries).toEqual(['RU']);
    expect(r.genders).toEqual(['male']);
    expect(r.identifiers.phone?.[0]?.strict).toBe('+74956063602');
    expect(r.identifiers.document?.[0]).toEqual({
      text: 'ER 123 4567',
      strict: 'ER1234567',
      confusable: 'ER1234567',
    });
    expect(r.rejected).toEqual([]);
  });

  it('reports values it cannot normalise instead of dropping them silently', () => {
    const r = toMatchRecord({
      schema: 'Person',
      properties: { name: ['12345'], birthDate: ['31.04.1990'], nationality: ['Atlantis'], iban: ['x'] },
    });
    expect(r.names).toEqual([]);
    expect(r.rejected.map((x) => x.property).sort()).toEqual(['birthDate', 'name', 'nationality']);
  });

  it('extracts vessel, vehicle, account, organisation and address features', () => {
    const vessel = toMatchRecord({
      schema: 'Vessel',
      properties: { imoNumber: ['IMO 9074729'], mmsi: ['273456789'], flag: ['PA'] },
    });
    expect(vessel.identifiers.imo?.[0]?.strict).toBe('9074729');
    expect(vessel.identifiers.mmsi?.[0]?.strict).toBe('273456789');
    expect(vessel.countries).toEqual(['PA']);
    const account = toMatchRecord({
      schema: 'BankAccount',
      properties: { iban: ['DE89 3704 0044 0532 0130 00'], bic: ['DEUTDEFF'] },
    });
    expect(account.identifiers.iban?.[0]?.strict).toBe('DE89370400440532013000');
    expect(account.identifiers.bic?.[0]?.strict).toBe('DEUTDEFF');
    const company = toMatchRecord({
      schema: 'Company',
      properties: { name: ['Acme Trading GmbH'], registrationNumber: ['HRB 12345'] },
    });
    expect(company.names[0]?.key).toBe('acme trading');
    expect(company.identifiers.registration?.[0]?.strict).toBe('HRB12345');
    const vehicle = toMatchRecord({ schema: 'Vehicle', properties: { registrationNumber: ['AB-123-CD'] } });
    expect(vehicle.identifiers.plate?.[0]?.strict).toBe('AB123CD');
    const address = toMatchRecord({
      schema: 'Address',
      properties: { full: ['10 Downing St, London SW1A 2AA'], country: ['GB'] },
    });
    expect(address.addresses[0]?.postcode).toBe('SW1A2AA');
  });

  it('knows which schemata can be compared', () => {
    expect(schemaFamily('Company')).toBe('organization');
    expect(comparableSchemata('Company', 'Organization')).toBe(true);
    expect(comparableSchemata('LegalEntity', 'Person')).toBe(true);
    expect(comparableSchemata('Person', 'Vessel')).toBe(false);
    expect(comparableSchemata('Thing', 'Thing')).toBe(false);
  });
});
