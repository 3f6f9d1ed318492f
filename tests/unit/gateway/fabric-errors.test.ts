import { expect } from 'chai';
import { status as Grpc, type ServiceError } from '@grpc/grpc-js';
import { CommitError, CommitStatusError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { CatsError, encodeError } from '../../../chaincode/src/domain/errors';
import { isRetryable, toCatsError } from '../../../gateway/src/fabric/fabric-errors';

const cause = {} as ServiceError;
const endorse = (code: number, messages: string[]) =>
  new EndorseError({ code, cause, transactionId: 'tx1', message: `${code} failed to endorse transaction, see attached details for more info`, details: messages.map((m) => ({ address: 'peer0:7051', mspId: 'CustomsAZMSP', message: m })) });

describe('gateway: Fabric errors → the closed error set', () => {
  it("returns the chaincode's own CatsError from an endorsement failure", () => {
    const text = 'chaincode response 500, ' + encodeError(new CatsError('DUPLICATE_LRN', 'lrn: already declared', { field: 'lrn' }));
    const e = toCatsError(endorse(Grpc.ABORTED, [text]));
    expect(e.code).to.equal('DUPLICATE_LRN');
    expect(e.status).to.equal(409);
    expect(e.details).to.deep.equal({ field: 'lrn' });
    expect(isRetryable(endorse(Grpc.ABORTED, [text]))).to.equal(false);
  });

  it('finds the chaincode error in an evaluate message too', () => {
    const err = new GatewayError({ code: Grpc.UNKNOWN, cause, details: [], message: 'evaluate call to endorser returned error: chaincode response 500, ' + encodeError(new CatsError('UNKNOWN_MOVEMENT', 'mrn: unknown')) });
    expect(toCatsError(err).code).to.equal('UNKNOWN_MOVEMENT');
  });

  it('maps an unreachable peer to NETWORK_UNAVAILABLE (503) and retries it', () => {
    const err = endorse(Grpc.UNAVAILABLE, ['connection refused']);
    expect(isRetryable(err)).to.equal(true);
    const e = toCatsError(err);
    expect(e.code).to.equal('NETWORK_UNAVAILABLE');
    expect(e.status).to.equal(503);
    expect(e.message).not.to.contain('connection refused');
  });

  it('maps deadlines to TIMEOUT without retrying and without gRPC text', () => {
    const err = new CommitStatusError({ code: Grpc.DEADLINE_EXCEEDED, cause, details: [], transactionId: 'tx9', message: '4 DEADLINE_EXCEEDED: Deadline exceeded after 10.001s' });
    const e = toCatsError(err);
    expect(e.code).to.equal('TIMEOUT');
    expect(e.details).to.deep.equal({ stage: 'commit-status', transactionId: 'tx9' });
    expect(JSON.stringify(e.toJSON())).not.to.contain('DEADLINE_EXCEEDED');
    expect(isRetryable(err)).to.equal(false);
  });

  it('retries only MVCC and phantom read conflicts among commit failures', () => {
    expect(isRetryable(new CommitError({ code: 11, transactionId: 't' }))).to.equal(true);
    expect(isRetryable(new CommitError({ code: 12, transactionId: 't' }))).to.equal(true);
    const policy = new CommitError({ code: 10, transactionId: 't' });
    expect(isRetryable(policy)).to.equal(false);
    expect(toCatsError(policy).details.validationCode).to.equal('ENDORSEMENT_POLICY_FAILURE');
  });

  it('never passes an unknown error text to the client', () => {
    const e = toCatsError(new Error('secret internals at /abs/path'));
    expect(e.code).to.equal('INTERNAL');
    expect(e.message).not.to.contain('/abs/path');
  });
});
