import { randomUUID } from 'node:crypto';
import { shorten } from '../../templates/format';
import { DeliveryResult, describeError } from '../notification-channel';
import { signedQuery } from './aliyun-signature';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  endpoint: string;
  /** CivicFlow template key → the template code approved in the SMS console */
  templates: Record<string, string>;
  timeoutMs?: number;
}

export interface AliyunSmsRequest {
  phone: string;
  template: string;
  /** values for the approved template's ${…} variables */
  fields: Record<string, string>;
  /** our id of the message, echoed in delivery receipts */
  outId?: string;
}

/** Variables an approved template may use; SMS variable values are limited to 35 characters. */
const TEMPLATE_VARIABLES = ['caseNumber', 'category', 'unit', 'time', 'deadline', 'status'];
const VARIABLE_MAX_CHARS = 35;

/** Codes that no retry can fix (bad number, template or signature, missing variables, no permission). */
const PERMANENT_CODES = [
  'isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_TEMPLATE_ILLEGAL', 'isv.SMS_SIGNATURE_ILLEGAL', 'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.INVALID_PARAMETERS', 'isv.BLACK_KEY_CONTROL_LIMIT', 'isv.PARAM_LENGTH_LIMIT', 'isv.AMOUNT_NOT_ENOUGH',
  'isp.RAM_PERMISSION_DENY', 'isv.ACCOUNT_NOT_EXISTS', 'isv.ACCOUNT_ABNORMAL', 'SignatureDoesNotMatch', 'InvalidAccessKeyId.NotFound',
];

type Fetch = typeof fetch;

/** SendSms of Alibaba Cloud SMS (API version 2017-05-25), signed with POP RPC signature V1, sent as a form POST. */
export class AliyunSmsClient {
  constructor(
    private readonly options: AliyunSmsOptions,
    private readonly http: Fetch = fetch,
    private readonly nonce: () => string = randomUUID,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The signed parameters of one SendSms call (exposed for tests). */
  sendSmsParams(request: AliyunSmsRequest): Record<string, string> | undefined {
    const templateCode = this.options.templates[request.template];
    if (!templateCode) return undefined;
    const variables = Object.fromEntries(
      TEMPLATE_VARIABLES.filter((name) => request.fields[name]).map((name) => [name, shorten(request.fields[name], VARIABLE_MAX_CHARS)]),
    );
    return {
      AccessKeyId: this.options.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: request.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.options.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: this.nonce(),
      SignatureVersion: '1.0',
      TemplateCode: templateCode,
      TemplateParam: JSON.stringify(variables),
      Timestamp: this.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
      ...(request.outId ? { OutId: request.outId } : {}),
    };
  }

  async send(request: AliyunSmsRequest): Promise<DeliveryResult> {
    const params = this.sendSmsParams(request);
    if (!params) return { ok: false, error: `no Alibaba Cloud SMS template code for ${request.template} (ALIYUN_SMS_TEMPLATES)`, permanent: true };
    let response: Response;
    try {
      response = await this.http(this.options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: signedQuery('POST', params, this.options.accessKeySecret),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      return { ok: false, error: `Alibaba Cloud SMS unreachable: ${describeError(error)}` };
    }
    let body: { Code?: string; Message?: string; BizId?: string };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      return { ok: false, error: `Alibaba Cloud SMS answered HTTP ${response.status} without JSON` };
    }
    if (body.Code === 'OK') return { ok: true, providerMessageId: body.BizId };
    const code = body.Code ?? `HTTP ${response.status}`;
    return { ok: false, error: `Alibaba Cloud SMS ${code}: ${body.Message ?? ''}`.trim(), permanent: PERMANENT_CODES.includes(code) };
  }
}
