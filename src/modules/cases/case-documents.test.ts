import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, recogniseDocument } from './case-documents.ts';

const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

describe('recognising an uploaded document by its content', () => {
  it('accepts PDF, OFD, images, Word and Excel when the content matches the name', () => {
    expect(recogniseDocument('a.PDF', Buffer.from('%PDF-1.7 …'))).toEqual({ mediaType: 'application/pdf' });
    expect(recogniseDocument('证照.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mediaType: 'image/jpeg' });
    expect(recogniseDocument('方案.docx', zip)).toMatchObject({ mediaType: expect.stringContaining('wordprocessingml') });
    expect(recogniseDocument('发票.ofd', zip)).toEqual({ mediaType: 'application/ofd' });
  });

  it('refuses a disguised file, an unknown kind, a path in the name, an empty and an oversized file', () => {
    const field = (r: unknown) => (r as { field?: string }).field;
    expect(field(recogniseDocument('a.pdf', zip))).toBe('file');
    expect(field(recogniseDocument('a.exe', Buffer.from('MZ')))).toBe('file');
    expect(field(recogniseDocument('../etc/a.pdf', Buffer.from('%PDF-')))).toBe('file');
    expect(field(recogniseDocument('a.pdf', Buffer.alloc(0)))).toBe('file');
    expect(field(recogniseDocument('a.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(DOCUMENT_LIMITS.maxBytes)])))).toBe(
      'file',
    );
  });
});
