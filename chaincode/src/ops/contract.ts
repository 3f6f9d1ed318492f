// contract `ops`: Ping, the cheapest possible write (for the throughput ceiling), and Health.

import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { run } from '../ledger/run';
import { putJson } from '../ledger/state';
import { txId, txTime } from '../ledger/tx';
import { getGenesis } from '../registry/store';

@Info({ title: 'ops', description: 'CATS/ICE operational probes' })
export class OpsContract extends Contract {
  constructor() {
    super('ops');
  }

  /** Writes one key derived from the transaction id: no reads, so no conflicts. */
  @Transaction()
  @Returns('string')
  async Ping(ctx: Context): Promise<string> {
    return run(async () => {
      const id = txId(ctx);
      const at = txTime(ctx).iso;
      await putJson(ctx, ctx.stub.createCompositeKey('cats.ping', [id]), { at });
      return { ok: true, txId: id, at };
    });
  }

  @Transaction(false)
  @Returns('string')
  async Health(ctx: Context): Promise<string> {
    return run(async () => ({ ok: true, registry: (await getGenesis(ctx))?.status ?? 'NONE', mspId: ctx.clientIdentity.getMSPID() }));
  }
}
