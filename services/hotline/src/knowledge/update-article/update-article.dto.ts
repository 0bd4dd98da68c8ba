import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { articleContentSchema } from '../article-content';

export const updateArticleSchema = articleContentSchema.extend({
  version: z.number().int().min(1).describe('the version the edit started from; 409 if someone saved in between'),
});
export class UpdateArticleDto extends createZodDto(updateArticleSchema) {}
