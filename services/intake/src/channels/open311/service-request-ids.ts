/**
 * Every Open311 report has its own service_request_id. A report that opened its case carries the case number
 * (what the resident quotes on the phone to 12345); a report merged at intake into an open case of the same problem
 * (合并) is `<case number>-<n>`, the n-th report joined to that case — never the case's own id, which is another
 * resident's report.
 */
const SERVICE_REQUEST_ID = /^(\d{8}-\d{6})(?:-([1-9]\d{0,3}))?$/;

export interface ParsedServiceRequestId {
  caseNumber: string;
  /** 1-based position among the reports joined to the case; undefined for the report that opened it */
  joined?: number;
}

export function parseServiceRequestId(id: string): ParsedServiceRequestId | undefined {
  const match = SERVICE_REQUEST_ID.exec(id.trim());
  if (!match) return undefined;
  return { caseNumber: match[1], ...(match[2] ? { joined: Number(match[2]) } : {}) };
}

export function serviceRequestIdOf(caseNumber: string, joinedPosition?: number): string {
  return joinedPosition === undefined ? caseNumber : `${caseNumber}-${joinedPosition}`;
}
