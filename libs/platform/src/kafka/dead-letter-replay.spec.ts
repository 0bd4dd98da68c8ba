import { deadLetterSource } from './dead-letter-replay';
import { DLT_HEADERS } from './kafka-event.server';

describe('deadLetterSource', () => {
  const headers = (offset: string, reason: string) => ({
    [DLT_HEADERS.group]: Buffer.from('casework'), [DLT_HEADERS.topic]: Buffer.from('civicflow.case.v1'), [DLT_HEADERS.partition]: Buffer.from('2'),
    [DLT_HEADERS.offset]: Buffer.from(offset), [DLT_HEADERS.reason]: Buffer.from(reason), [DLT_HEADERS.failedAt]: Buffer.from(new Date().toISOString()),
  });

  it('names the message a letter stands for, whoever wrote it and why', () => {
    expect(deadLetterSource(headers('41', 'replica 1'))).toBe('casework|civicflow.case.v1|2|41');
    expect(deadLetterSource(headers('41', 'replica 2'))).toBe(deadLetterSource(headers('41', 'replica 1')));
    expect(deadLetterSource(headers('42', 'replica 1'))).not.toBe(deadLetterSource(headers('41', 'replica 1')));
  });

  it('has none for a letter without its source headers', () => {
    expect(deadLetterSource(undefined)).toBeUndefined();
    expect(deadLetterSource({ [DLT_HEADERS.group]: 'casework' })).toBeUndefined();
  });
});
