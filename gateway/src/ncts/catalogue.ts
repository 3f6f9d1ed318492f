// Which NCTS message the gateway reads with which reader, and which answers it writes for which ledger
// action — in one place. Names, directions, XSDs and ledger transactions come from the shared message
// catalogue (chaincode/src/domain/messages.ts); this file only adds the gateway's XML side.

import { MESSAGES, rootElement, type MessageType } from '../../../chaincode/src/domain/messages';
import { readIe007 } from './ie007-reader';
import { readIe013 } from './ie013-reader';
import { readIe014 } from './ie014-reader';
import { readIe015 } from './ie015-reader';
import { readIe044 } from './ie044-reader';
import { readIe170 } from './ie170-reader';
import { buildIe004 } from './ie004-writer';
import { buildIe009 } from './ie009-writer';
import { buildIe025 } from './ie025-writer';
import { buildIe028 } from './ie028-writer';
import { buildIe029 } from './ie029-writer';
import { buildIe043 } from './ie043-writer';
import { buildIe045 } from './ie045-writer';
import { buildIe051 } from './ie051-writer';
import { buildIe055 } from './ie055-writer';
import { buildIe056 } from './ie056-writer';
import { buildIe057 } from './ie057-writer';

/** Trader messages the gateway accepts as XML, each with its reader (validate with validateXml first). */
export const READERS = {
  IE015: readIe015,
  IE013: readIe013,
  IE014: readIe014,
  IE170: readIe170,
  IE007: readIe007,
  IE044: readIe044,
} as const;

export type ReadableIe = keyof typeof READERS;

/** Answers the gateway writes, each with its writer. */
export const WRITERS = {
  IE004: buildIe004,
  IE009: buildIe009,
  IE025: buildIe025,
  IE028: buildIe028,
  IE029: buildIe029,
  IE043: buildIe043,
  IE045: buildIe045,
  IE051: buildIe051,
  IE055: buildIe055,
  IE056: buildIe056,
  IE057: buildIe057,
} as const;

export type WritableIe = keyof typeof WRITERS;

/**
 * Per ledger action (spec §6): the trader message that starts it (if any), the answer on success and the
 * answers on failure. IE928 (positive acknowledge) and IE001/IE050/IE006 (customs-to-customs) are
 * represented on the ledger and not written as XML by the gateway.
 */
export const ANSWERS: Readonly<Record<string, { trigger?: ReadableIe; success: WritableIe[]; failure: WritableIe[] }>> = {
  'movement:Declare': { trigger: 'IE015', success: ['IE028'], failure: ['IE056', 'IE055'] },
  'movement:Amend': { trigger: 'IE013', success: ['IE004'], failure: ['IE056'] },
  'movement:RequestCancellation': { trigger: 'IE014', success: ['IE009'], failure: ['IE056'] },
  'movement:Present': { trigger: 'IE170', success: ['IE028'], failure: ['IE056'] },
  'movement:Release': { success: ['IE029'], failure: [] },
  'movement:RefuseRelease': { success: ['IE051'], failure: [] },
  'movement:Invalidate': { success: ['IE009'], failure: [] },
  'movement:NotifyArrival': { trigger: 'IE007', success: [], failure: ['IE057'] },
  'movement:GrantUnloading': { success: ['IE043'], failure: [] },
  'movement:RecordUnloadingRemarks': { trigger: 'IE044', success: [], failure: ['IE057'] },
  'movement:RecordControlResults': { success: ['IE025'], failure: [] },
  'movement:WriteOff': { success: ['IE045'], failure: [] },
};

/** The catalogue entry of a readable message, found from its XML root ('CC015C'). */
export function readableByRoot(root: string): { ie: ReadableIe; message: MessageType } | undefined {
  const ie = (Object.keys(READERS) as ReadableIe[]).find((k) => rootElement(k) === root);
  return ie ? { ie, message: MESSAGES[ie] } : undefined;
}

/** The XML root elements of all readable and writable messages (to preload their schemas at start). */
export function allRoots(): string[] {
  return [...Object.keys(READERS), ...Object.keys(WRITERS)].map(rootElement);
}
