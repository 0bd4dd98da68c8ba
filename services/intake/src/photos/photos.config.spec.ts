import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPhotoFolder, formatBytes, photosConfigSchema, photosSettings } from './photos.config';

describe('photo settings', () => {
  it('keep photos under the repository’s .civicflow folder unless told otherwise', () => {
    const folder = defaultPhotoFolder();
    expect(folder.endsWith(join('.civicflow', 'photos'))).toBe(true);
    expect(existsSync(join(folder, '..', '..', 'package.json'))).toBe(true); // the repository root
    expect(photosSettings(photosConfigSchema.parse({}))).toEqual({ folder, maxBytes: 5 * 1024 * 1024, maxCount: 4 });
    expect(photosSettings(photosConfigSchema.parse({ INTAKE_PHOTO_DIR: '/srv/photos', INTAKE_PHOTO_MAX_BYTES: '1048576' }))).toMatchObject({ folder: '/srv/photos', maxBytes: 1048576 });
  });

  it('print limits as people read them', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(256 * 1024)).toBe('256 KB');
    expect(formatBytes(900)).toBe('900 B');
  });
});
