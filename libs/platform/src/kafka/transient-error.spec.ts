import { BadRequestException, InternalServerErrorException, ServiceUnavailableException } from '@nestjs/common';
import { ConcurrentChangeError, isTransientError } from './transient-error';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });

describe('isTransientError', () => {
  it('takes a server that is away for transient, through cause chains', () => {
    expect(isTransientError(named('MongoServerSelectionError'))).toBe(true);
    expect(isTransientError(named('MongoNetworkError'))).toBe(true);
    expect(isTransientError(named('MongooseError', { message: 'Operation `reports.findOne()` buffering timed out after 10000ms' }))).toBe(true);
    expect(isTransientError(named('KafkaJSConnectionError', { retriable: true }))).toBe(true);
    expect(isTransientError(named('KafkaJSProtocolError', { retriable: true }))).toBe(true);
    // Temporal's client: a ServiceError caused by gRPC UNAVAILABLE
    expect(isTransientError(named('ServiceError', { cause: Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established' }) }))).toBe(true);
    expect(isTransientError(named('ServiceError', { cause: Object.assign(new Error('8 RESOURCE_EXHAUSTED: workflow is busy'), { code: 8, details: 'workflow is busy' }) }))).toBe(true);
    const taskFailed = 'Unable to perform workflow execution update due to Workflow Task in failed state.';
    expect(isTransientError(named('ServiceError', { cause: Object.assign(new Error(`9 FAILED_PRECONDITION: ${taskFailed}`), { code: 9, details: taskFailed }) }))).toBe(true);
    expect(isTransientError(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isTransientError(named('MongoError', { hasErrorLabel: (label: string) => label === 'ResetPool' }))).toBe(true);
    // another replica's write won the race for a revision-guarded document: read again and retry
    expect(isTransientError(new ConcurrentChangeError('statistics day 2026-12-07 changed concurrently'))).toBe(true);
    // a 503 of our own: what the work needs is not there yet (intake without the grid's dataset)
    expect(isTransientError(new ServiceUnavailableException({ message: 'the grid dataset is not loaded yet' }))).toBe(true);
  });

  it('leaves failures of the message itself to the bounded retries and the dead-letter topic', () => {
    expect(isTransientError(new Error('case 2026 not found'))).toBe(false);
    expect(isTransientError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isTransientError(named('MongoServerError', { code: 11000, hasErrorLabel: () => false }))).toBe(false);
    expect(isTransientError(named('KafkaJSProtocolError', { retriable: false }))).toBe(false);
    expect(isTransientError(named('ServiceError', { cause: Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3, details: 'bad' }) }))).toBe(false);
    expect(isTransientError(named('ServiceError', { cause: Object.assign(new Error('9 FAILED_PRECONDITION: other'), { code: 9, details: 'other' }) }))).toBe(false);
    expect(isTransientError(new BadRequestException('location: outside the city'))).toBe(false);
    expect(isTransientError(new InternalServerErrorException())).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
    expect(isTransientError('a string')).toBe(false);
  });
});
