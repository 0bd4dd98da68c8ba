import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { PARTY_ROLES } from '../disputes/dispute';

const phone = z.string().trim().regex(/^\+?\d[\d\s-]{5,19}$/, says('须为电话号码', 'must be a phone number'));
const idNumber = z.string().trim().regex(/^\d{17}[\dXx]$/, says('须为18位居民身份证号', 'must be an 18-character resident ID number'));

/** 当事人: name and role; contacts optional (stored encrypted, shown masked). */
export const partyFields = {
  role: z.enum(PARTY_ROLES),
  name: z.string().trim().min(1, says('须填写当事人姓名', 'the party needs a name')).max(100),
  phone: phone.optional(),
  idNumber: idNumber.optional(),
  address: z.string().trim().min(1).max(300).optional(),
  userId: z.string().trim().min(1).max(100).optional().describe('when the party is a CivicFlow user'),
};
export const partySchema = z.object(partyFields);
export const editPartySchema = z.object(partyFields).partial().refine((p) => Object.keys(p).length > 0, { message: says('没有要修改的内容', 'nothing to change') });
export type PartyInput = z.infer<typeof partySchema>;
