import { Errors } from '../http/errors';
import { is, arg, type Segment } from '../http/path';
import type { Entity } from '../http/format';
import { addNode, deleteNode, readNode, readNodes, updateNode, type Menu, type NavNode } from '../store/navigation';
import { collection, emptyOk, one, onWeb, parseJsonBody, type ApiContext, type Res, type Route } from './context';
import type { Extension } from './extension';

/**
 * `_api/web/navigation/QuickLaunch` and `…/TopNavigationBar`, as `@pnp/sp/navigation` calls them:
 * list (GET), add (POST `{Title, Url, IsVisible}`), one node by `(id)` or `getById(id)`, update
 * (MERGE), delete (DELETE). Child nodes and MoveAfter answer 501.
 */
export const navigationRoute: Route = {
  step(_ctx, res, seg) {
    if (onWeb(res) && is(seg, 'navigation')) return navigationRes();
    return undefined;
  }
};

function navigationRes(): Res {
  const ext: Extension = {
    describe: 'web/navigation',
    step: (ctx, seg) => {
      if (is(seg, 'quickLaunch')) return seg.hasParens ? nodeRes(ctx, 'quicklaunch', Number(arg(seg))) : nodesRes('quicklaunch');
      if (is(seg, 'topNavigationBar')) return seg.hasParens ? nodeRes(ctx, 'topnavigationbar', Number(arg(seg))) : nodesRes('topnavigationbar');
      throw Errors.notImplemented(`'${seg.name}' on web/navigation`);
    },
    finish: () => { throw Errors.notImplemented('web/navigation itself (read QuickLaunch or TopNavigationBar)'); }
  };
  return { k: 'ext', ext };
}

function nodeEntity(ctx: ApiContext, menu: Menu, n: NavNode): Entity {
  const set = menu === 'quicklaunch' ? 'QuickLaunch' : 'TopNavigationBar';
  return {
    type: 'SP.NavigationNode',
    uri: `${ctx.urls.api}/Web/Navigation/${set}(${n.id})`,
    editLink: `Web/Navigation/${set}(${n.id})`,
    props: {
      // [verify] SharePoint's values of AudienceIds, CurrentLCID and IsDocLib for a page link.
      AudienceIds: null, CurrentLCID: 1033, Id: n.id, IsDocLib: false, IsExternal: n.isExternal, IsVisible: n.isVisible,
      ListTemplateType: 0, Title: n.title, Url: n.url
    }
  };
}

function nodesRes(menu: Menu): Res {
  const ext: Extension = {
    describe: `web/navigation/${menu}`,
    step: (ctx, seg) => {
      if (is(seg, 'getById')) return nodeRes(ctx, menu, Number(arg(seg)));
      throw Errors.notImplemented(`'${seg.name}' on web/navigation/${menu}`);
    },
    finish: (ctx) => {
      if (ctx.method === 'GET') return collection(ctx, readNodes(ctx.store, ctx.actor, menu).map((n) => nodeEntity(ctx, menu, n)), 'SP.NavigationNode');
      if (ctx.method === 'POST') {
        const node = addNode(ctx.store, ctx.actor, ctx.urls.origin, menu, parseJsonBody(ctx.req));
        // [verify] the status SharePoint answers an added node with; PnPjs reads the body either way.
        return one(ctx, nodeEntity(ctx, menu, node), 'SP.NavigationNode', 201);
      }
      throw Errors.badRequest(`The HTTP method '${ctx.method}' is not supported on web/navigation/${menu}.`);
    }
  };
  return { k: 'ext', ext };
}

function nodeRes(_ctx: ApiContext, menu: Menu, id: number): Res {
  if (!Number.isInteger(id) || id <= 0) throw Errors.badRequest('A navigation node id is a positive integer.');
  const ext: Extension = {
    describe: `web/navigation/${menu}(${id})`,
    step: (_c, seg: Segment) => { throw Errors.notImplemented(`'${seg.name}' on a navigation node`); },
    finish: (c) => {
      if (c.method === 'GET') return one(c, nodeEntity(c, menu, readNode(c.store, c.actor, menu, id)), 'SP.NavigationNode');
      if (c.method === 'MERGE' || c.method === 'PATCH') {
        updateNode(c.store, c.actor, c.urls.origin, menu, id, parseJsonBody(c.req));
        return emptyOk();
      }
      if (c.method === 'DELETE') {
        deleteNode(c.store, c.actor, menu, id);
        return emptyOk();
      }
      throw Errors.badRequest(`The HTTP method '${c.method}' is not supported on a navigation node.`);
    }
  };
  return { k: 'ext', ext };
}
