import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/security';
import '@pnp/sp/site-groups';
import '@pnp/sp/batching';
import { CheckinType } from '@pnp/sp/files';
import { PermissionKind } from '@pnp/sp/security';
import { internalName, selectFields, type FieldKey } from '../schema';
import type { LibraryTemplate, TemplateStatus, TemplateVersion } from '../model/methods';
import { fromItem, toPayload } from './mapping';
import { hasPermission, httpStatus, odataString, settle, type PermissionMask } from './odata';
import { ifMatch, readAll, spList, type RawItem } from './listItems';
import { ConflictError } from './errors';
import {
  countDownloads, DEFAULT_MAX_TEMPLATE_BYTES, extensionOf, firstPageText, nextRevisionAfter, UPLOAD_CHUNK_BYTES,
  uploadProblem, type FileNameProblem
} from './templates';

/** What the signed-in user may do in the templates library (from SharePoint's effective permissions). */
export interface TemplateRights {
  /** Upload new versions, approve, retire, restore: edit rights on the library. */
  curate: boolean;
}

/** The local preview: the file's details and, where the format allows, its first page as text. */
export interface TemplatePreview {
  lines: string[];
}

export interface UploadProgress {
  /** Bytes sent so far. */
  sent: number;
  total: number;
}

/** A file the service refuses before uploading anything; `problem` says why (for a localised message). */
export class UploadRefusedError extends Error {
  public constructor(public readonly problem: FileNameProblem | 'differentType' | 'serverRefused', message: string) {
    super(message);
    this.name = 'UploadRefusedError';
    Object.setPrototypeOf(this, UploadRefusedError.prototype);
  }
}

export interface ITemplateService {
  rights(): Promise<TemplateRights>;
  /**
   * The library's templates. Without curation rights only approved ones are asked for
   * (`$filter` on the indexed status column); drafts and retired templates are also kept from
   * non-PMO readers by item-level permissions, so a direct query cannot read them either.
   */
  templates(curator: boolean): Promise<LibraryTemplate[]>;
  /** The stored bytes of the current version. */
  content(template: LibraryTemplate): Promise<ArrayBuffer>;
  /** Adds an entry to Template Downloads as the signed-in user. */
  logDownload(template: LibraryTemplate): Promise<void>;
  /** Downloads per template id since `from` (ISO date-time; all time when omitted). Safe past 5,000 entries. */
  downloadCounts(from?: string): Promise<Map<number, number>>;
  preview(template: LibraryTemplate): Promise<TemplatePreview>;
  versions(template: LibraryTemplate): Promise<TemplateVersion[]>;
  restoreVersion(template: LibraryTemplate, label: string): Promise<LibraryTemplate>;
  /** Uploads a new version in chunks with the change note as its check-in comment. */
  uploadNewVersion(template: LibraryTemplate, file: { name: string; size: number; content: Blob | ArrayBuffer | Uint8Array },
    changeNote: string, onProgress?: (p: UploadProgress) => void): Promise<LibraryTemplate>;
  /** Approve (revised today, next revision in a year) or retire; sends the item's ETag. */
  setStatus(template: LibraryTemplate, status: TemplateStatus): Promise<LibraryTemplate>;
}

const TEMPLATE_FIELDS: ReadonlyArray<FieldKey<'methodTemplates'>> = [
  'id', 'fileName', 'fileUrl', 'title', 'description', 'phase', 'category', 'standard', 'language', 'owner',
  'lastRevised', 'nextRevision', 'status', 'templateKey'
];

function mapTemplate(raw: RawItem): LibraryTemplate {
  const t = fromItem<LibraryTemplate>('methodTemplates', raw);
  t.fileName = String(raw[internalName('methodTemplates', 'fileName')] ?? '');
  t.fileUrl = String(raw[internalName('methodTemplates', 'fileUrl')] ?? '');
  const file = raw.File as { Length?: string | number; UIVersionLabel?: string; CheckInComment?: string } | undefined;
  if (file) {
    t.size = Number(file.Length ?? 0);
    t.versionLabel = file.UIVersionLabel;
    t.changeNote = file.CheckInComment || undefined;
  }
  if (!t.status) t.status = 'Draft';
  return t;
}

/** SharePoint's answer to a query past the list view threshold (500, SPQueryThrottledException). */
function isThrottledByThreshold(e: unknown): boolean {
  return httpStatus(e) === 500 && /SPQueryThrottledException|list view threshold/i.test(String((e as Error)?.message ?? ''));
}

/** An ISO date-time as an OData DateTime literal. */
function dateTimeLiteral(iso: string): string {
  return `datetime'${new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}

export class SpTemplateService implements ITemplateService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string,
    private readonly options: { maxBytes?: number; chunkBytes?: number; now?: () => Date } = {}) {}

  private get library(): ReturnType<typeof spList> {
    return spList(this.sp, this.siteUrl, 'methodTemplates');
  }

  private file(t: LibraryTemplate): ReturnType<SPFI['web']['getFileByServerRelativePath']> {
    return this.sp.web.getFileByServerRelativePath(t.fileUrl);
  }

  public async rights(): Promise<TemplateRights> {
    try {
      const mask = await this.library.getCurrentUserEffectivePermissions() as PermissionMask;
      return { curate: hasPermission(mask, PermissionKind.EditListItems) };
    } catch (e) {
      if (httpStatus(e) === 403 || httpStatus(e) === 404) return { curate: false };
      throw e;
    }
  }

  public async templates(curator: boolean): Promise<LibraryTemplate[]> {
    const { select, expand } = selectFields('methodTemplates', TEMPLATE_FIELDS);
    let query = this.library.items.select(...select, 'File/Length', 'File/UIVersionLabel', 'File/CheckInComment').expand(...expand, 'File');
    if (!curator) query = query.filter(`${internalName('methodTemplates', 'status')} eq ${odataString('Approved')}`);
    const rows = await readAll(query);
    return rows.filter((r) => r.FileSystemObjectType === undefined || r.FileSystemObjectType === 0).map(mapTemplate);
  }

  public async byId(id: number): Promise<LibraryTemplate> {
    const { select, expand } = selectFields('methodTemplates', TEMPLATE_FIELDS);
    return mapTemplate(await this.library.items.getById(id)
      .select(...select, 'File/Length', 'File/UIVersionLabel', 'File/CheckInComment').expand(...expand, 'File')<RawItem>());
  }

  public content(template: LibraryTemplate): Promise<ArrayBuffer> {
    return this.file(template).getBuffer();
  }

  public async logDownload(template: LibraryTemplate): Promise<void> {
    const now = (this.options.now ?? (() => new Date()))();
    await spList(this.sp, this.siteUrl, 'templateDownloads').items.add(toPayload('templateDownloads', {
      title: template.fileName, template: template.id, downloadedAt: now.toISOString()
    }));
  }

  /**
   * Threshold-safe at any size: a period's entries are asked for by the indexed date when
   * that narrows the log to at most 5,000 entries; when SharePoint refuses (a busy period past
   * the threshold), the whole log is read in pages of 5,000 by ID, which always runs, and the
   * period is applied here. Only the template id and date of each entry travel.
   */
  public async downloadCounts(from?: string): Promise<Map<number, number>> {
    const log = spList(this.sp, this.siteUrl, 'templateDownloads');
    const templateId = `${internalName('templateDownloads', 'template')}Id`;
    const at = internalName('templateDownloads', 'downloadedAt');
    const all = (): Promise<RawItem[]> => readAll(log.items.select(templateId, at));
    let rows: RawItem[];
    if (from) {
      try {
        rows = await readAll(log.items.select(templateId, at).filter(`${at} ge ${dateTimeLiteral(from)}`));
      } catch (e) {
        if (!isThrottledByThreshold(e)) throw e;
        rows = await all();
      }
    } else {
      rows = await all();
    }
    return countDownloads(rows.map((r) => ({ templateId: r[templateId] as number | undefined, downloadedAt: r[at] as string | undefined })), from);
  }

  public async preview(template: LibraryTemplate): Promise<TemplatePreview> {
    const ext = extensionOf(template.fileName);
    if (['docx', 'dotx', 'docm', 'pptx', 'potx', 'pptm', 'xlsx', 'xltx', 'xlsm'].indexOf(ext) < 0) return { lines: [] };
    const bytes = await this.content(template);
    // Loaded on first preview only: nobody pays for the zip reader who never previews.
    const mod = await import(/* webpackChunkName: 'template-preview' */ 'jszip');
    const JSZip = ((mod as unknown as { default?: typeof mod }).default ?? mod);
    const zip = await JSZip.loadAsync(bytes);
    const names = ['word/document.xml', 'ppt/slides/slide1.xml', 'xl/sharedStrings.xml'];
    const parts = new Map<string, string>();
    for (const n of names) {
      const f = zip.file(n);
      if (f) parts.set(n, await f.async('string'));
    }
    return { lines: firstPageText(ext, (n) => parts.get(n)) };
  }

  public async versions(template: LibraryTemplate): Promise<TemplateVersion[]> {
    const [batched, execute] = this.sp.batched();
    const file = batched.web.getFileByServerRelativePath(template.fileUrl);
    const current = file.select('UIVersionLabel', 'Length', 'CheckInComment', 'TimeLastModified')<{
      UIVersionLabel: string; Length: string; CheckInComment: string; TimeLastModified: string;
    }>();
    const older = file.versions.select('VersionLabel', 'Size', 'CheckInComment', 'Created')<Array<{
      VersionLabel: string; Size: number; CheckInComment: string; Created: string;
    }>>();
    await execute();
    const c = await current;
    const out: TemplateVersion[] = [{ label: c.UIVersionLabel, created: c.TimeLastModified, size: Number(c.Length), changeNote: c.CheckInComment ?? '', isCurrent: true }];
    for (const v of (await older).slice().reverse()) {
      out.push({ label: v.VersionLabel, created: v.Created, size: Number(v.Size), changeNote: v.CheckInComment ?? '', isCurrent: false });
    }
    return out;
  }

  public async restoreVersion(template: LibraryTemplate, label: string): Promise<LibraryTemplate> {
    await this.file(template).versions.restoreByLabel(label);
    return this.byId(template.id);
  }

  public async uploadNewVersion(template: LibraryTemplate, file: { name: string; size: number; content: Blob | ArrayBuffer | Uint8Array },
    changeNote: string, onProgress?: (p: UploadProgress) => void): Promise<LibraryTemplate> {
    const problem = uploadProblem(file.name, file.size, this.options.maxBytes ?? DEFAULT_MAX_TEMPLATE_BYTES);
    if (problem) throw new UploadRefusedError(problem, `${file.name}: ${problem}`);
    if (extensionOf(file.name) !== extensionOf(template.fileName)) {
      throw new UploadRefusedError('differentType', `A new version of ${template.fileName} must be a .${extensionOf(template.fileName)} file.`);
    }
    const target = this.file(template);
    // Checked out while the chunks arrive, so readers never see a half-made version and the
    // check-in makes exactly one new major version, with the change note as its comment.
    await target.checkout();
    let uploadId: string | undefined;
    try {
      await target.setContentChunked(file.content as Blob, {
        chunkSize: this.options.chunkBytes ?? UPLOAD_CHUNK_BYTES,
        progress: (p: { offset: number; uploadId: string }) => {
          uploadId = p.uploadId;
          onProgress?.({ sent: Math.min(Number(p.offset) || 0, file.size), total: file.size });
        }
      });
      await target.checkin(changeNote.trim(), CheckinType.Major);
    } catch (e) {
      // Leave nothing half-written: drop the upload session and the check-out.
      if (uploadId) await settle(target.cancelUpload(uploadId));
      await settle(target.undoCheckout());
      if (httpStatus(e) === 413) throw new UploadRefusedError('serverRefused', 'SharePoint refused the file as too large.');
      throw e;
    }
    onProgress?.({ sent: file.size, total: file.size });
    return this.byId(template.id);
  }

  public async setStatus(template: LibraryTemplate, status: TemplateStatus): Promise<LibraryTemplate> {
    const today = (this.options.now ?? (() => new Date()))().toISOString().slice(0, 10);
    const values: Record<string, unknown> = { status };
    if (status === 'Approved') { values.lastRevised = today; values.nextRevision = nextRevisionAfter(today); }
    const item = this.library.items.getById(template.id);
    try {
      await item.update(toPayload('methodTemplates', values), ifMatch(template.etag, false));
    } catch (e) {
      if (httpStatus(e) === 412) throw new ConflictError<LibraryTemplate>(template, await this.byId(template.id));
      throw e;
    }
    await this.applyItemSecurity(template.id, status);
    return this.byId(template.id);
  }

  /**
   * Approved templates inherit the library's permissions (everyone reads them); drafts and
   * retired templates get their own, without the role assignments that only read, so staff
   * cannot open them even with a hand-made REST query.
   */
  public async applyItemSecurity(itemId: number, status: TemplateStatus): Promise<void> {
    const item = this.library.items.getById(itemId);
    if (status === 'Approved') {
      await item.resetRoleInheritance();
      return;
    }
    await item.breakRoleInheritance(true, true);
    const assignments = await item.roleAssignments.expand('RoleDefinitionBindings')<Array<{
      PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number; RoleTypeKind: number }>;
    }>>();
    // RoleTypeKind 1 Guest (Limited Access), 2 Reader: nothing beyond reading.
    const readOnly = assignments.filter((a) => a.RoleDefinitionBindings.every((r) => r.RoleTypeKind === 1 || r.RoleTypeKind === 2));
    for (const a of readOnly) {
      for (const r of a.RoleDefinitionBindings) await item.roleAssignments.remove(a.PrincipalId, r.Id);
    }
  }
}
