/**
 * Whether a German post talks rail: the railway, its trains, stations, tickets and staff ("Bahn", "S-Bahn", "ICE",
 * "Zug", "Hbf", "Schaffnerin", "RE 7"; not "EC-Karte", not a forum's "Re:"). GermEval 2017, which the German sentiment head learned from, was collected around
 * Deutsche Bahn, and 92–94 % of its documents (test_dia 1725 of 1842, dev.xml 2167 of 2369) say one of these words; its
 * annotators labelled the attitude towards the railway, so praise of anything else there is neutral. Outside rail talk
 * the head's caution about praise is that convention, not the writer's attitude (composite.ts isPraiseBeyondRail).
 */
const RAIL =
  /bahn|(?<![\p{L}\p{N}])(?:db|ice|ic|ec(?![\s-]?karte)|re ?\d+|rb ?\d+|zug|züge|zuges|zugs|schaffner\p{L}*|zugbegleiter\p{L}*|fahrkarte\p{L}*|gleis\p{L}*|bahnhof\p{L}*|bhf|hbf|regionalexpress|ö?bb|sbb)(?![\p{L}\p{N}])/iu;

export function talksRail(text: string): boolean {
  return RAIL.test(text);
}
