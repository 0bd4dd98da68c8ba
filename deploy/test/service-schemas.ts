// The config schema of every service with an HTTP entry point, and the keys deploy/civicflow.env.example lists:
// what the compose and k8s checks hold the manifests to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { caseworkConfigSchema } from '@civicflow/casework';
import { consoleConfigSchema } from '@civicflow/console';
import { gridConfigSchema } from '@civicflow/grid';
import { hotlineConfigSchema } from '@civicflow/hotline';
import { identityConfigSchema } from '@civicflow/identity';
import { intakeConfigSchema } from '@civicflow/intake';
import { mediationConfigSchema } from '@civicflow/mediation';
import { notificationConfigSchema } from '@civicflow/notification';

export const SERVICE_SCHEMAS: Record<string, z.ZodObject> = {
  identity: identityConfigSchema,
  hotline: hotlineConfigSchema,
  intake: intakeConfigSchema,
  grid: gridConfigSchema,
  casework: caseworkConfigSchema,
  notification: notificationConfigSchema,
  mediation: mediationConfigSchema,
  console: consoleConfigSchema,
};

export const ENV_EXAMPLE_KEYS: string[] = readFileSync(join(__dirname, '..', 'civicflow.env.example'), 'utf8')
  .split('\n')
  .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
  .filter((key): key is string => key !== undefined);
