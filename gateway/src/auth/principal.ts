// The authenticated caller of a request: who they are in their organisation and what the token says
// they may do. The Fabric identity used to sign their transactions is looked up by (org, userId).
import type { Role } from '../../../chaincode/src/domain/roles';

export interface Principal {
  org: string;
  userId: string;
  role: Role;
  offices: string[];
  traderId: string | null;
}
