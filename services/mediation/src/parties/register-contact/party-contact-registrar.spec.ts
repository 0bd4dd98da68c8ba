import { partyRef } from '../../disputes/dispute';
import type { DisputePartiesDoc, PartyRegister } from '../party-register';
import { contactProtector } from '../../contacts/contact-protector.provider';
import { reachablePartyRefs, toPartyDoc, applyPartyEdit } from '../parties';
import { InMemoryDueList } from '@civicflow/platform';
import { PartyContactRegistrar } from './party-contact-registrar';

const protector = contactProtector('unit-test-mediation-contact-key-0123456789');

/** The party register's read-decide-write over one in-memory document per dispute. */
function fakeStore(docs: Map<string, DisputePartiesDoc>) {
  return {
    findById: async (id: string) => (docs.has(id) ? structuredClone(docs.get(id)!) : null),
    mutate: async (id: string, decide: (doc: DisputePartiesDoc) => Partial<DisputePartiesDoc> | undefined) => {
      const doc = docs.get(id);
      if (!doc) return null;
      const changes = decide(structuredClone(doc));
      if (changes) docs.set(id, { ...doc, ...changes, revision: doc.revision + 1 });
      return docs.get(id)!;
    },
  } as unknown as PartyRegister;
}

function dispute(id: string, parties: DisputePartiesDoc['parties']): DisputePartiesDoc {
  return { _id: id, parties, contactsPending: parties.some((p) => p.contactRegistered === false), revision: 1 };
}

function setup(directoryUp: () => boolean) {
  const docs = new Map<string, DisputePartiesDoc>();
  const registered = new Map<string, string>();
  const directory = {
    putCitizen: jest.fn(async (ref: string, contact: { phone: string }) => {
      if (!directoryUp()) throw new Error('connect ECONNREFUSED 127.0.0.1:3005');
      registered.set(ref, contact.phone);
    }),
  };
  const reads: unknown[] = [];
  const readsModel = { create: async (doc: unknown) => void reads.push(doc) };
  const contacts = new InMemoryDueList(50, 25); // 50 ms buckets: the test waits real time, briefly
  const registrar = new PartyContactRegistrar(fakeStore(docs), directory, protector, readsModel as never, { contacts, contactCheckMs: 200 });
  return { docs, registered, directory, reads, registrar, contacts };
}

describe('registering parties with the notification directory', () => {
  it('registers a party with a phone under party:<disputeId>:<partyId>, audited, and marks it', async () => {
    const env = setup(() => true);
    const zhang = toPartyDoc({ role: 'applicant', name: '张三', phone: '138 0013 8000' }, protector, 'p-1');
    const li = toPartyDoc({ role: 'respondent', name: '李四' }, protector, 'p-2');
    expect(zhang.contactRegistered).toBe(false);
    expect(li.contactRegistered).toBeNull();
    env.docs.set('tj-1', dispute('tj-1', [zhang, li]));

    expect(await env.registrar.registerDispute('tj-1')).toBe(1);
    expect([...env.registered]).toEqual([['party:tj-1:p-1', '13800138000']]);
    expect(env.docs.get('tj-1')!.parties.map((p) => p.contactRegistered)).toEqual([true, null]);
    expect(env.docs.get('tj-1')!.contactsPending).toBe(false);
    expect(env.reads).toEqual([expect.objectContaining({ disputeId: 'tj-1', partyId: 'p-1', kind: 'phone', masked: '138****8000', readerId: 'svc-mediation' })]);
  });

  it('keeps a party whose registration failed, and registers it at a later sweep of the due list', async () => {
    let up = false;
    const env = setup(() => up);
    env.docs.set('tj-2', dispute('tj-2', [toPartyDoc({ role: 'applicant', name: '王五', phone: '13900139000' }, protector, 'p-1')]));

    await env.contacts.add(['tj-2'], new Date(), new Date()); // what the party register does before such a write

    expect(await env.registrar.registerDispute('tj-2')).toBe(0); // never throws
    expect(env.docs.get('tj-2')!.parties[0].contactRegistered).toBe(false);
    expect(env.docs.get('tj-2')!.contactsPending).toBe(true);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(100); // its bucket is ready
    expect(await env.registrar.sweepOnce()).toBe(1); // still down: kept for 200 ms later
    expect(env.contacts.ids()).toEqual(['tj-2']);

    up = true;
    await pause(400);
    expect(await env.registrar.sweepOnce()).toBe(1);
    expect(env.registered.get('party:tj-2:p-1')).toBe('13900139000');
    expect(env.docs.get('tj-2')!.contactsPending).toBe(false);
    expect(env.contacts.ids()).toEqual([]); // nothing left waiting
    expect(env.directory.putCitizen).toHaveBeenCalledTimes(3);
    await env.registrar.onApplicationShutdown(); // its timer for the retry it had planned
  });

  it('registers a changed phone again under the same ref', async () => {
    const env = setup(() => true);
    const party = toPartyDoc({ role: 'applicant', name: '张三', phone: '13800138000' }, protector, 'p-1');
    env.docs.set('tj-3', dispute('tj-3', [party]));
    await env.registrar.registerDispute('tj-3');
    const edited = applyPartyEdit(env.docs.get('tj-3')!.parties[0], { phone: '13700137000' }, protector);
    expect(edited.contactRegistered).toBe(false);
    expect(applyPartyEdit(edited, { name: '张叁' }, protector).contactRegistered).toBe(false); // a name edit keeps it waiting
    env.docs.set('tj-3', { ...env.docs.get('tj-3')!, parties: [edited], contactsPending: true });
    expect(await env.registrar.registerDispute('tj-3')).toBe(1);
    expect(env.registered.get('party:tj-3:p-1')).toBe('13700137000');
  });

  it('names in the events only the parties (among those asked for) that have a phone', () => {
    const doc = dispute('tj-4', [
      toPartyDoc({ role: 'applicant', name: '张三', phone: '13800138000' }, protector, 'p-1'),
      toPartyDoc({ role: 'respondent', name: '李四' }, protector, 'p-2'),
      toPartyDoc({ role: 'other', name: '赵六', phone: '13600136000' }, protector, 'p-3'),
    ]);
    expect(reachablePartyRefs(doc._id, doc.parties)).toEqual(['party:tj-4:p-1', 'party:tj-4:p-3']);
    expect(reachablePartyRefs(doc._id, doc.parties, ['p-1', 'p-2', 'chen', '物业-赵磊'])).toEqual([partyRef('tj-4', 'p-1')]);
  });
});
