import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@civicflow/platform';
import { IdentityConfig } from './config';
import { LoginHttpController } from './login/login.http.controller';
import { SeedDemoUsers } from './users/seed-demo-users';
import { USER_MODEL, userSchema } from './users/user.schema';

/** 身份认证 identity: users, passwords and the bearer tokens every other service verifies. */
@Module({})
export class IdentityModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [PlatformModule.forService({ service: 'identity', config }), MongooseModule.forFeature([{ name: USER_MODEL, schema: userSchema }])],
      controllers: [LoginHttpController],
      providers: [SeedDemoUsers],
    };
  }
}
