import { Errors } from '../http/errors';
import { is, type Segment } from '../http/path';
import { onWeb, type ApiContext, type Res, type Route } from './context';

/**
 * Endpoints the local SharePoint knows of but does not implement: a 501 that names them, so a
 * gap is visible rather than silent. The dispatcher asks this route last, so a route file that
 * implements one of these takes precedence without editing this list.
 */
export const unsupportedRoute: Route = {
  step(_ctx: ApiContext, res: Res, seg: Segment): undefined {
    if (res.k === 'root') {
      if (is(seg, 'SP.UserProfiles.PeopleManager')) throw Errors.notImplemented('the user profile service (use the Graph subset at /graph/v1.0)');
      if (is(seg, 'search')) throw Errors.notImplemented('SharePoint search (PMO Hub reads lists directly)');
      if (is(seg, 'SP.MoveCopyUtil.MoveFileByPath', 'SP.MoveCopyUtil.CopyFileByPath')) throw Errors.notImplemented('moving and copying files');
    }
    if (onWeb(res)) {
      if (is(seg, 'doesUserHavePermissions')) throw Errors.notImplemented('doesUserHavePermissions (use EffectiveBasePermissions)');
      if (is(seg, 'features')) throw Errors.notImplemented('features');
    }
    if (res.k === 'fields' && is(seg, 'addDependentLookupField')) throw Errors.notImplemented('dependent lookup fields');
    return undefined;
  }
};
