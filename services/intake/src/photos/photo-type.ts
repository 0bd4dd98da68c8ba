/** The photo types intake keeps: what every phone camera and browser produces, and nothing that can carry script. */
export type PhotoContentType = 'image/jpeg' | 'image/png' | 'image/webp';

export const PHOTO_EXTENSIONS: Readonly<Record<PhotoContentType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The photo's real type, read from its first bytes (magic numbers). The declared mime type and the file name are
 * whatever the client says — a text file renamed to .jpg declares image/jpeg — so they decide nothing.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoContentType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  // RIFF container: "RIFF", 4 bytes of length, then the form type "WEBP"
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}
