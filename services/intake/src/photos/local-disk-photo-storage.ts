import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PHOTO_ID_PATTERN, PhotoMeta, PhotoRef, PhotoStorage, photoUrl, StoredPhoto } from './photo-storage';
import { PHOTO_EXTENSIONS, PhotoContentType, sniffPhotoType } from './photo-type';

/**
 * Photos as files named by their sha256 (`<folder>/ab/abcd….jpg`): a re-upload of the same photo — an app retrying, a
 * resident sending the same picture twice — finds the file already there and stores nothing. The two-character
 * sub-folder keeps any one directory small. One folder is enough for one intake replica; several replicas need a
 * shared folder or an object store.
 */
export class LocalDiskPhotoStorage implements PhotoStorage {
  constructor(private readonly folder: string) {}

  async put(bytes: Buffer, meta: PhotoMeta): Promise<PhotoRef> {
    const photoId = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(photoId, meta.contentType);
    if (!(await this.exists(path))) {
      await mkdir(join(this.folder, photoId.slice(0, 2)), { recursive: true });
      // write beside, then rename: a reader never sees half a photo, and two concurrent uploads of the same photo
      // both end with the same complete file
      const partial = `${path}.${randomBytes(6).toString('hex')}.part`;
      try {
        await writeFile(partial, bytes, { flag: 'wx' });
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
    }
    return { photoId, url: photoUrl(photoId) };
  }

  async get(photoId: string): Promise<StoredPhoto | undefined> {
    if (!PHOTO_ID_PATTERN.test(photoId)) return undefined;
    for (const contentType of Object.keys(PHOTO_EXTENSIONS) as PhotoContentType[]) {
      const bytes = await readFile(this.pathOf(photoId, contentType)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      // the type is read from the bytes again, so a file changed on disk is never served under a wrong type
      const sniffed = bytes && sniffPhotoType(bytes);
      if (bytes && sniffed) return { photoId, contentType: sniffed, bytes };
    }
    return undefined;
  }

  private pathOf(photoId: string, contentType: PhotoContentType): string {
    return join(this.folder, photoId.slice(0, 2), `${photoId}.${PHOTO_EXTENSIONS[contentType]}`);
  }

  private async exists(path: string): Promise<boolean> {
    return access(path).then(
      () => true,
      () => false,
    );
  }
}
