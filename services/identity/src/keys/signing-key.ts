import { Provider } from '@nestjs/common';
import { CONFIG, TokenSigner } from '@civicflow/platform';
import { IdentityConfig } from '../config';

/** The signer of access tokens, from IDENTITY_SIGNING_KEY (a bad key fails the start, naming the variable). */
export const signingKeyProvider: Provider = {
  provide: TokenSigner,
  inject: [CONFIG],
  useFactory: async (config: IdentityConfig) => {
    try {
      return await TokenSigner.fromPem(config.IDENTITY_SIGNING_KEY);
    } catch (error) {
      throw new Error(`配置错误 invalid configuration: IDENTITY_SIGNING_KEY ${error instanceof Error ? error.message : String(error)}`);
    }
  },
};
