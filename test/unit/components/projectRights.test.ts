import { mayChangeItem, projectRights } from '../../../src/components/rights';

// What SharePoint allows on one project's reports and risks (permissionMatrix.test.ts proves the
// server side): the PMO's list rights everywhere, a leader's only in the projects they lead.
describe('projectRights', () => {
  const leaderRights: { add: boolean; edit: boolean; delete: boolean; addLedBy?: number; folderOnly?: boolean } = { add: false, edit: false, delete: false, addLedBy: 7 };

  test('the leader of the project: add, edit and delete there', () => {
    expect(projectRights(leaderRights, { leader: { id: 7 } })).toEqual({ add: true, edit: true, delete: true, addLedBy: 7, folderOnly: true });
  });

  test('another leader\'s project, or a project without a leader: nothing', () => {
    expect(projectRights(leaderRights, { leader: { id: 8 } })).toEqual(leaderRights);
    expect(projectRights(leaderRights, {})).toEqual(leaderRights);
  });

  test('the PMO (rights on the list, no addLedBy) keeps them on every project; a visitor has none', () => {
    expect(projectRights({ add: true, edit: true }, { leader: { id: 8 } })).toEqual({ add: true, edit: true });
    expect(projectRights({ add: false, edit: false }, { leader: { id: 8 } })).toEqual({ add: false, edit: false });
  });

  test('a leader changes the items in the project\'s folder, not those from before the folders at the list\'s root', () => {
    const led = projectRights(leaderRights, { leader: { id: 7 } });
    expect(mayChangeItem(led.edit, led, { inProjectFolder: true })).toBe(true);
    expect(mayChangeItem(led.delete, led, { inProjectFolder: false })).toBe(false);
    expect(mayChangeItem(led.edit, led, {})).toBe(false);
  });

  test('the PMO (list rights) changes an item wherever it lives; nobody without the right does', () => {
    const pmo = projectRights({ ...leaderRights, add: true, edit: true, delete: true }, { leader: { id: 7 } });
    expect(mayChangeItem(pmo.edit, pmo, { inProjectFolder: false })).toBe(true);
    expect(mayChangeItem(false, {}, { inProjectFolder: true })).toBe(false);
  });
});
