/**
 * Atom `type="xhtml"` text constructs carry markup as XML child elements. rss-parser (xml2js) turns mixed
 * content into an object that keeps the text nodes and the child elements apart, so "Erst <b>zweitens</b>
 * drittens" comes back as "Erst drittens<b>zweitens</b>". Handing that markup over as CDATA keeps it one string,
 * in document order, which the HTML-to-text step reads like any HTML content.
 */

/**
 * An Atom content, summary or title (with or without a namespace prefix) whose type is xhtml and which has a body
 * (a self-closing element has none: the `(?<!/)` keeps the match from running into the next element's body).
 */
const XHTML_ELEMENT = /<((?:[\w.-]+:)?(?:content|summary|title))(\s[^>]*?\btype\s*=\s*(["'])xhtml\3[^>]*(?<!\/))>([\s\S]*?)<\/\1\s*>/g;

/** The document with the body of every xhtml text construct wrapped in CDATA. */
export function xhtmlAsCdata(xml: string): string {
  return xml.replace(XHTML_ELEMENT, (_match, name: string, attributes: string, _quote: string, body: string) => `<${name}${attributes}>${cdata(body)}</${name}>`);
}

/** A CDATA section cannot contain "]]>": split it across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
