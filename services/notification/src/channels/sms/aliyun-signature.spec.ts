import { canonicalizedQuery, percentEncode, signedQuery, signRpcV1, stringToSign } from './aliyun-signature';

describe('Alibaba Cloud POP RPC signature V1 (HMAC-SHA1)', () => {
  // The documented example of the RPC signature method: DescribeRegions with AccessKeyId testid and
  // AccessKeySecret testsecret, signature CT9X0VtwR86fNWSnsc6v8YGOjuE=.
  // Source: https://developer.aliyun.com/ask/210168 ("API 签名机制(示例)"); the same signature value appears in
  // https://help.aliyun.com/en/document_detail/130769.html (Signature mechanism, RPC APIs).
  const describeRegions = {
    TimeStamp: '2016-02-23T12:46:24Z',
    Format: 'XML',
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    Version: '2014-05-26',
    SignatureVersion: '1.0',
  };

  it('reproduces the documented DescribeRegions example', () => {
    expect(stringToSign('GET', describeRegions)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signRpcV1('GET', describeRegions, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
    // the documented final URL carries it percent-encoded
    expect(signedQuery('GET', describeRegions, 'testsecret')).toContain('&Signature=CT9X0VtwR86fNWSnsc6v8YGOjuE%3D');
  });

  // The SMS service's own example (SendSms with testId / testSecret, Chinese SignName and a JSON TemplateParam):
  // https://help.aliyun.com/document_detail/101343.html ("HTTP 协议及签名"), which gives zJDF+Lrzhj/ThnlvIToysFRq6t4=.
  it('signs the documented SendSms example, Chinese and JSON values included', () => {
    const sendSms = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(canonicalizedQuery(sendSms)).toContain(
      'SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1',
    );
    expect(canonicalizedQuery(sendSms)).toContain('TemplateParam=%7B%22customer%22%3A%22test%22%7D');
    expect(signRpcV1('GET', sendSms, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('percent-encodes by the POP rules: space %20, * %2A, ~ kept, unreserved kept', () => {
    expect(percentEncode("a b*c~d-e_f.g!h'(i)")).toBe('a%20b%2Ac~d-e_f.g%21h%27%28i%29');
    expect(percentEncode('/')).toBe('%2F');
    expect(percentEncode('+')).toBe('%2B');
  });

  it('sorts by name and leaves any Signature parameter out', () => {
    expect(canonicalizedQuery({ b: '2', Signature: 'x', a: '1', B: '3' })).toBe('B=3&a=1&b=2');
  });

  it('signs POST requests with POST in the string to sign', () => {
    expect(stringToSign('POST', { A: '1' })).toBe('POST&%2F&A%3D1');
    expect(signRpcV1('POST', describeRegions, 'testsecret')).not.toBe(signRpcV1('GET', describeRegions, 'testsecret'));
  });
});
