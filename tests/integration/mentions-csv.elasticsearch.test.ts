/**
 * The CSV export `GET /api/mentions.csv` over HTTP on a real Elasticsearch 8 node (ELASTICSEARCH_URL, e.g. from
 * `scripts/services/elasticsearch start`): the same specs as on the embedded store (mentions-csv.cases.ts), so the
 * file's rows, order, quoting and cut at the limit are checked against the adapter production runs on.
 * Without ELASTICSEARCH_URL the suite is skipped locally with the reason, and fails in CI (services.ts).
 */
import { makeTestStore } from '../helpers/elasticsearch-store.ts';
import { mentionsCsvSuite } from '../unit/dashboards/mentions-csv.cases.ts';
import { describeWithElasticsearch } from './services.ts';

describeWithElasticsearch('CSV export on elasticsearch', () => {
  mentionsCsvSuite('elasticsearch', makeTestStore);
});
