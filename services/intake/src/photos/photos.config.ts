import { resolve } from 'node:path';
import { z } from 'zod';

export const photosConfigSchema = z.object({
  /** Folder of the local photo storage; default `<repo>/.civicflow/photos` (ignored by git, like all local state). */
  INTAKE_PHOTO_DIR: z.string().min(1).optional(),
  /** Largest photo accepted, in bytes (default 5 MB: a phone photo is 2–4 MB). */
  INTAKE_PHOTO_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
});

export interface PhotosSettings {
  folder: string;
  maxBytes: number;
  /** Photos per report: what 一键报事 apps offer, and enough to show a problem from a few sides. */
  maxCount: number;
}

export const PHOTOS_SETTINGS = Symbol('PHOTOS_SETTINGS');

export const MAX_PHOTOS_PER_REPORT = 4;

/** src/photos and dist/photos sit at the same depth, so the repository root is four levels up from either. */
export const defaultPhotoFolder = () => resolve(__dirname, '..', '..', '..', '..', '.civicflow', 'photos');

export function photosSettings(config: z.infer<typeof photosConfigSchema>): PhotosSettings {
  return {
    folder: resolve(config.INTAKE_PHOTO_DIR ?? defaultPhotoFolder()),
    maxBytes: config.INTAKE_PHOTO_MAX_BYTES,
    maxCount: MAX_PHOTOS_PER_REPORT,
  };
}

/** "5 MB", "512 KB": limits in messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
