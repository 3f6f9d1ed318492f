// Registry changes by the governance rule: one customs administration's admin proposes, the others
// approve from their own organisations until a majority has agreed and the ledger applies the change.
// Idempotent by proposal id: a change already applied is left alone, an open one gets the missing approvals.
import { contractOf } from './fabric-client';
import { NetworkFile } from './network-file';
import { waitFor } from './processes';
import { withAdmin } from './registry-seed';

const utf8 = new TextDecoder();

interface ProposalView {
  id: string;
  status: 'OPEN' | 'APPLIED';
  approvals: string[];
}

async function proposalOn(network: NetworkFile, orgName: string, id: string): Promise<ProposalView | undefined> {
  const org = network.organisations.find((o) => o.name === orgName)!;
  return withAdmin(network, org, async (g) => {
    try {
      const proposal = contractOf(g, network, 'registry').newProposal('GetProposal', { arguments: [JSON.stringify({ id })], endorsingOrganizations: [org.mspId] });
      return JSON.parse(utf8.decode(await proposal.evaluate())) as ProposalView;
    } catch (err) {
      if (/UNKNOWN_PROPOSAL/.test(JSON.stringify((err as { details?: unknown }).details ?? '') + String(err))) return undefined;
      throw err;
    }
  });
}

/** Customs administrations that vote, in a fixed order; `voters` limits how many of them are asked. */
export async function agree(network: NetworkFile, id: string, change: Record<string, unknown>, voters?: number): Promise<ProposalView> {
  const customs = network.organisations.filter((o) => o.kind === 'CUSTOMS').slice(0, voters);
  let last = customs[0].name; // the peer that committed the latest step knows the latest state
  let proposal = await proposalOn(network, last, id);
  if (proposal?.status === 'APPLIED') return proposal;
  if (!proposal) {
    await withAdmin(network, customs[0], (g) => contractOf(g, network, 'registry').submitTransaction('Propose', JSON.stringify({ id, change })));
  }
  for (const org of customs.slice(1)) {
    proposal = await proposalOn(network, last, id);
    if (!proposal || proposal.status === 'APPLIED') break;
    if (proposal.approvals.includes(org.mspId)) continue;
    // This administration endorses on its own peer, which must have caught up with the proposal.
    await waitFor(`proposal ${id} on the peer of ${org.name}`, async () => (await proposalOn(network, org.name, id))?.approvals.length === proposal!.approvals.length, 30000);
    await withAdmin(network, org, (g) => contractOf(g, network, 'registry').submitTransaction('Approve', JSON.stringify({ id })));
    last = org.name;
  }
  return (await proposalOn(network, last, id))!;
}
