import { sniffPhotoType } from './photo-type';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffPhotoType', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffPhotoType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'JFIF'))).toBe('image/jpeg');
    expect(sniffPhotoType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR'))).toBe('image/png');
    expect(sniffPhotoType(bytes('RIFF', 0x24, 0x00, 0x00, 0x00, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses what only pretends to be a photo', () => {
    expect(sniffPhotoType(Buffer.from('这不是照片 not a photo, just text named photo.jpg'))).toBeUndefined();
    expect(sniffPhotoType(bytes('RIFF', 0x24, 0x00, 0x00, 0x00, 'WAVEfmt '))).toBeUndefined(); // a RIFF sound file
    expect(sniffPhotoType(bytes('GIF89a'))).toBeUndefined(); // real image, but not a type intake keeps
    expect(sniffPhotoType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined(); // can carry script
  });

  it('refuses files too short to carry a signature', () => {
    expect(sniffPhotoType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffPhotoType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffPhotoType(bytes(0x89, 'PNG'))).toBeUndefined();
    expect(sniffPhotoType(bytes('RIFF', 0, 0, 0, 0, 'WEB'))).toBeUndefined();
  });
});
