// Status records of writes, kept in the gateway's LevelDB so a client can poll after a restart.
import type { Db } from '../store/db';
import type { TxRecord } from './tx-record';

const PREFIX = 'tx!';

export class TxStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<TxRecord | undefined> {
    return (await this.db.get(PREFIX + id)) as TxRecord | undefined;
  }

  async put(record: TxRecord): Promise<void> {
    await this.db.put(PREFIX + record.id, record);
  }
}
