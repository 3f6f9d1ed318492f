// A client that goes away in the middle of its body is answered as a bad request of its own making, not
// logged as a failure of the gateway.
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { rawBody } from '../../../gateway/src/http/raw-body';

function fakeRequest(headers: Record<string, string>): Request & EventEmitter & { readableAborted: boolean } {
  const req = new EventEmitter() as Request & EventEmitter & { readableAborted: boolean };
  Object.assign(req, { method: 'POST', readableAborted: false, get: (h: string) => headers[h.toLowerCase()], resume: () => req });
  return req;
}

describe('gateway: reading the body', () => {
  it('a body cut short by the client is VALIDATION_FAILED (reason aborted), once', () => {
    const req = fakeRequest({ 'content-type': 'application/json', 'content-length': '100' });
    const seen: unknown[] = [];
    rawBody({ json: 1024, other: 1024 })(req, {} as Response, (e?: unknown) => seen.push(e));
    req.emit('data', Buffer.from('{"'));
    req.readableAborted = true;
    req.emit('error', Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    req.emit('error', new Error('aborted'));
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.instanceOf(CatsError).with.property('code', 'VALIDATION_FAILED');
    expect((seen[0] as CatsError).details).to.deep.include({ reason: 'aborted' });
  });

  it('another stream error still goes on as the error it is', () => {
    const req = fakeRequest({ 'content-type': 'application/json' });
    const seen: unknown[] = [];
    rawBody({ json: 1024, other: 1024 })(req, {} as Response, (e?: unknown) => seen.push(e));
    const boom = new Error('EIO');
    req.emit('error', boom);
    expect(seen).to.deep.equal([boom]);
  });
});
