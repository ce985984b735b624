import { plainInputColumns } from '../../src/claims/claim-input-columns';
import { Claim } from '../../src/claims/claim.entity';
import { DECLARED_ENTRIES } from '../../src/claims/declared-columns';
import { REFERENCE_ENTRIES, idPropertyOf } from '../../src/claims/declared-references';
import { ClaimsService } from '../../src/claims/claims.service';
import { CreateClaimInput } from '../../src/claims/dto/claim-fields.input';
import { UpdateClaimInput } from '../../src/claims/dto/update-claim.input';
import { Actor } from '../../src/core/actor';
import { TestServices, startServices } from '../support/services';

/** A claim's plain fields reach its columns by their declarations, on create and on update, with no list in the services. */
describe('claim input columns (services)', () => {
  let s: TestServices;
  let editor: Actor;
  beforeAll(async () => {
    s = await startServices();
    editor = await s.actorWithRole('EDITOR');
  });
  afterAll(() => s.close());

  it('are the input properties stored as they are: not the shaped ones, not the derived or server-set columns', () => {
    // The statement, every typed-in column declared in declared-columns.ts (hedge…) and every declared reference's id.
    const references = REFERENCE_ENTRIES.map(([name]) => idPropertyOf(name));
    expect(plainInputColumns(s.db.manager).sort()).toEqual(['statement', ...DECLARED_ENTRIES.map(([name]) => name), ...references].sort());
    expect(plainInputColumns(s.db.manager)).toContain('hedge');
  });

  it('are written on create, null when left out, and left alone on update unless given', async () => {
    const claims = s.get(ClaimsService);
    const created = await claims.create(await s.input(CreateClaimInput, { statement: 'Shelling hit the port.' }), editor);
    const stored = async () => s.db.manager.findOneByOrFail(Claim, { id: created.id });
    expect(await stored()).toMatchObject({ statement: 'Shelling hit the port.', hedge: null });
    await claims.update(await s.input(UpdateClaimInput, { id: created.id, version: 1, hedge: 'reportedly' }), editor);
    expect(await stored()).toMatchObject({ statement: 'Shelling hit the port.', hedge: 'reportedly', version: 2 });
    await claims.update(await s.input(UpdateClaimInput, { id: created.id, version: 2, statement: 'Shelling hit the port again.' }), editor);
    expect(await stored()).toMatchObject({ statement: 'Shelling hit the port again.', hedge: 'reportedly', version: 3 });
  });
});
