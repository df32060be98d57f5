import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';

interface TextTree {
  text: string | null;
  childNodes?: readonly TextTree[];
}

/**
 * All the text under a rendered node, each element's text separated by a space. The renderer's own `text` is the
 * node's direct text only.
 */
export function textOf(node: TextTree): string {
  if (!node.childNodes) return node.text ?? '';
  return node.childNodes
    .map((child) => textOf(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Fires an input's onChange with `value`, as when the user commits it. trigger() passes its argument on as is; its
 * type declares the handler itself as that argument, hence the cast.
 */
export function commit<V>(node: RenderedElementNode<{ onChange?: (value: V) => void }>, value: V): void {
  node.trigger('onChange', value as never);
}
