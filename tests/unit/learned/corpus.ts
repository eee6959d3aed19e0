/** A small synthetic bilingual corpus for fast, data-independent training tests (not for quality claims). */
const DE_NEG = ['Zug fällt schon wieder aus', 'wieder 30 Minuten Verspätung', 'Klimaanlage kaputt, unerträglich', 'keine Durchsage, niemand hilft', 'Anschluss verpasst, danke für nichts'];
const DE_NEU = ['Bahn plant neue Strecke', 'der ICE fährt ab Gleis 5', 'Fahrplanwechsel im Dezember', 'Bauarbeiten am Wochenende angekündigt', 'neue Züge bestellt'];
const DE_POS = ['super pünktlich heute, danke', 'freundliches Personal im ICE', 'tolle Fahrt, alles prima'];
const EN_YES = ['my order never arrived', 'charged twice and no reply', 'the app keeps crashing', 'still waiting for my refund', 'worst service ever'];
const EN_NO = ['can I change my address', 'what time do you open', 'thanks for the quick help', 'love the new store', 'is the sale still on'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/ä/g, '&#228;').replace(/ü/g, '&#252;');

export function germevalXml(n = 90): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const [pool, sentiment] = i % 3 === 0 ? [DE_NEG, 'negative'] : i % 3 === 1 ? [DE_NEU, 'neutral'] : [DE_POS, 'positive'];
    const text = `${pool[i % pool.length]} @DB_Bahn ${i}`;
    docs.push(`<Document id="http://twitter.com/x/statuses/${700000000000000000 + i * 1000}"><relevance>true</relevance><sentiment>${sentiment}</sentiment><text>${esc(text)}</text></Document>`);
  }
  return `<Documents>${docs.join('\n')}</Documents>`;
}

export function complaintsCsv(n = 80): string {
  const rows = ['tweet_id,text,complaint,domain,severity'];
  for (let i = 0; i < n; i++) {
    const yes = i % 2 === 0;
    const pool = yes ? EN_YES : EN_NO;
    rows.push(`${900000000000000000 + i * 1000},"@Shop ${pool[i % pool.length]} ${i}",${yes ? 1 : 0},retail,`);
  }
  return `${rows.join('\n')}\n`;
}
