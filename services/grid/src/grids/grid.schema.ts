import { Schema } from 'mongoose';
import type { Compound, GridStaffMember } from '../dataset/grid-dataset';

/**
 * A grid (网格) with its boundary, staff and the compounds it covers. The boundary is stored as GeoJSON text:
 * FerretDB v1 rejects nested arrays (a polygon's coordinates are arrays of arrays) and has no geo queries anyway,
 * so routing runs on an in-memory index built from this collection (routing/grid-map.ts), never on a Mongo query.
 */
export interface GridDoc {
  _id: string; // grid id, e.g. bf-d01-s01-c01-g01
  name: string;
  communityId: string;
  boundaryGeoJson: string; // JSON text of a GeoJSON Polygon or MultiPolygon, WGS-84 [lng, lat]
  staff: GridStaffMember[];
  compounds: Compound[];
  importId: string;
}

export const GRID_MODEL = 'Grid';

const staffMemberSchema = new Schema<GridStaffMember>(
  { staffId: { type: String, required: true }, name: { type: String, required: true }, duty: { type: String, required: true }, title: String, phoneMasked: String },
  { _id: false },
);

const compoundSchema = new Schema<Compound>({ name: { type: String, required: true }, buildings: { type: [String], default: [] } }, { _id: false });

export const gridSchema = new Schema<GridDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    communityId: { type: String, required: true },
    boundaryGeoJson: { type: String, required: true },
    staff: { type: [staffMemberSchema], default: [] },
    compounds: { type: [compoundSchema], default: [] },
    importId: { type: String, required: true },
  },
  { collection: 'grids', versionKey: false },
);
// serves "every grid of the current import" (loaded into the routing index at start and after an import)
gridSchema.index({ importId: 1 });
