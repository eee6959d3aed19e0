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

  it.each(['utf-16le', 'utf-16be'])('decodes %s by its byte-order mark, without a Content-Type charset', (charset) => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><t>Grüße €</t>';
    const bytes = iconv.encode(xml, charset, { addBOM: true });
    expect(decodeXmlBytes(bytes, 'application/xml')).toEqual({ text: xml, charset });
  });

  it('lets a byte-order mark win over a Content-Type that disagrees, with a reason', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>Grüße</t>')]);
    expect(decodeXmlBytes(bytes, 'text/xml; charset=iso-8859-1')).toEqual({ text: '<t>Grüße</t>', charset: 'utf-8', problem: 'Content-Type says iso-8859-1 but the byte-order mark says utf-8; decoded as utf-8' });
  });

  it('decodes an XML-declared charset that only TextDecoder knows by that label', () => {
    const xml = '<?xml version="1.0" encoding="x-cp1250"?><t>Łódź</t>';
    expect(decodeXmlBytes(iconv.encode(xml, 'windows-1250'), null)).toEqual({ text: xml, charset: 'x-cp1250' });
  });

  it('decodes UTF-8 served as ISO-8859-1 as UTF-8 when the XML declaration says so, with a reason', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><t>Störung über Grüße €</t>';
    expect(decodeXmlBytes(Buffer.from(xml), 'application/rss+xml; charset=iso-8859-1')).toEqual({
      text: xml,
      charset: 'utf-8',
      problem: 'Content-Type says iso-8859-1 but the XML declaration says utf-8 and the bytes are UTF-8; decoded as UTF-8',
    });
  });

  it('keeps a single-byte Content-Type charset when the bytes are plain ASCII or no UTF-8 at all', () => {
    const ascii = '<?xml version="1.0" encoding="utf-8"?><t>Gruesse</t>';
    expect(decodeXmlBytes(Buffer.from(ascii), 'text/xml; charset=iso-8859-1')).toEqual({ text: ascii, charset: 'iso-8859-1' });
    const latin1 = '<?xml version="1.0" encoding="utf-8"?><t>Grüße</t>';
    expect(decodeXmlBytes(iconv.encode(latin1, 'latin1'), 'text/xml; charset=iso-8859-1')).toEqual({ text: latin1, charset: 'iso-8859-1' });
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
