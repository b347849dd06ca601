import { Errors } from '../http/errors';
import type { Segment } from '../http/path';
import type { List } from '../store/types';
import type { ApiContext } from './api';
export function forList(_ctx: ApiContext, _list: List, seg: Segment): never { throw Errors.notImplemented(seg.name); }
export function forWeb(_ctx: ApiContext, seg: Segment): never { throw Errors.notImplemented(seg.name); }
