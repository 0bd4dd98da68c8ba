import type { Compound } from './routing-dataset';

/**
 * Address text in the form we compare: full-width characters folded (NFKC: ３号楼 → 3号楼), spaces removed, and the
 * usual ways of writing a building number made one (3栋, 3幢, 3#楼, 3#, 三号楼 → 3号楼).
 */
export function normalizeAddress(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/([零一二三四五六七八九十]+)(?=号楼|栋|幢)/g, (numeral: string) => String(chineseNumeralValue(numeral)))
    .replace(/(\d+)(?:号楼|号栋|栋|幢|#楼|#)/g, '$1号楼');
}

function chineseNumeralValue(numeral: string): number {
  const digit = (c: string | undefined) => (c === undefined ? 0 : '零一二三四五六七八九'.indexOf(c));
  const ten = numeral.indexOf('十');
  if (ten < 0) return Number([...numeral].map(digit).join(''));
  return (ten === 0 ? 1 : digit(numeral[ten - 1])) * 10 + digit(numeral[ten + 1]);
}

/** A compound's part in one grid. */
interface CompoundSite {
  gridId: string;
  /** normalized building labels, longest first so "13号楼" is tried before "3号楼" */
  buildings: string[];
}

/** An administrative area named in an address (district, street, community) and the grids it holds. */
interface Area {
  unitId: string;
  gridIds: ReadonlySet<string>;
}

export type AddressMatch =
  | { matched: true; gridId: string; matchedText: string }
  | { matched: false; reason: 'address-unknown' | 'no-location' };

interface Hit {
  gridId: string;
  matchedText: string;
}

/**
 * The address fallback: known compound (小区) and building (楼栋) names contained in the address text, longest
 * match wins. Compound names repeat across a city (阳光小区 is everywhere), so district, street and community names
 * in the text narrow the candidates first. A community named alone routes only when it has a single grid (a
 * village or gacha often does); anything still ambiguous is "not matched" — the dispatcher decides.
 */
export class AddressIndex {
  private readonly compounds = new Map<string, CompoundSite[]>();
  private readonly areas = new Map<string, Area[]>();

  constructor(
    grids: readonly { id: string; compounds: readonly Compound[] }[],
    areas: readonly { id: string; name: string; gridIds: ReadonlySet<string> }[],
  ) {
    for (const grid of grids) {
      for (const compound of grid.compounds) {
        const name = normalizeAddress(compound.name);
        const buildings = compound.buildings.map(normalizeAddress).sort((a, b) => b.length - a.length);
        this.compounds.set(name, [...(this.compounds.get(name) ?? []), { gridId: grid.id, buildings }]);
      }
    }
    for (const area of areas) {
      const name = normalizeAddress(area.name);
      this.areas.set(name, [...(this.areas.get(name) ?? []), { unitId: area.id, gridIds: area.gridIds }]);
    }
  }

  match(address: string): AddressMatch {
    const text = normalizeAddress(address);
    if (text.length === 0) return { matched: false, reason: 'no-location' };
    const namedAreas = [...this.areas].filter(([name]) => text.includes(name)).flatMap(([, areas]) => areas);
    const inNamedAreas = (gridId: string) => namedAreas.every((area) => area.gridIds.has(gridId));

    const hits = this.compoundHits(text);
    const narrowed = hits.filter((hit) => inNamedAreas(hit.gridId));
    const candidates = narrowed.length > 0 ? narrowed : hits;
    if (candidates.length > 0) {
      const longest = Math.max(...candidates.map((hit) => hit.matchedText.length));
      const best = candidates.filter((hit) => hit.matchedText.length === longest);
      const gridIds = new Set(best.map((hit) => hit.gridId));
      if (gridIds.size === 1) return { matched: true, gridId: best[0].gridId, matchedText: best[0].matchedText };
      return { matched: false, reason: 'address-unknown' };
    }

    // no compound known: the narrowest named area, if it holds one grid only
    const narrowest = namedAreas.reduce<Area | undefined>((best, area) => (!best || area.gridIds.size < best.gridIds.size ? area : best), undefined);
    if (narrowest?.gridIds.size === 1 && namedAreas.every((area) => area === narrowest || [...narrowest.gridIds].every((id) => area.gridIds.has(id)))) {
      const [gridId] = narrowest.gridIds;
      return { matched: true, gridId, matchedText: text };
    }
    return { matched: false, reason: 'address-unknown' };
  }

  /** Every occurrence of a known compound, extended by the building label that follows it when the grid has one. */
  private compoundHits(text: string): Hit[] {
    const hits: Hit[] = [];
    for (const [name, sites] of this.compounds) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const after = text.slice(at + name.length);
        for (const site of sites) {
          const building = site.buildings.find((label) => after.startsWith(label) && !continuesNumber(label, after));
          hits.push({ gridId: site.gridId, matchedText: building ? name + building : name });
        }
      }
    }
    return hits;
  }
}

/** "1" must not match the start of "12…": a label ending in a digit needs a non-digit after it. */
function continuesNumber(label: string, after: string): boolean {
  return /\d$/.test(label) && /\d/.test(after.charAt(label.length));
}
