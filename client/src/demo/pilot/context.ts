// What every story of the scenario gets: a REST client per enrolled user (`Org:user`), the folder of the
// sample messages, where to print, and the registry's office names for readable output.
import type { ApiClient } from '../../api-client';

export type Log = (line: string) => void;

export interface StoryContext {
  as: (who: string) => ApiClient;
  samplesDir: string;
  log: Log;
  /** office code → name, from the registry */
  officeNames: Map<string, string>;
}
