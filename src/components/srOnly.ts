import { mergeStyles, hiddenContentStyle } from '@fluentui/react';

/** Visually hidden, read by screen readers: Fluent's own style, so no global CSS is needed. */
export const srOnly: string = mergeStyles(hiddenContentStyle);
