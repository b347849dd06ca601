import type { SharePointStore } from './sharepoint';
export function installAttachments(_store: SharePointStore): void { /* filled in below */ }
