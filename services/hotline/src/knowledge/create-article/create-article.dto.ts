import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { articleContentSchema } from '../article-content';

export const createArticleSchema = articleContentSchema.extend({
  articleId: z
    .string()
    .regex(/^kb-[a-z0-9-]{3,60}$/, 'kb- followed by lower-case letters, digits and hyphens')
    .optional()
    .describe('readable id; generated when absent'),
});
export class CreateArticleDto extends createZodDto(createArticleSchema) {}
