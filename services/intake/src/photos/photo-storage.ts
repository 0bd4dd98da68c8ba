import { PhotoContentType } from './photo-type';

export interface PhotoMeta {
  /** The type sniffed from the bytes (never the client's claim). */
  contentType: PhotoContentType;
  /** The client's file name, for people reading logs; storage never uses it as a path. */
  originalName?: string;
}

export interface PhotoRef {
  /** sha256 of the bytes, hex: the same photo uploaded twice has one id and is stored once. */
  photoId: string;
  /** Where a client fetches it, when the storage knows (an object store may hand out a signed URL instead). */
  url?: string;
}

export interface StoredPhoto {
  photoId: string;
  contentType: PhotoContentType;
  bytes: Buffer;
}

/** Where report photos live: a local folder now, an object store (OSS, S3, MinIO) behind the same interface later. */
export interface PhotoStorage {
  put(bytes: Buffer, meta: PhotoMeta): Promise<PhotoRef>;
  get(photoId: string): Promise<StoredPhoto | undefined>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/** A photo id is a sha256 in lower-case hex; checking it first keeps any other string away from the file system. */
export const PHOTO_ID_PATTERN = /^[0-9a-f]{64}$/;

/** The API route that serves a photo to signed-in staff. */
export const photoUrl = (photoId: string) => `/api/v1/photos/${photoId}`;
