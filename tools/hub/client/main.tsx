// Fluent's configuration (fabricConfig.tsx) runs before this module as a script of its own (see tools/hub/build.ts).
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { mergeStyles } from '@fluentui/react';
import { initializeIcons } from '@fluentui/react/lib/Icons';
import { HubApp } from './HubApp';
import { preloadWebPartsOf } from './webParts';

// The icon font comes from our own origin (tools/hub/build.ts copies it), never a CDN.
initializeIcons('/hub/assets/fonts/');
mergeStyles({ selectors: { ':global(body)': { margin: 0 } } });

preloadWebPartsOf(window.location.pathname);

const root = document.getElementById('root');
// The hub is the whole page: its root lives exactly as long as the document, so nothing unmounts it.
// eslint-disable-next-line @rushstack/pair-react-dom-render-unmount
if (root) ReactDom.render(<HubApp />, root);
