import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { LocalDiskPhotoStorage } from './local-disk-photo-storage';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a street light, out for a week')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a pothole')]);

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(folder.length + 1)).sort();
}

describe('LocalDiskPhotoStorage', () => {
  let folder: string;
  let storage: LocalDiskPhotoStorage;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'civicflow-photos-'));
    storage = new LocalDiskPhotoStorage(folder);
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('names a photo by the sha256 of its bytes and stores a re-upload once', async () => {
    const sha = createHash('sha256').update(jpeg).digest('hex');
    const first = await storage.put(jpeg, { contentType: 'image/jpeg', originalName: 'IMG_0001.jpg' });
    const again = await storage.put(Buffer.from(jpeg), { contentType: 'image/jpeg', originalName: 'other-name.jpeg' });
    expect(first).toEqual({ photoId: sha, url: `/api/v1/photos/${sha}` });
    expect(again).toEqual(first);
    expect(await filesUnder(folder)).toEqual([`${sha.slice(0, 2)}/${sha}.jpg`]);
  });

  it('stores concurrent uploads of the same photo as one complete file', async () => {
    const refs = await Promise.all(Array.from({ length: 8 }, () => storage.put(png, { contentType: 'image/png' })));
    expect(new Set(refs.map((r) => r.photoId)).size).toBe(1);
    const files = await filesUnder(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.png$/);
  });

  it('gives back the bytes with the type read from them', async () => {
    const { photoId } = await storage.put(png, { contentType: 'image/png' });
    const stored = await storage.get(photoId);
    expect(stored?.contentType).toBe('image/png');
    expect(stored?.bytes.equals(png)).toBe(true);
  });

  it('knows nothing of unknown ids, and never reads a path made from a malformed one', async () => {
    await writeFile(join(folder, 'secret.txt'), 'not for you');
    expect(await storage.get('0'.repeat(64))).toBeUndefined();
    expect(await storage.get('../secret.txt')).toBeUndefined();
    expect(await storage.get('A'.repeat(64))).toBeUndefined();
  });
});
