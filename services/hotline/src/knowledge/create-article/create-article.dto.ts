import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { articleContentSchema } from '../article-content';

export const createArticleSchema = articleContentSchema.extend({
  articleId: z
    .string()
    .regex(/^kb-[a-z0-9-]{3,60}$/, says('须为 kb- 加小写字母、数字和连字符', 'kb- followed by lower-case letters, digits and hyphens'))
    .optional()
    .describe('readable id; generated when absent'),
});
export class CreateArticleDto extends createZodDto(createArticleSchema) {}
