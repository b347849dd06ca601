import { Errors } from '../http/errors';
import type { Segment } from '../http/path';
import type { List } from '../store/types';
import type { ApiContext } from './api';
export function handle(_ctx: ApiContext, _list: List, seg: Segment): never { throw Errors.notImplemented(seg.name); }
