import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CaseIntake, RegisteredCase, RegisterCaseUseCase } from '../../../cases/register-case/register-case.usecase';

/**
 * Every channel ends in the one registration use case. It is provided by the intake module, which imports the
 * channels module — and Nest lets a module inject only what the modules *it* imports export, not its importer's
 * providers — so the channels look it up once, when the application has started, in the application's container.
 * If registration moves into a module of its own, ChannelsModule imports that and this becomes a plain injection.
 */
@Injectable()
export class CaseRegistrar implements OnModuleInit {
  private registerCase?: RegisterCaseUseCase;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.registerCase = this.moduleRef.get(RegisterCaseUseCase, { strict: false });
  }

  /** The case the intake became — or, for a duplicate merged into an open case (合并), that master case. */
  async register(intake: CaseIntake): Promise<RegisteredCase> {
    if (!this.registerCase) throw new Error('CaseRegistrar used before the application finished starting');
    return this.registerCase.execute(intake);
  }
}
