import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CONFIG, Public, TokenSigner } from '@civicflow/platform';
import { AuthAudit } from '../audit/auth-audit';
import { IdentityConfig, seconds } from '../config';
import { RefreshRefused, Sessions } from '../sessions/sessions';
import { ServiceClients } from './service-clients';

class TokenRequestDto extends createZodDto(z.object({
  grant_type: z.enum(['client_credentials', 'refresh_token']),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
  refresh_token: z.string().max(200).optional(),
  scope: z.string().max(500).optional(),
})) {}

/** RFC 6749 §5.2 error answer. */
function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).setHeader('cache-control', 'no-store');
  if (status === 401) res.setHeader('www-authenticate', 'Basic realm="civicflow"');
  res.json({ error, error_description: description });
}

/** Client id and secret from HTTP Basic (preferred) or the form. */
function clientCredentials(authorization: string | undefined, body: TokenRequestDto): { id: string; secret: string } | undefined {
  const basic = /^basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) return undefined;
    try {
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
    } catch {
      return undefined;
    }
  }
  return body.client_id && body.client_secret ? { id: body.client_id, secret: body.client_secret } : undefined;
}

/**
 * OAuth 2.0 token endpoint (the discovery document's `token_endpoint`): `client_credentials` for the service
 * identities (svc-hotline, svc-mediation — role `service`, their scopes, no org unit), `refresh_token` for people.
 */
@ApiTags('auth 登录')
@Controller('api/v1/auth')
export class TokenHttpController {
  private readonly clients: ServiceClients;

  constructor(
    @Inject(CONFIG) private readonly config: IdentityConfig,
    private readonly signer: TokenSigner,
    private readonly sessions: Sessions,
    private readonly audit: AuthAudit,
  ) {
    this.clients = new ServiceClients(config);
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'OAuth 2.0 token endpoint: grant_type=client_credentials (service identities, HTTP Basic) or refresh_token' })
  async token(@Body() body: TokenRequestDto, @Headers('authorization') authorization: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) return oauthError(res, 400, 'invalid_request', 'refresh_token is required');
      try {
        const issued = await this.sessions.refresh(body.refresh_token, req.ip);
        res.setHeader('cache-control', 'no-store');
        res.json({ access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn, refresh_token: issued.refreshToken });
      } catch (error) {
        if (error instanceof RefreshRefused) return oauthError(res, 400, 'invalid_grant', 'the refresh token is not valid');
        throw error;
      }
      return;
    }
    const credentials = clientCredentials(authorization, body);
    const client = credentials && this.clients.authenticate(credentials.id, credentials.secret);
    if (!client) {
      await this.audit.record({ type: 'service-client-refused', actor: credentials?.id.slice(0, 100) ?? '(none)', ip: req.ip });
      return oauthError(res, 401, 'invalid_client', 'unknown client or wrong secret');
    }
    const asked = body.scope?.split(' ').filter(Boolean);
    const scopes = asked ? asked.filter((s) => client.scopes.includes(s)) : client.scopes;
    if (asked && scopes.length < asked.length) return oauthError(res, 400, 'invalid_scope', `${client.clientId} may ask for: ${client.scopes.join(' ')}`);
    const ttl = seconds(this.config.IDENTITY_SERVICE_TOKEN_TTL);
    const accessToken = await this.signer.sign(
      { userId: client.clientId, name: client.name, role: 'service', unitId: client.clientId },
      { ttl, scopes, issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE },
    );
    res.setHeader('cache-control', 'no-store');
    res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope: scopes.join(' ') });
  }
}
