// The route picker's search (派单): what Enter takes when the dispatcher has typed a name and not moved through
// the matches.

/** A street, community or grid in the picker (children: the units under it). */
export interface RouteOption {
  value: string;
  label: string;
  children?: RouteOption[];
}

/**
 * The first path the picker's search lists for `text`, as the Cascader lists them with changeOnSelect: depth
 * first, a unit before the units under it, a path matching when any name on it contains the text.
 */
export function firstMatch(options: RouteOption[], text: string): string[] | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const search = (nodes: RouteOption[], path: RouteOption[]): string[] | null => {
    for (const node of nodes) {
      const here = [...path, node];
      if (here.some((o) => o.label.toLowerCase().includes(wanted))) return here.map((o) => o.value);
      const below = search(node.children ?? [], here);
      if (below) return below;
    }
    return null;
  };
  return search(options, []);
}
