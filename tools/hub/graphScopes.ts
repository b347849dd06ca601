import fs from 'fs';
import path from 'path';

/**
 * The Microsoft Graph scopes the solution package asks a tenant admin for
 * (`config/package-solution.json`, `webApiPermissionRequests`): the local hub's Graph grants
 * exactly these, so what works locally is what the package may do on a tenant. Read here, in the
 * hub's start-up, because the local SharePoint itself knows nothing of PMO Hub.
 */
export function packageGraphScopes(file: string = path.resolve(__dirname, '../../config/package-solution.json')): string[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { solution?: { webApiPermissionRequests?: Array<{ resource?: string; scope?: string }> } };
  return (json.solution?.webApiPermissionRequests ?? [])
    .filter((r) => r.resource === 'Microsoft Graph' && typeof r.scope === 'string')
    .map((r) => r.scope as string);
}
