import { Errors } from '../http/errors';
import type { Segment } from '../http/path';
import type { Item, List } from '../store/types';
import type { ApiContext } from './api';
export function step(_ctx: ApiContext, _list: List, _item: Item, seg: Segment): never { throw Errors.notImplemented(seg.name); }
