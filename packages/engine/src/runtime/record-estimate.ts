import { attrValue, type XmlElement } from '../xml/xml-node';

function constantCount(el: XmlElement, name: string): number | undefined {
  const v = attrValue(el, name);
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return undefined;
  return Number(v);
}

/**
 * A lower bound of the nested records (nestedKey list items, nested generate records) one record of `el`
 * produces, counting only counts that are constants and not behind a condition or a source. Used to refuse a
 * run that would certainly pass maxTotalRecords before it writes anything, so it must never overestimate.
 */
export function nestedRecordsLowerBound(el: XmlElement): number {
  let total = 0;
  for (const c of el.children) {
    if (c.name !== 'generate' && c.name !== 'nestedKey') continue;
    if (attrValue(c, 'source') !== undefined || attrValue(c, 'condition') !== undefined) continue;
    if (attrValue(c, 'script') !== undefined) continue;
    const inner = nestedRecordsLowerBound(c);
    if (c.name === 'nestedKey' && attrValue(c, 'type') === 'dict') {
      total += inner;
      continue;
    }
    const n = constantCount(c, 'count') ?? constantCount(c, 'minCount') ?? 0;
    total += n * (1 + inner);
  }
  return total;
}
