import { OnModuleDestroy, Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { CONFIG, RevocationCheck, TokenSigner, TokenVerifier } from '@civicflow/platform';
import { IdentityConfig } from '../config';
import { RevocationDoc } from '../sessions/session.schema';

/** Sessions ended early, read from identity's own store every second (the services poll the HTTP feed instead). */
class StoredRevocations implements RevocationCheck, OnModuleDestroy {
  private revoked = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly connection: Connection) {
    this.timer = setInterval(() => void this.load(), 1_000);
    this.timer.unref();
    void this.load();
  }

  isRevoked(sessionId: string): boolean {
    return (this.revoked.get(sessionId) ?? 0) > Date.now();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    try {
      const docs = await this.connection.collection<RevocationDoc>('revocations').find({}).limit(100_000).toArray();
      this.revoked = new Map(docs.map((d) => [d._id, new Date(d.until).getTime()]));
    } catch {
      // the database is away for a moment: the last list stays in force
    }
  }
}

/** Identity checks the tokens it receives against its own signing key and its own revocations. */
export const ownTokenVerifierProvider: Provider = {
  provide: TokenVerifier,
  inject: [CONFIG, getConnectionToken()],
  useFactory: async (config: IdentityConfig, connection: Connection) => {
    const signer = await TokenSigner.fromPem(config.IDENTITY_SIGNING_KEY).catch(() => undefined);
    // a bad key fails the start in the signing-key provider, naming the variable
    if (!signer) return new TokenVerifier({ publicKeys: '{"keys":[]}' });
    return new TokenVerifier({
      publicKeys: JSON.stringify(signer.jwks()),
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      algorithms: [signer.alg],
      revoked: new StoredRevocations(connection),
    });
  },
};
