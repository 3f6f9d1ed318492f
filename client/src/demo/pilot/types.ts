// What the pilot corridors scenario returns: structured enough for a test to assert every outcome, and
// for the printer to draw the timelines from.

/** One line of a movement's timeline, as the ledger recorded it. */
export interface TimelineEvent {
  at: string;
  /** ACCEPTED, RELEASED, BORDER CROSSED, INCIDENT, ARRIVED, CONTROL RESULTS, … */
  what: string;
  office?: string;
  /** user@Organisation that signed it */
  by: string;
  detail?: string;
  txId?: string;
  blockNumber?: number;
}

export interface Balance {
  referenceAmount: string;
  reserved: string;
  available: string;
  currency: string;
}

export type StoryKey = 'incident' | 'discrepancy' | 'enquiry';

export interface MovementStory {
  key: StoryKey;
  title: string;
  file: string;
  lrn: string;
  mrn: string;
  status: string;
  legalEffect: boolean;
  timeline: TimelineEvent[];
  /** the guarantee used and its balance for the holder, before declaring, after release, at the end */
  guarantee: { grn: string; before: Balance; afterRelease: Balance; after: Balance };
  /** the ledger's movement record at the end (GET /movements/{mrn} → movement) */
  movement: Record<string, unknown>;
  /** anything the story wants to point out (e.g. how long it waited for the time limit) */
  notes: string[];
}

/** A declaration the network refused, with the coded error. */
export interface Refusal {
  title: string;
  file: string;
  lrn: string;
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** One message of the national test pack and the gateway's answer to it. */
export interface TestPackAnswer {
  file: string;
  messageType: string;
  /** what the scenario did with it, e.g. "POST /movements" */
  request: string;
  as: string;
  mrn?: string;
  status: number;
  code: string;
  message: string;
}

export interface PilotResult {
  startedAt: string;
  durationMs: number;
  guarantees: { grn: string; issued: boolean; description: string }[];
  stories: MovementStory[];
  refusals: Refusal[];
  testPack: TestPackAnswer[];
}
