// The users the set-up creates in each organisation: at least one per role, so every role can be tried
// from the first minute (`npx cats token --as CustomsAZ:officer1`). Traders carry the holder ids of the
// CAREC sample declarations.
import fs from 'node:fs';
import path from 'node:path';
import { UserSpec } from './crypto-material';
import { ROOT } from './layout';
import { OrgSpec } from './topology';

export interface ReferenceOffice {
  referenceNumber: string;
  name: string;
  countryCode: string;
  unLocode: string | null;
  roles: string[];
  trafficType?: string;
  coordinates?: { lat: number; lon: number; approximate: boolean };
  note?: string;
}

export const OFFICES_FILE = path.join(ROOT, 'network', 'reference', 'carec-offices.json');

export function referenceOffices(): ReferenceOffice[] {
  return (JSON.parse(fs.readFileSync(OFFICES_FILE, 'utf8')) as { offices: ReferenceOffice[] }).offices;
}

/** Holder ids of the sample declarations (cats-ie015-*.xml), one registered trader per country. */
const SAMPLE_TRADERS: Record<string, string[]> = {
  AZ: ['AZ1700123451', 'AZ1401987652'],
  GE: ['GE211345678', 'GE205104418'],
  UZ: ['UZ305421987', 'UZ300000017'],
  TM: ['TM100200300', 'TM100200301'],
};

export function usersFor(org: OrgSpec): UserSpec[] {
  switch (org.kind) {
    case 'CUSTOMS': {
      const country = org.country as string;
      const offices = referenceOffices().filter((o) => o.countryCode === country);
      const border = offices.filter((o) => o.roles.includes('TRA') || o.roles.includes('EXT'));
      const traders = SAMPLE_TRADERS[country] ?? [`${country}000000001`, `${country}000000002`];
      return [
        { id: 'officer1', role: 'officer', offices: offices.map((o) => o.referenceNumber) },
        { id: 'officer2', role: 'officer', offices: border.map((o) => o.referenceNumber) },
        { id: 'supervisor1', role: 'supervisor', offices: offices.map((o) => o.referenceNumber) },
        { id: 'admin1', role: 'admin' },
        { id: 'trader1', role: 'trader', traderId: traders[0] },
        { id: 'trader2', role: 'trader', traderId: traders[1] },
      ];
    }
    case 'GUARANTOR':
      return [
        { id: 'guarantor1', role: 'guarantor' },
        { id: 'guarantor2', role: 'guarantor' },
        { id: 'admin1', role: 'admin' },
      ];
    case 'AUDITOR':
      return [
        { id: 'auditor1', role: 'auditor' },
        { id: 'admin1', role: 'admin' },
      ];
  }
}
