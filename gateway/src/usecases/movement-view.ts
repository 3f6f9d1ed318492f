// The ledger's movement record (and, when the caller may see it, its declaration) → the read-only view
// the NCTS answer writers take.
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import type { MovementView } from '../ncts/movement-view';

type Rec = Record<string, unknown>;
const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function toMovementView(movement: Rec, declaration?: Declaration): MovementView {
  const d = declaration ?? (movement.declaration as Declaration | undefined);
  const transit = Array.isArray(movement.officesOfTransit) ? movement.officesOfTransit : [];
  return {
    mrn: s(movement.mrn) ?? '',
    lrn: s(movement.lrn) ?? d?.lrn ?? '',
    status: s(movement.status) ?? '',
    officeOfDeparture: s(movement.officeOfDeparture) ?? d?.officeOfDeparture ?? '',
    officeOfDestination: s(movement.officeOfDestination) ?? d?.officeOfDestination ?? '',
    officesOfTransit:
      d?.officesOfTransit ?? transit.map((o, i) => (typeof o === 'string' ? { sequenceNumber: i + 1, referenceNumber: o } : (o as { sequenceNumber: number; referenceNumber: string }))),
    holder: d?.holder ?? { identificationNumber: s(movement.holderId) },
    declaration: d,
    timestamps: {
      acceptedAt: s(movement.acceptedAt),
      releasedAt: s(movement.releasedAt),
      writtenOffAt: s(movement.writtenOffAt),
      arrivedAt: s((movement.arrival as Rec | undefined)?.arrivedAt),
    },
  };
}
