import { Inject, Injectable, Logger } from '@nestjs/common';
import { PHOTO_STORAGE, PhotoStorage } from '../../../photos/photo-storage';
import { sniffPhotoType } from '../../../photos/photo-type';
import { OPEN311_SETTINGS, Open311Settings } from '../open311.settings';

/** What a media_url became: a photo in storage, or a link staff open themselves. */
export type MediaOutcome = { photoId: string } | { linkOnly: string };

/** `photos.example.org` matches itself, `*.example.org` any host under it. */
export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    return p.startsWith('*.') ? name.endsWith(p.slice(1)) && name.length > p.length - 1 : name === p;
  });
}

/**
 * The photo behind an Open311 media_url. From a host an administrator allows (INTAKE_OPEN311_MEDIA_HOSTS) it is
 * fetched — no redirects, a time limit, the photo size limit, and a JPEG/PNG/WebP by its bytes — into photo
 * storage, so staff see it beside the case's other photos. Anything else, or a fetch that fails, stays a link.
 */
@Injectable()
export class FetchMedia {
  private readonly logger = new Logger(FetchMedia.name);

  constructor(@Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings, @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {}

  async fetch(mediaUrl: string): Promise<MediaOutcome> {
    const url = new URL(mediaUrl);
    if (!hostAllowed(url.hostname, this.settings.mediaHosts)) return { linkOnly: mediaUrl };
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(this.settings.mediaTimeoutMs) });
      if (response.status !== 200 || !response.body) throw new Error(`HTTP ${response.status}`);
      const bytes = await readAtMost(response.body, this.settings.mediaMaxBytes);
      const contentType = sniffPhotoType(bytes);
      if (!contentType) throw new Error('not a JPEG, PNG or WebP image');
      const { photoId } = await this.storage.put(bytes, { contentType, originalName: url.pathname.split('/').pop() });
      return { photoId };
    } catch (error) {
      this.logger.warn(`media_url ${mediaUrl} 未能取回,保留为链接 not fetched, kept as a link: ${error instanceof Error ? error.message : String(error)}`);
      return { linkOnly: mediaUrl };
    }
  }
}

async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) throw new Error(`larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
