import { expect } from 'chai';
import { ApiError, NetworkUnavailable } from '../../../client/src/api-client';
import { EXIT, UsageError, errorLine, exitCodeOf } from '../../../client/src/cli/errors';

describe('cats exit codes', () => {
  it('maps business rejections (4xx) to 1', () => {
    for (const [status, code] of [
      [400, 'VALIDATION_FAILED'],
      [403, 'FORBIDDEN_OFFICE'],
      [404, 'UNKNOWN_MOVEMENT'],
      [409, 'INVALID_STATE_TRANSITION'],
      [422, 'INSUFFICIENT_GUARANTEE'],
    ] as const) {
      expect(exitCodeOf(new ApiError(status, code, 'x')), code).to.equal(EXIT.REJECTED);
    }
  });

  it('maps usage and authentication problems to 2', () => {
    expect(exitCodeOf(new UsageError('unknown option --x'))).to.equal(EXIT.USAGE);
    expect(exitCodeOf(new ApiError(401, 'UNAUTHENTICATED', 'the token has expired'))).to.equal(EXIT.USAGE);
    expect(exitCodeOf(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'x'))).to.equal(EXIT.USAGE);
  });

  it('maps an unreachable network and 5xx answers to 3', () => {
    expect(exitCodeOf(new NetworkUnavailable('not reachable'))).to.equal(EXIT.UNAVAILABLE);
    expect(exitCodeOf(new ApiError(503, 'NETWORK_UNAVAILABLE', 'peer down'))).to.equal(EXIT.UNAVAILABLE);
    expect(exitCodeOf(new ApiError(500, 'INTERNAL', 'x'))).to.equal(EXIT.UNAVAILABLE);
    expect(exitCodeOf(new ApiError(504, 'TIMEOUT', 'x'))).to.equal(EXIT.UNAVAILABLE);
  });

  it('prints one line: cats: error: CODE: message, never a stack', () => {
    expect(errorLine(new ApiError(404, 'UNKNOWN_MOVEMENT', 'mrn: no movement 25AZ…'))).to.equal('cats: error: UNKNOWN_MOVEMENT: mrn: no movement 25AZ…');
    expect(errorLine(new UsageError('bad\n  thing', 'UNSUPPORTED_FILE'))).to.equal('cats: error: UNSUPPORTED_FILE: bad thing');
    expect(errorLine(new NetworkUnavailable('gone'))).to.equal('cats: error: NETWORK_UNAVAILABLE: gone');
    const internal = errorLine(new Error('boom'));
    expect(internal).to.equal('cats: error: INTERNAL: boom');
    expect(internal).not.to.contain('\n');
  });
});
