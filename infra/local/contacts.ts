/**
 * The local runtime's mail: reminders go to files under `<data dir>/outbox/` (`.local/outbox/`
 * for `npm start`), addressed to a small contact list seeded from the unit registry (the cloud
 * reads the Cognito user pool instead): one unit clerk per unit, the province's appraisers and
 * each district's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contact } from '../../shared/store/contacts.ts';
import { listUnits } from '../../shared/store/units-store.ts';

export function localMailEnvironment(dataDir: string): Record<string, string> {
  return { OUTBOX_DIR: join(dataDir, 'outbox'), CONTACTS_FILE: join(dataDir, 'contacts.json') };
}

const mailbox = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, '.');

export async function seedContacts(file: string): Promise<number> {
  const units = await listUnits({});
  const contacts: Contact[] = [
    ...units.map((u): Contact => ({
      email: `cchc.${mailbox(u.id)}@donvi.local`,
      name: `Cán bộ CCHC, ${u.name}`,
      role: 'unit',
      unitId: u.id,
    })),
    { email: 'thamdinh.snv@tinh.local', name: 'Tổ thẩm định, Sở Nội vụ', role: 'appraiser', unitId: 'SNV' },
    ...units
      .filter((u) => u.type === 'district')
      .map((d): Contact => ({
        email: `thamdinh.${mailbox(d.id)}@donvi.local`,
        name: `Tổ thẩm định, ${d.name}`,
        role: 'appraiser',
        unitId: d.id,
        district: d.id,
      })),
  ];
  writeFileSync(file, `${JSON.stringify(contacts, null, 2)}\n`);
  return contacts.length;
}
