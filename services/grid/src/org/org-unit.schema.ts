import { Schema } from 'mongoose';
import type { LocalUnitForm } from '@civicflow/domain';

/** City, districts, streets, communities and departments; grids live in `grids` (they carry polygons and staff). */
export interface OrgUnitDoc {
  _id: string; // unit id, e.g. bf-d01-s02
  name: string;
  kind: 'city' | 'district' | 'street' | 'community' | 'department';
  parentId: string | null;
  localForm?: LocalUnitForm;
  departmentCode?: string;
  importId: string; // the import that wrote it; see dataset/import-record.schema.ts
}

export const ORG_UNIT_MODEL = 'OrgUnit';

export const orgUnitSchema = new Schema<OrgUnitDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    parentId: { type: String, default: null },
    localForm: String,
    departmentCode: String,
    importId: { type: String, required: true },
  },
  { collection: 'org_units', versionKey: false },
);
// serves "every unit of the current import" (the whole tree is loaded into memory at start and after an import)
orgUnitSchema.index({ importId: 1 });
