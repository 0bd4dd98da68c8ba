import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud POP RPC request signing, signature version 1.0 (HMAC-SHA1), as used by the SMS API (dysmsapi).
 * Documentation: https://www.alibabacloud.com/help/en/sms/signature-method (中文 https://help.aliyun.com/document_detail/101343.html)
 *
 *   CanonicalizedQueryString = the parameters except Signature, sorted by name, each `percentEncode(name)=percentEncode(value)`, joined by &
 *   StringToSign = HTTPMethod & percentEncode("/") & percentEncode(CanonicalizedQueryString)
 *   Signature    = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 */

/**
 * RFC 3986 encoding as POP wants it: A–Z a–z 0–9 - _ . ~ stay, everything else (UTF-8) becomes %XY, a space %20
 * (never +). encodeURIComponent already leaves only ! ' ( ) * unencoded among the characters POP encodes.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Names sorted by code unit (byte order for the ASCII names POP uses), as the documentation's TreeMap does. */
export function canonicalizedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

export function signRpcV1(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

/** The full query (or form body) with the signature appended. */
export function signedQuery(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  return `${canonicalizedQuery(params)}&Signature=${percentEncode(signRpcV1(method, params, accessKeySecret))}`;
}
