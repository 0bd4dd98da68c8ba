import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@civicflow/platform';
import { UsersHttpController } from './admin/users.http.controller';
import { AUTH_AUDIT_MODEL, AuthAudit, authAuditSchema } from './audit/auth-audit';
import { IdentityConfig } from './config';
import { DiscoveryHttpController } from './discovery/discovery.http.controller';
import { ownTokenVerifierProvider } from './keys/own-token-verifier';
import { signingKeyProvider } from './keys/signing-key';
import { LoginHttpController } from './login/login.http.controller';
import { REVOCATION_MODEL, revocationSchema, SESSION_MODEL, sessionSchema } from './sessions/session.schema';
import { Sessions } from './sessions/sessions';
import { LOGIN_ATTEMPTS_MODEL, loginAttemptsSchema, LoginThrottle } from './throttle/login-throttle';
import { TokenHttpController } from './token/token.http.controller';
import { SeedUsers } from './users/seed-demo-users';
import { USER_MODEL, userSchema } from './users/user.schema';

/** 身份认证 identity: users, sessions, the signing key and the tokens every other service verifies. */
@Module({})
export class IdentityModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forService({ service: 'identity', config, tokenVerifier: ownTokenVerifierProvider }),
        MongooseModule.forFeature([
          { name: USER_MODEL, schema: userSchema },
          { name: SESSION_MODEL, schema: sessionSchema },
          { name: REVOCATION_MODEL, schema: revocationSchema },
          { name: LOGIN_ATTEMPTS_MODEL, schema: loginAttemptsSchema },
          { name: AUTH_AUDIT_MODEL, schema: authAuditSchema },
        ]),
      ],
      controllers: [LoginHttpController, TokenHttpController, DiscoveryHttpController, UsersHttpController],
      providers: [signingKeyProvider, Sessions, LoginThrottle, AuthAudit, SeedUsers],
    };
  }
}
