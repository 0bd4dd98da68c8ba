import { CaseDoc } from './case.schema';

/** What the API shows of a case: its number under its own name, reporters without internal refs. */
export function toCaseView({ _id, dedupKey: _dedupKey, reporters, ...rest }: CaseDoc) {
  return {
    caseNumber: _id,
    ...rest,
    reporters: reporters.map(({ channel, sourceRef, reportedAt }) => ({ channel, sourceRef, reportedAt })),
  };
}
