// Shared by the NCTS suites: the samples shipped with the gateway, and one movement view to write answers for.

import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildMrn } from '../../../chaincode/src/domain/identifiers';
import type { MovementView } from '../../../gateway/src/ncts/movement-view';
import { readIe015 } from '../../../gateway/src/ncts/ie015-reader';
import { samplesDir } from '../../../gateway/src/ncts/paths';

export function sampleNames(): string[] {
  return readdirSync(samplesDir()).filter((f) => f.endsWith('.xml')).sort();
}

export function sample(name: string): string {
  return readFileSync(path.join(samplesDir(), name), 'utf8');
}

/** The Tashkent → Batumi cotton yarn movement, accepted and released. */
export function cottonMovement(): MovementView {
  const declaration = readIe015(sample('cats-ie015-uz-tm-az-ge-cotton-yarn.xml'));
  return {
    mrn: buildMrn('25', 'UZ', '000100000004', 'J'),
    lrn: declaration.lrn,
    status: 'RELEASED',
    officeOfDeparture: declaration.officeOfDeparture,
    officeOfDestination: declaration.officeOfDestination,
    officesOfTransit: declaration.officesOfTransit,
    holder: declaration.holder,
    declaration,
    timestamps: {
      submittedAt: '2025-03-12T07:05:10.000Z',
      acceptedAt: '2025-03-12T07:05:12.481Z',
      releasedAt: '2025-03-12T09:30:00.000Z',
      arrivedAt: '2025-03-17T08:00:00.000Z',
    },
    traderAtDestination: 'GE404987654',
  };
}
