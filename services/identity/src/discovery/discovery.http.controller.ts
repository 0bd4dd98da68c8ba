import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CONFIG, Public, TokenSigner } from '@civicflow/platform';
import { IdentityConfig } from '../config';

/**
 * OpenID Connect discovery and the public keys: what a service (or anything else) needs to check our tokens, in
 * the shape an OIDC provider publishes it — so a city's own provider can take identity's place (JWT_JWKS_URL).
 */
@ApiTags('discovery 发现')
@Public()
@Controller('.well-known')
export class DiscoveryHttpController {
  constructor(@Inject(CONFIG) private readonly config: IdentityConfig, private readonly signer: TokenSigner) {}

  @Get('openid-configuration')
  @ApiOperation({ summary: 'OIDC discovery document (issuer, jwks_uri, token endpoint, revocation list)' })
  configuration(@Req() req: Request) {
    const base = (this.config.IDENTITY_PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
    return {
      issuer: this.config.JWT_ISSUER,
      jwks_uri: `${base}/.well-known/jwks.json`,
      token_endpoint: `${base}/api/v1/auth/token`,
      grant_types_supported: ['client_credentials', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [this.signer.alg],
      claims_supported: ['sub', 'name', 'role', 'unit', 'sid', 'scope'],
      civicflow_login_endpoint: `${base}/api/v1/auth/login`,
      civicflow_revocation_list: `${base}/api/v1/auth/revocations`,
    };
  }

  @Get('jwks.json')
  @ApiOperation({ summary: 'The public keys access tokens are signed with (JWKS)' })
  jwks(): { keys: object[] } {
    return this.signer.jwks();
  }
}
