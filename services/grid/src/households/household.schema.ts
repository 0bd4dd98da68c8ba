import { Schema } from 'mongoose';
import type { HouseholdCard } from '../dataset/household-card';

/** A household (户) with its colour card (五色户卡). Personal data: read only through the jurisdiction check. */
export interface HouseholdDoc {
  _id: string; // household id
  gridId: string;
  address: string;
  headName: string;
  members: number;
  card: HouseholdCard;
  reasons: string[];
  phoneMasked?: string;
  importId: string;
}

export const HOUSEHOLD_MODEL = 'Household';

export const householdSchema = new Schema<HouseholdDoc>(
  {
    _id: { type: String, required: true },
    gridId: { type: String, required: true },
    address: { type: String, required: true },
    headName: { type: String, required: true },
    members: { type: Number, required: true },
    card: { type: String, required: true },
    reasons: { type: [String], default: [] },
    phoneMasked: String,
    importId: { type: String, required: true },
  },
  { collection: 'households', versionKey: false },
);
// serves "households of a grid" (GET /api/v1/grids/:gridId/households)
householdSchema.index({ gridId: 1 });
