/**
 * The development key pair (Ed25519) of `npm start` and the tests: identity signs with the private key, the
 * services verify with the public one, so nothing has to be running before a token can be checked. Both are
 * published here, so anyone can sign with them: `loadConfig` refuses them outside native mode
 * (IDENTITY_SIGNING_KEY, JWT_PUBLIC_KEYS).
 */
export const DEVELOPMENT_SIGNING_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIB7nBbV0QupvU8JLQmnIWIY+WfnnanI+1ldSqpYVldTv',
  '-----END PRIVATE KEY-----',
].join('\n');

/** The development public key as a JWKS document (kid = its RFC 7638 thumbprint, as identity names it). */
export const DEVELOPMENT_PUBLIC_JWKS = JSON.stringify({
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'eDY1CDsB1W4uLw9lgc0TQ1W2-PzkCWQ6EmysTKYfg3M', kid: 'ziz_8WbkgFIDZIPH-yNxOsrzUBiiqBxh6Btbxq52U1o', alg: 'EdDSA', use: 'sig' }],
});
