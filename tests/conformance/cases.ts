// Spec §7, rules 1–22, each as a positive and a negative case against a real network through the
// organisations' REST gateways. A negative case asserts the coded error AND re-reads the ledger to show
// that nothing changed. Cases of one rule run in order (the positive case may use what the negative one
// left, e.g. an LRN that must still be free). Time limits (rule 20) use the Release `timeLimit`
// argument and registry governance; readiness is polled from the ledger, never slept for.
import { expect } from 'chai';
import { ApiClient, ApiError } from '../../client/src/api-client';
import type { Declaration } from '../../chaincode/src/domain/declaration';
import { checkDigit, isValidMrn } from '../../chaincode/src/domain/identifiers';
import type { NetworkFile } from '../../network/src/network-file';
import { ACCESS_CODE, balanceOf, declaration, issueGuarantee, newGrn, newLrn, rejection } from './fixtures';
import { setParameters } from './governance';

export interface Case {
  rule: number;
  case: string;
  kind: 'positive' | 'negative';
  expected: string;
  /** resolves with what was observed; throws when the observation contradicts the expectation */
  run: (w: World) => Promise<string>;
  /** a reason to skip, decided against the network under test (never counted as a pass) */
  skipUnless?: (w: World) => string | undefined;
}

export const RULES: Record<number, string> = {
  1: 'MRN well formed: length, pattern, procedure letter matches the security indicator, check digit.',
  2: 'GRN well formed (17, or 24 for vouchers), check digit.',
  3: 'Guarantee references present as the guarantee type requires (GRN and access code for types 0,1,2,4,9).',
  4: 'Declaration type TIR needs guarantee type B and a TIR carnet number.',
  5: 'Release only with a valid guarantee that covers the amount; otherwise IE055 then, if not amended, IE051.',
  6: 'Amendment only between acceptance and release; holder, offices of departure, declaration type, LRN and MRN cannot be amended; after IE055 only the guarantee part may change.',
  7: 'Cancellation by the holder only before release; afterwards only customs may invalidate.',
  8: 'Each office of transit appears once in the itinerary.',
  9: 'A destination in a member country needs a declared office of transit in that country (its entry office), unless departure is in the same country.',
  10: 'Office of exit for transit differs from every office of transit and from the destination.',
  11: 'Binding itinerary (or a security indicator) needs the countries of routing.',
  12: 'Estimated arrival at each office of transit is after release and after the message date.',
  13: 'Seals: number of seals equals the seals listed per equipment; seal identifiers unique; at arrival the state of seals must be given if seals were declared.',
  14: 'Masses: net ≤ gross per item; house consignment gross ≥ sum of its items; consignment gross ≥ sum of houses.',
  15: 'Goods item numbers start at 1 and increase by 1.',
  16: 'Arrival only for a released movement, at the declared destination or another competent office of a member country; arrival for a cancelled or unknown MRN is rejected.',
  17: 'Write-off only after satisfactory control results or solved discrepancies; credit back exactly once.',
  18: "A comprehensive guarantee's available amount never drops below zero under concurrent reservations.",
  19: "Only the acting office's administration may move a movement; only the guarantor may change its guarantee.",
  20: 'Enquiry and recovery only after their time limits; claims only after recovery, up to the reservation.',
  21: 'Offices and countries unknown to the network, or of a country not yet acceded, are rejected with a clear error; after accession they work.',
  22: 'Duplicate LRN from the same holder is rejected; the same LRN from another holder is accepted.',
};

/** What the cases share: the network, its users, and one comprehensive guarantee of the holder. */
export class World {
  readonly grn = newGrn();
  readonly trader: ApiClient;
  readonly trader2: ApiClient;
  readonly guarantor: ApiClient;
  readonly azOfficer: ApiClient;
  readonly geBorder: ApiClient;
  readonly geOfficer: ApiClient;
  /** values kept between the cases of one rule */
  readonly memo = new Map<string, string>();

  constructor(readonly network: NetworkFile) {
    const as = (who: string) => ApiClient.as(network, who);
    this.trader = as('CustomsAZ:trader1');
    this.trader2 = as('CustomsAZ:trader2');
    this.guarantor = as('GuarantorPool:guarantor1');
    this.azOfficer = as('CustomsAZ:officer1');
    this.geBorder = as('CustomsGE:officer2');
    this.geOfficer = as('CustomsGE:officer1');
  }

  async setUp(): Promise<void> {
    await issueGuarantee(this.guarantor, this.grn);
  }

  decl(over: Partial<Declaration> = {}, amount = '100000', grn = this.grn): Declaration {
    return declaration(grn, over, amount);
  }

  async declare(d: Declaration, as = this.trader): Promise<string> {
    const r = await as.submit<{ mrn: string }>('/movements', { body: d });
    return r.mrn;
  }

  async released(over: Partial<Declaration> = {}, body: Record<string, unknown> = {}): Promise<string> {
    const mrn = await this.declare(this.decl(over));
    await this.azOfficer.submit(`/movements/${mrn}/release`, { body: { office: 'AZ000600', ...body } });
    return mrn;
  }

  /** The ledger's view of a movement: effective status and the number of steps recorded. */
  async movement(mrn: string): Promise<string> {
    const r = await this.azOfficer.get<{ movement: { status: string }; timeline: unknown[] }>(`/movements/${mrn}`);
    return `${r.movement.status}/${r.timeline.length} steps`;
  }

  /** The ledger's view of the shared guarantee: what is reserved and how many reservations exist. */
  async guarantee(grn = this.grn): Promise<string> {
    const b = await balanceOf(this.guarantor, grn);
    return `reserved ${b.reserved}, ${b.reservations.length} reservations`;
  }
}

/** Awaits a rejection with `code`, and shows with `ledger` (read before and after) that nothing changed. */
async function rejected(p: () => Promise<unknown>, code: string, ledger: () => Promise<string>): Promise<string> {
  const before = await ledger();
  const e = await rejection(p());
  expect(e.code, `${e.code}: ${e.message}`).to.equal(code);
  const after = await ledger();
  expect(after, 'the ledger changed').to.equal(before);
  return `${e.code} (HTTP ${e.status}): ${e.message}; ledger unchanged (${after})`;
}

/** A declaration's rejection: the guarantee's reservations are the ledger's witness. */
const refusedDeclaration = (w: World, d: Declaration, code: string) => rejected(() => w.declare(d), code, () => w.guarantee());

const accepted = async (w: World, d: Declaration): Promise<string> => {
  const mrn = await w.declare(d);
  expect(isValidMrn(mrn)).to.equal(true);
  return `accepted as ${mrn} (${await w.movement(mrn)})`;
};

/** Retries `step` while the ledger answers TIME_LIMIT_NOT_REACHED: polling the ledger, not sleeping. */
async function whenDue<T>(step: () => Promise<T>, limitMs = 60_000): Promise<{ value: T; polls: number }> {
  const end = Date.now() + limitMs;
  for (let polls = 1; ; polls++) {
    try {
      return { value: await step(), polls };
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'TIME_LIMIT_NOT_REACHED' || Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 500)); // the pace of the polling, not a wait for readiness
    }
  }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

export const CASES: Case[] = [
  // 1 MRN
  { rule: 1, case: 'the MRN allocated at acceptance', kind: 'positive', expected: '18 chars, YY+AZ+12+J (security 0)/K (security 2)+check digit',
    run: async (w) => {
      const j = await w.declare(w.decl());
      const k = await w.declare(w.decl({ security: '2' }));
      expect(isValidMrn(j, '0') && isValidMrn(k, '2')).to.equal(true);
      expect(j.slice(2, 4)).to.equal('AZ');
      w.memo.set('mrn', j);
      return `${j} (J), ${k} (K): pattern, letter and check digit valid`;
    } },
  { rule: 1, case: 'a transition naming an MRN with a wrong check digit', kind: 'negative', expected: 'INVALID_IDENTIFIER, nothing changed',
    run: async (w) => {
      const mrn = w.memo.get('mrn')!;
      const wrong = mrn.slice(0, 17) + String((Number(mrn[17]) + 1) % 10);
      return rejected(() => w.azOfficer.submit(`/movements/${wrong}/release`, { body: { office: 'AZ000600' } }), 'INVALID_IDENTIFIER', () => w.movement(mrn));
    } },
  // 2 GRN
  { rule: 2, case: 'GRN with a wrong check digit', kind: 'negative', expected: 'INVALID_IDENTIFIER naming the GRN field, nothing reserved',
    run: (w) => {
      const bad = w.grn.slice(0, 16) + String((Number(w.grn[16]) + 1) % 10);
      return refusedDeclaration(w, w.decl({}, '100000', bad), 'INVALID_IDENTIFIER');
    } },
  { rule: 2, case: '17-character GRN with a valid check digit', kind: 'positive', expected: 'accepted', run: (w) => accepted(w, w.decl()) },
  // 3 references
  { rule: 3, case: 'type 1 guarantee without a GRN reference', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({ guarantees: [{ sequenceNumber: 1, guaranteeType: '1', references: [] }] }), 'VALIDATION_FAILED') },
  { rule: 3, case: 'type 1 guarantee without its access code', kind: 'negative', expected: 'ACCESS_CODE_MISMATCH, nothing reserved',
    run: (w) => {
      const d = w.decl();
      delete d.guarantees[0].references[0].accessCode;
      return refusedDeclaration(w, d, 'ACCESS_CODE_MISMATCH');
    } },
  { rule: 3, case: 'type 1 guarantee with GRN and access code', kind: 'positive', expected: 'accepted', run: (w) => accepted(w, w.decl()) },
  // 4 TIR
  { rule: 4, case: 'TIR declaration with guarantee type 1', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({ declarationType: 'TIR', tirCarnetNumber: 'XA12345678' }), 'VALIDATION_FAILED') },
  { rule: 4, case: 'TIR declaration with guarantee type B but no carnet', kind: 'negative', expected: 'INVALID_IDENTIFIER, nothing changed',
    run: (w) => refusedDeclaration(w, w.decl({ declarationType: 'TIR', guarantees: [{ sequenceNumber: 1, guaranteeType: 'B', references: [] }] }), 'INVALID_IDENTIFIER') },
  { rule: 4, case: 'TIR declaration with guarantee type B and carnet XA12345678', kind: 'positive', expected: 'accepted, no GRN reserved',
    run: (w) => accepted(w, w.decl({ declarationType: 'TIR', tirCarnetNumber: 'XA12345678', guarantees: [{ sequenceNumber: 1, guaranteeType: 'B', otherGuaranteeReference: 'XA12345678', references: [] }] })) },
  // 5 release and the guarantee
  { rule: 5, case: 'amount above what the guarantee has available', kind: 'negative', expected: 'INSUFFICIENT_GUARANTEE, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({}, '100000001'), 'INSUFFICIENT_GUARANTEE') },
  { rule: 5, case: 'guarantee suspended before release: IE055 (GUARANTEE_INVALID), not amended: IE051 (NOT_RELEASED), credited back', kind: 'negative', expected: 'GUARANTEE_INVALID then NOT_RELEASED, reservation credited',
    run: async (w) => {
      const grn = newGrn();
      await issueGuarantee(w.guarantor, grn, { amount: '500000' });
      const mrn = await w.declare(w.decl({}, '100000', grn));
      await w.guarantor.submit(`/guarantees/${grn}/suspend`, { body: { reason: 'conformance' } });
      const r = await w.azOfficer.submit<{ status: string }>(`/movements/${mrn}/release`, { body: { office: 'AZ000600' } });
      expect(r.status).to.equal('GUARANTEE_INVALID');
      const refused = await w.azOfficer.submit<{ status: string }>(`/movements/${mrn}/refuse`, { body: { office: 'AZ000600', reason: 'guarantee not amended' } });
      expect(refused.status).to.equal('NOT_RELEASED');
      const b = await balanceOf(w.guarantor, grn);
      expect(b.reserved).to.equal('0');
      return `release → ${r.status} (IE055); refuse → ${refused.status} (IE051); reserved back to ${b.reserved}`;
    } },
  { rule: 5, case: 'release with a valid guarantee that covers the amount', kind: 'positive', expected: 'RELEASED',
    run: async (w) => `released: ${await w.movement(await w.released())}` },
  // 6 amendment
  { rule: 6, case: 'amendment changing the LRN', kind: 'negative', expected: 'VALIDATION_FAILED, nothing changed',
    run: async (w) => {
      const d = w.decl();
      const mrn = await w.declare(d);
      w.memo.set('amend', mrn);
      w.memo.set('amendDecl', JSON.stringify(d));
      return rejected(() => w.trader.submit(`/movements/${mrn}/amend`, { body: { declaration: { ...d, lrn: newLrn('OTHER') } } }), 'VALIDATION_FAILED', () => w.movement(mrn));
    } },
  { rule: 6, case: 'amendment after release', kind: 'negative', expected: 'MESSAGE_OUT_OF_SEQUENCE, nothing changed',
    run: async (w) => {
      const d = w.decl();
      const mrn = await w.declare(d);
      await w.azOfficer.submit(`/movements/${mrn}/release`, { body: { office: 'AZ000600' } });
      return rejected(() => w.trader.submit(`/movements/${mrn}/amend`, { body: { declaration: { ...d, consignment: { ...d.consignment, grossMass: '20650000' } } } }), 'MESSAGE_OUT_OF_SEQUENCE', () => w.movement(mrn));
    } },
  { rule: 6, case: 'amendment of the amount to cover, before release', kind: 'positive', expected: 'accepted, the reservation follows',
    run: async (w) => {
      const mrn = w.memo.get('amend')!;
      const d = JSON.parse(w.memo.get('amendDecl')!) as Declaration;
      d.guarantees[0].references[0].amountToBeCovered.amount = '120000';
      d.guarantees[0].references[0].accessCode = ACCESS_CODE;
      const r = await w.trader.submit<{ status: string; guarantees: { amount: string }[] }>(`/movements/${mrn}/amend`, { body: { declaration: d } });
      expect(r.guarantees[0].amount).to.equal('120000');
      return `${r.status}, reserved ${r.guarantees[0].amount}`;
    } },
  // 7 cancellation
  { rule: 7, case: 'holder asks to cancel after release', kind: 'negative', expected: 'MESSAGE_OUT_OF_SEQUENCE, nothing changed',
    run: async (w) => {
      const mrn = await w.released();
      w.memo.set('cancel', mrn);
      return rejected(() => w.trader.submit(`/movements/${mrn}/cancel`, { body: { reason: 'too late' } }), 'MESSAGE_OUT_OF_SEQUENCE', () => w.movement(mrn));
    } },
  { rule: 7, case: 'holder cancels before release; customs invalidates after release', kind: 'positive', expected: 'CANCELLED both, credited back',
    run: async (w) => {
      const mrn = await w.declare(w.decl());
      const a = await w.trader.submit<{ status: string }>(`/movements/${mrn}/cancel`, { body: { reason: 'order withdrawn' } });
      const b = await w.azOfficer.submit<{ status: string }>(`/movements/${w.memo.get('cancel')}/invalidate`, { body: { office: 'AZ000600', reason: 'goods never left' } });
      expect([a.status, b.status]).to.deep.equal(['CANCELLED', 'CANCELLED']);
      return `holder before release: ${a.status}; customs after release: ${b.status}`;
    } },
  // 8–12, 14, 15: declaration rules
  { rule: 8, case: 'the same office of transit twice', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => {
      const d = w.decl();
      d.officesOfTransit = [d.officesOfTransit[0], { ...d.officesOfTransit[0], sequenceNumber: 2 }];
      return refusedDeclaration(w, d, 'VALIDATION_FAILED');
    } },
  { rule: 8, case: 'two different offices of transit', kind: 'positive', expected: 'accepted',
    run: (w) => {
      const d = w.decl();
      d.officesOfTransit = [d.officesOfTransit[0], { ...d.officesOfTransit[0], sequenceNumber: 2, referenceNumber: 'GE000300' }];
      return accepted(w, d);
    } },
  { rule: 9, case: 'destination in GE without an office of transit in GE', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({ officesOfTransit: [] }), 'VALIDATION_FAILED') },
  { rule: 9, case: 'destination in the country of departure without an office of transit', kind: 'positive', expected: 'accepted',
    run: (w) => accepted(w, w.decl({ officeOfDestination: 'AZ000100', officesOfTransit: [], consignment: { ...w.decl().consignment, countryOfDestination: 'AZ', countriesOfRouting: ['AZ'] } })) },
  { rule: 10, case: 'office of exit equal to the destination', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({ officesOfExit: [{ sequenceNumber: 1, referenceNumber: 'GE000600' }] }), 'VALIDATION_FAILED') },
  { rule: 10, case: 'office of exit Sarpi (GE000500), distinct from transit and destination', kind: 'positive', expected: 'accepted',
    run: (w) => accepted(w, w.decl({ officesOfExit: [{ sequenceNumber: 1, referenceNumber: 'GE000500' }] })) },
  { rule: 11, case: 'binding itinerary without countries of routing', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({ bindingItinerary: true, consignment: { ...w.decl().consignment, countriesOfRouting: [] } }), 'VALIDATION_FAILED') },
  { rule: 11, case: 'binding itinerary with countries of routing AZ, GE', kind: 'positive', expected: 'accepted', run: (w) => accepted(w, w.decl({ bindingItinerary: true })) },
  { rule: 12, case: 'estimated arrival before the message date', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => {
      const d = w.decl();
      d.officesOfTransit[0].arrivalDateAndTimeEstimated = '2020-01-01T00:00:00';
      return refusedDeclaration(w, d, 'VALIDATION_FAILED');
    } },
  { rule: 12, case: 'estimated arrival after the message date and after the release', kind: 'positive', expected: 'accepted and released',
    run: async (w) => `released: ${await w.movement(await w.released())}` },
  { rule: 13, case: 'numberOfSeals 3 with 2 seals listed', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => {
      const d = w.decl();
      d.consignment.transportEquipment[0].numberOfSeals = 3;
      return refusedDeclaration(w, d, 'VALIDATION_FAILED');
    } },
  { rule: 13, case: 'arrival without the state of the declared seals', kind: 'negative', expected: 'VALIDATION_FAILED, nothing changed',
    run: async (w) => {
      const mrn = await w.released();
      w.memo.set('seals', mrn);
      return rejected(() => w.geOfficer.submit(`/movements/${mrn}/arrival`, { body: { office: 'GE000600' } }), 'VALIDATION_FAILED', () => w.movement(mrn));
    } },
  { rule: 13, case: 'two unique seals declared, their state given at arrival', kind: 'positive', expected: 'ARRIVED',
    run: async (w) => {
      const r = await w.geOfficer.submit<{ status: string }>(`/movements/${w.memo.get('seals')}/arrival`, { body: { office: 'GE000600', sealsOk: true } });
      expect(r.status).to.equal('ARRIVED');
      return r.status;
    } },
  { rule: 14, case: 'net mass above gross mass of an item', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => {
      const d = w.decl();
      d.consignment.houseConsignments[0].items[0].netMass = '20640001';
      return refusedDeclaration(w, d, 'VALIDATION_FAILED');
    } },
  { rule: 14, case: 'consignment gross below the sum of its houses', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => refusedDeclaration(w, w.decl({ consignment: { ...w.decl().consignment, grossMass: '20639999' } }), 'VALIDATION_FAILED') },
  { rule: 14, case: 'net ≤ gross, house = sum of items, consignment = sum of houses', kind: 'positive', expected: 'accepted', run: (w) => accepted(w, w.decl()) },
  { rule: 15, case: 'goods items numbered from 2', kind: 'negative', expected: 'VALIDATION_FAILED, nothing reserved',
    run: (w) => {
      const d = w.decl();
      d.consignment.houseConsignments[0].items[0].goodsItemNumber = 2;
      return refusedDeclaration(w, d, 'VALIDATION_FAILED');
    } },
  { rule: 15, case: 'goods items numbered 1, 2', kind: 'positive', expected: 'accepted',
    run: (w) => {
      const d = w.decl();
      const item = d.consignment.houseConsignments[0].items[0];
      d.consignment.houseConsignments[0].items = [
        { ...item, grossMass: '10000000', netMass: '9000000' },
        { ...item, goodsItemNumber: 2, declarationGoodsItemNumber: 2, grossMass: '10640000', netMass: '10000000' },
      ];
      return accepted(w, d);
    } },
  // 16 arrival
  { rule: 16, case: 'arrival for a cancelled MRN and for an unknown MRN', kind: 'negative', expected: 'INVALID_STATE_TRANSITION and UNKNOWN_MOVEMENT, nothing changed',
    run: async (w) => {
      const mrn = await w.declare(w.decl());
      await w.trader.submit(`/movements/${mrn}/cancel`, { body: {} });
      const a = await rejected(() => w.trader.submit(`/movements/${mrn}/arrival`, { body: { office: 'GE000600', sealsOk: true } }), 'INVALID_STATE_TRANSITION', () => w.movement(mrn));
      const unknown = mrn.slice(0, 4) + 'ZZZZZZZZZZZZ' + mrn[16];
      const u = await rejected(() => w.trader.submit(`/movements/${unknown + checkDigit(unknown)}/arrival`, { body: { office: 'GE000600', sealsOk: true } }), 'UNKNOWN_MOVEMENT', () => w.guarantee());
      return `cancelled: ${a}; unknown: ${u}`;
    } },
  { rule: 16, case: 'arrival of a released movement at another competent office (Batumi) by the holder', kind: 'positive', expected: 'ARRIVED, declaredDestination false',
    run: async (w) => {
      const mrn = await w.released();
      const r = await w.trader.submit<{ status: string; declaredDestination: boolean }>(`/movements/${mrn}/arrival`, { body: { office: 'GE000700', sealsOk: true } });
      expect(r.status).to.equal('ARRIVED');
      return `${r.status}, declaredDestination ${r.declaredDestination}`;
    } },
  // 17 write-off
  { rule: 17, case: 'write-off of an arrived movement without control results', kind: 'negative', expected: 'INVALID_STATE_TRANSITION, nothing changed',
    run: async (w) => {
      const mrn = await w.released();
      await w.geOfficer.submit(`/movements/${mrn}/arrival`, { body: { office: 'GE000600', sealsOk: true } });
      w.memo.set('wo', mrn);
      return rejected(() => w.azOfficer.submit(`/movements/${mrn}/write-off`, { body: { office: 'AZ000600' } }), 'INVALID_STATE_TRANSITION', async () => `${await w.movement(mrn)}; ${await w.guarantee()}`);
    } },
  { rule: 17, case: 'satisfactory control results, write-off, and a second write-off', kind: 'positive', expected: 'WRITTEN_OFF, credited once; the second is refused and credits nothing',
    run: async (w) => {
      const mrn = w.memo.get('wo')!;
      await w.geOfficer.submit(`/movements/${mrn}/control-results`, { body: { office: 'GE000600', code: 'A1' } });
      const before = await balanceOf(w.guarantor, w.grn);
      const r = await w.azOfficer.submit<{ status: string; credited: { amount: string }[] }>(`/movements/${mrn}/write-off`, { body: { office: 'AZ000600' } });
      const after = await balanceOf(w.guarantor, w.grn);
      expect(BigInt(before.reserved) - BigInt(after.reserved)).to.equal(100000n);
      const again = await rejection(w.azOfficer.submit(`/movements/${mrn}/write-off`, { body: { office: 'AZ000600' } }));
      expect(again.code).to.equal('INVALID_STATE_TRANSITION');
      expect((await balanceOf(w.guarantor, w.grn)).reserved).to.equal(after.reserved);
      return `${r.status}, credited ${r.credited.map((c) => c.amount).join('+')}; second write-off ${again.code}, reserved stays ${after.reserved}`;
    } },
  // 18 concurrency (the 200-declaration measurement is tests/integration/concurrency.test.ts)
  { rule: 18, case: '12 declarations at once on a guarantee covering 8', kind: 'negative', expected: '4 × INSUFFICIENT_GUARANTEE, available exactly 0, never negative',
    run: async (w) => {
      const grn = newGrn();
      await issueGuarantee(w.guarantor, grn, { amount: '800000' });
      const out = await Promise.allSettled(Array.from({ length: 12 }, () => w.declare(w.decl({}, '100000', grn))));
      const codes = out.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code as string);
      const b = await balanceOf(w.guarantor, grn);
      expect(codes).to.deep.equal(Array(4).fill('INSUFFICIENT_GUARANTEE'));
      expect(b.available).to.equal('0');
      w.memo.set('conc', `${out.length - codes.length}`);
      return `${codes.length} rejected with INSUFFICIENT_GUARANTEE; available ${b.available}, reserved ${b.reserved} of 800000`;
    } },
  { rule: 18, case: 'the covered declarations of the concurrent batch', kind: 'positive', expected: 'exactly 8 accepted', run: async (w) => {
    expect(w.memo.get('conc')).to.equal('8');
    return `${w.memo.get('conc')} accepted`;
  } },
  // 19 who may act
  { rule: 19, case: 'a GE officer releases an AZ movement; customs suspends a guarantee', kind: 'negative', expected: 'FORBIDDEN_OFFICE and FORBIDDEN, nothing changed',
    run: async (w) => {
      const mrn = await w.declare(w.decl());
      w.memo.set('who', mrn);
      const a = await rejected(() => w.geOfficer.submit(`/movements/${mrn}/release`, { body: { office: 'AZ000600' } }), 'FORBIDDEN_OFFICE', () => w.movement(mrn));
      const b = await rejected(() => w.azOfficer.submit(`/guarantees/${w.grn}/suspend`, { body: {} }), 'FORBIDDEN', async () => (await balanceOf(w.guarantor, w.grn)).reserved + '/' + (await w.guarantor.get<{ status: string }>(`/guarantees/${w.grn}`)).status);
      return `release by CustomsGE: ${a}; suspend by customs: ${b}`;
    } },
  { rule: 19, case: 'the departure administration releases; the guarantor suspends and reinstates its guarantee', kind: 'positive', expected: 'RELEASED; SUSPENDED then ACTIVE',
    run: async (w) => {
      const r = await w.azOfficer.submit<{ status: string }>(`/movements/${w.memo.get('who')}/release`, { body: { office: 'AZ000600' } });
      const grn = newGrn();
      await issueGuarantee(w.guarantor, grn);
      const s = await w.guarantor.submit<{ status: string }>(`/guarantees/${grn}/suspend`, { body: {} });
      const a = await w.guarantor.submit<{ status: string }>(`/guarantees/${grn}/reinstate`, { body: {} });
      return `${r.status}; ${s.status} then ${a.status}`;
    } },
  // 20 time limits
  { rule: 20, case: 'enquiry before the time limit; a claim before recovery', kind: 'negative', expected: 'TIME_LIMIT_NOT_REACHED and INVALID_STATE_TRANSITION, nothing changed',
    run: async (w) => {
      const mrn = await w.released({}, { timeLimit: iso(Date.now() + 6000) });
      w.memo.set('late', mrn);
      const a = await rejected(() => w.azOfficer.submit(`/movements/${mrn}/enquiry`, { body: { office: 'AZ000600' } }), 'TIME_LIMIT_NOT_REACHED', () => w.movement(mrn));
      const b = await rejected(() => w.azOfficer.submit(`/guarantees/${w.grn}/claims`, { body: { mrn, office: 'AZ000600', amount: '1000', evidenceHash: 'e'.repeat(64) } }), 'INVALID_STATE_TRANSITION', () => w.guarantee());
      return `enquiry: ${a}; claim: ${b}`;
    } },
  { rule: 20, case: 'enquiry after the time limit, recovery after the reply period, claim above and up to the reservation', kind: 'positive', expected: 'ENQUIRY, RECOVERY, INVALID_AMOUNT above, RAISED up to the reservation',
    run: async (w) => {
      const mrn = w.memo.get('late')!;
      const e = await whenDue(() => w.azOfficer.submit<{ status: string }>(`/movements/${mrn}/enquiry`, { body: { office: 'AZ000600' } }));
      await setParameters(w.network, { enquiryReplySeconds: '3' });
      try {
        const r = await whenDue(() => w.azOfficer.submit<{ status: string }>(`/movements/${mrn}/recovery`, { body: { office: 'AZ000600', reason: 'no proof' } }));
        const over = await rejection(w.azOfficer.submit(`/guarantees/${w.grn}/claims`, { body: { mrn, office: 'AZ000600', amount: '100001', evidenceHash: 'e'.repeat(64) } }));
        expect(over.code).to.equal('INVALID_AMOUNT');
        const c = await w.azOfficer.submit<{ status: string; amount: string }>(`/guarantees/${w.grn}/claims`, { body: { mrn, office: 'AZ000600', amount: '100000', evidenceHash: 'e'.repeat(64) } });
        return `${e.value.status} (after ${e.polls} ledger polls), ${r.value.status} (after ${r.polls}), claim of 100001 ${over.code}, claim of ${c.amount} ${c.status}`;
      } finally {
        await setParameters(w.network, { enquiryReplySeconds: String(28 * 86400) });
      }
    } },
  // 21 unknown offices and countries, accession
  { rule: 21, case: 'an unknown office of a member country; an office of TM, not acceded; an office of an unknown country', kind: 'negative', expected: 'UNKNOWN_OFFICE, COUNTRY_NOT_MEMBER, COUNTRY_NOT_MEMBER; nothing reserved',
    skipUnless: (w) => (w.network.organisations.some((o) => o.country === 'TM') ? 'TM is already a member of this network' : undefined),
    run: async (w) => {
      const a = await refusedDeclaration(w, w.decl({ officeOfDeparture: 'AZ009999' }), 'UNKNOWN_OFFICE');
      const b = await refusedDeclaration(w, w.decl({ officeOfDestination: 'TM000100', officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'TM000200', arrivalDateAndTimeEstimated: w.decl().officesOfTransit[0].arrivalDateAndTimeEstimated }] }), 'COUNTRY_NOT_MEMBER');
      const c = await refusedDeclaration(w, w.decl({ officeOfDestination: 'XX000100', officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'XX000200' }] }), 'COUNTRY_NOT_MEMBER');
      return `${a} | ${b} | ${c}`;
    } },
  { rule: 21, case: 'after accession, a movement through TM works (covered by the accession test)', kind: 'positive', expected: 'accepted via TM',
    skipUnless: (w) => (w.network.organisations.some((o) => o.country === 'TM') ? undefined : 'no TM organisation on this network: the accession test covers this half'),
    run: (w) => accepted(w, w.decl({ officeOfDestination: 'TM000300', officesOfTransit: [{ sequenceNumber: 1, referenceNumber: 'TM000200', arrivalDateAndTimeEstimated: w.decl().officesOfTransit[0].arrivalDateAndTimeEstimated }], consignment: { ...w.decl().consignment, countryOfDestination: 'TM', countriesOfRouting: ['AZ', 'TM'] } })) },
  // 22 LRN
  { rule: 22, case: 'the same LRN again from the same holder', kind: 'negative', expected: 'DUPLICATE_LRN, nothing reserved',
    run: async (w) => {
      const d = w.decl();
      await w.declare(d);
      w.memo.set('lrn', d.lrn);
      return refusedDeclaration(w, w.decl({ lrn: d.lrn }), 'DUPLICATE_LRN');
    } },
  { rule: 22, case: 'the same LRN from another holder (cash guarantee)', kind: 'positive', expected: 'accepted',
    run: async (w) => {
      const d = w.decl({ lrn: w.memo.get('lrn')!, holder: { identificationNumber: 'AZ1401987652', name: 'Other holder', address: { country: 'AZ' } }, guarantees: [{ sequenceNumber: 1, guaranteeType: '3', otherGuaranteeReference: 'CASH-1', references: [] }] });
      const mrn = await w.declare(d, w.trader2);
      return `accepted as ${mrn} for holder AZ1401987652`;
    } },
];

