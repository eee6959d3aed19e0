import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeXmlBytes, htmlToPlainText, truncateText } from '../../../ingestors/text.ts';

describe('feed text helpers', () => {
  it('lets the Content-Type charset win over the XML declaration', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="UTF-8"?><t>Grüße</t>', 'windows-1252');
    expect(decodeXmlBytes(bytes, 'text/xml; charset=windows-1252')).toMatchObject({ text: '<?xml version="1.0" encoding="UTF-8"?><t>Grüße</t>', charset: 'windows-1252' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>ä</t>')]);
    expect(decodeXmlBytes(bytes, null)).toEqual({ text: '<t>ä</t>', charset: 'utf-8' });
  });

  it('falls back to UTF-8 with a reason for an unknown charset', () => {
    expect(decodeXmlBytes(Buffer.from('<t>ok</t>'), 'text/xml; charset=x-klingon').problem).toBe('unknown charset "x-klingon", decoded as UTF-8');
  });

  it('turns HTML into text without script, style or link targets', () => {
    expect(htmlToPlainText('<h2>Ärger</h2><p>Die <a href="https://x.test">Hotline</a> &amp; der Chat</p><script>steal()</script><style>p{}</style>')).toBe('Ärger\n\nDie Hotline & der Chat');
  });

  it('never cuts an emoji in half when truncating', () => {
    const text = `${'a'.repeat(60)}😡😡😡`;
    const { text: cut } = truncateText(text, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(truncateText(`${'a'.repeat(99)}😡${'b'.repeat(100)}`, 100).text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(truncateText('kurz', 100)).toEqual({ text: 'kurz', cut: 0 });
  });
});
