import type { SharePointStore } from './sharepoint';
export function installChangeLog(_store: SharePointStore): void { /* filled in below */ }
